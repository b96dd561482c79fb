import XCTest

/// Each kustomization field against the real `kubectl kustomize`: the same directory must give
/// byte-identical output.
final class KustomizeFieldTests: XCTestCase {
    private func same(_ kustomization: String, extra: [String: String] = [:], _ name: String = #function,
                      file: StaticString = #filePath, line: UInt = #line) throws {
        var files = extra
        files["app.yaml"] = files["app.yaml"] ?? Fixtures.app
        files["kustomization.yaml"] = kustomization
        try KustomizeOracle.assertSame(files, name, file: file, line: line)
    }

    func testResourcesAloneKeepContentAndLegacyOrder() throws {
        try same("resources:\n- app.yaml\n")
    }

    func testNamespaceMovesObjectsAndSubjects() throws {
        try same("resources:\n- app.yaml\nnamespace: chatbot-dev\n")
    }

    func testNamePrefixAndSuffixRewriteReferences() throws {
        try same("resources:\n- app.yaml\nnamePrefix: dev-\nnameSuffix: -v2\n")
    }

    func testNamespaceWithPrefix() throws {
        try same("resources:\n- app.yaml\nnamespace: prod\nnamePrefix: p-\n")
    }

    func testCommonLabelsReachSelectorsAndTemplates() throws {
        try same("resources:\n- app.yaml\ncommonLabels:\n  env: dev\n  team: chat\n")
    }

    func testLabelsWithoutSelectors() throws {
        try same("resources:\n- app.yaml\nlabels:\n- pairs:\n    env: dev\n")
    }

    func testLabelsIncludeTemplates() throws {
        try same("resources:\n- app.yaml\nlabels:\n- pairs:\n    env: dev\n  includeTemplates: true\n")
    }

    func testLabelsIncludeSelectors() throws {
        try same("resources:\n- app.yaml\nlabels:\n- pairs:\n    env: dev\n  includeSelectors: true\n- pairs:\n    owner: me\n")
    }

    func testCommonAnnotations() throws {
        try same("resources:\n- app.yaml\ncommonAnnotations:\n  note: \"hello world\"\n  num: \"3\"\n")
    }

    func testImagesNewTagNewNameDigest() throws {
        try same("""
            resources:
            - app.yaml
            images:
            - name: nginx
              newTag: "1.27"
            - name: busybox
              newName: docker.io/library/busybox
              newTag: "1.37"
            - name: postgres
              digest: sha256:0123456789abcdef
            - name: registry.example.com:5000/tools/init
              newName: ghcr.io/tools/init
              newTag: v2

            """)
    }

    func testReplicas() throws {
        try same("resources:\n- app.yaml\nreplicas:\n- name: web\n  count: 4\n- name: db\n  count: 3\n")
    }

    func testStrategicMergePatchInlineByTarget() throws {
        try same("""
            resources:
            - app.yaml
            patches:
            - target:
                kind: Deployment
                name: web
              patch: |-
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ignored
                spec:
                  template:
                    spec:
                      containers:
                      - name: web
                        resources:
                          limits:
                            cpu: 500m
                        env:
                        - name: EXTRA
                          value: "1"
                        - name: MODE
                          value: slow
                      - name: added
                        image: alpine:3

            """)
    }

    func testStrategicMergePatchFromFileWithoutTarget() throws {
        try same("resources:\n- app.yaml\npatches:\n- path: patch.yaml\n", extra: ["patch.yaml": """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              type: NodePort
              ports:
              - port: 80
                nodePort: 30080
              - port: 443
                name: https
            """])
    }

    func testStrategicMergeDirectives() throws {
        try same("""
            resources:
            - app.yaml
            patches:
            - patch: |-
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels:
                    app: null
                spec:
                  template:
                    spec:
                      containers:
                      - name: sidecar
                        $patch: delete
                      volumes:
                      - $patch: replace
                      - name: other
                        emptyDir: {}
                      topologySpreadConstraints:
                      - topologyKey: kubernetes.io/hostname
                        whenUnsatisfiable: ScheduleAnyway
                        maxSkew: 2
            - patch: |-
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  $patch: replace
                  only: this
            - patch: |-
                $patch: delete
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web

            """)
    }

    func testJSON6902PatchesInlineAndByLabelSelector() throws {
        try same("""
            resources:
            - app.yaml
            patches:
            - target:
                group: apps
                version: v1
                kind: Deployment
                name: w.*
              patch: |-
                - op: replace
                  path: /spec/template/spec/containers/0/image
                  value: nginx:9
                - op: add
                  path: /spec/template/spec/containers/0/args
                  value: ["--a", "--b"]
                - op: remove
                  path: /spec/template/spec/containers/1
            - target:
                labelSelector: app=web
              patch: |-
                - op: add
                  path: /metadata/annotations
                  value:
                    patched: "yes"
            - target:
                kind: HorizontalPodAutoscaler
              patch: '[{"op": "replace", "path": "/spec/maxReplicas", "value": 9}, {"op": "copy", "from": "/spec/minReplicas", "path": "/spec/extra"}, {"op": "move", "from": "/spec/extra", "path": "/spec/moved"}, {"op": "test", "path": "/spec/maxReplicas", "value": 9}]'

            """)
    }

