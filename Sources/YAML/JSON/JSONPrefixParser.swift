extension JSONParser {
    /// Parses the first JSON value at the start of `text` and reports how many UTF-8 bytes it
    /// used, leaving whatever follows unread: what Go's `json.Decoder.Decode` followed by
    /// `InputOffset()` does. Helm's `--set-json a=1,b={"c":2}` reads each value this way.
    public func parsePrefix(_ text: String) throws -> (value: Value, consumed: Int) {
        var text = text
        return try text.withUTF8 { bytes in
            var cursor = Cursor(bytes: bytes, numbers: numbers)
            cursor.skipWhitespace()
            let value = try cursor.value(depth: 0)
            return (value, cursor.index)
        }
    }
}
