import OrderedCollections
import YAML

/// The Status objects kube-apiserver answers when authentication or authorization fails.
extension APIError {
    /// 401 for an unknown or revoked bearer token: the bare Status kube-apiserver writes.
    static func unauthorized() -> APIError {
        APIError(code: 401, reason: "Unauthorized", message: "Unauthorized")
    }

    /// 403 in `responsewriters.Forbidden`'s words, wrapped as `apierrors.NewForbidden` wraps
    /// them: `pods is forbidden: User "x" cannot list resource "pods" in API group "" in the
    /// namespace "y"`, `deployments.apps "web" is forbidden: ...` for a named object,
    /// `... at the cluster scope` without a namespace, `forbidden: User "x" cannot get path "/api"`
    /// for a non-resource URL; the authorizer's reason follows after `: ` when it has one.
    static func forbidden(_ a: RequestAttributes, reason: String) -> APIError {
        var detail: String
        if !a.isResourceRequest {
            detail = "User \"\(a.user.name)\" cannot \(a.verb) path \"\(a.path)\""
        } else {
            let scope = a.namespace.isEmpty ? "at the cluster scope" : "in the namespace \"\(a.namespace)\""
            detail = "User \"\(a.user.name)\" cannot \(a.verb) resource \"\(a.resourceWithSubresource)\" in API group \"\(a.apiGroup)\" \(scope)"
        }
        if !reason.isEmpty { detail += ": " + reason }
        let qualified = a.apiGroup.isEmpty ? a.resource : a.resource + "." + a.apiGroup
        let message: String
        if qualified.isEmpty {
            message = "forbidden: " + detail
        } else if a.name.isEmpty {
            message = "\(qualified) is forbidden: \(detail)"
        } else {
            message = "\(qualified) \"\(a.name)\" is forbidden: \(detail)"
        }
        var details: OrderedDictionary<String, Value> = [:]
        if !a.name.isEmpty { details["name"] = .string(a.name) }
        if !a.apiGroup.isEmpty { details["group"] = .string(a.apiGroup) }
        if !a.resource.isEmpty { details["kind"] = .string(a.resource) }
        return APIError(code: 403, reason: "Forbidden", message: message, details: .object(details))
    }
}
