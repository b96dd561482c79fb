{{/*
Shared building blocks. Every workload template calls these with a context made by
"chatbot.component": (dict "root" $ "name" "backend" "values" .Values.backend).
*/}}

{{- define "chatbot.namespace" -}}
{{- .Values.global.namespace | default .Release.Namespace -}}
{{- end -}}

{{- define "chatbot.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every object carries. Context: the root. */}}
{{- define "chatbot.commonLabels" -}}
helm.sh/chart: {{ include "chatbot.chart" . }}
app.kubernetes.io/part-of: chatbot
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- with .Values.global.labels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Labels of one component. Context: a component context. */}}
{{- define "chatbot.labels" -}}
{{ include "chatbot.commonLabels" .root }}
{{ include "chatbot.selectorLabels" . }}
app.kubernetes.io/version: {{ .values.image.tag | quote }}
{{- end -}}

{{/* The labels a Service and a PDB select on; they never change after the first release. */}}
{{- define "chatbot.selectorLabels" -}}
app: {{ .name }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{- define "chatbot.image" -}}
{{- $registry := .root.Values.global.imageRegistry -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry .image.repository .image.tag -}}
{{- else -}}
{{- printf "%s:%s" .image.repository .image.tag -}}
{{- end -}}
{{- end -}}

{{/* An httpGet probe from a probes.<kind> block. */}}
{{- define "chatbot.probe" -}}
httpGet:
  path: {{ .path }}
  port: {{ .port }}
{{- with .initialDelaySeconds }}
initialDelaySeconds: {{ . }}
{{- end }}
periodSeconds: {{ .periodSeconds | default 10 }}
timeoutSeconds: {{ .timeoutSeconds | default 1 }}
failureThreshold: {{ .failureThreshold | default 3 }}
{{- with .successThreshold }}
successThreshold: {{ . }}
{{- end }}
{{- end -}}

{{- define "chatbot.podSecurityContext" -}}
{{ toYaml .Values.securityContext.pod }}
{{- end -}}

{{- define "chatbot.containerSecurityContext" -}}
{{ toYaml .Values.securityContext.container }}
{{- end -}}
