{{/*
The permissions each Shipshape job needs, and nothing more: namespace-scoped, no wildcards,
no Secrets (the git credentials are mounted, which needs no RBAC), no cluster-wide delete.
*/}}
{{- define "chatbot.jobRules" -}}
{{- $rules := dict -}}
{{- $_ := set $rules "reconcile" (list
  (dict "apiGroups" (list "") "resources" (list "configmaps" "services" "serviceaccounts") "verbs" (list "get" "list" "watch" "create" "patch" "update" "delete"))
  (dict "apiGroups" (list "apps") "resources" (list "deployments") "verbs" (list "get" "list" "watch" "create" "patch" "update" "delete"))
  (dict "apiGroups" (list "apps") "resources" (list "replicasets") "verbs" (list "get" "list" "watch"))
  (dict "apiGroups" (list "autoscaling") "resources" (list "horizontalpodautoscalers") "verbs" (list "get" "list" "watch" "create" "patch" "update" "delete"))
  (dict "apiGroups" (list "policy") "resources" (list "poddisruptionbudgets") "verbs" (list "get" "list" "watch" "create" "patch" "update" "delete"))
  (dict "apiGroups" (list "batch") "resources" (list "cronjobs") "verbs" (list "get" "list" "watch" "create" "patch" "update" "delete"))
  (dict "apiGroups" (list "rbac.authorization.k8s.io") "resources" (list "roles" "rolebindings") "verbs" (list "get" "list" "watch" "create" "patch" "update" "delete"))
  (dict "apiGroups" (list "coordination.k8s.io") "resources" (list "leases") "verbs" (list "get" "create" "update"))
  (dict "apiGroups" (list "") "resources" (list "pods") "verbs" (list "get" "list" "watch"))
) -}}
{{- $_ := set $rules "heal" (list
  (dict "apiGroups" (list "") "resources" (list "pods" "events") "verbs" (list "get" "list" "watch"))
  (dict "apiGroups" (list "") "resources" (list "pods/log") "verbs" (list "get"))
  (dict "apiGroups" (list "apps") "resources" (list "deployments" "replicasets") "verbs" (list "get" "list" "watch"))
) -}}
{{- $_ := set $rules "recommend" (list
  (dict "apiGroups" (list "") "resources" (list "pods") "verbs" (list "get" "list"))
  (dict "apiGroups" (list "apps") "resources" (list "deployments") "verbs" (list "get" "list"))
  (dict "apiGroups" (list "autoscaling") "resources" (list "horizontalpodautoscalers") "verbs" (list "get" "list"))
  (dict "apiGroups" (list "metrics.k8s.io") "resources" (list "pods") "verbs" (list "get" "list"))
) -}}
{{- $_ := set $rules "logs" (list
  (dict "apiGroups" (list "") "resources" (list "pods") "verbs" (list "get" "list"))
  (dict "apiGroups" (list "") "resources" (list "pods/log") "verbs" (list "get"))
) -}}
{{- toYaml (index $rules .) -}}
{{- end -}}
