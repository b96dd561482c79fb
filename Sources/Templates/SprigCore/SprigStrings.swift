import Foundation

/// Sprig's string functions (strings.go and functions.go), argument order as Sprig has it so
/// that pipelines read naturally (`"x" | repeat 3`).
enum SprigStrings {
    static func register(_ add: (TemplateFunction) -> Void) {
        let s = GoType.string, i = GoType.int, any = GoType.interface
        typealias C = SprigConversion
        @Sendable func str(_ v: TemplateValue) -> String { if case .string(let x) = v.plain { return x }; return C.string(v) }
        func unary(_ name: String, _ f: @escaping @Sendable (String) -> String) {
            add(TemplateFunction(name, [s], returns: "string") { call in C.traced(.string(f(str(call[0]))), from: call[0]) })
        }
        unary("upper") { $0.uppercased() }
        unary("lower") { $0.lowercased() }
        unary("title") { title($0) }
        unary("untitle") { w in words(w).map { $0.prefix(1).lowercased() + $0.dropFirst() }.joined() }
        unary("trim") { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        unary("nospace") { String($0.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init)) }
        unary("snakecase") { caseWords($0).map { $0.lowercased() }.joined(separator: "_") }
        unary("kebabcase") { caseWords($0).map { $0.lowercased() }.joined(separator: "-") }
        unary("camelcase") { $0.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() }
        unary("swapcase") { String($0.map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) }) }
        unary("initials") { $0.split(separator: " ").compactMap(\.first).map(String.init).joined() }
        add(TemplateFunction("trimAll", [s, s], returns: "string") { call in
            .string(str(call[1]).trimmingCharacters(in: CharacterSet(charactersIn: str(call[0]))))
        })
        add(TemplateFunction("trimall", [s, s], returns: "string") { call in
            .string(str(call[1]).trimmingCharacters(in: CharacterSet(charactersIn: str(call[0]))))
        })
        add(TemplateFunction("trimSuffix", [s, s], returns: "string") { call in
            let suffix = str(call[0]), v = str(call[1])
            return C.traced(.string(!suffix.isEmpty && v.hasSuffix(suffix) ? String(v.dropLast(suffix.count)) : v), from: call[1])
        })
        add(TemplateFunction("trimPrefix", [s, s], returns: "string") { call in
            let prefix = str(call[0]), v = str(call[1])
            return C.traced(.string(!prefix.isEmpty && v.hasPrefix(prefix) ? String(v.dropFirst(prefix.count)) : v), from: call[1])
        })
        add(TemplateFunction("contains", [s, s], returns: "bool") { .bool(str($0[1]).contains(str($0[0])) || str($0[0]).isEmpty) })
        add(TemplateFunction("hasPrefix", [s, s], returns: "bool") { .bool(str($0[1]).hasPrefix(str($0[0]))) })
        add(TemplateFunction("hasSuffix", [s, s], returns: "bool") { .bool(str($0[1]).hasSuffix(str($0[0]))) })
        add(TemplateFunction("repeat", [i, s], returns: "string") { call in
            let n = Int(C.int64(call[0]))
            if n < 0 { throw FunctionError("strings: negative Repeat count") }
            return .string(String(repeating: str(call[1]), count: n))
        })
        add(TemplateFunction("replace", [s, s, s], returns: "string") { call in
            let old = str(call[0]), new = str(call[1]), src = str(call[2])
            return C.traced(.string(old.isEmpty ? goReplaceEmpty(src, new) : GoStrings.replaceAll(src, old, new)), from: call[2])
        })
        add(TemplateFunction("trunc", [i, s], returns: "string") { call in
            let c = Int(C.int64(call[0]))
            let bytes = Array(str(call[1]).utf8)
            if c < 0 && bytes.count + c > 0 { return .string(String(decoding: bytes[(bytes.count + c)...], as: UTF8.self)) }
            if c >= 0 && bytes.count > c { return C.traced(.string(String(decoding: bytes[..<c], as: UTF8.self)), from: call[1]) }
            if case .string = call[1].plain { return call[1] }
            return .string(str(call[1]))
        })
        add(TemplateFunction("substr", [i, i, s], returns: "string") { call in
            let start = Int(C.int64(call[0])), end = Int(C.int64(call[1]))
            let bytes = Array(str(call[2]).utf8)
            if start < 0 { return .string(String(decoding: bytes[..<min(max(end, 0), bytes.count)], as: UTF8.self)) }
            if end < 0 || end > bytes.count { return .string(String(decoding: bytes[min(start, bytes.count)...], as: UTF8.self)) }
            return .string(String(decoding: bytes[min(start, end)..<end], as: UTF8.self))
        })
        add(TemplateFunction("indent", [i, s], returns: "string") { call in
            C.traced(.string(indent(Int(C.int64(call[0])), str(call[1]))), from: call[1])
        })
        add(TemplateFunction("nindent", [i, s], returns: "string") { call in
            C.traced(.string("\n" + indent(Int(C.int64(call[0])), str(call[1]))), from: call[1])
        })
        add(TemplateFunction("quote", [], variadic: any, returns: "string") { call in
            let parts = call.arguments.compactMap { a -> String? in
                if case .null = a.plain { return nil }
                return GoQuote.quote(C.string(a))
            }
            return C.traced(.string(parts.joined(separator: " ")), from: call.arguments.first ?? .invalid)
        })
        add(TemplateFunction("squote", [], variadic: any, returns: "string") { call in
            let parts = call.arguments.compactMap { a -> String? in
                if case .null = a.plain { return nil }
                return "'" + C.string(a) + "'"
            }
            return C.traced(.string(parts.joined(separator: " ")), from: call.arguments.first ?? .invalid)
        })
        add(TemplateFunction("cat", [], variadic: any, returns: "string") { call in
            let parts = call.arguments.filter { if case .null = $0.plain { return false }; return true }
            return .string(parts.map { GoFormatter.string($0) }.joined(separator: " "))
        })
        add(TemplateFunction("toString", [any], returns: "string") { call in C.traced(.string(C.string(call[0])), from: call[0]) })
        add(TemplateFunction("plural", [s, s, i], returns: "string") { call in
            .string(C.int64(call[2]) == 1 ? str(call[0]) : str(call[1]))
        })
        add(TemplateFunction("abbrev", [i, s], returns: "string") { call in
            let w = Int(C.int64(call[0])), v = str(call[1])
            if w < 4 || v.count <= w { return .string(v) }
            return .string(String(v.prefix(w - 3)) + "...")
        })
        add(TemplateFunction("abbrevboth", [i, i, s], returns: "string") { call in
            let left = Int(C.int64(call[0])), right = Int(C.int64(call[1])), v = str(call[2])
            if right < 4 || (left > 0 && right < 7) { return .string(v) }
            return .string(abbreviate(v, offset: left, maxWidth: right))
        })
        unary("shuffle") { String($0.shuffled()) }
        add(TemplateFunction("wrap", [i, s], returns: "string") { call in .string(wrap(str(call[1]), Int(C.int64(call[0])), "\n")) })
        add(TemplateFunction("wrapWith", [i, s, s], returns: "string") { call in
            .string(wrap(str(call[2]), Int(C.int64(call[0])), str(call[1])))
        })
        add(TemplateFunction("split", [s, s], returns: "map[string]interface {}") { call in
            var m: [String: TemplateValue] = [:]
            for (n, part) in goSplit(str(call[1]), str(call[0])).enumerated() { m["_\(n)"] = .string(part) }
            return .map(TemplateMap(m))
        })
        add(TemplateFunction("splitn", [s, i, s], returns: "map[string]interface {}") { call in
            var m: [String: TemplateValue] = [:]
            for (n, part) in goSplit(str(call[2]), str(call[0]), limit: Int(C.int64(call[1]))).enumerated() { m["_\(n)"] = .string(part) }
            return .map(TemplateMap(m))
        })
        add(TemplateFunction("splitList", [s, s], returns: "[]string") { call in .stringList(goSplit(str(call[1]), str(call[0]))) })
        add(TemplateFunction("join", [s, any], returns: "string") { call in .string(C.strings(call[1]).joined(separator: str(call[0]))) })
        add(TemplateFunction("sortAlpha", [any], returns: "[]string") { call in
            .stringList(C.strings(call[0]).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        })
        add(TemplateFunction("toStrings", [any], returns: "[]string") { call in .stringList(C.strings(call[0])) })
        add(TemplateFunction("base", [s], returns: "string") { .string(GoPath.base(str($0[0]))) })
        add(TemplateFunction("dir", [s], returns: "string") { .string(GoPath.dir(str($0[0]))) })
        add(TemplateFunction("ext", [s], returns: "string") { .string(GoPath.ext(str($0[0]))) })
        add(TemplateFunction("clean", [s], returns: "string") { .string(GoPath.clean(str($0[0]))) })
        add(TemplateFunction("isAbs", [s], returns: "bool") { .bool(str($0[0]).hasPrefix("/")) })
        for (name, f) in [("osBase", GoPath.base), ("osDir", GoPath.dir), ("osExt", GoPath.ext), ("osClean", GoPath.clean)] as [(String, @Sendable (String) -> String)] {
            add(TemplateFunction(name, [s], returns: "string") { .string(f(str($0[0]))) })
        }
        add(TemplateFunction("osIsAbs", [s], returns: "bool") { .bool(str($0[0]).hasPrefix("/")) })
    }

    /// goutils `AbbreviateFull` (byte offsets, as Go slices strings), for `abbrev`/`abbrevboth`.
    static func abbreviate(_ s: String, offset: Int, maxWidth: Int) -> String {
        let b = Array(s.utf8)
        func text(_ r: Range<Int>) -> String { String(decoding: b[r], as: UTF8.self) }
        if b.isEmpty || maxWidth < 4 { return "" }
        if b.count <= maxWidth { return s }
        var offset = min(offset, b.count)
        if b.count - offset < maxWidth - 3 { offset = b.count - (maxWidth - 3) }
        if offset <= 4 { return text(0..<(maxWidth - 3)) + "..." }
        if maxWidth < 7 { return "" }
        if offset + maxWidth - 3 < b.count { return "..." + abbreviate(text(offset..<b.count), offset: 0, maxWidth: maxWidth - 3) }
        return "..." + text((b.count - (maxWidth - 3))..<b.count)
    }

    /// `strings.Title`: the first letter of each space-separated word in upper case.
    static func title(_ s: String) -> String {
        var out = ""
        var previous: Character = " "
        for c in s {
            out.append(isSeparator(previous) ? Character(c.uppercased()) : c)
            previous = c
        }
        return out
    }

    private static func isSeparator(_ c: Character) -> Bool {
        if c.isLetter || c.isNumber || c == "_" { return false }
        return true
    }

    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        for c in s {
            current.append(c)
            if c == " " {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Word boundaries for snake/kebab case: case changes, digits, `_`, `-`, spaces.
    static func caseWords(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        var previous: Character?
        for c in s {
            if c == "_" || c == "-" || c == " " || c == "." {
                if !current.isEmpty { out.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let p = previous, c.isUppercase && (p.isLowercase || p.isNumber) {
                out.append(current)
                current = ""
            }
            current.append(c)
            previous = c
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func indent(_ spaces: Int, _ v: String) -> String {
        let pad = String(repeating: " ", count: max(0, spaces))
        return pad + GoStrings.replaceAll(v, "\n", "\n" + pad)
    }

    /// Go's `strings.Split`: an empty separator splits into UTF-8 characters.
    static func goSplit(_ s: String, _ sep: String, limit: Int = -1) -> [String] {
        if limit == 0 { return [] }
        if sep.isEmpty { return s.map(String.init) }
        var parts = s.components(separatedBy: sep)
        if limit > 0 && parts.count > limit {
            let head = parts.prefix(limit - 1)
            parts = Array(head) + [parts.dropFirst(limit - 1).joined(separator: sep)]
        }
        return parts
    }

    /// `strings.Replace` with an empty old string inserts `new` around every character.
    static func goReplaceEmpty(_ s: String, _ new: String) -> String {
        new + s.map { String($0) + new }.joined()
    }

    /// Sprig's word wrap (goutils.WrapCustom with wrapLongWords true).
    static func wrap(_ s: String, _ width: Int, _ newline: String) -> String {
        guard width > 0 else { return s }
        var lines: [String] = []
        for paragraph in s.components(separatedBy: "\n") {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var w = String(word)
                while w.count > width {
                    if !line.isEmpty { lines.append(line); line = "" }
                    lines.append(String(w.prefix(width)))
                    w = String(w.dropFirst(width))
                }
                if line.isEmpty { line = w } else if line.count + 1 + w.count <= width { line += " " + w } else {
                    lines.append(line)
                    line = w
                }
            }
            lines.append(line)
        }
        return lines.joined(separator: newline)
    }
}

/// Go's `path` package (slash-separated paths).
enum GoPath {
    static func clean(_ p: String) -> String {
        if p.isEmpty { return "." }
        let rooted = p.hasPrefix("/")
        var out: [Substring] = []
        for part in p.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = out.last, last != ".." { out.removeLast() } else if !rooted { out.append(part) }
                continue
            }
            out.append(part)
        }
        let joined = out.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    static func base(_ p: String) -> String {
        if p.isEmpty { return "." }
        var s = Substring(p)
        while s.count > 1 && s.hasSuffix("/") { s = s.dropLast() }
        if s == "/" { return "/" }
        if let i = s.lastIndex(of: "/") { return String(s[s.index(after: i)...]) }
        return String(s)
    }

    static func dir(_ p: String) -> String {
        guard let i = p.lastIndex(of: "/") else { return "." }
        return clean(String(p[...i]))
    }

    static func ext(_ p: String) -> String {
        var i = p.endIndex
        while i > p.startIndex {
            i = p.index(before: i)
            if p[i] == "/" { return "" }
            if p[i] == "." { return String(p[i...]) }
        }
        return ""
    }
}
