import Templates
import OrderedCollections
import YAML

/// Helm's `--set` family of arguments (`a.b[0].c=x,d={1,2}`), parsed exactly as
/// helm/helm pkg/strvals/parser.go and literal_parser.go parse them, including their quirks:
/// `a=` is the empty string, `a[1` is silently nothing, `{}` is a list holding one empty string,
/// list indexes grow the list with nulls up to `StrvalsParser.maxIndex`, and error messages
/// are Go's, word for word.
///
/// Values land in an existing map, so several arguments build one tree in order, as
/// `strvals.ParseInto` does for each `--set` flag.
public struct StrvalsParser {
    /// How the text after `=` becomes a value.
    public enum Mode {
        /// `--set`: `true`/`false`/`null` (any case), int64 for decimal integers that do not
        /// start with 0 (and `0` itself), strings otherwise (`typedVal`).
        case typed
        /// `--set-string`: always strings.
        case string
        /// `--set-json`: each value is JSON (numbers become float64, as Go decodes them);
        /// an empty value is null.
        case json
        /// `--set-literal`: everything after the first `=` is one string, commas included;
        /// backslashes are not escapes.
        case literal
        /// `--set-file`: the value names a file; `read` returns what it holds.
        case file(read: (String) throws -> Value)
    }

    /// The largest list index a path may use (`strvals.MaxIndex`).
    public static let maxIndex = 65536
    /// The deepest dotted name accepted (`strvals.MaxNestedNameLevel`).
    public static let maxNestedNameLevel = 30
    /// The deepest nesting of list indexes (`a[0][0]…`). Helm has no limit and recurses once
    /// per level; 40,000 levels would overflow the stack, so past this it is an error.
    public static let maxNestedIndexLevel = 100

    /// Parses `text` into `dest`, overwriting keys it sets; the error's message is Helm's.
    ///
    /// `dest` keeps whatever was set before an error, as Go's in-place maps do.
    public static func parse(_ text: String, into dest: inout OrderedDictionary<String, Value>, mode: Mode) throws {
        var parser = StrvalsParser(text: text, mode: mode)
        while true {
            do {
                try parser.key(&dest, nestedNameLevel: 0)
            } catch let failure as Failure {
                if failure.isEOF { return }
                throw ChartError(.strvals, failure.message)
            }
        }
    }

    /// Parses `text` into a new map.
    public static func parse(_ text: String, mode: Mode) throws -> OrderedDictionary<String, Value> {
        var dest = OrderedDictionary<String, Value>()
        try parse(text, into: &dest, mode: mode)
        return dest
    }

    // MARK: - The parser (one rune at a time, as bytes.Buffer reads them)

    /// Go's `error` as the parser passes it around: `io.EOF` (possibly wrapped by
    /// `fmt.Errorf("...: %w")`, which `errors.Is` still sees) or a message.
    struct Failure: Error {
        var message: String
        var isEOF: Bool
        /// The list Go's `listItem` returns beside its error; `key` stores it regardless.
        var carried: [Value]?
        static let eof = Failure(message: "EOF", isEOF: true)
        init(message: String, isEOF: Bool = false) {
            self.message = message
            self.isEOF = isEOF
        }
        /// `fmt.Errorf(prefix + "%w", self)`.
        func wrapped(_ prefix: String) -> Failure { Failure(message: prefix + message, isEOF: isEOF) }
    }

    private let runes: [Unicode.Scalar]
    private var index = 0
    private let mode: Mode
    /// How many `[i]` the current path is inside.
    private var indexDepth = 0

    private init(text: String, mode: Mode) {
        self.runes = Array(text.unicodeScalars)
        self.mode = mode
    }

    private var isLiteral: Bool {
        if case .literal = mode { return true }
        return false
    }

    private var isJSON: Bool {
        if case .json = mode { return true }
        return false
    }

    private mutating func readRune() -> Unicode.Scalar? {
        guard index < runes.count else { return nil }
        defer { index += 1 }
        return runes[index]
    }

    private mutating func unreadRune() { index -= 1 }

    /// `runesUntil` (backslash escapes the next rune) or, for literals, `runesUntilLiteral`.
    /// `last` is nil at the end of the input.
    private mutating func runesUntil(_ stop: Set<Unicode.Scalar>) -> (runes: [Unicode.Scalar], last: Unicode.Scalar?) {
        var v: [Unicode.Scalar] = []
        while let r = readRune() {
            if stop.contains(r) { return (v, r) }
            if r == "\\", !isLiteral {
                guard let next = readRune() else { return (v, nil) }
                v.append(next)
                continue
            }
            v.append(r)
        }
        return (v, nil)
    }

    private func reader(_ rs: [Unicode.Scalar]) throws -> Value {
        let text = String(String.UnicodeScalarView(rs))
        switch mode {
        case .typed: return Self.typedValue(text)
        case .string, .literal, .json: return .string(text)
        case .file(let read):
            do { return try read(text) } catch let error as Failure { throw error } catch {
                throw Failure(message: "\(error)")
            }
        }
    }

