/// The API versions `helm template` reports in `.Capabilities.APIVersions` without a cluster:
/// every group/version of the Kubernetes client libraries Helm is built with, and every
/// group/version/Kind in them (Helm's `allKnownVersions`).
enum KnownAPIVersions {
    static let kinds: [String: [String]] = [
        "v1": ["Binding", "ComponentStatus", "ConfigMap", "Endpoints", "Event", "LimitRange", "Namespace", "Node",
               "PersistentVolume", "PersistentVolumeClaim", "Pod", "PodTemplate", "ReplicationController", "ResourceQuota",
               "Secret", "Service", "ServiceAccount"],
        "admissionregistration.k8s.io/v1": ["MutatingWebhookConfiguration", "ValidatingAdmissionPolicy",
                                            "ValidatingAdmissionPolicyBinding", "ValidatingWebhookConfiguration"],
        "apps/v1": ["ControllerRevision", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"],
        "authentication.k8s.io/v1": ["SelfSubjectReview", "TokenReview"],
        "authorization.k8s.io/v1": ["LocalSubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview",
                                    "SubjectAccessReview"],
        "autoscaling/v1": ["HorizontalPodAutoscaler", "Scale"],
        "autoscaling/v2": ["HorizontalPodAutoscaler"],
        "batch/v1": ["CronJob", "Job"],
        "certificates.k8s.io/v1": ["CertificateSigningRequest"],
        "coordination.k8s.io/v1": ["Lease"],
        "discovery.k8s.io/v1": ["EndpointSlice"],
        "events.k8s.io/v1": ["Event"],
        "flowcontrol.apiserver.k8s.io/v1": ["FlowSchema", "PriorityLevelConfiguration"],
        "networking.k8s.io/v1": ["IPAddress", "Ingress", "IngressClass", "NetworkPolicy", "ServiceCIDR"],
        "node.k8s.io/v1": ["RuntimeClass"],
        "policy/v1": ["Eviction", "PodDisruptionBudget"],
        "rbac.authorization.k8s.io/v1": ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
        "resource.k8s.io/v1": ["DeviceClass", "ResourceClaim", "ResourceClaimTemplate", "ResourceSlice"],
        "scheduling.k8s.io/v1": ["PriorityClass"],
        "storage.k8s.io/v1": ["CSIDriver", "CSINode", "CSIStorageCapacity", "StorageClass", "VolumeAttachment",
                              "VolumeAttributesClass"],
        "apiextensions.k8s.io/v1": ["CustomResourceDefinition"],
        "apiregistration.k8s.io/v1": ["APIService"],
    ]

    static let all: [String] = {
        var out: [String] = []
        for gv in kinds.keys.sorted() {
            out.append(gv)
            for kind in kinds[gv]! { out.append(gv + "/" + kind) }
        }
        return out
    }()
}
