import YAML

/// One violation: which rule, which object (and the file that rendered it), and why.
public struct Finding: Sendable, Equatable, CustomStringConvertible {
    public var rule: String
    public var severity: Severity
    /// `apps/v1 Deployment chatbot-dev/backend-deployment`.
    public var object: String
    /// The file the object came from (`charts/chatbot/templates/backend.yaml`), when known.
    public var file: String?
    public var message: String

    public init(rule: String, severity: Severity, object: String, file: String? = nil, message: String) {
        self.rule = rule
        self.severity = severity
        self.object = object
        self.file = file
        self.message = message
    }

    /// `apps/v1 Deployment chatbot-dev/backend: container "backend" has no readiness probe
    /// [probes.readiness]`; severities below error say so before the message.
    public var description: String {
        "\(object): \(severity == .error ? "" : "\(severity.rawValue): ")\(message) [\(rule)]"
    }
}

/// An object under check, with the file that produced it. Its kind, namespace and name are
/// read once, since every rule asks for them.
public struct CheckedObject: Sendable {
    public let object: Value
    public var file: String?
    let kind: String
    let namespace: String
    let metadataName: String

    public init(_ object: Value, file: String? = nil) {
        self.object = object
        self.file = file
        kind = object["kind"]?.string ?? ""
        namespace = object["metadata"]?["namespace"]?.string ?? ""
        metadataName = object["metadata"]?["name"]?.string ?? ""
    }

    /// `apps/v1 Deployment chatbot-dev/backend-deployment`, as errors name objects.
    public var name: String {
        "\(object["apiVersion"]?.string ?? "?") \(kind.isEmpty ? "?" : kind) \(namespace.isEmpty ? "" : namespace + "/")\(metadataName.isEmpty ? "?" : metadataName)"
    }
}

extension CheckedObject {
    /// Every object in a multi-document YAML text (rendered manifests, kustomize output), each
    /// tagged with `file`; empty documents are left out. Errors name the file, line and column.
    public static func decodeAll(_ text: String, file: String) throws -> [CheckedObject] {
        try ValueDecoder.decodeAll(text, file: file).filter { !$0.isNull }.map { CheckedObject($0, file: file) }
    }
}
