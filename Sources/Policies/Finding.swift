import YAML

/// One violation: which rule, which object (and the file that rendered it), and why.
public struct Finding: Sendable, Equatable, CustomStringConvertible {
    public var rule: String
    public var severity: Severity
    /// `apps/v1 Deployment chatbot-dev/backend-deployment`.
    public var object: String
    /// The file the object came from (`chatbot/templates/backend.yaml`), when known.
    public var file: String?
    public var message: String

    public var description: String {
        (file.map { "\($0): " } ?? "") + "\(object): [\(severity.rawValue)] \(rule): \(message)"
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
