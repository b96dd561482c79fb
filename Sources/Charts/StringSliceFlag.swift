import Templates

/// How Helm's string-slice flags (`-a/--api-versions`) read their values: pflag's
/// `StringSlice` parses each occurrence as one CSV record (Go's encoding/csv), so
/// `-a a,b -a c` gives `[a b c]`, `"x,y"` in double quotes stays one entry, and an empty value
/// adds nothing.
public enum StringSliceFlag {
    /// The entries of every occurrence, in order.
    /// `flag` names the flag in errors, as pflag does (`-a, --api-versions`).
    public static func split(_ occurrences: [String], flag: String = "-a, --api-versions") throws -> [String] {
        try occurrences.flatMap { value in
            do {
                return try record(value)
            } catch let error as MalformedValue {
                throw InvalidArgument(value: value, flag: flag, column: error.column, reason: error.reason)
            }
        }
    }

    /// pflag's error for a value encoding/csv cannot read.
    public struct InvalidArgument: Error, CustomStringConvertible {
        public let value: String
        public let flag: String
        public let column: Int
        public let reason: String
        public var description: String {
            "invalid argument \(GoQuote.quote(value)) for \(GoQuote.quote(flag)) flag: parse error on line 1, column \(column): \(reason)"
        }
    }

    /// encoding/csv's `ParseError`: the reason and the 1-based byte column it was found at.
    struct MalformedValue: Error {
        let column: Int
        let reason: String
    }

    /// One CSV record: fields split on commas; a field that starts with `"` runs to the closing
    /// quote, `""` inside standing for one quote.
    static func record(_ value: String) throws -> [String] {
        if value.isEmpty { return [] }
        var fields: [String] = []
        var field = ""
        var chars = Array(value)[...]
        var atFieldStart = true
        var column = 0
        while let c = chars.popFirst() {
            column += String(c).utf8.count
            if atFieldStart && c == "\"" {
                atFieldStart = false
                var closed = false
                while let q = chars.popFirst() {
                    column += String(q).utf8.count
                    if q == "\"" {
                        if chars.first == "\"" { chars.removeFirst(); column += 1; field.append("\"") } else { closed = true; break }
                    } else {
                        field.append(q)
                    }
                }
                if !closed { throw MalformedValue(column: column + 1, reason: "extraneous or missing \" in quoted-field") }
                if let next = chars.first, next != "," {
                    throw MalformedValue(column: column + 1, reason: "extraneous or missing \" in quoted-field")
                }
                continue
            }
            atFieldStart = false
            if c == "," {
                fields.append(field)
                field = ""
                atFieldStart = true
            } else if c == "\"" {
                throw MalformedValue(column: column, reason: "bare \" in non-quoted-field")
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }
}

