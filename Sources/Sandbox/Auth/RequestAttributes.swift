/// What a request asks to do, as kube-apiserver's `RequestInfo` derives it from the method and
/// URL and its authorizer sees it: a verb on a resource (group, namespace, name, subresource)
/// or a verb on a non-resource path (`/version`, `/api`, `/sandbox/status`).
struct RequestAttributes: Sendable, Equatable {
    var user: UserInfo
    var verb: String
    var isResourceRequest: Bool
    /// The URL path, for non-resource requests.
    var path: String = ""
    var apiGroup: String = ""
    var apiVersion: String = ""
    var resource: String = ""
    var subresource: String = ""
    var namespace: String = ""
    var name: String = ""

    /// `pods`, or `pods/log` with a subresource, as RBAC rules and the 403 message name it.
    var resourceWithSubresource: String { subresource.isEmpty ? resource : resource + "/" + subresource }

    init(user: UserInfo, verb: String, isResourceRequest: Bool, path: String = "", apiGroup: String = "", apiVersion: String = "",
         resource: String = "", subresource: String = "", namespace: String = "", name: String = "") {
        self.user = user
        self.verb = verb
        self.isResourceRequest = isResourceRequest
        self.path = path
        self.apiGroup = apiGroup
        self.apiVersion = apiVersion
        self.resource = resource
        self.subresource = subresource
        self.namespace = namespace
        self.name = name
    }

    /// Derives the attributes as `RequestInfoFactory.NewRequestInfo` does: GET on a name is
    /// `get`, on a collection `list` (`watch` with `watch=true`), POST `create`, PUT `update`,
    /// PATCH `patch` (server-side apply included), DELETE on a name `delete`, on a collection
    /// `deletecollection`. A list or watch narrowed by `fieldSelector=metadata.name=X` names X,
    /// so `resourceNames` rules apply to it. Other paths are non-resource requests whose verb is
    /// the lower-cased method.
    init(request: APIRequest, user: UserInfo) {
        self.init(user: user, verb: request.method.lowercased(), isResourceRequest: false, path: request.path)
        var parts = request.path.split(separator: "/").map(String.init)
        guard parts.count >= 3, parts[0] == "api" || parts[0] == "apis" else { return }
        let prefix = parts.removeFirst()
        if prefix == "apis" {
            guard parts.count >= 3 else { return }
            apiGroup = parts.removeFirst()
        }
        isResourceRequest = true
        apiVersion = parts.removeFirst()
        if parts.first == "watch" || parts.first == "proxy", parts.count >= 2 {
            verb = parts.removeFirst()
        } else {
            switch request.method {
            case "POST": verb = "create"
            case "GET", "HEAD": verb = "get"
            case "PUT": verb = "update"
            case "PATCH": verb = "patch"
            case "DELETE": verb = "delete"
            default: verb = ""
            }
        }
        if parts.first == "namespaces", parts.count > 1 {
            namespace = parts[1]
            if parts.count > 2 && parts[2] != "status" && parts[2] != "finalize" { parts.removeFirst(2) }
        }
        if parts.count >= 3 && verb != "proxy" { subresource = parts[2] }
        if parts.count >= 2 { name = parts[1] }
        if let first = parts.first { resource = first }
        if name.isEmpty && verb == "get" {
            verb = request.query["watch"] == "true" || request.query["watch"] == "1" ? "watch" : "list"
            if let selector = request.query["fieldSelector"], let exact = Self.exactName(selector) { name = exact }
        }
        if name.isEmpty && verb == "delete" { verb = "deletecollection" }
    }

    /// The name a field selector pins (`metadata.name=x` or `metadata.name==x`, alone or among
    /// other terms), as `RequiresExactMatch("metadata.name")` finds it.
    private static func exactName(_ selector: String) -> String? {
        for term in selector.split(separator: ",") {
            for op in ["==", "="] {
                let prefix = "metadata.name" + op
                if term.hasPrefix(prefix), !term.hasPrefix("metadata.name!=") {
                    let value = String(term.dropFirst(prefix.count))
                    return value.isEmpty || value.contains("/") ? nil : value
                }
            }
        }
        return nil
    }
}
