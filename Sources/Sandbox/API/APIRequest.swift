/// An HTTP request as the API layer sees it: method, path split into parts, query parameters
/// and the headers that change behaviour.
public struct APIRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [String: String]
    public var headers: [String: String]
    public var body: [UInt8]
    /// Set by the HTTP layer for every request it reads: a network request without credentials
    /// is `system:anonymous` (on HTTPS; see `overTLS`), while an in-process caller of
    /// `Cluster.handle` without them acts as the admin.
    public var fromNetwork = false
    /// Set by the HTTP layer when the connection is HTTPS. kubectl (client-go) sends no
    /// credentials over plain HTTP, so a plain-HTTP Sandbox treats credential-less requests
    /// as the admin, as kube-apiserver's former insecure port did; tokens sent are still checked.
    public var overTLS = false
    /// Who the request acts as, once `Cluster.handle` has authenticated it.
    var user: UserInfo?

    public init(method: String, target: String, headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method.uppercased()
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.path = Self.percentDecode(String(parts[0]))
        var query: [String: String] = [:]
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = Self.percentDecode(String(kv[0]), plusIsSpace: true)
                query[key] = kv.count > 1 ? Self.percentDecode(String(kv[1]), plusIsSpace: true) : ""
            }
        }
        self.query = query
        var lowered: [String: String] = [:]
        for (k, v) in headers { lowered[k.lowercased()] = v }
        self.headers = lowered
        self.body = body
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The field manager for a write: the `fieldManager` parameter, else the user agent's
    /// product name, as the server derives it.
    var fieldManager: String? {
        if let m = query["fieldManager"], !m.isEmpty { return m }
        guard let agent = header("user-agent"), !agent.isEmpty else { return nil }
        return String(agent.split(separator: "/").first ?? Substring(agent))
    }

    var isDryRun: Bool { query["dryRun"] == "All" }

    static func percentDecode(_ s: String, plusIsSpace: Bool = false) -> String {
        guard s.contains("%") || (plusIsSpace && s.contains("+")) else { return s }
        var bytes: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%"), it.count >= 2,
               let hi = hexValue(it[it.startIndex]), let lo = hexValue(it[it.startIndex + 1]) {
                bytes.append(hi << 4 | lo)
                it = it.dropFirst(2)
            } else if plusIsSpace && b == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - 48
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - 87
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - 55
        default: return nil
        }
    }
}

/// What a resource URL names: the type, and optionally namespace, name and subresource.
struct ResourcePath: Sendable {
    var type: ResourceType
    var namespace: String?
    var name: String?
    var subresource: String?

    /// Parses `/api/v1/...` and `/apis/{group}/{version}/...`; nil for paths that are not
    /// resource URLs (discovery and friends), throws 404 for unknown resources.
    static func parse(_ path: String, catalog: ResourceCatalog) throws -> ResourcePath? {
        var parts = path.split(separator: "/").map(String.init)
        let group: String, version: String
        if parts.first == "api", parts.count >= 3 {
            group = ""
            version = parts[1]
            parts.removeFirst(2)
        } else if parts.first == "apis", parts.count >= 4 {
            group = parts[1]
            version = parts[2]
            parts.removeFirst(3)
        } else {
            return nil
        }
        var namespace: String?
        if group.isEmpty, parts.first == "namespaces",
           parts.count <= 2 || (parts.count == 3 && (parts[2] == "status" || parts[2] == "finalize")) {
            // /api/v1/namespaces[/{name}[/status]]
            guard let type = catalog.type(group: "", version: version, resource: "namespaces") else { throw APIError.pathNotFound() }
            return ResourcePath(type: type, namespace: nil, name: parts.count > 1 ? parts[1] : nil, subresource: parts.count > 2 ? parts[2] : nil)
        } else if parts.count >= 3, parts[0] == "namespaces" {
            namespace = parts[1]
            parts.removeFirst(2)
        }
        guard let resource = parts.first, parts.count <= 3,
              let type = catalog.type(group: group, version: version, resource: resource)
        else { throw APIError.pathNotFound() }
        if namespace != nil && !type.namespaced { throw APIError.pathNotFound() }
        let sub = parts.count > 2 ? parts[2] : nil
        if let sub, !type.subresources.contains(sub) { throw APIError.pathNotFound() }
        return ResourcePath(type: type, namespace: namespace, name: parts.count > 1 ? parts[1] : nil, subresource: sub)
    }
}
