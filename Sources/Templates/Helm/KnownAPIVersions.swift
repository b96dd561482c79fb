/// The API versions `helm template` reports in `.Capabilities.APIVersions` without a cluster:
/// Helm's `allKnownVersions` (helm/helm pkg/chart/common/capabilities.go), the group/versions of
/// client-go's `kubernetes/scheme` for the Kubernetes release Helm 4.2 is built with, plus the
/// apiextensions group Helm registers itself. Only `group/version` strings: a kind-level query
/// such as `networking.k8s.io/v1/IngressClass` is false unless `--api-versions` adds it.
///
/// Helm walks a Go map to build the list, so its order changes from run to run; Shipshape keeps
/// client-go's registration order (each group's preferred version first) so output is stable.
enum KnownAPIVersions {
    static let all: [String] = [
        "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1alpha1", "admissionregistration.k8s.io/v1beta1",
        "internal.apiserver.k8s.io/v1alpha1",
        "apps/v1", "apps/v1beta1", "apps/v1beta2",
        "authentication.k8s.io/v1", "authentication.k8s.io/v1alpha1", "authentication.k8s.io/v1beta1",
        "authorization.k8s.io/v1", "authorization.k8s.io/v1beta1",
        "autoscaling/v1", "autoscaling/v2", "autoscaling/v2beta1", "autoscaling/v2beta2",
        "batch/v1", "batch/v1beta1",
        "certificates.k8s.io/v1", "certificates.k8s.io/v1beta1", "certificates.k8s.io/v1alpha1",
        "coordination.k8s.io/v1", "coordination.k8s.io/v1alpha2", "coordination.k8s.io/v1beta1",
        "v1",
        "discovery.k8s.io/v1", "discovery.k8s.io/v1beta1",
        "events.k8s.io/v1", "events.k8s.io/v1beta1",
        "extensions/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1beta2", "flowcontrol.apiserver.k8s.io/v1beta3",
        "networking.k8s.io/v1", "networking.k8s.io/v1beta1",
        "node.k8s.io/v1", "node.k8s.io/v1alpha1", "node.k8s.io/v1beta1",
        "policy/v1", "policy/v1beta1",
        "rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1",
        "resource.k8s.io/v1", "resource.k8s.io/v1alpha3", "resource.k8s.io/v1beta1", "resource.k8s.io/v1beta2",
        "scheduling.k8s.io/v1", "scheduling.k8s.io/v1alpha2", "scheduling.k8s.io/v1beta1",
        "storage.k8s.io/v1", "storage.k8s.io/v1beta1", "storage.k8s.io/v1alpha1",
        "storagemigration.k8s.io/v1beta1",
        "apiextensions.k8s.io/v1beta1", "apiextensions.k8s.io/v1",
    ]
}
