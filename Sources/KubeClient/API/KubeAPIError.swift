import Foundation
import YAML

/// An error answer from the API server, decoded from its `Status` object: code, reason,
/// message and causes. A server-side apply conflict (409 with `FieldManagerConflict` causes)
/// is worded as a list of the fields and the managers that own them, with what to do.
public struct KubeAPIError: Error, CustomStringConvertible, Sendable {
    /// One entry of `details.causes`.
    public struct Cause: Sendable, Equatable {
        public var reason: String
        public var message: String
        public var field: String

        /// For a `FieldManagerConflict`, the manager that owns the field (from
        /// `conflict with "kubectl" using apps/v1`).
        public var manager: String? {
            guard reason == "FieldManagerConflict", let start = message.range(of: "conflict with \"") else { return nil }
            let rest = message[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            return String(rest[..<end])
        }
    }

    public let code: Int
    public let reason: String
    public let message: String
    public let causes: [Cause]
    /// `details.retryAfterSeconds`, or the `Retry-After` header.
    public let retryAfterSeconds: Int?
    public let method: String
    public let url: String
    /// The object the request was about (`apps/v1 Deployment chatbot-dev/backend`), when known.
    public var object: String?

    init(response: HTTPResponse, method: String, url: String) {
        self.method = method
        self.url = url
        let status = try? JSONParser().parse(response.text)
        var retryAfter = response.headers["retry-after"].flatMap { Int($0) }
        if let status, status["kind"]?.string == "Status" {
            if case .int(let c)? = status["code"] { code = Int(c) } else { code = response.status }
            reason = status["reason"]?.string ?? ""
            message = status["message"]?.string ?? ""
            causes = (status["details"]?["causes"]?.array ?? []).map {
                Cause(reason: $0["reason"]?.string ?? "", message: $0["message"]?.string ?? "", field: $0["field"]?.string ?? "")
            }
            if case .int(let seconds)? = status["details"]?["retryAfterSeconds"] { retryAfter = Int(seconds) }
        } else {
            code = response.status
            reason = response.status == 401 ? "Unauthorized" : response.status == 403 ? "Forbidden" : ""
            let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
            message = text.isEmpty ? "the server answered \(response.status)" : String(text.prefix(500))
            causes = []
        }
        retryAfterSeconds = retryAfter
    }

    /// The fields of an apply conflict with their owners, in the server's order.
    public var conflicts: [(field: String, manager: String)] {
        causes.compactMap { cause in cause.manager.map { (cause.field, $0) } }
    }

    public var isApplyConflict: Bool { code == 409 && !conflicts.isEmpty }

    public var description: String {
        let prefix = object.map { "\($0): " } ?? ""
        if isApplyConflict {
            let list = conflicts
            let noun = list.count == 1 ? "1 field is" : "\(list.count) fields are"
            var lines = ["\(prefix)apply conflict (409): \(noun) owned by another field manager:"]
            for c in list { lines.append("  \(c.field): owned by \"\(c.manager)\"") }
            lines.append("Apply with force (--force-conflicts) to take these fields over, or stop setting them in this configuration.")
            return lines.joined(separator: "\n")
        }
        let r = reason.isEmpty ? "" : " (\(reason))"
        var text = "\(prefix)Error from server\(r): \(message)"
        let extra = causes.filter { !$0.field.isEmpty && !message.contains($0.field) }
        for cause in extra { text += "\n  \(cause.field): \(cause.message)" }
        return text
    }

    public var isNotFound: Bool { code == 404 }
    public var isConflict: Bool { code == 409 }
    public var isAlreadyExists: Bool { code == 409 && reason == "AlreadyExists" }
    public var isGone: Bool { code == 410 }
}
