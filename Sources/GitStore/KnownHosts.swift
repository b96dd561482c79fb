import Foundation

/// An OpenSSH known_hosts file, used to verify SSH host keys ourselves, because libgit2 1.5
/// accepts any host key unless the certificate-check callback refuses it.
///
/// Pure logic: plain and hashed (`|1|salt|hash`) host patterns, `[host]:port`, `*`/`?`
/// wildcards, `!` negation and `@revoked` markers; `@cert-authority` lines are ignored.
public struct KnownHosts: Sendable {
    struct Line: Sendable {
        var revoked: Bool
        var patterns: [String]
        var keyType: String
        var key: [UInt8]
    }

    let lines: [Line]

    /// The outcome of checking one host key.
    public enum Verdict: Sendable, Equatable {
        case trusted
        /// The host is listed, but with different keys of this type: possible interception.
        case mismatch
        /// The host (or this key type) is not listed.
        case unknown
        /// The key is marked `@revoked`.
        case revoked
    }

    public init(contents: String) {
        var lines: [Line] = []
        for raw in contents.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            var revoked = false
            if first.hasPrefix("@") {
                if first == "@revoked" { revoked = true } else { continue }
                fields.removeFirst()
            }
            guard fields.count >= 3, let key = Data(base64Encoded: fields[2]) else { continue }
            lines.append(Line(revoked: revoked, patterns: fields[0].split(separator: ",").map(String.init),
                              keyType: fields[1], key: Array(key)))
        }
        self.lines = lines
    }

    public init(file: String) throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw GitError.io(path: file, reason: "cannot read known_hosts file")
        }
        self.init(contents: String(decoding: data, as: UTF8.self))
    }

    /// Checks the raw host key (SSH wire format, as in known_hosts after base64-decoding).
    public func verify(host: String, port: Int?, keyType: String, key: [UInt8]) -> Verdict {
        let name = (port == nil || port == 22) ? host : "[\(host)]:\(port!)"
        var sawSameType = false
        var trusted = false
        for line in lines where Self.matches(line.patterns, name) {
            if line.revoked {
                if line.key == key { return .revoked }
                continue
            }
            guard line.keyType == keyType else { continue }
            sawSameType = true
            if line.key == key { trusted = true }
        }
        if trusted { return .trusted }
        return sawSameType ? .mismatch : .unknown
    }

    static func matches(_ patterns: [String], _ name: String) -> Bool {
        var matched = false
        for pattern in patterns {
            if pattern.hasPrefix("!") {
                if matchOne(String(pattern.dropFirst()), name) { return false }
            } else if matchOne(pattern, name) {
                matched = true
            }
        }
        return matched
    }

    static func matchOne(_ pattern: String, _ name: String) -> Bool {
        if pattern.hasPrefix("|1|") {
            let parts = pattern.split(separator: "|")
            guard parts.count == 3, let salt = Data(base64Encoded: String(parts[1])),
                  let hash = Data(base64Encoded: String(parts[2])) else { return false }
            return SHA1.hmac(key: Array(salt), message: Array(name.utf8)) == Array(hash)
        }
        // OpenSSH host patterns know only `*` and `?`: brackets (as in `[host]:port`) are literal.
        let escaped = pattern.lowercased().replacingAll("[", with: "\\[").replacingAll("]", with: "\\]")
        return PathGlob.matchSegment(Array(escaped.unicodeScalars)[...], Array(name.lowercased().unicodeScalars)[...])
    }
}
