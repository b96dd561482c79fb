/// One-line descriptions of the Sandbox's kinds and their commonly used fields, written for
/// `kubectl explain` (`OpenAPISchemas`). Keys are protobuf names without the
/// `k8s.io.api.` / `k8s.io.apimachinery.pkg.apis.` prefix: a message (`apps.v1.DeploymentSpec`)
/// or one of its fields (`apps.v1.DeploymentSpec.replicas`). A field without one has no
/// description; `metadata`, `spec` and `status` share theirs.
enum OpenAPIDescriptions {
    static let apiVersion = "The versioned schema of this object, as group/version (v1 for the core group)."
    static let kind = "The REST resource this object represents, in CamelCase."

    /// The description of a message.
    static func message(_ protoName: String) -> String? { texts[short(protoName)] }

    /// The description of a message's field.
    static func field(_ protoName: String, _ field: String) -> String? {
        texts[short(protoName) + "." + field] ?? sharedFields[field]
    }

    private static func short(_ protoName: String) -> String {
        for prefix in ["k8s.io.api.", "k8s.io.apimachinery.pkg.apis.", "k8s.io.apimachinery.pkg."] where protoName.hasPrefix(prefix) {
            return String(protoName.dropFirst(prefix.count))
        }
        return protoName
    }

    private static let sharedFields: [String: String] = [
        "metadata": "Standard object metadata: name, namespace, labels, annotations and owners.",
        "spec": "The desired state of the object.",
        "status": "The most recently observed state of the object, written by the system. Read-only.",
    ]

