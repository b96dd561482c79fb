import Foundation

/// A remote's URL as GitStore shows it: scheme and host kept, any userinfo removed.
///
/// Errors and logs only ever print `redacted`, so a token pasted into a URL
/// (`https://user:token@host/repo.git`) never reaches a terminal or a commit.
public struct RemoteURL: Sendable, Equatable, CustomStringConvertible {
    /// The URL exactly as configured (may contain userinfo; never print it).
    public let raw: String

    public init(_ raw: String) { self.raw = raw }

    /// The transport: `file`, `https`, `http`, `ssh`, `git`, or `local` for a plain path.
    public var scheme: String {
        if let range = raw.range(of: "://") {
            let scheme = raw[raw.startIndex..<range.lowerBound].lowercased()
            return scheme == "ssh+git" || scheme == "git+ssh" ? "ssh" : scheme
        }
        // scp-like syntax: [user@]host:path, where host has no slash before the colon.
        if let colon = raw.firstIndex(of: ":"),
           !raw[raw.startIndex..<colon].contains("/"), raw.distance(from: raw.startIndex, to: colon) > 1 {
            return "ssh"
        }
        return "local"
    }

    /// The host name (without port), if the URL has one.
    public var host: String? {
        guard let authority = authority else { return nil }
        var hostPort = authority
        if let at = hostPort.lastIndex(of: "@") { hostPort = String(hostPort[hostPort.index(after: at)...]) }
        if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {
            return String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
        }
        if let colon = hostPort.lastIndex(of: ":") { return String(hostPort[..<colon]) }
        return hostPort
    }

    /// The explicit port, if any.
    public var port: Int? {
        guard raw.contains("://"), let authority = authority else { return nil }
        var hostPort = authority
        if let at = hostPort.lastIndex(of: "@") { hostPort = String(hostPort[hostPort.index(after: at)...]) }
        if let close = hostPort.lastIndex(of: "]") { hostPort = String(hostPort[hostPort.index(after: close)...]) }
        guard let colon = hostPort.lastIndex(of: ":") else { return nil }
        return Int(hostPort[hostPort.index(after: colon)...])
    }

    /// The user name written in the URL (`git` in `git@host:repo`), if any.
    public var user: String? {
        guard let authority = authority, let at = authority.lastIndex(of: "@") else { return nil }
        let info = authority[..<at]
        if let colon = info.firstIndex(of: ":") { return String(info[..<colon]) }
        return String(info)
    }

    /// The password written in the URL's userinfo, if any (used, never printed).
    var password: String? {
        guard raw.contains("://"), let authority = authority, let at = authority.lastIndex(of: "@") else { return nil }
        let info = authority[..<at]
        guard let colon = info.firstIndex(of: ":") else { return nil }
        let secret = String(info[info.index(after: colon)...])
        return secret.removingPercentEncoding ?? secret
    }

    /// The URL with any `user:password@` removed: the only form GitStore prints.
    public var redacted: String {
        if let range = raw.range(of: "://") {
            let rest = raw[range.upperBound...]
            let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            let authority = rest[rest.startIndex..<authorityEnd]
            guard let at = authority.lastIndex(of: "@") else { return raw }
            return String(raw[..<range.upperBound]) + String(rest[rest.index(after: at)...])
        }
        if scheme == "ssh", let at = raw.firstIndex(of: "@"), let colon = raw.firstIndex(of: ":"), at < colon {
            return String(raw[raw.index(after: at)...])
        }
        return raw
    }

    public var description: String { redacted }

    private var authority: String? {
        if let range = raw.range(of: "://") {
            let rest = raw[range.upperBound...]
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            let authority = String(rest[rest.startIndex..<end])
            return authority.isEmpty ? nil : authority
        }
        if scheme == "ssh", let colon = raw.firstIndex(of: ":") { return String(raw[..<colon]) }
        return nil
    }

    /// Removes userinfo from every URL inside `text` (libgit2 messages sometimes quote URLs),
    /// then blanks any of the given `secrets` that still appear.
    public static func scrub(_ text: String, secrets: [String] = []) -> String {
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "://") {
            out += rest[rest.startIndex..<range.upperBound]
            let tail = rest[range.upperBound...]
            let authorityEnd = tail.firstIndex(where: { $0 == "/" || $0 == " " || $0 == "'" || $0 == "\"" }) ?? tail.endIndex
            let authority = tail[tail.startIndex..<authorityEnd]
            if let at = authority.lastIndex(of: "@") {
                out += authority[authority.index(after: at)...]
            } else {
                out += authority
            }
            rest = tail[authorityEnd...]
        }
        out += rest
        for secret in secrets where secret.count >= 3 {
            out = out.replacingOccurrences(of: secret, with: "***")
        }
        return out
    }
}

