import Kubernetes
import OrderedCollections
import YAML

/// OpenAPI v3 `components.schemas` for the kinds the Sandbox serves, generated from the same
/// field tables that decode protobuf bodies (`ProtobufSchema`), so the Sandbox has one type
/// model. `kubectl explain` reads them: each top-level kind carries
/// `x-kubernetes-group-version-kind`, nested messages are `$ref`s named as Kubernetes names
/// them (`io.k8s.api.apps.v1.DeploymentSpec`), and lists carry the merge keys kubectl's
/// client-side apply and strategic merge patches use (`MergeKeys`, `ListMapKeys`).
/// Descriptions are the one-line ones in `OpenAPIDescriptions`.
enum OpenAPISchemas {
    /// The OpenAPI name of a protobuf message: `k8s.io.api.core.v1.Pod` → `io.k8s.api.core.v1.Pod`.
    static func schemaName(_ protoName: String) -> String {
        protoName.hasPrefix("k8s.io.") ? "io.k8s." + protoName.dropFirst("k8s.io.".count) : protoName
    }

    /// A hash of every schema the tables give, for the documents' cache keys.
    static let fingerprint: String = {
        let all = APIResponse.json(.object(components(ResourceCatalog.standard.types))).body
        return String(Cluster.fnv(String(decoding: all, as: UTF8.self)), radix: 16)
    }()

    /// The schemas of these kinds and of every message they reach, sorted by name.
    static func components(_ types: [ResourceType]) -> OrderedDictionary<String, Value> {
        var kinds: [String: ResourceType] = [:]
        var pending: [String] = []
        for t in types {
            guard let message = ProtobufSchema.message(apiVersion: t.apiVersion, kind: t.kind) else { continue }
            kinds[message.name] = t
            pending.append(message.name)
        }
        var out: [String: Value] = [:]
        while let name = pending.popLast() {
            guard out[schemaName(name)] == nil, let message = ProtobufSchema.messages[name] else { continue }
            out[schemaName(name)] = schema(message, kind: kinds[name], refs: &pending)
        }
        return OrderedDictionary(uniqueKeysWithValues: out.sorted { $0.key < $1.key })
    }

    private static func schema(_ message: ProtoMessage, kind: ResourceType?, refs: inout [String]) -> Value {
        var s: OrderedDictionary<String, Value> = [:]
        if let d = OpenAPIDescriptions.message(message.name) { s["description"] = .string(d) }
        switch message.special {
        case .time?, .microTime?:
            s["type"] = "string"
            s["format"] = "date-time"
            return .object(s)
        // Either-typed values have no `type`, as kube-apiserver's v3 documents give them
        // (kubectl explain then names them by their schema: <Quantity>, <IntOrString>).
        case .quantity?:
            s["oneOf"] = [["type": "string"], ["type": "number"]]
            return .object(s)
        case .intOrString?:
            s["format"] = "int-or-string"
            s["oneOf"] = [["type": "integer"], ["type": "string"]]
            return .object(s)
        case .rawExtension?:
            s["type"] = "object"
            return .object(s)
        case .stringList?:
            s["type"] = "array"
            s["items"] = ["type": "string", "default": ""]
            return .object(s)
        case nil:
            break
        }
        var properties: OrderedDictionary<String, Value> = [:]
        if let kind {
            properties["apiVersion"] = ["description": .string(OpenAPIDescriptions.apiVersion), "type": "string"]
            properties["kind"] = ["description": .string(OpenAPIDescriptions.kind), "type": "string"]
        }
        collect(message, into: &properties, refs: &refs)
        s["type"] = "object"
        s["properties"] = .object(OrderedDictionary(uniqueKeysWithValues: properties.sorted { $0.key < $1.key }))
        if let kind {
            s["x-kubernetes-group-version-kind"] = [["group": .string(kind.group), "kind": .string(kind.kind), "version": .string(kind.version)]]
        }
        return .object(s)
    }

    /// The properties of a message, inlined (embedded) messages' properties among them.
    private static func collect(_ message: ProtoMessage, into properties: inout OrderedDictionary<String, Value>, refs: inout [String]) {
        for field in message.fields {
            if field.inline, case .message(let name) = field.type, let inner = ProtobufSchema.messages[name] {
                collect(inner, into: &properties, refs: &refs)
            } else if !field.inline {
                properties[field.name] = property(field, in: message, refs: &refs)
            }
        }
    }

    private static func property(_ field: ProtoField, in message: ProtoMessage, refs: inout [String]) -> Value {
        let element: Value
        switch field.type {
        case .scalar(.string): element = ["type": "string"]
        case .scalar(.bytes): element = ["type": "string", "format": "byte"]
        case .scalar(.int32): element = ["type": "integer", "format": "int32"]
        case .scalar(.int64): element = ["type": "integer", "format": "int64"]
        case .scalar(.bool): element = ["type": "boolean"]
        case .scalar(.double): element = ["type": "number", "format": "double"]
        case .message(let name):
            refs.append(name)
            element = ["allOf": [["$ref": .string("#/components/schemas/\(schemaName(name))")]]]
        }
        var p: OrderedDictionary<String, Value> = [:]
        if let d = OpenAPIDescriptions.field(message.name, field.name) { p["description"] = .string(d) }
        switch field.cardinality {
        case .single:
            for (k, v) in element.object ?? [:] { p[k] = v }
        case .map:
            p["type"] = "object"
            p["additionalProperties"] = element
        case .repeated:
            p["type"] = "array"
            p["items"] = element
            // Merge keys as kube-apiserver publishes them; the paths are the ones MergeKeys
            // answers for (a Service's `spec.ports` is the one list whose keys depend on it).
            let isService = message.name == ProtobufSchema.core + "ServiceSpec"
            let path = isService ? ["spec", field.name] : [field.name]
            let elementFields: Set<String>
            if case .message(let name) = field.type { elementFields = Set(ProtobufSchema.messages[name]?.fields.map(\.name) ?? []) } else { elementFields = [] }
            if let keys = MergeKeys.applyKeys(path: path, kind: isService ? "Service" : ""), keys.allSatisfy(elementFields.contains) {
                p["x-kubernetes-list-type"] = "map"
                p["x-kubernetes-list-map-keys"] = .array(keys.map(Value.string))
                if let key = MergeKeys.patchKey(path: path, kind: isService ? "Service" : "") {
                    p["x-kubernetes-patch-merge-key"] = .string(key)
                    p["x-kubernetes-patch-strategy"] = "merge"
                }
            } else if message.name == ProtobufSchema.meta + "ObjectMeta", MergeKeys.isSet(path: ["metadata", field.name]) {
                p["x-kubernetes-list-type"] = "set"
                p["x-kubernetes-patch-strategy"] = "merge"
            }
        }
        return .object(p)
    }
}
