import Foundation

/// Service-account tokens the Sandbox has issued: by account, and by token for authentication.
/// Each is bound to the account's uid, so a token dies with its ServiceAccount and a
/// re-created account of the same name gets a new one.
struct ServiceAccountTokens {
    struct Issued {
        var namespace: String
        var name: String
        var uid: String
        var token: String
    }
    var byAccount: [ObjectKey: Issued] = [:]
    var byToken: [String: Issued] = [:]
}

/// Authentication (bearer tokens, anonymous requests, impersonation) and the authorization of
/// every request, run under the cluster lock before routing.
extension Cluster {
    /// The kubeconfig's bearer token: the admin, `sandbox-admin` in `system:masters`.
    public static let adminToken = "sandbox"

    /// The token a pod mounted for `serviceAccount` presents: opaque, drawn from the cluster's
    /// seeded randomness, the same on every call while the account exists, and rejected (401)
    /// once it is deleted. Call under the cluster lock (the kubelet does, when it mounts a pod's
    /// token; the TokenRequest subresource does for `kubectl create token`).
    func serviceAccountToken(namespace: String, serviceAccount: String) -> String {
        let key = ObjectKey(namespace: namespace, name: serviceAccount)
        let uid = store.get(serviceAccountType, key)?[path: ["metadata", "uid"]]?.string ?? ""
        if let issued = tokens.byAccount[key], issued.uid.isEmpty || uid.isEmpty || issued.uid == uid {
            return issued.token
        }
        let token = mintToken(namespace: namespace, serviceAccount: serviceAccount, uid: uid)
        if let old = tokens.byAccount[key] { tokens.byToken[old.token] = nil }
        tokens.byAccount[key] = tokens.byToken[token]
        return token
    }

    /// A new token for the account on every call, as TokenRequest mints them (`kubectl create
    /// token`); each stays valid while the account exists. Call under the cluster lock.
    func mintToken(namespace: String, serviceAccount: String, uid: String? = nil) -> String {
        let key = ObjectKey(namespace: namespace, name: serviceAccount)
        let uid = uid ?? store.get(serviceAccountType, key)?[path: ["metadata", "uid"]]?.string ?? ""
        let token = String(format: "sandbox-sa.%016llx%016llx", random.next(), random.next())
        tokens.byToken[token] = ServiceAccountTokens.Issued(namespace: namespace, name: serviceAccount, uid: uid, token: token)
        return token
    }

    /// Who sent the request: the admin for the kubeconfig's token, a service account for a
    /// token it was issued, `system:anonymous` for an HTTPS request without credentials, and
    /// the admin for an in-process call without credentials (tests driving `handle` directly)
    /// or a plain-HTTP one (kubectl never sends its token over plain HTTP; kube-apiserver's
    /// removed insecure port likewise served such requests unchecked).
    /// An unknown token, or one whose ServiceAccount is gone, is 401 Unauthorized.
    func authenticate(_ r: APIRequest) throws -> UserInfo {
        guard let header = r.header("authorization"), !header.isEmpty else {
            return r.fromNetwork && r.overTLS ? .anonymous : .admin
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw APIError.unauthorized() }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        if token == Self.adminToken { return .admin }
        guard let issued = tokens.byToken[token],
              let account = store.get(serviceAccountType, ObjectKey(namespace: issued.namespace, name: issued.name)),
              issued.uid.isEmpty || account[path: ["metadata", "uid"]]?.string == issued.uid
        else { throw APIError.unauthorized() }
        return .serviceAccount(namespace: issued.namespace, name: issued.name)
    }

    /// The user the request acts as after `Impersonate-User`/`Impersonate-Group`, each of which
    /// the authenticated user must be allowed to `impersonate` (users, groups, or the
    /// serviceaccount itself), with the groups kube-apiserver adds: a service account's own
    /// groups when none are asked for, and `system:authenticated` (`system:unauthenticated` for
    /// `system:anonymous`).
    func impersonate(_ r: APIRequest, as user: UserInfo) throws -> UserInfo {
        let groups = (r.header("impersonate-group") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let name = r.header("impersonate-user"), !name.isEmpty else {
            if !groups.isEmpty { throw APIError.badRequest("requested \(groups) without impersonating a user") }
            return user
        }
        let authorizer = RBACAuthorizer(store: store, catalog: catalog)
        func check(_ a: RequestAttributes) throws {
            let decision = authorizer.authorize(a)
            if !decision.allowed { throw APIError.forbidden(a, reason: decision.reason) }
        }
        var impersonated = UserInfo(name: name, groups: groups)
        if let sa = UserInfo.serviceAccountParts(name) {
            try check(RequestAttributes(user: user, verb: "impersonate", isResourceRequest: true, resource: "serviceaccounts",
                                        namespace: sa.namespace, name: sa.name))
            if groups.isEmpty { impersonated.groups = UserInfo.serviceAccountGroups(sa.namespace) }
        } else {
            try check(RequestAttributes(user: user, verb: "impersonate", isResourceRequest: true, resource: "users", name: name))
        }
        for group in groups {
            try check(RequestAttributes(user: user, verb: "impersonate", isResourceRequest: true, resource: "groups", name: group))
        }
        if name == UserInfo.anonymous.name {
            if !impersonated.groups.contains(UserInfo.Groups.unauthenticated) { impersonated.groups.append(UserInfo.Groups.unauthenticated) }
        } else if !impersonated.groups.contains(UserInfo.Groups.authenticated) && !impersonated.groups.contains(UserInfo.Groups.unauthenticated) {
            impersonated.groups.append(UserInfo.Groups.authenticated)
        }
        return impersonated
    }

    /// Authenticates, applies impersonation and authorizes the request; returns the user it
    /// acts as, or throws the 401/403 Status the API answers.
    func authorizeRequest(_ r: APIRequest) throws -> UserInfo {
        let user = try impersonate(r, as: try authenticate(r))
        let attributes = RequestAttributes(request: r, user: user)
        let decision = RBACAuthorizer(store: store, catalog: catalog).authorize(attributes)
        guard decision.allowed else { throw APIError.forbidden(attributes, reason: decision.reason) }
        return user
    }
}
