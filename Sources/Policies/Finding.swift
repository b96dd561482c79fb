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

/// An object under check, with the file that produced it.
public struct CheckedObject: Sendable {
    public var object: Value
    public var file: String?

    public init(_ object: Value, file: String? = nil) {
        self.object = object
        self.file = file
    }

    /// `apps/v1 Deployment chatbot-dev/backend-deployment`, as errors name objects.
    public var name: String {
        let meta = object["metadata"]
        let ns = meta?["namespace"]?.string.map { "\($0)/" } ?? ""
        return "\(object["apiVersion"]?.string ?? "?") \(object["kind"]?.string ?? "?") \(ns)\(meta?["name"]?.string ?? "?")"
    }

    var kind: String { object["kind"]?.string ?? "" }
    var namespace: String { object["metadata"]?["namespace"]?.string ?? "" }
    var metadataName: String { object["metadata"]?["name"]?.string ?? "" }
}

extension CheckedObject {
    /// Every object in a multi-document YAML text (rendered manifests, kustomize output), each
    /// tagged with `file`; empty documents are left out. Errors name the file, line and column.
    public static func decodeAll(_ text: String, file: String) throws -> [CheckedObject] {
        try ValueDecoder.decodeAll(text, file: file).filter { !$0.isNull }.map { CheckedObject($0, file: file) }
    }
}