    func testPatchTargetsByAnnotationSelectorAndNamespace() throws {
        let extra = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: tagged
              namespace: other
              annotations:
                tier: gold
            data:
              a: "1"

            """
        try same("""
            resources:
            - app.yaml
            - extra.yaml
            patches:
            - target:
                annotationSelector: tier=gold
              patch: |-
                - op: add
                  path: /data/b
                  value: "2"
            - target:
                namespace: default
                kind: ConfigMap
              patch: |-
                - op: add
                  path: /data/inDefault
                  value: "yes"
            - target:
                kind: ConfigMap
                namespace: other
              patch: |-
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: x
                data:
                  c: "3"

            """, extra: ["extra.yaml": extra])
    }

    func testLegacyPatchFields() throws {
        try same("""
            resources:
            - app.yaml
            patchesStrategicMerge:
            - sm.yaml
            - |-
              apiVersion: v1
              kind: ServiceAccount
              metadata:
                name: runner
                annotations:
                  inline: "true"
            patchesJson6902:
            - target:
                group: apps
                version: v1
                kind: StatefulSet
                name: db
              path: json.yaml

            """, extra: [
                "sm.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 7\n",
                "json.yaml": "- op: replace\n  path: /spec/serviceName\n  value: other\n",
            ])
    }

    func testConfigMapGeneratorHashAndReferences() throws {
        try same("""
            resources:
            - app.yaml
            namePrefix: x-
            configMapGenerator:
            - name: generated
              literals:
              - A=1
              - B="quoted value"
              - C=with=equals
              files:
              - config.json
              - renamed.txt=notes.txt
              envs:
              - app.env
            - name: settings
              behavior: merge
              literals:
              - level=debug
            secretGenerator:
            - name: creds
              behavior: replace
              literals:
              - token=s3cr3t<&>
            - name: tls
              type: kubernetes.io/tls
              files:
              - tls.crt=notes.txt
              - tls.key=notes.txt

            """, extra: [
                "config.json": "{\"a\": [1, 2], \"html\": \"<b>\"}\n",
                "notes.txt": "line one\nline two\n",
                "app.env": "# comment\nX=1\n  Y=two words\nEMPTY=\n",
            ])
    }

    func testGeneratedObjectsRenameReferencesInWorkloads() throws {
        let app = Fixtures.app.replacingOccurrences(of: "kind: ConfigMap\nmetadata:\n  name: settings", with: "kind: ConfigMap\nmetadata:\n  name: unused")
        try same("""
            resources:
            - app.yaml
            configMapGenerator:
            - name: settings
              literals:
              - level=warn
            secretGenerator:
            - name: creds
              literals:
              - token=abc

            """, extra: ["app.yaml": app.replacingOccurrences(of: "kind: Secret\nmetadata:\n  name: creds", with: "kind: Secret\nmetadata:\n  name: unused")])
    }

    func testGeneratorOptions() throws {
        try same("""
            resources:
            - app.yaml
            generatorOptions:
              disableNameSuffixHash: true
              labels:
                generated: "true"
              annotations:
                note: gen
            configMapGenerator:
            - name: plain
              literals:
              - k=v
            - name: hashed
              options:
                disableNameSuffixHash: false
                labels:
                  own: label
              literals:
              - k=v
            - name: frozen
              options:
                immutable: true
              literals:
              - k=v

            """)
    }

    func testEverythingTogether() throws {
        try same("""
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
            - app.yaml
            namespace: chatbot-prod
            namePrefix: prod-
            labels:
            - pairs:
                app.kubernetes.io/part-of: chatbot
              includeSelectors: false
              includeTemplates: true
            commonLabels:
              env: prod
            commonAnnotations:
              owner: platform
            images:
            - name: nginx
              newTag: "1.27.1"
            replicas:
            - name: db
              count: 2
            configMapGenerator:
            - name: flags
              literals:
              - FEATURE=on
            patches:
            - target:
                kind: Deployment
              patch: |-
                - op: add
                  path: /spec/template/spec/containers/0/envFrom/-
                  value:
                    configMapRef:
                      name: flags

            """)
    }

    func testNestedKustomizationAsResource() throws {
        try same("resources:\n- base\n- app.yaml\nnamePrefix: top-\ncommonLabels:\n  layer: top\n", extra: [
            "app.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: top-level\n",
            "base/app.yaml": Fixtures.app,
            "base/kustomization.yaml": "resources:\n- app.yaml\nnamespace: base-ns\ncommonAnnotations:\n  from: base\n",
        ])
    }
}
