/// kustomize's built-in transformer configuration (sigs.k8s.io/kustomize/api/konfig/builtinpluginconsts):
/// which fields labels, annotations, images and replica counts go to.
enum BuiltinFieldSpecs {
    /// Template labels: the pod templates of workloads (added by `labels[].includeTemplates`
    /// and by `commonLabels`).
    static let templateLabels: [FieldSpec] = [
        FieldSpec("spec/template/metadata/labels", version: "v1", kind: "ReplicationController", create: true),
        FieldSpec("spec/template/metadata/labels", kind: "Deployment", create: true),
        FieldSpec("spec/template/metadata/labels", kind: "ReplicaSet", create: true),
        FieldSpec("spec/template/metadata/labels", kind: "DaemonSet", create: true),
        FieldSpec("spec/template/metadata/labels", group: "apps", kind: "StatefulSet", create: true),
        FieldSpec("spec/volumeClaimTemplates[]/metadata/labels", group: "apps", kind: "StatefulSet", create: true),
        FieldSpec("spec/template/metadata/labels", group: "batch", kind: "Job", create: true),
        FieldSpec("spec/jobTemplate/metadata/labels", group: "batch", kind: "CronJob", create: true),
        FieldSpec("spec/jobTemplate/spec/template/metadata/labels", group: "batch", kind: "CronJob", create: true),
    ]

    static let metadataLabels = [FieldSpec("metadata/labels", create: true)]

    /// Selectors, templates and metadata: what `commonLabels` and `labels[].includeSelectors` change.
    static let commonLabels: [FieldSpec] = {
        var specs: [FieldSpec] = [
            FieldSpec("spec/selector", version: "v1", kind: "Service", create: true),
            FieldSpec("spec/selector", version: "v1", kind: "ReplicationController", create: true),
            FieldSpec("spec/selector/matchLabels", kind: "Deployment", create: true),
        ]
        let affinity = [
            "spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
            "spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
            "spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
            "spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
            "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels",
        ]
        specs += affinity.map { FieldSpec($0, group: "apps", kind: "Deployment") }
        specs += [
            FieldSpec("spec/selector/matchLabels", kind: "ReplicaSet", create: true),
            FieldSpec("spec/selector/matchLabels", kind: "DaemonSet", create: true),
            FieldSpec("spec/selector/matchLabels", group: "apps", kind: "StatefulSet", create: true),
            FieldSpec("spec/volumeClaimTemplates[]/metadata/labels", group: "apps", kind: "StatefulSet", create: true),
        ]
        specs += affinity.map { FieldSpec($0, group: "apps", kind: "StatefulSet") }
        specs += [
            FieldSpec("spec/selector/matchLabels", group: "batch", kind: "Job"),
            FieldSpec("spec/jobTemplate/spec/selector/matchLabels", group: "batch", kind: "CronJob"),
            FieldSpec("spec/selector/matchLabels", group: "policy", kind: "PodDisruptionBudget"),
            FieldSpec("spec/podSelector/matchLabels", group: "networking.k8s.io", kind: "NetworkPolicy"),
            FieldSpec("spec/ingress/from/podSelector/matchLabels", group: "networking.k8s.io", kind: "NetworkPolicy"),
            FieldSpec("spec/egress/to/podSelector/matchLabels", group: "networking.k8s.io", kind: "NetworkPolicy"),
        ]
        return specs + metadataLabels + templateLabels
    }()

    static let commonAnnotations: [FieldSpec] = [
        FieldSpec("metadata/annotations", create: true),
        FieldSpec("spec/template/metadata/annotations", version: "v1", kind: "ReplicationController", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "Deployment", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "ReplicaSet", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "DaemonSet", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "StatefulSet", create: true),
        FieldSpec("spec/template/metadata/annotations", group: "batch", kind: "Job", create: true),
        FieldSpec("spec/jobTemplate/metadata/annotations", group: "batch", kind: "CronJob", create: true),
        FieldSpec("spec/jobTemplate/spec/template/metadata/annotations", group: "batch", kind: "CronJob", create: true),
    ]

    static let images: [FieldSpec] = [
        FieldSpec("spec/containers[]/image", create: true),
        FieldSpec("spec/initContainers[]/image", create: true),
        FieldSpec("spec/volumes[]/image/reference", create: true),
        FieldSpec("spec/template/spec/containers[]/image", create: true),
        FieldSpec("spec/template/spec/initContainers[]/image", create: true),
        FieldSpec("spec/template/spec/volumes[]/image/reference", create: true),
    ]

    static let replicas: [FieldSpec] = ["Deployment", "ReplicationController", "ReplicaSet", "StatefulSet"].map {
        FieldSpec("spec/replicas", kind: $0, create: true)
    }
}
