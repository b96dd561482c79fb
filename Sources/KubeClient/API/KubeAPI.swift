import Foundation
import YAML

/// The Kubernetes API as Shipshape's jobs use it: typed paths from discovery, server-side
/// apply, patches, deletes with preconditions, subresources, logs, events, metrics and leases.
public final class KubeAPI: @unchecked Sendable {
    public let rest: RESTClient
    private var mappingCache: RESTMapping?
    private let lock = NSLock()

    public init(config: ClientConfig) throws {
        rest = try RESTClient(config: config)
    }

    public var defaultNamespace: String { rest.config.namespace }

    /// The REST mapping, discovered on first use and cached for the run.
    public func mapping() throws -> RESTMapping {
        lock.lock()
        defer { lock.unlock() }
        if let mappingCache { return mappingCache }
        let m = try RESTMapping.discover(rest)
        mappingCache = m
        return m
    }

    public func resource(apiVersion: String, kind: String) throws -> APIResource {
        guard let r = try mapping().resource(apiVersion: apiVersion, kind: kind) else {
            throw KubeClientError("the server has no resource for \(apiVersion) \(kind) (is the API group installed?)")
        }
        return r
    }

    private func decode(_ response: HTTPResponse) throws -> Value {
        try JSONParser().parse(response.text)
    }

    /// `apps/v1 Deployment chatbot-dev/backend`, as errors name an object.
    public static func describe(_ r: APIResource, namespace: String?, name: String?) -> String {
        let ns = r.namespaced ? namespace.map { "\($0)/" } ?? "" : ""
        return "\(r.groupVersion) \(r.kind)" + (name.map { " \(ns)\($0)" } ?? (r.namespaced && namespace != nil ? " in namespace \(namespace!)" : ""))
    }

    /// Sends one request; an error answer is thrown as `KubeAPIError` naming `about`.
    func request(_ method: String, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil,
                 contentType: String? = nil, accept: String = "application/json", about: String? = nil,
                 stream: ((UnsafeRawBufferPointer) -> Bool)? = nil) throws -> HTTPResponse {
        var headers: [(name: String, value: String)] = [("Accept", accept), ("User-Agent", "shipshape")]
        if let contentType { headers.append(("Content-Type", contentType)) }
        var req = HTTPRequest(method: method, url: rest.url(path, query: query), headers: headers, body: body)
        if contentType == PatchType.apply.rawValue { req.idempotent = true }
        do {
            return try rest.send(req, stream: stream)
        } catch var error as KubeAPIError {
            if error.object == nil { error.object = about }
            throw error
        }
    }

    /// One object, or nil if it does not exist.
    public func get(_ r: APIResource, name: String, namespace: String?) throws -> Value? {
        do {
            let ns = namespace ?? defaultNamespace
            return try decode(request("GET", r.path(namespace: ns, name: name), about: Self.describe(r, namespace: ns, name: name)))
        } catch let error as KubeAPIError where error.isNotFound {
            return nil
        }
    }

    /// Every object of a resource, following `continue` tokens page by page.
    public func list(_ r: APIResource, namespace: String?, labelSelector: String? = nil, fieldSelector: String? = nil,
                     pageSize: Int = 500) throws -> [Value] {
        try listWithVersion(r, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector,
                            pageSize: pageSize).items
    }

    /// Every object and the list's `resourceVersion` (where a watch should start).
    public func listWithVersion(_ r: APIResource, namespace: String?, labelSelector: String? = nil, fieldSelector: String? = nil,
                                pageSize: Int = 500) throws -> (items: [Value], resourceVersion: String) {
        var items: [Value] = []
        var token: String?
        var version = ""
        repeat {
            let page = try listPage(r, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector,
                                    limit: pageSize, continue: token)
            items += page.items
            token = page.continue
            version = page.resourceVersion
        } while token != nil
        return (items, version)
    }

