/// A path to one value in a YAML document: `backend.resources.limits.memory`, with list elements
/// as `containers[0]` or `containers[name=backend]`.
///
/// A dot inside a key is written `\.` (`annotations.prometheus\.io/scrape`). A path may start with
/// an index when the document is a list (`[0].name`).
public struct ValuePath: Hashable, Sendable, CustomStringConvertible {
    public enum Segment: Hashable, Sendable {
        /// A mapping key.
        case key(String)
        /// A list element by position.
        case index(Int)
        /// The first list element that is a map whose `key` holds the scalar `value`.
        case match(key: String, value: String)
    }

    public var segments: [Segment]

    public init(_ segments: [Segment]) {
        self.segments = segments
    }

    /// Parses the dotted form; the error says what is wrong and where in the path.
    public init(parsing text: String) throws {
        func fail(_ message: String) -> YAMLError {
            YAMLError(.path, "invalid path \"\(text)\": \(message)")
        }
        guard !text.isEmpty else { throw fail("the path is empty") }
        var segments: [Segment] = []
        var key = ""
        var inKey = false
        var afterBracket = false
        var afterDot = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            switch c {
            case ".":
                if inKey {
                    segments.append(.key(key))
                    key = ""
                    inKey = false
                } else if !afterBracket {
                    throw fail("empty key before '.'")
                }
                afterBracket = false
                afterDot = true
                if chars.isEmpty { throw fail("the path ends with '.'") }
            case "[":
                if inKey {
                    segments.append(.key(key))
                    key = ""
                    inKey = false
                } else if afterDot {
                    throw fail("'[' must follow a key, not '.'")
                }
                guard let close = chars.firstIndex(of: "]") else { throw fail("'[' without ']'") }
                let inner = String(chars[chars.startIndex..<close])
                chars = chars[chars.index(after: close)...]
                if let equals = inner.firstIndex(of: "=") {
                    let k = String(inner[..<equals]), v = String(inner[inner.index(after: equals)...])
                    guard !k.isEmpty else { throw fail("[key=value] needs a key") }
                    segments.append(.match(key: k, value: v))
                } else if let index = Int(inner), index >= 0 {
                    segments.append(.index(index))
                } else {
                    throw fail("'[\(inner)]' is neither an index nor key=value")
                }
                afterBracket = true
                afterDot = false
            default:
                if afterBracket { throw fail("expected '.' or '[' after ']'") }
                var character = c
                if c == "\\" {
                    guard let escaped = chars.popFirst() else { throw fail("a trailing backslash escapes nothing") }
                    character = escaped
                }
                key.append(character)
                inKey = true
                afterDot = false
            }
        }
        if inKey { segments.append(.key(key)) }
        self.segments = segments
    }

    public var description: String {
        var out = ""
        for segment in segments {
            switch segment {
            case .key(let k):
                if !out.isEmpty { out += "." }
                out += k.replacingDots()
            case .index(let i): out += "[\(i)]"
            case .match(let k, let v): out += "[\(k)=\(v)]"
            }
        }
        return out
    }

    /// The path without its last segment.
    public var parent: ValuePath { ValuePath(Array(segments.dropLast())) }

    /// The first `count` segments.
    public func prefix(_ count: Int) -> ValuePath { ValuePath(Array(segments.prefix(count))) }
}

extension String {
    fileprivate func replacingDots() -> String {
        var out = ""
        for c in self {
            if c == "." || c == "\\" || c == "[" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
