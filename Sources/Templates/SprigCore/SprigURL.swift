/// Sprig's `urlParse` and `urlJoin` (url.go) over a port of the parts of Go's net/url they
/// use: `url.Parse`, `URL.Hostname`, `Userinfo.String` and `URL.String`, with Go's escaping.
enum SprigURL {
    static func register(_ add: (TemplateFunction) -> Void) {
        add(TemplateFunction("urlParse", [.string], returns: "map[string]interface {}") { call in
            guard case .string(let raw) = call[0].plain else { return .map(TemplateMap()) }
            let u: GoURL
            do { u = try GoURL.parse(raw) } catch { throw FunctionError("unable to parse url: \(error)") }
            return .map(TemplateMap([
                "scheme": .string(u.scheme), "host": .string(u.host), "hostname": .string(u.hostname),
                "path": .string(u.path), "query": .string(u.rawQuery), "opaque": .string(u.opaque),
                "fragment": .string(u.fragment), "userinfo": .string(u.user?.string ?? ""),
            ]))
        })
        add(TemplateFunction("urlJoin", [.stringMap], returns: "string") { call in
            guard case .map(let d) = call[0].plain else { return .string("") }
            func get(_ key: String) throws -> String {
                guard let v = d[key] else { return "" }
                if case .string(let s) = v.plain { return s }
                throw FunctionError("unable to parse \(key) key, must be of type string, but \(SprigMisc.kind(v)) found")
            }
            var u = GoURL()
            u.scheme = try get("scheme"); u.host = try get("host"); u.path = try get("path")
            u.rawQuery = try get("query"); u.opaque = try get("opaque"); u.fragment = try get("fragment")
            let userinfo = try get("userinfo")
            if !userinfo.isEmpty {
                do { u.user = try GoURL.parse("proto://\(userinfo)@host").user } catch {
                    throw FunctionError("unable to parse userinfo in dict: \(error)")
                }
            }
            return .string(u.string)
        })
    }
}

/// Go's `net/url.URL`, as far as Sprig needs it.
struct GoURL {
    struct User {
        var username: String
        var password: String?
        /// `Userinfo.String()`: escaped `user[:password]`.
        var string: String {
            var s = GoURL.escape(username, .userPassword)
            if let p = password { s += ":" + GoURL.escape(p, .userPassword) }
            return s
        }
    }

    var scheme = "", opaque = "", host = "", path = "", rawQuery = "", fragment = ""
    var user: User?
    var forceQuery = false, omitHost = false

    struct ParseError: Error, CustomStringConvertible {
        let url: String, message: String
        var description: String { "parse \(GoQuote.quote(url)): \(message)" }
    }

    enum Mode { case path, host, userPassword, queryComponent, fragment }

    /// `url.Parse`.
    static func parse(_ raw: String) throws -> GoURL {
        let (u, frag) = cut(raw, "#")
        var url: GoURL
        do { url = try parseWithoutFragment(u) } catch let e as URLFailure { throw ParseError(url: u, message: e.message) }
        guard let frag else { return url }
        do { url.fragment = try unescape(frag, .fragment) } catch let e as URLFailure { throw ParseError(url: raw, message: e.message) }
        return url
    }

    private static func cut(_ s: String, _ sep: Character) -> (String, String?) {
        guard let i = s.firstIndex(of: sep) else { return (s, nil) }
        return (String(s[..<i]), String(s[s.index(after: i)...]))
    }

    private static func parseWithoutFragment(_ raw: String) throws -> GoURL {
        if raw.utf8.contains(where: { $0 < 0x20 || $0 == 0x7f }) { throw URLFailure("net/url: invalid control character in URL") }
        var url = GoURL()
        if raw == "*" { url.path = "*"; return url }
        var rest = raw
        // getScheme
        for (i, c) in raw.utf8.enumerated() {
            if (c >= 97 && c <= 122) || (c >= 65 && c <= 90) { continue }
            if (c >= 48 && c <= 57) || c == 43 || c == 45 || c == 46 { if i == 0 { break }; continue }
            if c == 58 {
                if i == 0 { throw URLFailure("missing protocol scheme") }
                url.scheme = String(decoding: raw.utf8.prefix(i), as: UTF8.self).lowercased()
                rest = String(decoding: raw.utf8.dropFirst(i + 1), as: UTF8.self)
            }
            break
        }
        if rest.hasSuffix("?") && rest.filter({ $0 == "?" }).count == 1 {
            url.forceQuery = true
            rest.removeLast()
        } else {
            let (r, q) = cut(rest, "?")
            rest = r
            url.rawQuery = q ?? ""
        }
        if !rest.hasPrefix("/") {
            if !url.scheme.isEmpty { url.opaque = rest; return url }
            if cut(rest, "/").0.contains(":") { throw URLFailure("first path segment in URL cannot contain colon") }
        }
        if (!url.scheme.isEmpty || !rest.hasPrefix("///")) && rest.hasPrefix("//") {
            var authority = String(rest.dropFirst(2))
            rest = ""
            if let i = authority.firstIndex(of: "/") {
                rest = String(authority[i...])
                authority = String(authority[..<i])
            }
            let (user, host) = try parseAuthority(authority)
            url.user = user
            url.host = host
        } else if !url.scheme.isEmpty && rest.hasPrefix("/") {
            url.omitHost = true
        }
        url.path = try unescape(rest, .path)
        return url
    }

