/// Hand-written manifests the differential tests build overlays on: a small application with
/// the kinds kustomize treats specially (workloads, Services, RBAC, HPA, PDB, CronJob, Ingress).
enum Fixtures {
    static let app = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              serviceAccountName: runner
              containers:
              - name: web
                image: nginx:1.25
                ports:
                - containerPort: 80
                  name: http
                env:
                - name: MODE
                  value: "fast"
                - name: TOKEN
                  valueFrom:
                    secretKeyRef:
                      name: creds
                      key: token
                envFrom:
                - configMapRef:
                    name: settings
                volumeMounts:
                - name: cfg
                  mountPath: /etc/cfg
              - name: sidecar
                image: busybox
                args: ["sleep", "3600"]
              initContainers:
              - name: init
                image: registry.example.com:5000/tools/init:v1@sha256:abc
              volumes:
              - name: cfg
                configMap:
                  name: settings
              topologySpreadConstraints:
              - maxSkew: 1
                topologyKey: kubernetes.io/hostname
                whenUnsatisfiable: ScheduleAnyway
                labelSelector:
                  matchLabels:
                    app: web
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
          - name: http
            port: 80
            targetPort: http
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          level: info
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: creds
        type: Opaque
        data:
          token: c2VjcmV0
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: runner
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: reader
        rules:
        - apiGroups: [""]
          resources: ["configmaps"]
          resourceNames: ["settings"]
          verbs: ["get", "list"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: reader
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: reader
        subjects:
        - kind: ServiceAccount
          name: runner
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: web
          minReplicas: 2
          maxReplicas: 5
          metrics:
          - type: Resource
            resource:
              name: cpu
              target:
                type: Utilization
                averageUtilization: 70
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: web
        spec:
          minAvailable: 1
          selector:
            matchLabels:
              app: web
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: tick
        spec:
          schedule: "*/5 * * * *"
          concurrencyPolicy: Forbid
          jobTemplate:
            spec:
              template:
                spec:
                  serviceAccountName: runner
                  restartPolicy: Never
                  containers:
                  - name: tick
                    image: busybox:1.36
                    envFrom:
                    - configMapRef:
                        name: settings
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: web
          selector:
            matchLabels:
              app: db
          template:
            metadata:
              labels:
                app: db
            spec:
              containers:
              - name: db
                image: postgres:16
          volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              accessModes: ["ReadWriteOnce"]
              resources:
                requests:
                  storage: 1Gi
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
        spec:
          tls:
          - secretName: creds
          rules:
          - http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service:
                    name: web
                    port:
                      number: 80

        """
}
