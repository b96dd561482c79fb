/// Who may do what, and who holds a lease: rbac.authorization.k8s.io/v1 roles and bindings,
/// authorization.k8s.io/v1 access reviews (`kubectl auth can-i`), coordination.k8s.io/v1
/// Lease (k8s.io/api generated.proto of each group).
extension ProtobufSchema {
    static let accessMessages: [ProtoMessage] = [
        ProtoMessage(rbac + "Role", [.message(1, "metadata", meta + "ObjectMeta"), .messages(2, "rules", rbac + "PolicyRule")]),
        ProtoMessage(rbac + "ClusterRole", [
            .message(1, "metadata", meta + "ObjectMeta"), .messages(2, "rules", rbac + "PolicyRule"),
            .message(3, "aggregationRule", rbac + "AggregationRule"),
        ]),
        ProtoMessage(rbac + "AggregationRule", [.messages(1, "clusterRoleSelectors", meta + "LabelSelector")]),
        ProtoMessage(rbac + "PolicyRule", [
            .strings(1, "verbs"), .strings(2, "apiGroups"), .strings(3, "resources"), .strings(4, "resourceNames"),
            .strings(5, "nonResourceURLs"),
        ]),
        ProtoMessage(rbac + "RoleBinding", [
            .message(1, "metadata", meta + "ObjectMeta"), .messages(2, "subjects", rbac + "Subject"), .message(3, "roleRef", rbac + "RoleRef"),
        ]),
        ProtoMessage(rbac + "ClusterRoleBinding", [
            .message(1, "metadata", meta + "ObjectMeta"), .messages(2, "subjects", rbac + "Subject"), .message(3, "roleRef", rbac + "RoleRef"),
        ]),
        ProtoMessage(rbac + "Subject", [.string(1, "kind"), .string(2, "apiGroup"), .string(3, "name"), .string(4, "namespace")]),
        ProtoMessage(rbac + "RoleRef", [.string(1, "apiGroup"), .string(2, "kind"), .string(3, "name")]),
        ProtoMessage(coordination + "Lease", [.message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", coordination + "LeaseSpec")]),
        ProtoMessage(coordination + "LeaseSpec", [
            .string(1, "holderIdentity", pointer: true), .int32(2, "leaseDurationSeconds", pointer: true),
            .message(3, "acquireTime", microTime), .message(4, "renewTime", microTime), .int32(5, "leaseTransitions", pointer: true),
            .string(6, "strategy", pointer: true), .string(7, "preferredHolder", pointer: true),
        ]),
        ProtoMessage(authorization + "SelfSubjectAccessReview", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", authorization + "SelfSubjectAccessReviewSpec"),
            .message(3, "status", authorization + "SubjectAccessReviewStatus"),
        ]),
        ProtoMessage(authorization + "SelfSubjectAccessReviewSpec", [
            .message(1, "resourceAttributes", authorization + "ResourceAttributes"),
            .message(2, "nonResourceAttributes", authorization + "NonResourceAttributes"),
        ]),
        ProtoMessage(authorization + "SubjectAccessReview", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", authorization + "SubjectAccessReviewSpec"),
            .message(3, "status", authorization + "SubjectAccessReviewStatus"),
        ]),
        ProtoMessage(authorization + "LocalSubjectAccessReview", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", authorization + "SubjectAccessReviewSpec"),
            .message(3, "status", authorization + "SubjectAccessReviewStatus"),
        ]),
        ProtoMessage(authorization + "SubjectAccessReviewSpec", [
            .message(1, "resourceAttributes", authorization + "ResourceAttributes"),
            .message(2, "nonResourceAttributes", authorization + "NonResourceAttributes"),
            .string(3, "user"), .strings(4, "groups"), .messageMap(5, "extra", authorization + "ExtraValue"), .string(6, "uid"),
        ]),
        ProtoMessage(authorization + "ExtraValue", [.strings(1, "items")], special: .stringList),
        ProtoMessage(authorization + "ResourceAttributes", [
            .string(1, "namespace"), .string(2, "verb"), .string(3, "group"), .string(4, "version"), .string(5, "resource"),
            .string(6, "subresource"), .string(7, "name"),
        ]),
        ProtoMessage(authorization + "NonResourceAttributes", [.string(1, "path"), .string(2, "verb")]),
        ProtoMessage(authorization + "SubjectAccessReviewStatus", [
            .bool(1, "allowed"), .bool(4, "denied"), .string(2, "reason"), .string(3, "evaluationError"),
        ]),
        ProtoMessage(authorization + "SelfSubjectRulesReview", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", authorization + "SelfSubjectRulesReviewSpec"),
            .message(3, "status", authorization + "SubjectRulesReviewStatus"),
        ]),
        ProtoMessage(authorization + "SelfSubjectRulesReviewSpec", [.string(1, "namespace")]),
        ProtoMessage(authorization + "SubjectRulesReviewStatus", [
            .messages(1, "resourceRules", authorization + "ResourceRule"),
            .messages(2, "nonResourceRules", authorization + "NonResourceRule"), .bool(3, "incomplete"), .string(4, "evaluationError"),
        ]),
        ProtoMessage(authorization + "ResourceRule", [
            .strings(1, "verbs"), .strings(2, "apiGroups"), .strings(3, "resources"), .strings(4, "resourceNames"),
        ]),
        ProtoMessage(authorization + "NonResourceRule", [.strings(1, "verbs"), .strings(2, "nonResourceURLs")]),
    ]
}
