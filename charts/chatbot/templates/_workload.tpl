{{/*
One web workload: ConfigMap, Deployment, Service, HPA and PDB for a component.
Context: (dict "root" $ "name" NAME "values" VALUES).
*/}}
{{- define "chatbot.workload" -}}
{{- $c := . -}}
{{- $v := .values -}}
{{- $root := .root -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .name }}-config
  namespace: {{ include "chatbot.namespace" $root }}
  labels:
    {{- include "chatbot.labels" $c | nindent 4 }}
data:
  {{- range $key, $value := $v.config }}
  {{ $key }}: {{ $value | toString | quote }}
  {{- end }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .name }}-deployment
  namespace: {{ include "chatbot.namespace" $root }}
  labels:
    {{- include "chatbot.labels" $c | nindent 4 }}
spec:
  {{- if not $v.hpa.enabled }}
  replicas: {{ $v.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "chatbot.selectorLabels" $c | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "chatbot.labels" $c | nindent 8 }}
      annotations:
        checksum/config: {{ toJson $v.config | sha256sum }}
        {{- if $v.metrics.enabled }}
        prometheus.io/scrape: "true"
        prometheus.io/port: {{ $v.service.port | quote }}
        prometheus.io/path: {{ $v.metrics.path }}
        {{- end }}
    spec:
      securityContext:
        {{- include "chatbot.podSecurityContext" $root | nindent 8 }}
      topologySpreadConstraints:
        - maxSkew: {{ $root.Values.topologySpread.maxSkew }}
          topologyKey: {{ $root.Values.topologySpread.topologyKey }}
          whenUnsatisfiable: {{ $root.Values.topologySpread.whenUnsatisfiable }}
          labelSelector:
            matchLabels:
              {{- include "chatbot.selectorLabels" $c | nindent 14 }}
      containers:
        - name: {{ .name }}
          image: {{ include "chatbot.image" (dict "root" $root "image" $v.image) }}
          imagePullPolicy: {{ $v.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $v.service.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ .name }}-config
          livenessProbe:
            {{- include "chatbot.probe" $v.probes.liveness | nindent 12 }}
          readinessProbe:
            {{- include "chatbot.probe" $v.probes.readiness | nindent 12 }}
          {{- with $v.probes.startup }}
          startupProbe:
            {{- include "chatbot.probe" . | nindent 12 }}
          {{- end }}
          resources:
            {{- toYaml $v.resources | nindent 12 }}
          securityContext:
            {{- include "chatbot.containerSecurityContext" $root | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ .name }}-service
  namespace: {{ include "chatbot.namespace" $root }}
  labels:
    {{- include "chatbot.labels" $c | nindent 4 }}
spec:
  type: {{ $v.service.type }}
  selector:
    {{- include "chatbot.selectorLabels" $c | nindent 4 }}
  ports:
    - name: http
      port: {{ $v.service.port }}
      targetPort: http
      protocol: TCP
      {{- if and (eq $v.service.type "NodePort") $v.service.nodePort }}
      nodePort: {{ $v.service.nodePort }}
      {{- end }}
{{- if $v.hpa.enabled }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ .name }}-hpa
  namespace: {{ include "chatbot.namespace" $root }}
  labels:
    {{- include "chatbot.labels" $c | nindent 4 }}
  {{- with $v.hpa.schedules }}
  annotations:
    shipshape.dev/schedules: {{ toJson . | quote }}
  {{- end }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ .name }}-deployment
  minReplicas: {{ $v.hpa.minReplicas }}
  maxReplicas: {{ $v.hpa.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $v.hpa.cpuThreshold }}
    {{- if $v.hpa.memoryThreshold }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ $v.hpa.memoryThreshold }}
    {{- end }}
  behavior:
    scaleUp:
      stabilizationWindowSeconds: {{ $v.hpa.scaleUp.stabilizationWindowSeconds }}
      selectPolicy: Max
      policies:
        - type: Percent
          value: {{ $v.hpa.scaleUp.percent }}
          periodSeconds: {{ $v.hpa.scaleUp.periodSeconds }}
        {{- with $v.hpa.scaleUp.pods }}
        - type: Pods
          value: {{ . }}
          periodSeconds: {{ $v.hpa.scaleUp.periodSeconds }}
        {{- end }}
    scaleDown:
      stabilizationWindowSeconds: {{ $v.hpa.scaleDown.stabilizationWindowSeconds }}
      policies:
        - type: Percent
          value: {{ $v.hpa.scaleDown.percent }}
          periodSeconds: {{ $v.hpa.scaleDown.periodSeconds }}
{{- end }}
{{- if $v.pdb.enabled }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ .name }}-pdb
  namespace: {{ include "chatbot.namespace" $root }}
  labels:
    {{- include "chatbot.labels" $c | nindent 4 }}
spec:
  minAvailable: {{ $v.pdb.minAvailable }}
  selector:
    matchLabels:
      {{- include "chatbot.selectorLabels" $c | nindent 6 }}
{{- end }}
{{- end -}}
