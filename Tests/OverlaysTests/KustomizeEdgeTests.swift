import XCTest

/// Corners of kustomize's behaviour real manifests reach: scalar typing, list kinds, more name
/// references, merge keys, and kinds that are not namespaced.
final class KustomizeEdgeTests: XCTestCase {
    private func same(_ files: [String: String], _ name: String = #function, file: StaticString = #filePath, line: UInt = #line) throws {
        try KustomizeOracle.assertSame(files, name, file: file, line: line)
    }

    func testScalarTypingAndQuoting() throws {
        try same([
            "kustomization.yaml": "resources:\n- r.yaml\ncommonLabels:\n  v: \"1.0\"\n",
            "r.yaml": """
                apiVersion: x.io/v1
                kind: Thing
                metadata:
                  name: t
                  labels:
                    num: 1.0
                    flag: yes
                  annotations:
                    n: 0x10
                    e: ""
                spec:
                  a: yes
                  b: on
                  c: 0x1F
                  d: 1_000
                  e: 017
                  f: "quoted"
                  g: 1.50
                  h: ~
                  i: 'single'
                  j: |
                    block
                    text
                  k: "line\\nbreak"
                  l: [1, two, "3"]
                  m: {}
                  n: []
                  o: True
                  p: 12345678901
                  q: -0.0
                  r: 1e3
                  s: "@at"
                  t: '*star'
                  u: "- dash"
                  w: "key: value"
                  x: "#hash"

                """,
        ])
    }

    func testListKindAndMultipleDocumentsWithComments() throws {
        try same([
            "kustomization.yaml": "resources:\n- list.yaml\nnamePrefix: l-\n",
            "list.yaml": """
                # a leading comment
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: one
                - apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: two
                ---
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: s # trailing comment
                spec:
                  ports:
                  - port: 1

                """,
        ])
    }

    func testClusterScopedKindsAndNamespaces() throws {
        try same([
            "kustomization.yaml": "resources:\n- r.yaml\nnamespace: team\nnamePrefix: t-\ncommonLabels:\n  a: b\n",
            "r.yaml": """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: old
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: view-things
                rules: []
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: view-things
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: view-things
                subjects:
                - kind: ServiceAccount
                  name: default
                  namespace: elsewhere
                - kind: ServiceAccount
                  name: bot
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: bot
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: things.x.io
                spec:
                  group: x.io
                ---
                apiVersion: scheduling.k8s.io/v1
                kind: PriorityClass
                metadata:
                  name: high
                value: 1000
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                spec:
                  storageClassName: fast
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: fast
                provisioner: x
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                spec:
                  priorityClassName: high
                  serviceAccountName: bot
                  containers:
                  - name: c
                    image: nginx
                  volumes:
                  - name: d
                    persistentVolumeClaim:
                      claimName: data
                ---
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata:
                  name: hook
                webhooks:
                - name: hook.x.io
                  clientConfig:
                    service:
                      name: hooksvc
                      namespace: default
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: hooksvc
                spec:
                  ports:
                  - port: 443

                """,
        ])
    }

    func testMergeKeysForPortsMountsAndCronJobImages() throws {
        try same([
            "kustomization.yaml": """
                resources:
                - app.yaml
                images:
                - name: busybox
                  newTag: "9"
                patches:
                - patch: |-
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: web
                    spec:
                      template:
                        spec:
                          containers:
                          - name: web
                            ports:
                            - containerPort: 80
                              name: renamed
                            - containerPort: 9090
                              name: metrics
                            volumeMounts:
                            - mountPath: /etc/cfg
                              readOnly: true
                            - mountPath: /tmp
                              name: tmp
                          volumes:
                          - name: tmp
                            emptyDir: {}
                          tolerations:
                          - key: a
                            operator: Exists
                - patch: |-
                    apiVersion: v1
                    kind: Service
                    metadata:
                      name: web
                    spec:
                      ports:
                      - port: 80
                        targetPort: 8080
                      selector:
                        $patch: replace
                        only: me
                - patch: |-
                    apiVersion: batch/v1
                    kind: CronJob
                    metadata:
                      name: tick
                    spec:
                      schedule: "0 * * * *"
                      jobTemplate:
                        spec:
                          template:
                            spec:
                              containers:
                              - name: tick
                                args: [a, b]
                ---
                """.replacingOccurrences(of: "\n---", with: ""),
            "app.yaml": Fixtures.app,
        ])
    }

