import Foundation

/// Go's predefined template functions (`text/template/funcs.go`): `and`, `or`, `not`, `len`,
/// `index`, `slice`, `print*`, comparisons, `html`, `js`, `urlquery` and `call`.
enum Builtins {
    static let functions: [String: TemplateFunction] = {
        var f: [String: TemplateFunction] = [:]
        func add(_ fn: TemplateFunction) { f[fn.name] = fn }
        let rv = GoType.reflectValue
        // `and` and `or` are evaluated lazily by the executor; these bodies are never called.
        add(TemplateFunction("and", [rv], variadic: rv, returns: "reflect.Value") { $0[0] })
        add(TemplateFunction("or", [rv], variadic: rv, returns: "reflect.Value") { $0[0] })
        add(TemplateFunction("not", [rv], returns: "bool") { .bool(!Truth.truth($0[0])) })
        add(TemplateFunction("len", [rv], returns: "(int, error)") { try length($0[0]) })
        add(TemplateFunction("index", [rv], variadic: rv, returns: "(reflect.Value, error)") { call in
            try index(call[0], Array(call.arguments.dropFirst()))
        })
        add(TemplateFunction("slice", [rv], variadic: rv, returns: "(reflect.Value, error)") { call in
            try slice(call[0], Array(call.arguments.dropFirst()))
        })
        add(TemplateFunction("print", [], variadic: .interface, returns: "string") { .string(GoFormatter.sprint($0.arguments)) })
        add(TemplateFunction("println", [], variadic: .interface, returns: "string") { .string(GoFormatter.sprintln($0.arguments)) })
        add(TemplateFunction("printf", [.string], variadic: .interface, returns: "string") { call in
            guard case .string(let format) = call[0].plain else { return .string("") }
            return .string(GoFormatter.sprintf(format, Array(call.arguments.dropFirst())))
        })
        add(TemplateFunction("eq", [rv], variadic: rv, returns: "(bool, error)") { call in
            .bool(try Comparison.eq(call[0], Array(call.arguments.dropFirst())))
        })
        add(TemplateFunction("ne", [rv, rv], returns: "(bool, error)") { .bool(try !Comparison.eq($0[0], [$0[1]])) })
        add(TemplateFunction("lt", [rv, rv], returns: "(bool, error)") { .bool(try Comparison.lt($0[0], $0[1])) })
        add(TemplateFunction("le", [rv, rv], returns: "(bool, error)") { .bool(try Comparison.le($0[0], $0[1])) })
        add(TemplateFunction("gt", [rv, rv], returns: "(bool, error)") { .bool(try !Comparison.le($0[0], $0[1])) })
        add(TemplateFunction("ge", [rv, rv], returns: "(bool, error)") { .bool(try !Comparison.lt($0[0], $0[1])) })
        add(TemplateFunction("html", [], variadic: .interface, returns: "string") { .string(htmlEscape(evalArgs($0.arguments))) })
        add(TemplateFunction("js", [], variadic: .interface, returns: "string") { .string(jsEscape(evalArgs($0.arguments))) })
        add(TemplateFunction("urlquery", [], variadic: .interface, returns: "string") { call in
            .string(queryEscape(evalArgs(call.arguments)))
        })
        add(TemplateFunction("call", [rv], variadic: rv, returns: "(reflect.Value, error)") { call in
            // The executor prepends the callee's name.
            guard case .string(let name) = call[0].plain else { throw FunctionError("call of nil") }
            let fn = call[1].plain
            let args = Array(call.arguments.dropFirst(2))
            switch fn {
            case .invalid, .null: throw FunctionError("call of nil")
            case .function(let f):
                let total = f.params.count
                if f.variadic != nil {
                    if args.count < total {
                        throw FunctionError("wrong number of args for \(name): got \(args.count) want at least \(total)")
                    }
                } else if args.count != total {
                    throw FunctionError("wrong number of args for \(name): got \(args.count) want \(total)")
                }
                let prepared = args.map { arg -> TemplateValue in
                    if case .invalid = arg.plain { return .null }
                    return arg
                }
                return try f.body(FunctionCall(arguments: prepared, engine: call.engine))
            default:
                throw FunctionError("non-function \(name) of type \(fn.goType)")
            }
        })
        return f
    }()

