import Crypto
import OrderedCollections
import YAML

/// The `-<hash>` suffix kustomize gives generated ConfigMaps and Secrets: SHA-256 of a JSON
/// encoding of kind, data (and type for Secrets) and an empty name — kustomize v5 hashes before
/// the name is filled in, so the suffix depends on content only — its first ten hex digits with
/// 0, 1, 3, a and e swapped for letters that cannot spell words.
enum NameHash {
    static func suffix(for object: Value) throws -> String {
        let kind = object["kind"]?.string ?? ""
        let name = ""
        var encoded: OrderedDictionary<String, Value> = ["kind": .string(kind), "name": .string(name)]
        switch kind {
        case "ConfigMap":
            // A ConfigMap without data hashes its data as "" (what kustomize encodes).
            encoded["data"] = object["data"] ?? .string("")
            if let binary = object["binaryData"]?.object, !binary.isEmpty { encoded["binaryData"] = .object(binary) }
        case "Secret":
            encoded["data"] = object["data"] ?? .string("")
            encoded["type"] = object["type"] ?? .string("")
        default:
            encoded = object.object ?? [:]
        }
        let json = try JSONWriter(indent: nil, sortKeys: true, escapeHTML: true).string(.object(encoded))
        let digest = SHA256.hash(data: Array(json.utf8))
        let hex = digest.map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
        return String(hex.prefix(10).map { ch -> Character in
            switch ch {
            case "0": "g"
            case "1": "h"
            case "3": "k"
            case "a": "m"
            case "e": "t"
            default: ch
            }
        })
    }
}
