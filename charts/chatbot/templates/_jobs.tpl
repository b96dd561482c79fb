{{/*
The permissions each Shipshape job needs, and nothing more: namespace-scoped Roles, no
wildcards, no Secrets (the git credentials are mounted, which needs no RBAC), no cluster-wide
anything. docs/chart.md says why each rule is there.

reconcile applies the chart: server-side apply (patch, create), reads for the diff and the
inventory (get, list), prune (delete). Kubernetes refuses to create a Role that grants more than
its creator holds, so reconcile also holds every permission the recommend, logs and heal Roles
grant (metrics, pods/log and the rest are already in its own rules).

logs reads pods and their logs, and keeps its checkpoint ConfigMap (shipshape-logs-ENV, by
name: server-side apply creates it, which Kubernetes authorizes as create on that name); its
alert rules are a mounted ConfigMap, which needs no RBAC.

heal reads the namespace, deletes one stuck pod at a time (and records an Event), writes its
own state ConfigMap, and marks a bad revision failed in reconcile's state (reconcile then rolls
back): it needs no apply rights and no Secrets. Nodes are read only through the optional
node-reader ClusterRole binding (docs/heal.md).

report reads the state and checkpoint ConfigMaps the other jobs keep (by name) and writes its
own report ConfigMap (shipshape-ENV-report, by name); a report committed to git needs no RBAC.
Context: (dict "job" NAME "root" $).
*/}}
{{- define "chatbot.jobRules" -}}
{{- $apply := list "get" "list" "create" "patch" "delete" -}}
{{- $read := list "get" "list" -}}
{{- $state := printf "shipshape-%s-state" .root.Values.global.environment -}}
{{- $rules := dict -}}
{{- $_ := set $rules "reconcile" (list
  (dict "apiGroups" (list "") "resources" (list "configmaps" "serviceaccounts" "services") "verbs" $apply)
  (dict "apiGroups" (list "apps") "resources" (list "deployments") "verbs" $apply)
  (dict "apiGroups" (list "autoscaling") "resources" (list "horizontalpodautoscalers") "verbs" $apply)
  (dict "apiGroups" (list "policy") "resources" (list "poddisruptionbudgets") "verbs" $apply)
  (dict "apiGroups" (list "batch") "resources" (list "cronjobs") "verbs" $apply)
  (dict "apiGroups" (list "rbac.authorization.k8s.io") "resources" (list "rolebindings" "roles") "verbs" $apply)
  (dict "apiGroups" (list "") "resources" (list "configmaps") "resourceNames" (list $state) "verbs" (list "update"))
  (dict "apiGroups" (list "coordination.k8s.io") "resources" (list "leases") "verbs" (list "get" "create" "update"))
  (dict "apiGroups" (list "") "resources" (list "events" "pods") "verbs" $read)
  (dict "apiGroups" (list "apps") "resources" (list "replicasets") "verbs" $read)
  (dict "apiGroups" (list "metrics.k8s.io") "resources" (list "pods") "verbs" $read)
  (dict "apiGroups" (list "") "resources" (list "pods") "verbs" (list "delete"))
  (dict "apiGroups" (list "") "resources" (list "pods/log") "verbs" $read)
  (dict "apiGroups" (list "") "resources" (list "events") "verbs" (list "create"))
  (dict "apiGroups" (list "apps") "resources" (list "statefulsets") "verbs" $read)
  (dict "apiGroups" (list "batch") "resources" (list "jobs") "verbs" $read)
  (dict "apiGroups" (list "") "resources" (list "configmaps") "resourceNames" (list (printf "shipshape-%s-heal" .root.Values.global.environment)) "verbs" (list "update"))
) -}}
{{- $_ := set $rules "recommend" (list
  (dict "apiGroups" (list "") "resources" (list "events" "pods") "verbs" $read)
  (dict "apiGroups" (list "metrics.k8s.io") "resources" (list "pods") "verbs" $read)
  (dict "apiGroups" (list "") "resources" (list "configmaps") "verbs" (list "get" "create" "patch"))
) -}}
{{- $_ := set $rules "logs" (list
  (dict "apiGroups" (list "") "resources" (list "pods") "verbs" $read)
  (dict "apiGroups" (list "") "resources" (list "pods/log") "verbs" (list "get"))
  (dict "apiGroups" (list "") "resources" (list "configmaps") "resourceNames" (list (printf "shipshape-logs-%s" .root.Values.global.environment)) "verbs" (list "get" "create" "patch"))
) -}}
{{- $heal := printf "shipshape-%s-heal" .root.Values.global.environment -}}
{{- $_ := set $rules "heal" (list
  (dict "apiGroups" (list "") "resources" (list "pods") "verbs" (list "get" "list" "delete"))
  (dict "apiGroups" (list "") "resources" (list "pods/log" "configmaps") "verbs" $read)
  (dict "apiGroups" (list "") "resources" (list "events") "verbs" (list "get" "list" "create"))
  (dict "apiGroups" (list "apps") "resources" (list "deployments" "replicasets" "statefulsets") "verbs" $read)
  (dict "apiGroups" (list "batch") "resources" (list "jobs") "verbs" $read)
  (dict "apiGroups" (list "autoscaling") "resources" (list "horizontalpodautoscalers") "verbs" $read)
  (dict "apiGroups" (list "metrics.k8s.io") "resources" (list "pods") "verbs" $read)
  (dict "apiGroups" (list "") "resources" (list "configmaps") "resourceNames" (list $heal $state) "verbs" (list "create" "patch" "update"))
  (dict "apiGroups" (list "coordination.k8s.io") "resources" (list "leases") "verbs" (list "get" "create" "update"))
) -}}
{{- $env := .root.Values.global.environment -}}
{{- $report := printf "shipshape-%s-report" $env -}}
{{- $_ := set $rules "report" (list
  (dict "apiGroups" (list "") "resources" (list "configmaps") "resourceNames" (list $state $heal (printf "shipshape-logs-%s" $env) (printf "shipshape-usage-%s" $env) $report) "verbs" (list "get"))
  (dict "apiGroups" (list "") "resources" (list "configmaps") "resourceNames" (list $report) "verbs" (list "create" "patch"))
) -}}
{{- toYaml (index $rules .job) -}}
{{- end -}}
