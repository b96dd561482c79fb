import Foundation

/// Sprig's arithmetic (numeric.go): integer functions return int64 through spf13/cast's
/// conversions; the `f` variants and rounding work on float64.
enum SprigMath {
    static func register(_ add: (TemplateFunction) -> Void) {
        let any = GoType.interface
        typealias C = SprigConversion
        add(TemplateFunction("add1", [any], returns: "int64") { .int64(C.int64($0[0]) &+ 1) })
        add(TemplateFunction("add", [], variadic: any, returns: "int64") { .int64($0.arguments.reduce(0) { $0 &+ C.int64($1) }) })
        add(TemplateFunction("sub", [any, any], returns: "int64") { .int64(C.int64($0[0]) &- C.int64($0[1])) })
        add(TemplateFunction("mul", [any], variadic: any, returns: "int64") { call in
            .int64(call.arguments.dropFirst().reduce(C.int64(call[0])) { $0 &* C.int64($1) })
        })
        add(TemplateFunction("div", [any, any], returns: "int64") { call in
            let d = C.int64(call[1])
            if d == 0 { throw FunctionError("runtime error: integer divide by zero") }
            return .int64(C.int64(call[0]) / d)
        })
        add(TemplateFunction("mod", [any, any], returns: "int64") { call in
            let d = C.int64(call[1])
            if d == 0 { throw FunctionError("runtime error: integer divide by zero") }
            return .int64(C.int64(call[0]) % d)
        })
        let pickers: [(String, @Sendable (Int64, Int64) -> Int64)] = [("max", { Swift.max($0, $1) }), ("biggest", { Swift.max($0, $1) }), ("min", { Swift.min($0, $1) })]
        for (name, pick) in pickers {
            add(TemplateFunction(name, [any], variadic: any, returns: "int64") { call in
                .int64(call.arguments.dropFirst().reduce(C.int64(call[0])) { pick($0, C.int64($1)) })
            })
        }
        add(TemplateFunction("addf", [], variadic: any, returns: "float64") { .float($0.arguments.reduce(0) { $0 + C.float64($1) }) })
        add(TemplateFunction("add1f", [any], returns: "float64") { .float(C.float64($0[0]) + 1) })
        add(TemplateFunction("subf", [any], variadic: any, returns: "float64") { call in
            .float(call.arguments.dropFirst().reduce(C.float64(call[0])) { $0 - C.float64($1) })
        })
        add(TemplateFunction("mulf", [any], variadic: any, returns: "float64") { call in
            .float(call.arguments.dropFirst().reduce(C.float64(call[0])) { $0 * C.float64($1) })
        })
        add(TemplateFunction("divf", [any], variadic: any, returns: "float64") { call in
            .float(call.arguments.dropFirst().reduce(C.float64(call[0])) { $0 / C.float64($1) })
        })
        add(TemplateFunction("maxf", [any], variadic: any, returns: "float64") { call in
            .float(call.arguments.dropFirst().reduce(C.float64(call[0])) { Swift.max($0, C.float64($1)) })
        })
        add(TemplateFunction("minf", [any], variadic: any, returns: "float64") { call in
            .float(call.arguments.dropFirst().reduce(C.float64(call[0])) { Swift.min($0, C.float64($1)) })
        })
        add(TemplateFunction("ceil", [any], returns: "float64") { .float(C.float64($0[0]).rounded(.up)) })
        add(TemplateFunction("floor", [any], returns: "float64") { .float(C.float64($0[0]).rounded(.down)) })
        add(TemplateFunction("round", [any, GoType.int], variadic: GoType.float64, returns: "float64") { call in
            let x = C.float64(call[0]), places = Double(C.int64(call[1]))
            let roundOn = call.count > 2 ? C.float64(call[2]) : 0.5
            let pow10 = pow(10, places)
            let digit = x * pow10
            let (intPart, frac) = (digit.rounded(.towardZero), abs(digit - digit.rounded(.towardZero)))
            let rounded = frac >= roundOn ? (digit < 0 ? intPart - 1 : intPart + 1) : intPart
            return .float(rounded / pow10)
        })
        add(TemplateFunction("int", [any], returns: "int") { .goInt(Int(C.int64($0[0]))) })
        add(TemplateFunction("int64", [any], returns: "int64") { .int64(C.int64($0[0])) })
        add(TemplateFunction("float64", [any], returns: "float64") { .float(C.float64($0[0])) })
        add(TemplateFunction("atoi", [GoType.string], returns: "int") { call in
            guard case .string(let s) = call[0].plain, let n = Int(s) else { return .goInt(0) }
            return .goInt(n)
        })
        add(TemplateFunction("toDecimal", [any], returns: "int64") { call in
            guard let n = Int64(C.string(call[0]), radix: 8) else { return .int64(0) }
            return .int64(n)
        })
    }
}
