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

    private func request(_ method: String, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil,
                         contentType: String? = nil, accept: String = "application/json") throws -> HTTPResponse {
        var headers: [(name: String, value: String)] = [("Accept", accept), ("User-Agent", "shipshape")]
        if let contentType { headers.append(("Content-Type", contentType)) }
        var req = HTTPRequest(method: method, url: rest.url(path, query: query), headers: headers, body: body)
        if contentType == PatchType.apply.rawValue { req.idempotent = true }
        return try rest.send(req)
    }

    /// One object, or nil if it does not exist.
    public func get(_ r: APIResource, name: String, namespace: String?) throws -> Value? {
        do {
            return try decode(request("GET", r.path(namespace: namespace ?? defaultNamespace, name: name)))
        } catch let error as KubeAPIError where error.isNotFound {
            return nil
        }
    }

    /// Every object of a resource, following `continue` tokens page by page.
    public func list(_ r: APIResource, namespace: String?, labelSelector: String? = nil, fieldSelector: String? = nil,
                     pageSize: Int = 500) throws -> [Value] {
        var items: [Value] = []
        var token: String?
        repeat {
            var query: [(String, String)] = [("limit", String(pageSize))]
            if let labelSelector { query.append(("labelSelector", labelSelector)) }
            if let fieldSelector { query.append(("fieldSelector", fieldSelector)) }
            if let token { query.append(("continue", token)) }
            let page = try decode(request("GET", r.path(namespace: r.namespaced ? namespace : nil), query: query))
            let kind = String(r.kind)
            for var item in page["items"]?.array ?? [] {
                // List items carry no kind/apiVersion; put them back as kubectl does.
                if case .object(var o) = item {
                    if o["apiVersion"] == nil { o["apiVersion"] = .string(r.groupVersion) }
                    if o["kind"] == nil { o["kind"] = .string(kind) }
                    item = .object(o)
                }
                items.append(item)
            }
            token = page["metadata"]?["continue"]?.string
            if token?.isEmpty == true { token = nil }
        } while token != nil
        return items
    }

    public func create(_ object: Value, namespace: String? = nil) throws -> Value {
        let r = try resource(for: object)
        let ns = namespace ?? object["metadata"]?["namespace"]?.string ?? defaultNamespace
        return try decode(request("POST", r.path(namespace: ns), body: Array(try JSONWriter().string(object).utf8),
                                  contentType: "application/json"))
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
                                  contentType: PatchType.apply.rawValue))
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
        return try decode(request("PATCH", r.path(namespace: namespace ?? defaultNamespace, name: name, subresource: subresource),
                                  query: query, body: Array(try JSONWriter().string(patch).utf8), contentType: type.rawValue))
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
            _ = try request("DELETE", r.path(namespace: namespace ?? defaultNamespace, name: name), body: Array(body.utf8),
                            contentType: "application/json")
        } catch let error as KubeAPIError where error.isNotFound {
            return
        }
    }

    /// Reads or replaces the `scale` subresource's replica count.
    public func scale(_ r: APIResource, name: String, namespace: String?, replicas: Int? = nil) throws -> Value {
        let path = r.path(namespace: namespace ?? defaultNamespace, name: name, subresource: "scale")
        if let replicas {
            let patch: Value = ["spec": ["replicas": .int(Int64(replicas))]]
            return try decode(request("PATCH", path, body: Array(try JSONWriter().string(patch).utf8),
                                      contentType: PatchType.merge.rawValue))
        }
        return try decode(request("GET", path))
    }

    /// A pod's log (`container`, `sinceSeconds`, `tailLines`, `previous` as kubectl logs).
    public func logs(pod: String, namespace: String?, container: String? = nil, sinceSeconds: Int? = nil,
                     tailLines: Int? = nil, previous: Bool = false) throws -> String {
        var query: [(String, String)] = []
        if let container { query.append(("container", container)) }
        if let sinceSeconds { query.append(("sinceSeconds", String(sinceSeconds))) }
        if let tailLines { query.append(("tailLines", String(tailLines))) }
        if previous { query.append(("previous", "true")) }
        let ns = namespace ?? defaultNamespace
        return try request("GET", "/api/v1/namespaces/\(RESTClient.escape(ns))/pods/\(RESTClient.escape(pod))/log",
                           query: query, accept: "text/plain").text
    }

    /// Pod metrics from `metrics.k8s.io/v1beta1`.
    public func podMetrics(namespace: String?) throws -> [Value] {
        let ns = namespace ?? defaultNamespace
        return try decode(request("GET", "/apis/metrics.k8s.io/v1beta1/namespaces/\(RESTClient.escape(ns))/pods"))["items"]?.array ?? []
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

/// A client-side problem: what was asked that cannot be done, and why.
public struct KubeClientError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