    /// One page of a list: up to `limit` objects and the `continue` token for the next page.
    public func listPage(_ r: APIResource, namespace: String?, labelSelector: String? = nil, fieldSelector: String? = nil,
                         limit: Int? = nil, continue token: String? = nil) throws -> ListPage {
        var query: [(String, String)] = []
        if let limit { query.append(("limit", String(limit))) }
        if let labelSelector { query.append(("labelSelector", labelSelector)) }
        if let fieldSelector { query.append(("fieldSelector", fieldSelector)) }
        if let token { query.append(("continue", token)) }
        let ns = r.namespaced ? namespace : nil
        let page = try decode(request("GET", r.path(namespace: ns), query: query, about: Self.describe(r, namespace: ns, name: nil)))
        let items = (page["items"]?.array ?? []).map { item -> Value in
            // List items carry no kind/apiVersion; put them back as kubectl does.
            guard case .object(var o) = item else { return item }
            if o["apiVersion"] == nil { o["apiVersion"] = .string(r.groupVersion) }
            if o["kind"] == nil { o["kind"] = .string(r.kind) }
            return .object(o)
        }
        let next = page["metadata"]?["continue"]?.string
        return ListPage(items: items, continue: next?.isEmpty == false ? next : nil,
                        resourceVersion: page["metadata"]?["resourceVersion"]?.string ?? "",
                        remainingItemCount: page["metadata"]?["remainingItemCount"]?.intValue)
    }

    public func create(_ object: Value, namespace: String? = nil) throws -> Value {
        let r = try resource(for: object)
        let ns = namespace ?? object["metadata"]?["namespace"]?.string ?? defaultNamespace
        return try decode(request("POST", r.path(namespace: ns), body: Array(try JSONWriter().string(object).utf8),
                                  contentType: "application/json",
                                  about: Self.describe(r, namespace: ns, name: object["metadata"]?["name"]?.string)))
    }

    /// Replaces an object (PUT). With `metadata.resourceVersion` set, the server refuses (409)
    /// if the object changed since it was read: optimistic concurrency.
    public func replace(_ object: Value, subresource: String? = nil) throws -> Value {
        let r = try resource(for: object)
        guard let name = object["metadata"]?["name"]?.string else {
            throw KubeClientError("\(r.groupVersion) \(r.kind) has no metadata.name")
        }
        let ns = object["metadata"]?["namespace"]?.string ?? defaultNamespace
        return try decode(request("PUT", r.path(namespace: ns, name: name, subresource: subresource),
                                  body: Array(try JSONWriter().string(object).utf8), contentType: "application/json",
                                  about: Self.describe(r, namespace: ns, name: name)))
    }

    /// Server-side apply (`application/apply-patch+yaml`) under `fieldManager`.
    public func apply(_ object: Value, fieldManager: String, force: Bool = false, dryRun: Bool = false) throws -> Value {
        let r = try resource(for: object)
        guard let name = object["metadata"]?["name"]?.string else {
            throw KubeClientError("\(r.groupVersion) \(r.kind) has no metadata.name")
        }
        let ns = object["metadata"]?["namespace"]?.string ?? defaultNamespace
        var query: [(String, String)] = [("fieldManager", fieldManager)]
        if force { query.append(("force", "true")) }
        if dryRun { query.append(("dryRun", "All")) }
        let body = Array(try JSONWriter().string(object).utf8)
        return try decode(request("PATCH", r.path(namespace: ns, name: name), query: query, body: body,
                                  contentType: PatchType.apply.rawValue, about: Self.describe(r, namespace: ns, name: name)))
    }

    public enum PatchType: String, Sendable {
        case merge = "application/merge-patch+json"
        case strategic = "application/strategic-merge-patch+json"
        case json = "application/json-patch+json"
        case apply = "application/apply-patch+yaml"
    }

    public func patch(_ r: APIResource, name: String, namespace: String?, patch: Value, type: PatchType,
                      subresource: String? = nil, fieldManager: String? = nil) throws -> Value {
        var query: [(String, String)] = []
        if let fieldManager { query.append(("fieldManager", fieldManager)) }
        let ns = namespace ?? defaultNamespace
        return try decode(request("PATCH", r.path(namespace: ns, name: name, subresource: subresource),
                                  query: query, body: Array(try JSONWriter().string(patch).utf8), contentType: type.rawValue,
                                  about: Self.describe(r, namespace: ns, name: name)))
    }

