import OrderedCollections
import YAML

/// A failure the API answers with a `Status` object, with the code, reason and message text
/// kube-apiserver uses, so clients (kubectl's error printer, Shipshape's `KubeAPIError`) read
/// it the same way.
public struct APIError: Error, Sendable, CustomStringConvertible {
    public var code: Int
    public var reason: String
    public var message: String
    public var details: Value?
    /// Extra response headers (Retry-After for 429 and injected 503s).
    public var headers: [(String, String)] = []

    public var description: String { "\(code) \(reason): \(message)" }

    public init(code: Int, reason: String, message: String, details: Value? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details
    }

    /// `details` as kube-apiserver fills them: `kind` is the resource (`pods`) for most errors,
    /// the Kind (`Job`) for Invalid, which kubectl prints as `The Job "x" is invalid`.
    static func detailsValue(name: String, type: ResourceType, causes: [Value] = [], kindIsKind: Bool = false) -> Value {
        var d: OrderedDictionary<String, Value> = ["name": .string(name)]
        if !type.group.isEmpty { d["group"] = .string(type.group) }
        d["kind"] = .string(kindIsKind ? type.kind : type.resource)
        if !causes.isEmpty { d["causes"] = .array(causes) }
        return .object(d)
    }

    static func notFound(_ type: ResourceType, _ name: String) -> APIError {
        APIError(code: 404, reason: "NotFound", message: "\(type.qualifiedResource) \"\(name)\" not found",
                 details: detailsValue(name: name, type: type))
    }

    static func alreadyExists(_ type: ResourceType, _ name: String) -> APIError {
        APIError(code: 409, reason: "AlreadyExists", message: "\(type.qualifiedResource) \"\(name)\" already exists",
                 details: detailsValue(name: name, type: type))
    }

    /// A write against a stale resourceVersion or failed precondition.
    static func conflict(_ type: ResourceType, _ name: String, _ why: String) -> APIError {
        APIError(code: 409, reason: "Conflict",
                 message: "Operation cannot be fulfilled on \(type.qualifiedResource) \"\(name)\": \(why)",
                 details: detailsValue(name: name, type: type))
    }

    static let modified = "the object has been modified; please apply your changes to the latest version and try again"

    /// 422 with one cause per invalid field, message as the server words it.
    static func invalid(_ type: ResourceType, _ name: String, _ causes: [(field: String, message: String, reason: String)]) -> APIError {
        let list = causes.map { "\($0.field): \($0.message)" }
        let joined = list.count == 1 ? list[0] : "[" + list.joined(separator: ", ") + "]"
        let causeValues: [Value] = causes.map {
            ["reason": .string($0.reason), "message": .string($0.message), "field": .string($0.field)]
        }
        return APIError(code: 422, reason: "Invalid",
                        message: "\(type.kind).\(type.group.isEmpty ? "" : type.group) \"\(name)\" is invalid: \(joined)"
                            .replacingOccurrences(of: ". \"", with: " \""),
                        details: detailsValue(name: name, type: type, causes: causeValues, kindIsKind: true))
    }

    static func badRequest(_ message: String) -> APIError {
        APIError(code: 400, reason: "BadRequest", message: message)
    }

    static func methodNotAllowed(_ message: String = "the server does not allow this method on the requested resource") -> APIError {
        APIError(code: 405, reason: "MethodNotAllowed", message: message)
    }

    static func unsupportedMediaType(_ contentType: String) -> APIError {
        APIError(code: 415, reason: "UnsupportedMediaType", message: "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got \(contentType))")
    }

    static func gone(_ message: String) -> APIError {
        APIError(code: 410, reason: "Expired", message: message)
    }

    static func pathNotFound() -> APIError {
        APIError(code: 404, reason: "NotFound", message: "the server could not find the requested resource")
    }

    /// The `Status` object the server writes for this error.
    public var status: Value {
        var s: OrderedDictionary<String, Value> = [
            "kind": "Status", "apiVersion": "v1", "metadata": .object([:]), "status": "Failure",
            "message": .string(message), "reason": .string(reason),
        ]
        if let details { s["details"] = details }
        s["code"] = .int(Int64(code))
        return .object(s)
    }
}
