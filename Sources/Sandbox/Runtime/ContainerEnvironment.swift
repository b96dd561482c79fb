import Foundation
import Kubernetes
import OrderedCollections
import YAML

/// A container's environment as the kubelet builds it (`makeEnvironmentVariables`): `envFrom`
/// sources in order, then `env` entries (literals with `$(VAR)` expansion over what came
/// before, `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef`), then the
/// `KUBERNETES_SERVICE_*` variables of the API server's Service. Pure: ConfigMaps and Secrets
/// come through `lookup`.
struct ContainerEnvironment {
    /// A reference the kubelet cannot resolve: the container waits in
    /// `CreateContainerConfigError` with this message, as on a real node.
    struct ConfigError: Error, Equatable {
        var message: String
    }

    /// Reads a ConfigMap (`kind` "ConfigMap") or Secret ("Secret") of the pod's namespace.
    typealias Lookup = (_ kind: String, _ name: String) -> Value?

    var pod: Value
    var container: Value
    /// `KUBERNETES_SERVICE_HOST`, `..._PORT` and friends, added where the pod did not set them.
    var serviceVariables: OrderedDictionary<String, String>
    var lookup: Lookup

    var namespace: String { pod[path: ["metadata", "namespace"]]?.string ?? "default" }

    /// The variables in kubelet order.
    func variables() throws(ConfigError) -> OrderedDictionary<String, String> {
        var env: OrderedDictionary<String, String> = [:]
        for source in container["envFrom"]?.array ?? [] {
            let prefix = source["prefix"]?.string ?? ""
            for (kind, field) in [("ConfigMap", "configMapRef"), ("Secret", "secretRef")] {
                guard let ref = source[field] else { continue }
                let name = ref["name"]?.string ?? ""
                guard let object = lookup(kind, name) else {
                    if ref["optional"]?.boolValue == true { continue }
                    throw ConfigError(message: "\(kind.lowercased()) \"\(name)\" not found")
                }
                for (key, value) in Self.data(of: object, kind: kind) { env[prefix + key] = value }
            }
        }
        for entry in container["env"]?.array ?? [] {
            guard let name = entry["name"]?.string else { continue }
            if let literal = entry["value"]?.string, !literal.isEmpty {
                env[name] = VariableExpansion.expand(literal) { env[$0] ?? serviceVariables[$0] }
            } else if let from = entry["valueFrom"] {
                env[name] = try resolve(from)
            } else {
                env[name] = ""
            }
        }
        for (name, value) in serviceVariables where env[name] == nil { env[name] = value }
        return env
    }

    /// The container's argv: `command` (else the image's entrypoint) then `args` (else the
    /// image's cmd when `command` is not set), each expanded with the environment.
    func argv(image: ImageConfig, environment: OrderedDictionary<String, String>) -> [String] {
        let command = container["command"]?.array?.compactMap(\.string)
        let args = container["args"]?.array?.compactMap(\.string)
        let expand = { (s: String) in VariableExpansion.expand(s) { environment[$0] } }
        let head = command.map { $0.map(expand) } ?? image.entrypoint
        let tail = args.map { $0.map(expand) } ?? (command == nil ? image.cmd : [])
        return head + tail
    }

    private func resolve(_ from: Value) throws(ConfigError) -> String {
        if let field = from[path: ["fieldRef", "fieldPath"]]?.string {
            return fieldValue(field)
        }
        if let resource = from["resourceFieldRef"] {
            return resourceValue(resource)
        }
        for (kind, field) in [("ConfigMap", "configMapKeyRef"), ("Secret", "secretKeyRef")] {
            guard let ref = from[field] else { continue }
            let name = ref["name"]?.string ?? "", key = ref["key"]?.string ?? ""
            let optional = ref["optional"]?.boolValue == true
            guard let object = lookup(kind, name) else {
                if optional { return "" }
                throw ConfigError(message: "\(kind.lowercased()) \"\(name)\" not found")
            }
            guard let value = Self.data(of: object, kind: kind)[key] else {
                if optional { return "" }
                throw ConfigError(message: "couldn't find key \(key) in \(kind) \(namespace)/\(name)")
            }
            return value
        }
        return ""
    }

    /// The downward API's `fieldRef` paths.
    private func fieldValue(_ path: String) -> String {
        func bracketed(_ prefix: String) -> String? {
            guard path.hasPrefix(prefix + "['"), path.hasSuffix("']") else { return nil }
            return String(path.dropFirst(prefix.count + 2).dropLast(2))
        }
        if let key = bracketed("metadata.labels") { return pod[path: ["metadata", "labels", key]]?.string ?? "" }
        if let key = bracketed("metadata.annotations") { return pod[path: ["metadata", "annotations", key]]?.string ?? "" }
        switch path {
        case "metadata.name": return pod[path: ["metadata", "name"]]?.string ?? ""
        case "metadata.namespace": return namespace
        case "metadata.uid": return pod[path: ["metadata", "uid"]]?.string ?? ""
        case "spec.nodeName": return pod[path: ["spec", "nodeName"]]?.string ?? ""
        case "spec.serviceAccountName": return pod[path: ["spec", "serviceAccountName"]]?.string ?? "default"
        case "status.podIP": return pod[path: ["status", "podIP"]]?.string ?? ""
        case "status.hostIP": return pod[path: ["status", "hostIP"]]?.string ?? ""
        default: return ""
        }
    }

    /// `resourceFieldRef`: a limit or request of the container, in units of `divisor` rounded
    /// up, as the kubelet's `ExtractContainerResourceValue` does.
    private func resourceValue(_ ref: Value) -> String {
        guard let resource = ref["resource"]?.string else { return "" }
        let parts = resource.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let text = container[path: ["resources", parts[0], parts[1]]]?.string,
              let quantity = try? Quantity(parsing: text) else { return "" }
        let divisor = (ref["divisor"]?.string).flatMap { try? Quantity(parsing: $0) }?.doubleValue ?? 1
        guard divisor > 0 else { return "" }
        let units = (quantity.doubleValue / divisor).rounded(.up)
        guard units.isFinite, abs(units) < 1e18 else { return "" }
        return String(Int64(units))
    }

    /// A ConfigMap's `data` (and `binaryData`), or a Secret's `data` decoded from base64 (and
    /// `stringData`, which the API server would have folded in).
    static func data(of object: Value, kind: String) -> OrderedDictionary<String, String> {
        var out: OrderedDictionary<String, String> = [:]
        if kind == "Secret" {
            for (k, v) in object["data"]?.object ?? [:] {
                out[k] = v.string.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
            for (k, v) in object["stringData"]?.object ?? [:] { out[k] = v.string ?? "" }
        } else {
            for (k, v) in object["data"]?.object ?? [:] { out[k] = v.string ?? "" }
            for (k, v) in object["binaryData"]?.object ?? [:] {
                out[k] = v.string.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
        }
        return out
    }
}
