import Kubernetes
import YAML

/// What debug logs may show of a request or response. Bearer tokens, basic credentials and
/// Secret contents (`data`, `stringData` and a last-applied annotation that would copy them)
/// are replaced, so `--v=8` output can be pasted into an issue.
enum Redaction {
    static let marker = "<redacted>"
    static let sensitiveHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-remote-user"]

    /// One header as a log line: credentials keep their scheme only (`Bearer <redacted>`).
    static func header(_ name: String, _ value: String) -> String {
        guard sensitiveHeaders.contains(name.lowercased()) else { return "\(name): \(value)" }
        let scheme = value.split(separator: " ", maxSplits: 1).first.map { "\($0) " } ?? ""
        return "\(name): \(scheme)\(marker)"
    }

    /// A body as a log line: JSON with Secrets redacted, other text truncated to `limit` bytes.
    static func body(_ bytes: [UInt8], limit: Int = 4096) -> String {
        if bytes.isEmpty { return "" }
        if let value = try? JSONParser().parse(bytes: bytes) {
            let safe = redactSecrets(value)
            let text = (try? JSONWriter(indent: nil, sortKeys: false, escapeHTML: false).string(safe)) ?? "<\(bytes.count) bytes>"
            return truncate(text, limit)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        // A YAML apply body: only logged once we know it carries no Secret.
        if let value = try? ValueDecoder.decode(text), case .object = value {
            let safe = redactSecrets(value)
            return truncate((try? JSONWriter(indent: nil, sortKeys: false, escapeHTML: false).string(safe)) ?? "<\(bytes.count) bytes>", limit)
        }
        return truncate(text, limit)
    }

    private static func truncate(_ text: String, _ limit: Int) -> String {
        text.utf8.count <= limit ? text : String(decoding: Array(text.utf8.prefix(limit)), as: UTF8.self) + "… (\(text.utf8.count) bytes)"
    }

    /// The value with every Secret's contents replaced; list items (which carry no kind) are
    /// Secrets when the list is a `SecretList`.
    static func redactSecrets(_ value: Value, isSecret: Bool = false) -> Value {
        switch value {
        case .object(var o):
            let kind = o["kind"]?.string
            if isSecret || kind == "Secret" {
                // Whatever the shape of data/stringData (a list is masked whole).
                return SecretMasking.maskedContents(.object(o), marker: marker)
            }
            let itemsAreSecrets = kind == "SecretList"
            for (k, v) in o where k != "metadata" {
                if k == "items", itemsAreSecrets, case .array(let items) = v {
                    o[k] = .array(items.map { redactSecrets($0, isSecret: true) })
                } else {
                    o[k] = redactSecrets(v)
                }
            }
            // A watch event or a Table row's object: recurse into `object`.
            return .object(o)
        case .array(let items):
            return .array(items.map { redactSecrets($0) })
        default:
            return value
        }
    }
}
