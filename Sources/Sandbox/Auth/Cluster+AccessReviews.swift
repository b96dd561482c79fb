import OrderedCollections
import YAML

/// `authorization.k8s.io/v1`: the reviews that ask the authorizer a question and are answered
/// (201, nothing stored): SelfSubjectAccessReview (`kubectl auth can-i`), SelfSubjectRulesReview
/// (`kubectl auth can-i --list`), SubjectAccessReview and LocalSubjectAccessReview (asking for
/// another user; creating them needs RBAC permission, as in a real cluster). Bodies may be
/// JSON, YAML or the protobuf kubectl sends.
extension Cluster {
    func accessReview(_ r: APIRequest, _ target: ResourcePath) throws -> APIResponse {
        guard r.method == "POST", target.name == nil else { throw APIError.methodNotAllowed() }
        let type = target.type
        var spec = try reviewSpec(r)
        let caller = r.user ?? .admin
        let authorizer = RBACAuthorizer(store: store, catalog: catalog)
        var status: OrderedDictionary<String, Value> = [:]
        switch type.kind {
        case "SelfSubjectRulesReview":
            let namespace = spec["namespace"]?.string ?? ""
            var errors: [String] = []
            let rules = authorizer.grants(for: caller, namespace: namespace, errors: &errors).flatMap(\.rules)
            let resourceRules = rules.filter { $0.nonResourceURLs.isEmpty }
            let nonResourceRules = rules.filter { !$0.nonResourceURLs.isEmpty }
            status["resourceRules"] = .array(resourceRules.map(\.value))
            status["nonResourceRules"] = .array(nonResourceRules.map(\.value))
            status["incomplete"] = .bool(!errors.isEmpty)
            if !errors.isEmpty { status["evaluationError"] = .string(errors.joined(separator: ", ")) }
        default:
            var user = caller
            if type.kind != "SelfSubjectAccessReview" {
                user = UserInfo(name: spec["user"]?.string ?? "", groups: spec["groups"]?.array?.compactMap(\.string) ?? [])
            }
            if type.kind == "LocalSubjectAccessReview" {
                let ns = spec[path: ["resourceAttributes", "namespace"]]?.string ?? ""
                guard ns == target.namespace ?? "" else {
                    throw APIError.badRequest("spec.resourceAttributes.namespace must match namespace: \(target.namespace ?? "")")
                }
            }
            let attributes = try reviewAttributes(spec, user: user, kind: type.kind)
            let decision = authorizer.authorize(attributes)
            status["allowed"] = .bool(decision.allowed)
            if !decision.reason.isEmpty { status["reason"] = .string(decision.reason) }
        }
        if spec.isNull { spec = .object([:]) }
        return .json(["kind": .string(type.kind), "apiVersion": "authorization.k8s.io/v1",
                      "metadata": ["creationTimestamp": .null], "spec": spec, "status": .object(status)], status: 201)
    }

    /// What the review asks about, from `spec.resourceAttributes` or `spec.nonResourceAttributes`.
    private func reviewAttributes(_ spec: Value, user: UserInfo, kind: String) throws -> RequestAttributes {
        if let res = spec["resourceAttributes"], res.object != nil {
            func s(_ key: String) -> String { res[key]?.string ?? "" }
            return RequestAttributes(user: user, verb: s("verb"), isResourceRequest: true, apiGroup: s("group"), apiVersion: s("version"),
                                     resource: s("resource"), subresource: s("subresource"), namespace: s("namespace"), name: s("name"))
        }
        if let non = spec["nonResourceAttributes"], non.object != nil {
            return RequestAttributes(user: user, verb: non["verb"]?.string ?? "", isResourceRequest: false, path: non["path"]?.string ?? "")
        }
        throw APIError(code: 422, reason: "Invalid",
                       message: "\(kind).authorization.k8s.io \"\" is invalid: spec.resourceAttributes: Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified")
    }

    /// The review's `spec` as JSON would carry it, whatever the body's encoding (JSON, YAML or
    /// the protobuf kubectl sends, read by `ProtobufDecoder`).
    private func reviewSpec(_ r: APIRequest) throws -> Value {
        try decodeBody(r)["spec"] ?? .null
    }

    /// `authentication.k8s.io/v1` SelfSubjectReview (`kubectl auth whoami`): who the request
    /// acts as, after impersonation. The body is not read: the review has no spec.
    func selfSubjectReview(_ r: APIRequest, _ target: ResourcePath) throws -> APIResponse {
        guard r.method == "POST", target.name == nil else { throw APIError.methodNotAllowed() }
        let user = r.user ?? .admin
        return .json(["kind": "SelfSubjectReview", "apiVersion": "authentication.k8s.io/v1", "metadata": ["creationTimestamp": .null],
                      "status": ["userInfo": ["username": .string(user.name), "groups": .array(user.groups.map(Value.string))]]], status: 201)
    }

    /// `POST serviceaccounts/{name}/token` (TokenRequest, `kubectl create token`): a new token
    /// for the account on every request. The request's audiences and expiry are not read; the
    /// token lives as long as the account.
    func tokenRequest(_ key: ObjectKey) throws -> APIResponse {
        _ = try getObject(serviceAccountType, key)
        let token = mintToken(namespace: key.namespace, serviceAccount: key.name)
        return .json(["kind": "TokenRequest", "apiVersion": "authentication.k8s.io/v1",
                      "metadata": ["name": .string(key.name), "namespace": .string(key.namespace), "creationTimestamp": .null],
                      "spec": ["audiences": ["https://kubernetes.default.svc.cluster.local"], "boundObjectRef": .null, "expirationSeconds": 3600],
                      "status": ["token": .string(token), "expirationTimestamp": .string(Timestamp.format(clock.now + 3600))]], status: 201)
    }
}