    private static let texts: [String: String] = [
        // Kinds.
        "core.v1.Namespace": "A scope for names: most objects live in exactly one namespace.",
        "core.v1.Node": "A worker machine that runs pods.",
        "core.v1.ConfigMap": "Non-secret configuration data as key-value pairs, for pods to read.",
        "core.v1.Secret": "Sensitive data (passwords, tokens, keys) as key-value pairs, base64-encoded.",
        "core.v1.Service": "A stable name and virtual IP in front of the pods a selector picks.",
        "core.v1.ServiceAccount": "An identity for processes that run in pods.",
        "core.v1.Pod": "A group of containers scheduled together on one node.",
        "core.v1.Event": "A report of something that happened to an object.",
        "core.v1.ResourceQuota": "Limits on the total resources the objects of one namespace may use.",
        "apps.v1.Deployment": "Declarative updates for pods through ReplicaSets.",
        "apps.v1.ReplicaSet": "Keeps a number of identical pods running.",
        "batch.v1.Job": "Runs pods until a number of them complete successfully.",
        "batch.v1.CronJob": "Creates Jobs on a repeating schedule.",
        "autoscaling.v2.HorizontalPodAutoscaler": "Scales a workload's replicas to keep metrics near their targets.",
        "autoscaling.v1.HorizontalPodAutoscaler": "Scales a workload's replicas to keep CPU utilization near a target.",
        "policy.v1.PodDisruptionBudget": "Limits how many pods of a set voluntary disruptions may take down at once.",
        "rbac.v1.Role": "A set of permissions within one namespace.",
        "rbac.v1.ClusterRole": "A set of permissions across the cluster, or reusable in any namespace.",
        "rbac.v1.RoleBinding": "Grants a Role's or ClusterRole's permissions to subjects within one namespace.",
        "rbac.v1.ClusterRoleBinding": "Grants a ClusterRole's permissions to subjects across the cluster.",
        "coordination.v1.Lease": "A lease held by one holder at a time, for leader election and heartbeats.",
        "authorization.v1.SelfSubjectAccessReview": "Asks whether the current user may perform an action.",
        "authorization.v1.SelfSubjectRulesReview": "Lists the actions the current user may perform in a namespace.",
        "authorization.v1.SubjectAccessReview": "Asks whether a given user may perform an action.",
        "authorization.v1.LocalSubjectAccessReview": "Asks whether a given user may perform an action in one namespace.",
        // Shared types.
        "meta.v1.ObjectMeta": "Metadata every persisted object has.",
        "meta.v1.LabelSelector": "A label query: matchLabels and matchExpressions, ANDed.",
        "meta.v1.Time": "A timestamp in RFC 3339 form, to the second.",
        "meta.v1.MicroTime": "A timestamp in RFC 3339 form, to the microsecond.",
        "api.resource.Quantity": "A fixed-point amount such as 250m CPU or 512Mi memory.",
        "util.intstr.IntOrString": "A value that is either an integer or a string.",
        "meta.v1.ObjectMeta.name": "The object's name, unique within its namespace and kind.",
        "meta.v1.ObjectMeta.generateName": "A prefix the server completes into a unique name when name is empty.",
        "meta.v1.ObjectMeta.namespace": "The namespace the object lives in; empty for cluster-scoped objects.",
        "meta.v1.ObjectMeta.labels": "Key-value pairs that selectors match on.",
        "meta.v1.ObjectMeta.annotations": "Key-value pairs for tools and people; not used for selection.",
        "meta.v1.ObjectMeta.uid": "The unique identity the server gives the object. Read-only.",
        "meta.v1.ObjectMeta.resourceVersion": "The version of the object, for optimistic concurrency and watches. Read-only.",
        "meta.v1.ObjectMeta.generation": "The number of changes to the desired state. Read-only.",
        "meta.v1.ObjectMeta.creationTimestamp": "When the server created the object. Read-only.",
        "meta.v1.ObjectMeta.deletionTimestamp": "When the object will be deleted, once deletion has been requested. Read-only.",
        "meta.v1.ObjectMeta.ownerReferences": "The objects this one depends on; it is garbage-collected when they are gone.",
        "meta.v1.ObjectMeta.finalizers": "Conditions that must be cleared before the object is deleted.",
        // Workloads.
        "apps.v1.DeploymentSpec": "The desired state of a Deployment.",
        "apps.v1.DeploymentSpec.replicas": "Number of desired pods. Defaults to 1.",
        "apps.v1.DeploymentSpec.selector": "Label selector for the pods this Deployment manages; must match the template's labels.",
        "apps.v1.DeploymentSpec.template": "The pod each replica is created from.",
        "apps.v1.DeploymentSpec.strategy": "How old pods are replaced by new ones.",
        "apps.v1.DeploymentSpec.minReadySeconds": "Seconds a new pod must be ready before it counts as available.",
        "apps.v1.DeploymentSpec.revisionHistoryLimit": "Number of old ReplicaSets kept for rollback. Defaults to 10.",
        "apps.v1.DeploymentSpec.paused": "Whether the rollout is paused.",
        "apps.v1.DeploymentSpec.progressDeadlineSeconds": "Seconds a rollout may go without progress before it is reported failed. Defaults to 600.",
        "apps.v1.DeploymentStrategy.type": "Recreate or RollingUpdate (the default).",
        "apps.v1.DeploymentStrategy.rollingUpdate": "Bounds of a rolling update.",
        "apps.v1.RollingUpdateDeployment.maxUnavailable": "Pods that may be unavailable during the update, a number or a percentage. Defaults to 25%.",
        "apps.v1.RollingUpdateDeployment.maxSurge": "Pods that may be created above the desired count, a number or a percentage. Defaults to 25%.",
        "apps.v1.ReplicaSetSpec.replicas": "Number of desired pods. Defaults to 1.",
        "core.v1.PodTemplateSpec": "The pods a controller creates: their metadata and spec.",
        "core.v1.PodSpec": "The desired state of a pod.",
        "core.v1.PodSpec.containers": "The containers of the pod. At least one.",
        "core.v1.PodSpec.initContainers": "Containers run in order, each to completion, before the others start.",
        "core.v1.PodSpec.volumes": "Volumes the pod's containers may mount.",
        "core.v1.PodSpec.restartPolicy": "Always, OnFailure or Never. Defaults to Always.",
        "core.v1.PodSpec.terminationGracePeriodSeconds": "Seconds the pod is given to stop gracefully. Defaults to 30.",
        "core.v1.PodSpec.serviceAccountName": "The ServiceAccount the pod runs as.",
        "core.v1.PodSpec.nodeSelector": "Labels a node must have for the pod to be scheduled there.",
        "core.v1.PodSpec.affinity": "Scheduling constraints relative to nodes and other pods.",
        "core.v1.PodSpec.tolerations": "Taints the pod tolerates.",
        "core.v1.PodSpec.securityContext": "Security settings for all of the pod's containers.",
        "core.v1.Container": "One application container of a pod.",
        "core.v1.Container.name": "The container's name, unique within the pod.",
        "core.v1.Container.image": "The container image to run.",
        "core.v1.Container.command": "The entrypoint; the image's ENTRYPOINT when empty.",
        "core.v1.Container.args": "Arguments to the entrypoint; the image's CMD when empty.",
        "core.v1.Container.env": "Environment variables to set in the container.",
        "core.v1.Container.envFrom": "ConfigMaps and Secrets whose keys become environment variables.",
        "core.v1.Container.ports": "Ports the container exposes, for information and for named service ports.",
        "core.v1.Container.resources": "CPU and memory the container requests and may not exceed.",
        "core.v1.Container.livenessProbe": "A check whose failure restarts the container.",
        "core.v1.Container.readinessProbe": "A check whose failure takes the pod out of service endpoints.",
        "core.v1.Container.startupProbe": "A check that must pass before the other probes start.",
        "core.v1.Container.volumeMounts": "Pod volumes to mount into the container.",
        "core.v1.Container.imagePullPolicy": "Always, IfNotPresent or Never.",
        "core.v1.Container.securityContext": "Security settings for this container.",
        "core.v1.Container.workingDir": "The container's working directory.",
        "core.v1.ResourceRequirements.limits": "The most of each resource the container may use.",
        "core.v1.ResourceRequirements.requests": "The resources the container is scheduled with.",
        "core.v1.Probe.initialDelaySeconds": "Seconds after the container starts before the first check.",
        "core.v1.Probe.periodSeconds": "Seconds between checks. Defaults to 10.",
        "core.v1.Probe.timeoutSeconds": "Seconds before a check times out. Defaults to 1.",
        "core.v1.Probe.failureThreshold": "Consecutive failures that count as failed. Defaults to 3.",
        "core.v1.Probe.successThreshold": "Consecutive successes that count as passing after a failure. Defaults to 1.",
        "batch.v1.JobSpec.template": "The pod each attempt is created from.",
        "batch.v1.JobSpec.backoffLimit": "Retries before the Job is marked failed. Defaults to 6.",
        "batch.v1.JobSpec.completions": "Successful pods needed to complete the Job. Defaults to 1.",
        "batch.v1.JobSpec.parallelism": "Pods that may run at once. Defaults to 1.",
        "batch.v1.JobSpec.activeDeadlineSeconds": "Seconds the Job may run before it is stopped.",
        "batch.v1.JobSpec.ttlSecondsAfterFinished": "Seconds after finishing before the Job is deleted.",
        "batch.v1.CronJobSpec.schedule": "The schedule, in cron format.",
        "batch.v1.CronJobSpec.timeZone": "The time zone the schedule is read in; the controller's when empty.",
        "batch.v1.CronJobSpec.jobTemplate": "The Job each run creates.",
        "batch.v1.CronJobSpec.concurrencyPolicy": "Allow, Forbid or Replace concurrent runs. Defaults to Allow.",
        "batch.v1.CronJobSpec.suspend": "Whether new runs are suspended.",
        "batch.v1.CronJobSpec.successfulJobsHistoryLimit": "Finished successful Jobs to keep. Defaults to 3.",
        "batch.v1.CronJobSpec.failedJobsHistoryLimit": "Failed Jobs to keep. Defaults to 1.",
        // Services and configuration.
        "core.v1.ServiceSpec.ports": "The ports the Service exposes.",
        "core.v1.ServiceSpec.selector": "Labels of the pods traffic is sent to.",
        "core.v1.ServiceSpec.type": "ClusterIP (the default), NodePort, LoadBalancer or ExternalName.",
        "core.v1.ServiceSpec.clusterIP": "The Service's virtual IP; None for a headless Service.",
        "core.v1.ServicePort.name": "The port's name, required when there is more than one.",
        "core.v1.ServicePort.port": "The port the Service listens on.",
        "core.v1.ServicePort.targetPort": "The pods' port, a number or a container port's name. Defaults to port.",
        "core.v1.ServicePort.protocol": "TCP (the default), UDP or SCTP.",
        "core.v1.ServicePort.nodePort": "The port on every node, for NodePort and LoadBalancer Services.",
        "core.v1.ConfigMap.data": "Configuration as UTF-8 string values.",
        "core.v1.ConfigMap.binaryData": "Configuration as binary values, base64-encoded.",
        "core.v1.Secret.data": "The secret values, base64-encoded.",
        "core.v1.Secret.stringData": "Secret values as plain strings, merged into data on write. Write-only.",
        "core.v1.Secret.type": "The kind of secret, for tools. Defaults to Opaque.",
        "core.v1.ResourceQuotaSpec.hard": "The most of each named resource the namespace may use.",
        // Scaling, disruption, access.
        "autoscaling.v2.HorizontalPodAutoscalerSpec.scaleTargetRef": "The workload whose replicas are scaled.",
        "autoscaling.v2.HorizontalPodAutoscalerSpec.minReplicas": "The fewest replicas. Defaults to 1.",
        "autoscaling.v2.HorizontalPodAutoscalerSpec.maxReplicas": "The most replicas.",
        "autoscaling.v2.HorizontalPodAutoscalerSpec.metrics": "The metrics and targets the replica count is computed from. Defaults to 80% CPU.",
        "autoscaling.v2.HorizontalPodAutoscalerSpec.behavior": "How fast scaling up and down may go.",
        "autoscaling.v2.MetricTarget.type": "Utilization, Value or AverageValue.",
        "autoscaling.v2.MetricTarget.averageUtilization": "The target mean across pods, as a percentage of their requests.",
        "autoscaling.v2.MetricTarget.averageValue": "The target mean across pods.",
        "autoscaling.v2.MetricTarget.value": "The target value of the metric.",
        "policy.v1.PodDisruptionBudgetSpec.minAvailable": "Pods that must stay available, a number or a percentage.",
        "policy.v1.PodDisruptionBudgetSpec.maxUnavailable": "Pods that may be unavailable, a number or a percentage.",
        "policy.v1.PodDisruptionBudgetSpec.selector": "Labels of the pods the budget covers.",
        "rbac.v1.PolicyRule.verbs": "The verbs allowed, such as get, list, watch, create; * for all.",
        "rbac.v1.PolicyRule.apiGroups": "The API groups of the resources; empty string for the core group.",
        "rbac.v1.PolicyRule.resources": "The resources allowed, such as pods or pods/log; * for all.",
        "rbac.v1.PolicyRule.resourceNames": "The object names allowed; all when empty.",
        "rbac.v1.PolicyRule.nonResourceURLs": "The non-resource paths allowed, such as /healthz (ClusterRoles only).",
        "rbac.v1.RoleBinding.subjects": "The users, groups and service accounts granted the role.",
        "rbac.v1.RoleBinding.roleRef": "The Role or ClusterRole granted. Cannot be changed.",
        "rbac.v1.ClusterRoleBinding.subjects": "The users, groups and service accounts granted the role.",
        "rbac.v1.ClusterRoleBinding.roleRef": "The ClusterRole granted. Cannot be changed.",
    ]
}
