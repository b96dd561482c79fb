import OrderedCollections
import YAML

/// The OpenAPI v3 documents clients consult: kubectl checks that each kind's PATCH operation
/// declares the `fieldValidation` parameter before it leaves validation to the server, and
/// `kubectl explain` reads the schemas. The Sandbox publishes paths and operations with their
/// GVK extensions, and the schemas `OpenAPISchemas` generates from the protobuf field tables.
enum OpenAPIDocuments {
    static func index(_ catalog: ResourceCatalog) -> Value {
        var paths: OrderedDictionary<String, Value> = [:]
        var seen = Set<String>()
        for t in catalog.types where seen.insert(t.apiVersion).inserted {
            let key = t.group.isEmpty ? "api/\(t.version)" : "apis/\(t.group)/\(t.version)"
            // kubectl caches documents by this hash, so it changes with the document: with the
            // group's kinds and with the schemas (computed once, the tables being fixed).
            let kinds = catalog.types.filter { $0.apiVersion == t.apiVersion }.map { "\($0.kind)/\($0.namespaced)" }.joined(separator: ",")
            let hash = Cluster.fnv("\(key) \(kinds) \(OpenAPISchemas.fingerprint)")
            paths[key] = ["serverRelativeURL": .string("/openapi/v3/\(key)?hash=\(String(hash, radix: 16))")]
        }
        return ["paths": .object(paths)]
    }

    static func groupVersion(_ catalog: ResourceCatalog, path: String) -> Value? {
        let parts = path.split(separator: "/").map(String.init)
        let group: String, version: String
        if parts.count == 2, parts[0] == "api" { group = ""; version = parts[1] }
        else if parts.count == 3, parts[0] == "apis" { group = parts[1]; version = parts[2] }
        else { return nil }
        let types = catalog.types.filter { $0.group == group && $0.version == version }
        guard !types.isEmpty else { return nil }
        let parameters: Value = .array(["dryRun", "fieldManager", "fieldValidation", "force", "pretty"].map {
            ["name": .string($0), "in": "query", "schema": ["type": "string"], "uniqueItems": true]
        })
        var paths: OrderedDictionary<String, Value> = [:]
        for t in types {
            let gvk: Value = ["group": .string(t.group), "version": .string(t.version), "kind": .string(t.kind)]
            let base = (group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)")
                + (t.namespaced ? "/namespaces/{namespace}" : "") + "/\(t.resource)/{name}"
            func op(_ id: String) -> Value {
                ["operationId": .string(id + t.kind), "parameters": parameters, "x-kubernetes-group-version-kind": gvk,
                 "responses": ["200": ["description": "OK"]]]
            }
            paths[base] = ["get": op("read"), "put": op("replace"), "patch": op("patch"), "delete": op("delete")]
        }
        return ["openapi": "3.0.0", "info": ["title": "Kubernetes", "version": .string(APIServerVersion.gitVersion)],
                "paths": .object(paths), "components": ["schemas": .object(OpenAPISchemas.components(types))]]
    }
}