    /// Go's `evalArgs`: a single string argument as is, anything else through `fmt.Sprint`.
    static func evalArgs(_ args: [TemplateValue]) -> String {
        if args.count == 1, case .string(let s) = args[0].plain { return s }
        return GoFormatter.sprint(args)
    }

    static func length(_ item: TemplateValue) throws -> TemplateValue {
        switch item.plain {
        case .null: throw FunctionError("len of nil pointer")
        case .string(let s): return .goInt(s.utf8.count)
        case .list(let items, _): return .goInt(items.count)
        case .map(let m): return .goInt(m.count)
        case .object(let o) where o.mapEntries != nil: return .goInt(o.mapEntries!.count)
        case .invalid: throw FunctionError("reflect: call of reflect.Value.Type on zero Value")
        default: throw FunctionError("len of type \(item.goType)")
        }
    }

    private static func indexArg(_ index: TemplateValue, cap: Int) throws -> Int {
        let x: Int64
        switch index.plain {
        case .int(let i, _): x = i
        case .uint(let u, _): x = Int64(bitPattern: u)
        case .invalid, .null: throw FunctionError("cannot index slice/array with nil")
        default: throw FunctionError("cannot index slice/array with type \(index.goType)")
        }
        if x < 0 || x > Int64(cap) { throw FunctionError("index out of range: \(x)") }
        return Int(x)
    }

    static func index(_ item: TemplateValue, _ indexes: [TemplateValue]) throws -> TemplateValue {
        var item = item.plain
        if case .invalid = item { throw FunctionError("index of untyped nil") }
        if case .null = item { throw FunctionError("index of untyped nil") }
        for index in indexes {
            switch item.plain {
            case .null: throw FunctionError("index of nil pointer")
            case .list(let items, _):
                let x = try indexArg(index, cap: items.count)
                if x == items.count { throw FunctionError("reflect: slice index out of range") }
                item = items[x]
            case .string(let s):
                let bytes = Array(s.utf8)
                let x = try indexArg(index, cap: bytes.count)
                if x == bytes.count { throw FunctionError("reflect: string index out of range") }
                item = .uint(UInt64(bytes[x]), .uint8)
            case .map(let m):
                switch index.plain {
                case .string(let key): item = m.entries[key] ?? .null
                case .invalid, .null: item = .null
                default: throw FunctionError("value has type \(index.goType); should be string")
                }
            default:
                throw FunctionError("can't index item of type \(item.goType)")
            }
        }
        return item
    }

    static func slice(_ item: TemplateValue, _ indexes: [TemplateValue]) throws -> TemplateValue {
        let item = item.plain
        if case .invalid = item { throw FunctionError("slice of untyped nil") }
        if case .null = item { throw FunctionError("slice of untyped nil") }
        if indexes.count > 3 { throw FunctionError("too many slice indexes: \(indexes.count)") }
        let count: Int
        switch item {
        case .string(let s):
            if indexes.count == 3 { throw FunctionError("cannot 3-index slice a string") }
            count = s.utf8.count
        case .list(let items, _): count = items.count
        default: throw FunctionError("can't slice item of type \(item.goType)")
        }
        var idx = [0, count, count]
        for (i, index) in indexes.enumerated() { idx[i] = try indexArg(index, cap: count) }
        if idx[0] > idx[1] { throw FunctionError("invalid slice index: \(idx[0]) > \(idx[1])") }
        if indexes.count == 3 && idx[1] > idx[2] { throw FunctionError("invalid slice index: \(idx[1]) > \(idx[2])") }
        switch item {
        case .string(let s):
            return .string(String(decoding: Array(s.utf8)[idx[0]..<idx[1]], as: UTF8.self))
        case .list(let items, let e):
            return .list(Array(items[idx[0]..<idx[1]]), element: e)
        default:
            return .invalid
        }
    }

    static func htmlEscape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\0": out += "\u{FFFD}"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func jsEscape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "<": out += "\\u003C"
            case ">": out += "\\u003E"
            case "&": out += "\\u0026"
            case "=": out += "\\u003D"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + String(format: "%02X", scalar.value)
                } else if scalar.value >= 0x80 && !GoQuote.isPrint(scalar) {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `url.QueryEscape`.
    static func queryEscape(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            case UInt8(ascii: " "):
                out += "+"
            default:
                out += String(format: "%%%02X", b)
            }
        }
        return out
    }
}
