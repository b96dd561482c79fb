import Foundation
import YAML

/// One API resource as discovery describes it.
public struct APIResource: Sendable, Equatable {
    public var group: String
    public var version: String
    /// The plural resource name used in URLs (`deployments`).
    public var name: String
    public var kind: String
    public var namespaced: Bool
    public var verbs: [String]
    /// Subresources (`status`, `scale`, `log`) of this resource.
    public var subresources: [String] = []

    public var groupVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// The URL path of a collection (`name == nil`) or one object.
    public func path(namespace: String?, name objectName: String? = nil, subresource: String? = nil) -> String {
        var p = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        if namespaced, let namespace { p += "/namespaces/\(RESTClient.escape(namespace))" }
        p += "/\(name)"
        if let objectName { p += "/\(RESTClient.escape(objectName))" }
        if let subresource { p += "/\(subresource)" }
        return p
    }
}

/// The REST mapping of a cluster: GVK → resource, found by discovery once per run.
/// Aggregated discovery (`apidiscovery.k8s.io/v2`) is used when the server offers it, with a
/// fallback to one request per group version.
public struct RESTMapping: Sendable {
    public private(set) var resources: [APIResource] = []

    public init(resources: [APIResource]) { self.resources = resources }

    /// The resource for `apiVersion` + `kind` (`apps/v1`, `Deployment`).
    public func resource(apiVersion: String, kind: String) -> APIResource? {
        resources.first { $0.groupVersion == apiVersion && $0.kind == kind }
    }

    /// A resource named as kubectl accepts it: `deployments`, `deployment`, `deploy`,
    /// `Deployment`, `deployments.apps`, for the preferred (first-discovered) version.
    public func resource(named text: String) -> APIResource? {
        let lower = text.lowercased()
        var name = lower, group: String?
        if let dot = lower.firstIndex(of: ".") {
            name = String(lower[..<dot])
            group = String(lower[lower.index(after: dot)...])
        }
        let short = Self.shortNames[name] ?? name
        return resources.first { r in
            (group == nil || r.group == group) &&
                (r.name == short || r.kind.lowercased() == short || r.name == short + "s" || r.name == short + "es")
        }
    }

    static let shortNames = ["deploy": "deployments", "po": "pods", "svc": "services", "cm": "configmaps", "ns": "namespaces",
                             "rs": "replicasets", "hpa": "horizontalpodautoscalers", "cj": "cronjobs", "pdb": "poddisruptionbudgets",
                             "sa": "serviceaccounts", "ev": "events", "no": "nodes"]

    /// Runs discovery against the server.
    public static func discover(_ client: RESTClient) throws -> RESTMapping {
        if let aggregated = try? aggregatedDiscovery(client), !aggregated.isEmpty {
            return RESTMapping(resources: aggregated)
        }
        var out: [APIResource] = []
        let core = try json(client, "/api")
        for version in core["versions"]?.array ?? [] {
            guard let v = version.string else { continue }
            out += try resourceList(client, path: "/api/\(v)", group: "", version: v)
        }
        let groups = try json(client, "/apis")
        for group in groups["groups"]?.array ?? [] {
            guard let name = group["name"]?.string else { continue }
            let preferred = group["preferredVersion"]?["version"]?.string
            var versions = (group["versions"]?.array ?? []).compactMap { $0["version"]?.string }
            if let preferred, let i = versions.firstIndex(of: preferred) { versions.insert(versions.remove(at: i), at: 0) }
            for v in versions {
                out += (try? resourceList(client, path: "/apis/\(name)/\(v)", group: name, version: v)) ?? []
            }
        }
        return RESTMapping(resources: out)
    }

    private static func json(_ client: RESTClient, _ path: String, accept: String = "application/json") throws -> Value {
        let response = try client.send(HTTPRequest(method: "GET", url: client.url(path), headers: [("Accept", accept)]))
        return try JSONParser().parse(response.text)
    }

    private static func resourceList(_ client: RESTClient, path: String, group: String, version: String) throws -> [APIResource] {
        let list = try json(client, path)
        var out: [APIResource] = []
        var subresources: [String: [String]] = [:]
        for r in list["resources"]?.array ?? [] {
            guard let name = r["name"]?.string else { continue }
            if let slash = name.firstIndex(of: "/") {
                subresources[String(name[..<slash]), default: []].append(String(name[name.index(after: slash)...]))
                continue
            }
            out.append(APIResource(group: group, version: version, name: name, kind: r["kind"]?.string ?? "",
                                   namespaced: r["namespaced"] == .bool(true), verbs: (r["verbs"]?.array ?? []).compactMap(\.string)))
        }
        for i in out.indices { out[i].subresources = subresources[out[i].name] ?? [] }
        return out
    }

    private static func aggregatedDiscovery(_ client: RESTClient) throws -> [APIResource] {
        let accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json"
        var out: [APIResource] = []
        for root in ["/api", "/apis"] {
            let doc = try json(client, root, accept: accept)
            guard doc["kind"]?.string == "APIGroupDiscoveryList" else { return [] }
            for group in doc["items"]?.array ?? [] {
                let groupName = group["metadata"]?["name"]?.string ?? ""
                for version in group["versions"]?.array ?? [] {
                    guard let v = version["version"]?.string else { continue }
                    for r in version["resources"]?.array ?? [] {
                        guard let name = r["resource"]?.string else { continue }
                        out.append(APIResource(group: groupName, version: v, name: name,
                                               kind: r["responseKind"]?["kind"]?.string ?? "",
                                               namespaced: r["scope"]?.string == "Namespaced",
                                               verbs: (r["verbs"]?.array ?? []).compactMap(\.string),
                                               subresources: (r["subresources"]?.array ?? []).compactMap { $0["subresource"]?.string }))
                    }
                }
            }
        }
        return out
    }
}