    /// Deletes an object; `propagation` is `Background`, `Foreground` or `Orphan`. With
    /// preconditions the server refuses (409) if the object changed since it was read.
    public func delete(_ r: APIResource, name: String, namespace: String?, propagation: String? = nil,
                       uid: String? = nil, resourceVersion: String? = nil) throws {
        var options: [String: Value] = ["kind": "DeleteOptions", "apiVersion": "v1"]
        if let propagation { options["propagationPolicy"] = .string(propagation) }
        var pre: [String: Value] = [:]
        if let uid { pre["uid"] = .string(uid) }
        if let resourceVersion { pre["resourceVersion"] = .string(resourceVersion) }
        if !pre.isEmpty { options["preconditions"] = .object(.init(uniqueKeysWithValues: pre.sorted { $0.key < $1.key })) }
        let body = try JSONWriter().string(.object(.init(uniqueKeysWithValues: options.sorted { $0.key < $1.key })))
        do {
            let ns = namespace ?? defaultNamespace
            _ = try request("DELETE", r.path(namespace: ns, name: name), body: Array(body.utf8),
                            contentType: "application/json", about: Self.describe(r, namespace: ns, name: name))
        } catch let error as KubeAPIError where error.isNotFound {
            return
        }
    }

    /// Reads or replaces the `scale` subresource's replica count.
    public func scale(_ r: APIResource, name: String, namespace: String?, replicas: Int? = nil) throws -> Value {
        let ns = namespace ?? defaultNamespace
        let path = r.path(namespace: ns, name: name, subresource: "scale")
        let about = Self.describe(r, namespace: ns, name: name)
        if let replicas {
            let patch: Value = ["spec": ["replicas": .int(Int64(replicas))]]
            return try decode(request("PATCH", path, body: Array(try JSONWriter().string(patch).utf8),
                                      contentType: PatchType.merge.rawValue, about: about))
        }
        return try decode(request("GET", path, about: about))
    }

    /// A pod's log (`container`, `sinceSeconds`, `sinceTime` (RFC 3339, seconds), `tailLines`,
    /// `previous`, `timestamps` as kubectl logs).
    public func logs(pod: String, namespace: String?, container: String? = nil, sinceSeconds: Int? = nil, sinceTime: String? = nil,
                     tailLines: Int? = nil, previous: Bool = false, timestamps: Bool = false) throws -> String {
        var query: [(String, String)] = []
        if let container { query.append(("container", container)) }
        if let sinceSeconds { query.append(("sinceSeconds", String(sinceSeconds))) }
        if let sinceTime { query.append(("sinceTime", sinceTime)) }
        if timestamps { query.append(("timestamps", "true")) }
        if let tailLines { query.append(("tailLines", String(tailLines))) }
        if previous { query.append(("previous", "true")) }
        let ns = namespace ?? defaultNamespace
        return try request("GET", "/api/v1/namespaces/\(RESTClient.escape(ns))/pods/\(RESTClient.escape(pod))/log",
                           query: query, accept: "text/plain", about: "v1 Pod \(ns)/\(pod)").text
    }

    /// Pod metrics from `metrics.k8s.io/v1beta1` (`PodMetrics`: usage per container).
    public func podMetrics(namespace: String?) throws -> [Value] {
        let ns = namespace ?? defaultNamespace
        return try decode(request("GET", "/apis/metrics.k8s.io/v1beta1/namespaces/\(RESTClient.escape(ns))/pods",
                                  about: "metrics.k8s.io/v1beta1 PodMetrics in namespace \(ns)"))["items"]?.array ?? []
    }

    /// Node metrics from `metrics.k8s.io/v1beta1` (`NodeMetrics`: usage per node).
    public func nodeMetrics() throws -> [Value] {
        try decode(request("GET", "/apis/metrics.k8s.io/v1beta1/nodes", about: "metrics.k8s.io/v1beta1 NodeMetrics"))["items"]?.array ?? []
    }

    /// Events in a namespace, optionally about one object.
    public func events(namespace: String?, involving name: String? = nil) throws -> [Value] {
        let r = APIResource(group: "", version: "v1", name: "events", kind: "Event", namespaced: true, verbs: [])
        return try list(r, namespace: namespace ?? defaultNamespace, fieldSelector: name.map { "involvedObject.name=\($0)" })
    }

    /// The resource of an object, from its `apiVersion` and `kind`.
    public func resource(for object: Value) throws -> APIResource {
        guard let apiVersion = object["apiVersion"]?.string, let kind = object["kind"]?.string else {
            throw KubeClientError("the object has no apiVersion or kind")
        }
        return try resource(apiVersion: apiVersion, kind: kind)
    }
}

/// One page of a list.
public struct ListPage: Sendable {
    public var items: [Value]
    /// The token for the next page; nil on the last.
    public var `continue`: String?
    public var resourceVersion: String
    public var remainingItemCount: Int?
}

/// A client-side problem: what was asked that cannot be done, and why.
public struct KubeClientError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