    private static func parseAuthority(_ authority: String) throws -> (User?, String) {
        guard let at = authority.lastIndex(of: "@") else { return (nil, try parseHost(authority)) }
        let host = try parseHost(String(authority[authority.index(after: at)...]))
        let userinfo = String(authority[..<at])
        let allowed = Set("-._:~!$&'()*+,;=%@".utf8)
        if !userinfo.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || allowed.contains($0) }) {
            throw URLFailure("net/url: invalid userinfo")
        }
        let (name, password) = cut(userinfo, ":")
        return (User(username: try unescape(name, .userPassword), password: try password.map { try unescape($0, .userPassword) }), host)
    }

    private static func parseHost(_ host: String) throws -> String {
        if host.hasPrefix("[") {
            guard let close = host.lastIndex(of: "]") else { throw URLFailure("missing ']' in host") }
            let port = String(host[host.index(after: close)...])
            if !validOptionalPort(port) { throw URLFailure("invalid port \(GoQuote.quote(port)) after host") }
        } else if let colon = host.lastIndex(of: ":") {
            let port = String(host[colon...])
            if !validOptionalPort(port) { throw URLFailure("invalid port \(GoQuote.quote(port)) after host") }
        }
        return try unescape(host, .host)
    }

    private static func validOptionalPort(_ port: String) -> Bool {
        if port.isEmpty { return true }
        guard port.hasPrefix(":") else { return false }
        return port.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `URL.Hostname()`: the host without a port or IPv6 brackets.
    var hostname: String {
        var h = Substring(host)
        if h.hasPrefix("[") {
            if let close = h.firstIndex(of: "]") { return String(h[h.index(after: h.startIndex)..<close]) }
        }
        if let colon = h.lastIndex(of: ":") { h = h[..<colon] }
        return String(h)
    }

    /// `URL.String()`.
    var string: String {
        var out = ""
        if !opaque.isEmpty {
            out = scheme + ":" + opaque
        } else {
            if !scheme.isEmpty { out += scheme + ":" }
            if !scheme.isEmpty || !host.isEmpty || user != nil {
                if !(omitHost && host.isEmpty && user == nil) {
                    if !host.isEmpty || !path.isEmpty || user != nil { out += "//" }
                    if let u = user { out += u.string + "@" }
                    if !host.isEmpty { out += Self.escape(host, .host) }
                }
            }
            let p = path == "*" ? "*" : Self.escape(path, .path)
            if !p.isEmpty && !p.hasPrefix("/") && !host.isEmpty { out += "/" }
            if out.isEmpty, Self.cut(p, "/").0.contains(":") { out += "./" }
            out += p
        }
        if forceQuery || !rawQuery.isEmpty { out += "?" + rawQuery }
        if !fragment.isEmpty { out += "#" + Self.escape(fragment, .fragment) }
        return out
    }

    /// Go's `shouldEscape`.
    static func shouldEscape(_ c: UInt8, _ mode: Mode) -> Bool {
        if (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) { return false }
        if mode == .host, "!$&'()*+,;=:[]<>\"".utf8.contains(c) { return false }
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"): return false
        case UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "/"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "@"):
            switch mode {
            case .path: return c == UInt8(ascii: "?")
            case .userPassword: return c == UInt8(ascii: "@") || c == UInt8(ascii: "/") || c == UInt8(ascii: "?") || c == UInt8(ascii: ":")
            case .queryComponent: return true
            case .fragment: return false
            case .host: return true
            }
        default: break
        }
        if mode == .fragment, "!()*".utf8.contains(c) { return false }
        return true
    }

    static func escape(_ s: String, _ mode: Mode) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for c in s.utf8 {
            if shouldEscape(c, mode) {
                if c == 32 && mode == .queryComponent { out.append(UInt8(ascii: "+")); continue }
                out += [UInt8(ascii: "%"), hex[Int(c >> 4)], hex[Int(c & 15)]]
            } else {
                out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Go's `unescape`: `%XX` sequences decoded, bad ones an error.
    static func unescape(_ s: String, _ mode: Mode) throws -> String {
        let b = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        func hexValue(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 97...102: c - 87
            case 65...70: c - 55
            default: nil
            }
        }
        while i < b.count {
            if b[i] == UInt8(ascii: "%") {
                guard i + 2 < b.count, let hi = hexValue(b[i + 1]), let lo = hexValue(b[i + 2]) else {
                    let bad = String(decoding: b[i..<min(b.count, i + 3)], as: UTF8.self)
                    throw URLFailure("invalid URL escape \(GoQuote.quote(bad))")
                }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                if mode == .host, b[i] < 0x80, shouldEscape(b[i], .host) {
                    throw URLFailure("invalid character \(GoQuote.quote(String(UnicodeScalar(b[i])))) in host name")
                }
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// An error text from the URL parser, wrapped into `ParseError` at the top.
private struct URLFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