    func testSeveralStrategicPatchesInOneEntryAndYAMLJSONPatch() throws {
        try same([
            "kustomization.yaml": """
                resources:
                - app.yaml
                patches:
                - path: many.yaml
                - target:
                    kind: ConfigMap|Secret
                  patch: |-
                    - op: add
                      path: /metadata/labels
                      value: {touched: "true"}

                """,
            "many.yaml": """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  added: "1"
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: creds
                stringData:
                  extra: plain

                """,
            "app.yaml": Fixtures.app,
        ])
    }

    func testRenamedStatefulSetServiceAndIngressBackends() throws {
        try same(["kustomization.yaml": "resources:\n- app.yaml\nnameSuffix: -blue\nnamespace: blue\n", "app.yaml": Fixtures.app])
    }

    func testOverlayMergesIntoABaseGeneratorAndStacksPrefixes() throws {
        try same([
            "base/kustomization.yaml": """
                resources:
                - app.yaml
                namePrefix: base-
                configMapGenerator:
                - name: flags
                  literals:
                  - A=1
                  - B=2

                """,
            "base/app.yaml": Fixtures.app
                .replacingOccurrences(of: "kind: ConfigMap\nmetadata:\n  name: settings", with: "kind: ConfigMap\nmetadata:\n  name: unused")
                .replacingOccurrences(of: "name: settings", with: "name: flags"),
            "kustomization.yaml": """
                resources:
                - base
                namePrefix: top-
                namespace: stacked
                configMapGenerator:
                - name: flags
                  behavior: merge
                  literals:
                  - B=20
                  - C=3
                secretGenerator:
                - name: creds
                  behavior: replace
                  literals:
                  - token=new

                """,
        ])
    }

    func testUnquotedNumericTagsAndRegexTargets() throws {
        try same([
            "kustomization.yaml": """
                resources:
                - app.yaml
                images:
                - name: nginx
                  newTag: "1.20"
                - name: postgres
                  newTag: "16"
                patches:
                - target:
                    group: apps|batch
                    name: (web|tick)
                  patch: |-
                    - op: add
                      path: /metadata/annotations
                      value:
                        matched: "yes"
                - target:
                    version: v1
                    kind: Serv.*
                  patch: |-
                    apiVersion: v1
                    kind: Service
                    metadata:
                      name: whatever
                    spec:
                      sessionAffinity: ClientIP
                      newMap:
                        keep: 1
                        drop: null
                labels:
                - pairs:
                    sel: "on"
                  includeSelectors: true

                """,
            "app.yaml": Fixtures.app + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: headless\nspec:\n  type: ExternalName\n  externalName: x.example.com\n",
        ])
    }

    func testTargetsThatSelectNothingAndEmptyKustomizations() throws {
        try same([
            "kustomization.yaml": """
                resources:
                - app.yaml
                patches:
                - target:
                    kind: DaemonSet
                  patch: |-
                    - op: remove
                      path: /spec
                - target:
                    labelSelector: app=nothing
                  patch: |-
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: x
                    data:
                      a: b

                """,
            "app.yaml": Fixtures.app,
        ])
        try same(["kustomization.yaml": "namespace: only\n"])
        try same(["kustomization.yaml": "resources: []\ncommonLabels:\n  a: b\nconfigMapGenerator:\n- name: lone\nsecretGenerator:\n- name: empty\n"])
    }
}
