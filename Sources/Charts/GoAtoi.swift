import Templates

/// Go's `strconv.Atoi`, with its error text (`strconv.Atoi: parsing "x": invalid syntax`).
enum GoAtoi {
    static func parse(_ text: String) throws -> Int {
        if let value = Int(text) { return value }
        var digits = Substring(text)
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        let reason = !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }) ? "value out of range" : "invalid syntax"
        throw StrvalsParser.Failure(message: "strconv.Atoi: parsing \(GoQuote.quote(text)): \(reason)")
    }
}
