import Foundation

/// A chart with `count` services, each a Deployment, Service, HPA and PDB (1,000 services make
/// a 4,000-document render), built from named helpers through `include` the way real charts
/// are (labels, names, images, resources). render-bench renders it; check-bench checks it.
public enum GeneratedChart {
    public static func write(services count: Int, to dir: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/templates", withIntermediateDirectories: true)
        try """
            apiVersion: v2
            name: fleet
            version: 1.0.0
            appVersion: "2.3.4"
            """.write(toFile: dir + "/Chart.yaml", atomically: true, encoding: .utf8)
        var values = "global:\n  registry: registry.example.com\n  labels:\n    team: platform\nservices:\n"
        for i in 0..<count {
            let name = String(format: "svc%04d", i)
            values += """
                  \(name):
                    image:
                      repository: fleet/\(name)
                      tag: "1.\(i % 7).\(i % 13)"
                    port: \(8000 + i % 100)
                    replicas: \(1 + i % 3)
                    resources:
                      limits: {cpu: \(200 + i % 5 * 100)m, memory: \(256 + i % 4 * 128)Mi}
                      requests: {cpu: 50m, memory: 64Mi}
                    hpa: {min: 2, max: \(4 + i % 6), cpu: 70}
                    env:
                      LOG_LEVEL: info
                      SERVICE_NAME: \(name)

                """
        }
        try values.write(toFile: dir + "/values.yaml", atomically: true, encoding: .utf8)
        try helpers.write(toFile: dir + "/templates/_helpers.tpl", atomically: true, encoding: .utf8)
        try services.write(toFile: dir + "/templates/services.yaml", atomically: true, encoding: .utf8)
    }

    static let helpers = """
        {{- define "fleet.fullname" -}}
        {{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
        {{- end -}}
        {{- define "fleet.selectorLabels" -}}
        app.kubernetes.io/name: {{ .name }}
        app.kubernetes.io/instance: {{ .root.Release.Name }}
        {{- end -}}
        {{- define "fleet.labels" -}}
        helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
        {{ include "fleet.selectorLabels" . }}
        app.kubernetes.io/version: {{ .svc.image.tag | quote }}
        app.kubernetes.io/managed-by: {{ .root.Release.Service }}
        {{- with .root.Values.global.labels }}
        {{ toYaml . }}
        {{- end }}
        {{- end -}}
        {{- define "fleet.image" -}}
        {{- printf "%s/%s:%s" .root.Values.global.registry .svc.image.repository (.svc.image.tag | default "latest") -}}
        {{- end -}}
        {{- define "fleet.deployment" -}}
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "fleet.fullname" . }}
          labels:
            {{- include "fleet.labels" . | nindent 4 }}
        spec:
          replicas: {{ .svc.replicas }}
          selector:
            matchLabels:
              {{- include "fleet.selectorLabels" . | nindent 6 }}
          template:
            metadata:
              labels:
                {{- include "fleet.labels" . | nindent 8 }}
            spec:
              containers:
                - name: {{ .name }}
                  image: {{ include "fleet.image" . }}
                  ports:
                    - containerPort: {{ .svc.port }}
                  env:
                    {{- range $k, $v := .svc.env }}
                    - name: {{ $k }}
                      value: {{ $v | quote }}
                    {{- end }}
                  resources:
                    {{- toYaml .svc.resources | nindent 12 }}
        {{- end -}}
        {{- define "fleet.service" -}}
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ include "fleet.fullname" . }}
          labels:
            {{- include "fleet.labels" . | nindent 4 }}
        spec:
          selector:
            {{- include "fleet.selectorLabels" . | nindent 4 }}
          ports:
            - port: {{ .svc.port }}
              targetPort: {{ .svc.port }}
        {{- end -}}
        {{- define "fleet.hpa" -}}
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: {{ include "fleet.fullname" . }}
          labels:
            {{- include "fleet.labels" . | nindent 4 }}
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: {{ include "fleet.fullname" . }}
          minReplicas: {{ .svc.hpa.min }}
          maxReplicas: {{ .svc.hpa.max }}
          metrics:
            - type: Resource
              resource:
                name: cpu
                target:
                  type: Utilization
                  averageUtilization: {{ .svc.hpa.cpu }}
        {{- end -}}
        {{- define "fleet.pdb" -}}
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: {{ include "fleet.fullname" . }}
          labels:
            {{- include "fleet.labels" . | nindent 4 }}
        spec:
          minAvailable: 1
          selector:
            matchLabels:
              {{- include "fleet.selectorLabels" . | nindent 6 }}
        {{- end -}}
        """

    static let services = """
        {{- range $name, $svc := .Values.services }}
        {{- $ctx := dict "root" $ "name" $name "svc" $svc }}
        ---
        {{ include "fleet.deployment" $ctx }}
        ---
        {{ include "fleet.service" $ctx }}
        ---
        {{ include "fleet.hpa" $ctx }}
        ---
        {{ include "fleet.pdb" $ctx }}
        {{- end }}
        """
}