    /// `typedVal` with `st == false`.
    static func typedValue(_ text: String) -> Value {
        switch text.lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        case "0": return .int(0)
        default: break
        }
        if let first = text.unicodeScalars.first, first != "0", let i = Int64(text) { return .int(i) }
        return .string(text)
    }

    /// One `name...=value` entry into `data`.
    private mutating func key(_ data: inout OrderedDictionary<String, Value>, nestedNameLevel: Int) throws {
        do {
            try keyBody(&data, nestedNameLevel: nestedNameLevel)
        } catch let panic as GoPanic {
            throw Failure(message: "unable to parse key: \(panic.message)")
        }
    }

    private mutating func keyBody(_ data: inout OrderedDictionary<String, Value>, nestedNameLevel: Int) throws {
        var nestedNameLevel = nestedNameLevel
        let stop: Set<Unicode.Scalar> = isLiteral ? ["=", "[", "."] : ["=", "[", ",", "."]
        let (k, last) = runesUntil(stop)
        let name = String(String.UnicodeScalarView(k))
        guard let last else {
            if k.isEmpty { throw Failure.eof }
            throw Failure(message: "key \(GoQuote.quote(name)) has no value")
        }
        switch last {
        case "[":
            let i: Int
            do { i = try keyIndex() } catch let f as Failure { throw f.wrapped("error parsing index: ") }
            var list: [Value] = []
            if let existing = data[name] { list = try Self.assertList(existing) }
            var failure: Failure?
            do { list = try listItem(list, i, nestedNameLevel: nestedNameLevel) } catch let f as Failure {
                failure = f
                if let partial = f.partialList { list = partial }
            }
            Self.set(&data, name, .array(list))
            if let failure { throw failure.withoutPartial }
        case "=":
            if isLiteral {
                let (value, _) = runesUntil([])
                Self.set(&data, name, .string(String(String.UnicodeScalarView(value))))
                return
            }
            if isJSON {
                if emptyValue() {
                    Self.set(&data, name, .null)
                    return
                }
                Self.set(&data, name, try jsonValue())
                _ = emptyValue()
                return
            }
            switch valueList() {
            case .list(let vl):
                Self.set(&data, name, .array(vl))
            case .eof:
                Self.set(&data, name, .string(""))
                throw Failure.eof
            case .notList:
                let (rs, _) = runesUntil([","])
                Self.set(&data, name, try reader(rs))
            case .failure(let f):
                throw f
            }
        case ",":
            Self.set(&data, name, .string(""))
            throw Failure(message: "key \(GoQuote.quote(name)) has no value (cannot end with ,)")
        default:  // "."
            nestedNameLevel += 1
            if nestedNameLevel > Self.maxNestedNameLevel {
                throw Failure(message: "value name nested level is greater than maximum supported nested level of \(Self.maxNestedNameLevel)")
            }
            var inner = OrderedDictionary<String, Value>()
            let existed = data[name] != nil
            if let existing = data[name] { inner = try Self.assertMap(existing) }
            var failure: Failure?
            do { try key(&inner, nestedNameLevel: nestedNameLevel) } catch let f as Failure { failure = f }
            if failure == nil, inner.isEmpty {
                throw Failure(message: "key map \(GoQuote.quote(name)) has no value")
            }
            // Go mutates an existing inner map in place; a new one is stored only if non-empty.
            if !inner.isEmpty || existed { Self.set(&data, name, .object(inner)) }
            if let failure { throw failure }
        }
    }

    private static func set(_ data: inout OrderedDictionary<String, Value>, _ key: String, _ value: Value) {
        guard !key.isEmpty else { return }
        data[key] = value
    }

    private static func setIndex(_ list: [Value], _ index: Int, _ value: Value) throws -> [Value] {
        if index < 0 { throw Failure(message: "negative \(index) index not allowed") }
        if index > maxIndex {
            throw Failure(message: "index of \(index) is greater than maximum supported index of \(maxIndex)")
        }
        var list = list
        if list.count <= index { list += Array(repeating: .null, count: index + 1 - list.count) }
        list[index] = value
        return list
    }

    /// `setIndex` inside `listItem`: on failure the unchanged list goes back with the error.
    private static func setIndexKeeping(_ list: [Value], _ index: Int, _ value: Value) throws -> [Value] {
        do { return try setIndex(list, index, value) } catch let f as Failure { throw f.carrying(list) }
    }

    private mutating func keyIndex() throws -> Int {
        let (v, last) = runesUntil(["]"])
        guard last != nil else { throw Failure.eof }
        return try GoAtoi.parse(String(String.UnicodeScalarView(v)))
    }

    /// The value after `name[i]`: `=value`, `[j]...` or `.key...`. On failure the list as Go
    /// leaves it travels in the error (`partialList`), because the caller stores it anyway.
    private mutating func listItem(_ list: [Value], _ i: Int, nestedNameLevel: Int) throws -> [Value] {
        if i < 0 { throw Failure(message: "negative \(i) index not allowed").carrying(list) }
        let (k, last) = runesUntil(["[", ".", "="])
        if !k.isEmpty {
            throw Failure(message: "unexpected data at end of array index: \("[" + k.map { GoQuote.quoteRune($0.value) }.joined(separator: " ") + "]")").carrying(list)
        }
        guard let last else { throw Failure.eof.carrying(list) }
        switch last {
        case "=":
            if isLiteral {
                let (value, _) = runesUntil([])
                return try Self.setIndexKeeping(list, i, .string(String(String.UnicodeScalarView(value))))
            }
            if isJSON {
                if emptyValue() { return try Self.setIndexKeeping(list, i, .null) }
                let value: Value
                do { value = try jsonValue() } catch let f as Failure { throw f.carrying(list) }
                let updated = try Self.setIndexKeeping(list, i, value)
                _ = emptyValue()
                return updated
            }
            switch valueList() {
            case .list(let vl): return try Self.setIndexKeeping(list, i, .array(vl))
            case .eof: return try Self.setIndexKeeping(list, i, .string(""))
            case .notList:
                let (rs, _) = runesUntil([","])
                let value: Value
                do { value = try reader(rs) } catch let f as Failure { throw f.carrying(list) }
                return try Self.setIndexKeeping(list, i, value)
            case .failure(let f): throw f.carrying(list)
            }
        case "[":
            indexDepth += 1
            defer { indexDepth -= 1 }
            if indexDepth >= Self.maxNestedIndexLevel {
                throw Failure(message: "list index nested level is greater than maximum supported nested level of \(Self.maxNestedIndexLevel)")
            }
            let nextI: Int
            do { nextI = try keyIndex() } catch let f as Failure {
                throw f.wrapped("error parsing index: ").carrying(list)
            }
            var current: [Value] = []
            if list.count > i, !list[i].isNull { current = try Self.assertList(list[i]) }
            let nested: [Value]
            do { nested = try listItem(current, nextI, nestedNameLevel: nestedNameLevel) } catch let f as Failure {
                throw f.withoutPartial.carrying(list)
            }
            return try Self.setIndexKeeping(list, i, .array(nested))
        default:  // "."
            var list = list
            var inner = OrderedDictionary<String, Value>()
            if list.count > i {
                if case .object(let existing) = list[i] {
                    inner = existing
                } else {
                    list[i] = .object([:])  // indices out of order: Go resets the element
                }
            }
            do { try key(&inner, nestedNameLevel: nestedNameLevel) } catch let f as Failure {
                if list.count > i { list[i] = .object(inner) }  // Go's map was shared
                throw f.carrying(list)
            }
            return try Self.setIndexKeeping(list, i, .object(inner))
        }
    }

    /// `emptyVal`: skips blanks; true at a comma (consumed) or the end, false before anything else.
    private mutating func emptyValue() -> Bool {
        while let r = readRune() {
            if r == "," { return true }
            if !r.properties.isWhitespace {
                unreadRune()
                return false
            }
        }
        return true
    }

    /// Reads one JSON value as `json.Decoder.Decode` would, consuming only its bytes.
    private mutating func jsonValue() throws -> Value {
        let rest = String(String.UnicodeScalarView(runes[index...]))
        let parsed: (value: Value, consumed: Int)
        do {
            parsed = try JSONParser(numbers: .json).parsePrefix(rest)
        } catch let error as YAMLError {
            throw Failure(message: error.message)
        }
        var bytes = 0
        while bytes < parsed.consumed, index < runes.count {
            bytes += UTF8.width(runes[index])
            index += 1
        }
        return parsed.value
    }

    private enum ValueList {
        case list([Value]), eof, notList, failure(Failure)
    }

    /// `valList`: a `{a,b}` list, or a note that the value is not one.
    private mutating func valueList() -> ValueList {
        guard let r = readRune() else { return .eof }
        if r != "{" {
            unreadRune()
            return .notList
        }
        var list: [Value] = []
        while true {
            let (rs, last) = runesUntil([",", "}"])
            guard let last else { return .failure(Failure(message: "list must terminate with '}'")) }
            do {
                if last == "}" {
                    if let next = readRune(), next != "," { unreadRune() }
                    list.append(try reader(rs))
                    return .list(list)
                }
                list.append(try reader(rs))
            } catch let f as Failure {
                return .failure(f)
            } catch {
                return .failure(Failure(message: "\(error)"))
            }
        }
    }

    // MARK: Go's type assertions, which panic (and are recovered in `key`) on a mismatch.

    struct GoPanic: Error {
        var message: String
    }

    static func assertList(_ value: Value) throws -> [Value] {
        if case .array(let a) = value { return a }
        throw GoPanic(message: "interface conversion: interface {} is \(GoTypeName.of(value)), not []interface {}")
    }

    static func assertMap(_ value: Value) throws -> OrderedDictionary<String, Value> {
        if case .object(let o) = value { return o }
        throw GoPanic(message: "interface conversion: interface {} is \(GoTypeName.of(value)), not map[string]interface {}")
    }
}

extension StrvalsParser.Failure {
    var partialList: [Value]? { carried }
    var withoutPartial: StrvalsParser.Failure {
        var copy = self
        copy.carried = nil
        return copy
    }
    func carrying(_ list: [Value]) -> StrvalsParser.Failure {
        var copy = self
        copy.carried = list
        return copy
    }
}

