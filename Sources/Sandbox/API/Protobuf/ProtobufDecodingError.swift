/// Why a `application/vnd.kubernetes.protobuf` request body could not be read.
enum ProtobufDecodingError: Error, Equatable, CustomStringConvertible {
    /// The bytes are not a well-formed message (`message` names the protobuf message being read).
    case malformed(_ message: String, _ detail: String)
    /// A field number the Sandbox's table for this message does not know: refused rather
    /// than dropped, so nothing the client sent is silently lost.
    case unknownField(_ message: String, _ number: Int)
    /// An object kind the Sandbox has no protobuf table for.
    case unsupportedKind(apiVersion: String, kind: String)
    /// A `runtime.Unknown` whose raw bytes are compressed or in another content type.
    case unsupportedEncoding(String)

    /// Whether the body is well-formed but asks for something the Sandbox cannot read (415),
    /// rather than broken (400).
    var isUnsupported: Bool {
        if case .malformed = self { return false }
        return true
    }

    var description: String {
        let advice = "write the object as YAML and use `kubectl apply -f` (JSON and YAML bodies are read in full)"
        switch self {
        case .malformed(let message, let detail):
            return "the protobuf request body is malformed: \(message): \(detail)"
        case .unknownField(let message, let number):
            return "the Sandbox cannot decode field \(number) of protobuf message \(message): it is not in the Sandbox's field table; \(advice)"
        case .unsupportedKind(let apiVersion, let kind):
            return "the Sandbox has no protobuf field table for \(kind) (\(apiVersion.isEmpty ? "no apiVersion" : apiVersion)); \(advice)"
        case .unsupportedEncoding(let encoding):
            return "the protobuf request body's object is encoded as \(encoding), which the Sandbox does not read; \(advice)"
        }
    }
}
