/// Go's template comparison functions (`eq`, `lt`, `le`): basic kinds only, signed and
/// unsigned integers compare by value, any other mix is "incompatible types for comparison".
enum Comparison {
    private enum Kind { case invalid, bool, int, uint, float, string }

    private static func kind(_ v: TemplateValue) -> Kind {
        switch v.plain {
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .float: .float
        case .string: .string
        default: .invalid
        }
    }

    private static func isValid(_ v: TemplateValue) -> Bool {
        switch v.plain {
        case .invalid, .null: false
        default: true
        }
    }

    static func eq(_ arg1: TemplateValue, _ others: [TemplateValue]) throws -> Bool {
        let a = arg1.plain
        if others.isEmpty { throw FunctionError("missing argument for comparison") }
        let k1 = kind(a)
        for other in others {
            let b = other.plain
            let k2 = kind(b)
            var truth = false
            if k1 != k2 {
                switch (a, b) {
                case (.int(let i, _), .uint(let u, _)): truth = i >= 0 && UInt64(i) == u
                case (.uint(let u, _), .int(let i, _)): truth = i >= 0 && UInt64(i) == u
                default:
                    if isValid(a) && isValid(b) {
                        throw FunctionError("incompatible types for comparison: \(a.goType) and \(b.goType)")
                    }
                }
            } else {
                switch (a, b) {
                case (.bool(let x), .bool(let y)): truth = x == y
                case (.float(let x), .float(let y)): truth = x == y
                case (.int(let x, _), .int(let y, _)): truth = x == y
                case (.string(let x), .string(let y)): truth = x == y
                case (.uint(let x, _), .uint(let y, _)): truth = x == y
                default:
                    // Non-basic kinds: only nil-ness can be compared here.
                    let nil1 = isNilish(a), nil2 = isNilish(b)
                    if nil1 || nil2 {
                        truth = nil1 == nil2
                    } else {
                        throw FunctionError("non-comparable type \(GoFormatter.sprintf("%s", [b])): \(b.goType)")
                    }
                }
            }
            if truth { return true }
        }
        return false
    }

    private static func isNilish(_ v: TemplateValue) -> Bool {
        switch v.plain {
        case .invalid, .null: true
        default: false
        }
    }

    static func lt(_ arg1: TemplateValue, _ arg2: TemplateValue) throws -> Bool {
        let a = arg1.plain, b = arg2.plain
        let k1 = kind(a), k2 = kind(b)
        if k1 == .invalid || k2 == .invalid { throw FunctionError("invalid type for comparison") }
        if k1 != k2 {
            switch (a, b) {
            case (.int(let i, _), .uint(let u, _)): return i < 0 || UInt64(i) < u
            case (.uint(let u, _), .int(let i, _)): return i >= 0 && u < UInt64(i)
            default: throw FunctionError("incompatible types for comparison: \(a.goType) and \(b.goType)")
            }
        }
        switch (a, b) {
        case (.float(let x), .float(let y)): return x < y
        case (.int(let x, _), .int(let y, _)): return x < y
        case (.string(let x), .string(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
        case (.uint(let x, _), .uint(let y, _)): return x < y
        default: throw FunctionError("invalid type for comparison")
        }
    }

    static func le(_ arg1: TemplateValue, _ arg2: TemplateValue) throws -> Bool {
        if try lt(arg1, arg2) { return true }
        return try eq(arg1, [arg2])
    }
}
