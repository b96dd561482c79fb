/// kustomize's `nameReference` configuration: for each kind of object that can be renamed (the
/// referral), the fields of other objects (referrers) that hold its name.
struct NameReference: Sendable {
    var group: String
    var version: String
    var kind: String
    var referrers: [FieldSpec]
}

extension NameReference {
    /// Pod specs inside each pod-bearing kind, as kustomize lists them.
    private static func podSpecs(_ suffixes: [String], podVersion: Bool, includeReplicationController: Bool = false) -> [FieldSpec] {
        var out: [FieldSpec] = []
        for suffix in suffixes {
            out.append(FieldSpec("spec/" + suffix, version: podVersion ? "v1" : nil, kind: "Pod"))
        }
        for suffix in suffixes { out.append(FieldSpec("template/spec/" + suffix, kind: "PodTemplate")) }
        var kinds = ["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job"]
        if includeReplicationController { kinds.append("ReplicationController") }
        for kind in kinds {
            for suffix in suffixes { out.append(FieldSpec("spec/template/spec/" + suffix, kind: kind)) }
        }
        for suffix in suffixes { out.append(FieldSpec("spec/jobTemplate/spec/template/spec/" + suffix, kind: "CronJob")) }
        return out
    }

    /// Pod-level fields for kinds where kustomize lists Pod, StatefulSet, Deployment,
    /// ReplicationController, CronJob, Job and DaemonSet.
    private static func workloadField(_ field: String) -> [FieldSpec] {
        [FieldSpec("spec/" + field, kind: "Pod")]
            + ["StatefulSet", "Deployment", "ReplicationController"].map { FieldSpec("spec/template/spec/" + field, kind: $0) }
            + [FieldSpec("spec/jobTemplate/spec/template/spec/" + field, kind: "CronJob")]
            + ["Job", "DaemonSet"].map { FieldSpec("spec/template/spec/" + field, kind: $0) }
    }

