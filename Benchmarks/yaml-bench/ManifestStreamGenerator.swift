/// Generates a realistic multi-document Kubernetes manifest stream: Deployments with probes,
/// resources and env, Services, and ConfigMaps with multi-line data, about 2 KB per object.
struct ManifestStreamGenerator {
    var objects: Int

    func generate() -> String {
        var out = ""
        out.reserveCapacity(objects * 2200)
        for i in 0..<objects {
            if i > 0 { out += "---\n" }
            switch i % 4 {
            case 0, 1: out += deployment(i)
            case 2: out += service(i)
            default: out += configMap(i)
            }
        }
        return out
    }

    func deployment(_ i: Int) -> String {
        """
        # Source: chatbot/templates/deployment-\(i).yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: service-\(i)
          namespace: chatbot-dev
          labels:
            app.kubernetes.io/name: service-\(i)
            app.kubernetes.io/instance: chatbot
            app.kubernetes.io/managed-by: Helm
            helm.sh/chart: chatbot-0.1.0
          annotations:
            checksum/config: 5f2b3c9d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c
        spec:
          revisionHistoryLimit: 10
          selector:
            matchLabels:
              app.kubernetes.io/name: service-\(i)
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
          template:
            metadata:
              labels:
                app.kubernetes.io/name: service-\(i)
              annotations:
                prometheus.io/scrape: "true"
                prometheus.io/port: "8000"
            spec:
              serviceAccountName: service-\(i)
              securityContext:
                runAsNonRoot: true
                runAsUser: 10001
              containers:
              - name: app
                image: "registry.example.com/todo-chatbot/backend:1.4.\(i % 50)"
                imagePullPolicy: IfNotPresent
                ports:
                - name: http
                  containerPort: 8000
                  protocol: TCP
                env:
                - name: LOG_LEVEL
                  value: info
                - name: DATABASE_URL
                  valueFrom:
                    secretKeyRef: {name: db, key: url}
                - name: FEATURE_FLAGS
                  value: 'search,chat,"beta"'
                - name: OTEL_EXPORTER_OTLP_ENDPOINT
                  value: http://otel-collector.observability.svc.cluster.local:4317
                - name: POD_NAME
                  valueFrom:
                    fieldRef:
                      fieldPath: metadata.name
                - name: GOMAXPROCS
                  valueFrom:
                    resourceFieldRef:
                      resource: limits.cpu
                      divisor: "1"
                volumeMounts:
                - name: config
                  mountPath: /etc/chatbot
                  readOnly: true
                - name: tmp
                  mountPath: /tmp
                livenessProbe:
                  httpGet: {path: /health, port: http}
                  initialDelaySeconds: 10
                  periodSeconds: 10
                  failureThreshold: 3
                readinessProbe:
                  httpGet:
                    path: /ready
                    port: http
                  periodSeconds: 5
                resources:
                  requests:
                    cpu: 250m
                    memory: 256Mi
                  limits:
                    cpu: "1"
                    memory: 512Mi
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities:
                    drop: [ALL]
              volumes:
              - name: config
                configMap:
                  name: service-\(i)-config
              - name: tmp
                emptyDir: {}
              topologySpreadConstraints:
              - maxSkew: 1
                topologyKey: kubernetes.io/hostname
                whenUnsatisfiable: ScheduleAnyway
                labelSelector:
                  matchLabels:
                    app.kubernetes.io/name: service-\(i)
              tolerations:
              - key: node.kubernetes.io/not-ready
                operator: Exists
                effect: NoExecute
                tolerationSeconds: 300

        """
    }

    func service(_ i: Int) -> String {
        """
        # Source: chatbot/templates/service-\(i).yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: service-\(i)
          namespace: chatbot-dev
          labels:
            app.kubernetes.io/name: service-\(i)
            app.kubernetes.io/instance: chatbot
        spec:
          type: ClusterIP
          selector:
            app.kubernetes.io/name: service-\(i)
          ports:
          - name: http
            port: 80
            targetPort: http
            protocol: TCP

        """
    }

    func configMap(_ i: Int) -> String {
        """
        # Source: chatbot/templates/configmap-\(i).yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: service-\(i)-config
          namespace: chatbot-dev
        data:
          LOG_FORMAT: json
          MAX_CONNECTIONS: "100"
          ENABLE_CACHE: "true"
          greeting: "Hello, wörld — \(i)"
          app.properties: |
            server.port=8000
            server.shutdown=graceful
            spring.datasource.url=jdbc:postgresql://db:5432/todo
            # a comment inside a block scalar
            cache.ttl=300
            logging.level.root=INFO
            logging.level.com.example.todo=DEBUG
            management.endpoints.web.exposure.include=health,info,prometheus
            management.endpoint.health.probes.enabled=true
            spring.jpa.hibernate.ddl-auto=validate
            spring.jpa.properties.hibernate.dialect=org.hibernate.dialect.PostgreSQLDialect
            chatbot.model=small
            chatbot.max-tokens=512
            chatbot.temperature=0.2
            chatbot.system-prompt=You are a helpful assistant that manages a todo list.
          banner.txt: |2
             _____         _         ____ _           _   _           _
            |_   _|__   __| | ___   / ___| |__   __ _| |_| |__   ___ | |_
              | |/ _ \\ / _` |/ _ \\ | |   | '_ \\ / _` | __| '_ \\ / _ \\| __|
              | | (_) | (_| | (_) | | |___| | | | (_| | |_| |_) | (_) | |_
              |_|\\___/ \\__,_|\\___/   \\____|_| |_|\\__,_|\\__|_.__/ \\___/ \\__|
          long-description: >
            The todo chatbot answers questions about your tasks, creates new ones from plain
            language, and reminds you of what is due. This text is folded by YAML into a single
            line, the way long descriptions often are in configuration.
          routes.json: '{"routes":[{"path":"/api","service":"backend-service","port":8000},{"path":"/","service":"frontend","port":3000}]}'
          nginx.conf: |-
            server {
              listen 3000;
              location / { proxy_pass http://backend-service:8000; }
            }

        """
    }
}
