import Templates

/// How Helm's string-slice flags (`-a/--api-versions`) read their values: pflag's
/// `StringSlice` parses each occurrence as one CSV record (Go's encoding/csv), so
/// `-a a,b -a c` gives `[a b c]`, `"x,y"` in double quotes stays one entry, and an empty value
/// adds nothing.
public enum StringSliceFlag {
    /// The entries of every occurrence, in order.
    public static func split(_ occurrences: [String]) throws -> [String] {
        try occurrences.flatMap(record)
    }

    /// A malformed quoted field, named as encoding/csv's `ParseError` names it.
    public struct MalformedValue: Error, CustomStringConvertible {
        public let value: String
        public let reason: String
        public var description: String { "invalid argument \(GoQuote.quote(value)): parse error on line 1, column 0: \(reason)" }
    }

    /// One CSV record: fields split on commas; a field that starts with `"` runs to the closing
    /// quote, `""` inside standing for one quote.
    static func record(_ value: String) throws -> [String] {
        if value.isEmpty { return [] }
        var fields: [String] = []
        var field = ""
        var chars = Array(value)[...]
        var atFieldStart = true
        while let c = chars.popFirst() {
            if atFieldStart && c == "\"" {
                atFieldStart = false
                var closed = false
                while let q = chars.popFirst() {
                    if q == "\"" {
                        if chars.first == "\"" { chars.removeFirst(); field.append("\"") } else { closed = true; break }
                    } else {
                        field.append(q)
                    }
                }
                if !closed { throw MalformedValue(value: value, reason: "extraneous or missing \" in quoted-field") }
                if let next = chars.first, next != "," {
                    throw MalformedValue(value: value, reason: "extraneous or missing \" in quoted-field")
                }
                continue
            }
            atFieldStart = false
            if c == "," {
                fields.append(field)
                field = ""
                atFieldStart = true
            } else if c == "\"" {
                throw MalformedValue(value: value, reason: "bare \" in non-quoted-field")
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }
}