    static let builtin: [NameReference] = [
        NameReference(group: "", version: "", kind: "Deployment", referrers: [FieldSpec("spec/scaleTargetRef/name", kind: "HorizontalPodAutoscaler")]),
        NameReference(group: "", version: "", kind: "ReplicationController", referrers: [FieldSpec("spec/scaleTargetRef/name", kind: "HorizontalPodAutoscaler")]),
        NameReference(group: "", version: "", kind: "ReplicaSet", referrers: [FieldSpec("spec/scaleTargetRef/name", kind: "HorizontalPodAutoscaler")]),
        NameReference(group: "", version: "", kind: "StatefulSet", referrers: [FieldSpec("spec/scaleTargetRef/name", kind: "HorizontalPodAutoscaler")]),
        NameReference(
            group: "", version: "v1", kind: "ConfigMap",
            referrers: podSpecs([
                "volumes/configMap/name", "containers/env/valueFrom/configMapKeyRef/name",
                "initContainers/env/valueFrom/configMapKeyRef/name", "containers/envFrom/configMapRef/name",
                "initContainers/envFrom/configMapRef/name", "volumes/projected/sources/configMap/name",
            ], podVersion: true) + [
                FieldSpec("spec/configSource/configMap", kind: "Node"),
                FieldSpec("rules/resourceNames", kind: "Role"),
                FieldSpec("rules/resourceNames", kind: "ClusterRole"),
                FieldSpec("metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap", kind: "Ingress"),
            ]),
        NameReference(
            group: "", version: "v1", kind: "Secret",
            referrers: podSpecs([
                "volumes/secret/secretName", "containers/env/valueFrom/secretKeyRef/name",
                "initContainers/env/valueFrom/secretKeyRef/name", "containers/envFrom/secretRef/name",
                "initContainers/envFrom/secretRef/name", "imagePullSecrets/name", "volumes/projected/sources/secret/name",
            ], podVersion: true) + [
                FieldSpec("spec/tls/secretName", kind: "Ingress"),
                FieldSpec("metadata/annotations/ingress.kubernetes.io\\/auth-secret", kind: "Ingress"),
                FieldSpec("metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret", kind: "Ingress"),
                FieldSpec("metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret", kind: "Ingress"),
                FieldSpec("imagePullSecrets/name", kind: "ServiceAccount"),
                FieldSpec("parameters/secretName", kind: "StorageClass"),
                FieldSpec("parameters/adminSecretName", kind: "StorageClass"),
                FieldSpec("parameters/userSecretName", kind: "StorageClass"),
                FieldSpec("parameters/secretRef", kind: "StorageClass"),
                FieldSpec("rules/resourceNames", kind: "Role"),
                FieldSpec("rules/resourceNames", kind: "ClusterRole"),
                FieldSpec("spec/template/spec/containers/env/valueFrom/secretKeyRef/name", group: "serving.knative.dev", version: "v1", kind: "Service"),
                FieldSpec("spec/azureFile/secretName", kind: "PersistentVolume"),
            ]),
        NameReference(
            group: "", version: "v1", kind: "Service",
            referrers: [
                FieldSpec("spec/serviceName", group: "apps", kind: "StatefulSet"),
                FieldSpec("spec/rules/http/paths/backend/serviceName", kind: "Ingress"),
                FieldSpec("spec/backend/serviceName", kind: "Ingress"),
                FieldSpec("spec/rules/http/paths/backend/service/name", kind: "Ingress"),
                FieldSpec("spec/defaultBackend/service/name", kind: "Ingress"),
                FieldSpec("spec/service/name", group: "apiregistration.k8s.io", kind: "APIService"),
                FieldSpec("webhooks/clientConfig/service", group: "admissionregistration.k8s.io", kind: "ValidatingWebhookConfiguration"),
                FieldSpec("webhooks/clientConfig/service", group: "admissionregistration.k8s.io", kind: "MutatingWebhookConfiguration"),
                FieldSpec("spec/rules/backendRefs/name", kind: "HTTPRoute"),
            ]),
        NameReference(group: "rbac.authorization.k8s.io", version: "", kind: "Role", referrers: [
            FieldSpec("roleRef/name", group: "rbac.authorization.k8s.io", kind: "RoleBinding"),
        ]),
        NameReference(group: "rbac.authorization.k8s.io", version: "", kind: "ClusterRole", referrers: [
            FieldSpec("roleRef/name", group: "rbac.authorization.k8s.io", kind: "RoleBinding"),
            FieldSpec("roleRef/name", group: "rbac.authorization.k8s.io", kind: "ClusterRoleBinding"),
        ]),
        NameReference(group: "", version: "v1", kind: "ServiceAccount", referrers: [
            FieldSpec("subjects", group: "rbac.authorization.k8s.io", kind: "RoleBinding"),
            FieldSpec("subjects", group: "rbac.authorization.k8s.io", kind: "ClusterRoleBinding"),
        ] + workloadField("serviceAccountName")),
        NameReference(group: "", version: "v1", kind: "PersistentVolumeClaim", referrers: workloadField("volumes/persistentVolumeClaim/claimName")),
        NameReference(group: "", version: "v1", kind: "PersistentVolume", referrers: [
            FieldSpec("spec/volumeName", kind: "PersistentVolumeClaim"),
            FieldSpec("rules/resourceNames", kind: "ClusterRole"),
        ]),
        NameReference(group: "storage.k8s.io", version: "v1", kind: "StorageClass", referrers: [
            FieldSpec("spec/storageClassName", kind: "PersistentVolume"),
            FieldSpec("spec/storageClassName", kind: "PersistentVolumeClaim"),
            FieldSpec("spec/volumeClaimTemplates/spec/storageClassName", kind: "StatefulSet"),
        ]),
        NameReference(group: "scheduling.k8s.io", version: "v1", kind: "PriorityClass", referrers: workloadField("priorityClassName")),
        NameReference(group: "networking.k8s.io/v1", version: "v1", kind: "IngressClass", referrers: [
            FieldSpec("spec/ingressClassName", kind: "Ingress"),
        ]),
    ]
}
