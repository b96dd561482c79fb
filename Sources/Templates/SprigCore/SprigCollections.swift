import Foundation

/// Sprig's lists and dicts (list.go, dict.go): `list`, `dict`, `get`, `set`, `hasKey`, `keys`,
/// `merge`, `first`, `append`, `uniq`... Values pass through unchanged, so provenance survives.
enum SprigCollections {
    static func register(_ add: (TemplateFunction) -> Void) {
        let any = GoType.interface, s = GoType.string, map = GoType.stringMap
        typealias C = SprigConversion
        add(TemplateFunction("list", [], variadic: any, returns: "[]interface {}") { .anyList($0.arguments) })
        add(TemplateFunction("tuple", [], variadic: any, returns: "[]interface {}") { .anyList($0.arguments) })
        add(TemplateFunction("dict", [], variadic: any, returns: "map[string]interface {}") { call in
            var m: [String: TemplateValue] = [:]
            var i = 0
            let args = call.arguments
            while i < args.count {
                let key = C.string(args[i])
                m[key] = i + 1 < args.count ? args[i + 1] : .string("")
                i += 2
            }
            return .map(TemplateMap(m))
        })
        add(TemplateFunction("get", [map, s], returns: "interface {}") { call in
            guard case .map(let m) = call[0].plain, case .string(let k) = call[1].plain else { return .string("") }
            return m[k] ?? .string("")
        })
        add(TemplateFunction("set", [map, s, any], returns: "map[string]interface {}") { call in
            guard case .map(let m) = call[0].plain, case .string(let k) = call[1].plain else { return call[0] }
            m[k] = call[2]
            return call[0]
        })
        add(TemplateFunction("unset", [map, s], returns: "map[string]interface {}") { call in
            guard case .map(let m) = call[0].plain, case .string(let k) = call[1].plain else { return call[0] }
            m.removeValue(forKey: k)
            return call[0]
        })
        add(TemplateFunction("hasKey", [map, s], returns: "bool") { call in
            guard case .map(let m) = call[0].plain, case .string(let k) = call[1].plain else { return .bool(false) }
            return .bool(m[k] != nil)
        })
        add(TemplateFunction("keys", [], variadic: map, returns: "[]string") { call in
            var out: [String] = []
            for a in call.arguments { if case .map(let m) = a.plain { out += m.sortedKeys } }
            return .stringList(out)
        })
        add(TemplateFunction("values", [map], returns: "[]interface {}") { call in
            guard case .map(let m) = call[0].plain else { return .anyList([]) }
            return .anyList(m.sortedKeys.map { m[$0]! })
        })
        add(TemplateFunction("pluck", [s], variadic: map, returns: "[]interface {}") { call in
            guard case .string(let k) = call[0].plain else { return .anyList([]) }
            return .anyList(call.arguments.dropFirst().compactMap { if case .map(let m) = $0.plain { return m[k] }; return nil })
        })
        add(TemplateFunction("pick", [map], variadic: s, returns: "map[string]interface {}") { call in
            guard case .map(let m) = call[0].plain else { return .map(TemplateMap()) }
            var out = TemplateMap()
            for k in call.arguments.dropFirst() { if case .string(let key) = k.plain, let v = m[key] { out[key] = v } }
            return .map(out)
        })
        add(TemplateFunction("omit", [map], variadic: s, returns: "map[string]interface {}") { call in
            guard case .map(let original) = call[0].plain else { return .map(TemplateMap()) }
            let m = original.copy()
            for k in call.arguments.dropFirst() { if case .string(let key) = k.plain { m.removeValue(forKey: key) } }
            return .map(m)
        })
        add(TemplateFunction("dig", [], variadic: any, returns: "(interface {}, error)") { call in
            let args = call.arguments
            guard args.count >= 3, case .map(var m) = args[args.count - 1].plain else {
                throw FunctionError("dig needs at least three arguments: keys, a default and a dict")
            }
            let keys = args.dropLast(2)
            for (n, key) in keys.enumerated() {
                guard let v = m[C.string(key)] else { return args[args.count - 2] }
                if n == keys.count - 1 { return v }
                guard case .map(let next) = v.plain else { return args[args.count - 2] }
                m = next
            }
            return args[args.count - 2]
        })
        for (name, overwrite) in [("merge", false), ("mergeOverwrite", true), ("mustMerge", false), ("mustMergeOverwrite", true)] {
            add(TemplateFunction(name, [map], variadic: map, returns: "interface {}") { call in
                // mergo merges into the first map itself, as Sprig's merge does.
                guard case .map(let dst) = call[0].plain else { return call[0] }
                for src in call.arguments.dropFirst() {
                    if case .map(let m) = src.plain { deepMerge(into: dst, m, overwrite: overwrite) }
                }
                return call[0]
            })
        }
        add(TemplateFunction("deepCopy", [any], returns: "interface {}") { deepCopy($0[0]) })
        add(TemplateFunction("mustDeepCopy", [any], returns: "(interface {}, error)") { deepCopy($0[0]) })

        // Lists.
        func listFunction(_ name: String, _ body: @escaping @Sendable ([TemplateValue], TemplateValue) throws -> TemplateValue) {
            add(TemplateFunction(name, [any], returns: "interface {}") { call in
                guard let items = C.items(call[0]) else {
                    if case .null = call[0].plain { return .null }
                    return .null
                }
                return try body(items, call[0])
            })
            add(TemplateFunction("must" + name.prefix(1).uppercased() + name.dropFirst(), [any], returns: "(interface {}, error)") { call in
                guard let items = C.items(call[0]) else {
                    throw FunctionError("Cannot find \(name) on type \(call[0].goType)")
                }
                return try body(items, call[0])
            })
        }
        listFunction("first") { items, _ in items.first ?? .null }
        listFunction("last") { items, _ in items.last ?? .null }
        listFunction("rest") { items, _ in .anyList(Array(items.dropFirst())) }
        listFunction("initial") { items, _ in .anyList(Array(items.dropLast())) }
        listFunction("reverse") { items, _ in .anyList(items.reversed()) }
        listFunction("uniq") { items, _ in
            var out: [TemplateValue] = []
            for item in items where !out.contains(where: { deepEqual($0, item) }) { out.append(item) }
            return .anyList(out)
        }
        listFunction("compact") { items, _ in .anyList(items.filter { !C.isEmpty($0) }) }
        // push/append, prepend, without, has: a wrong kind is an error in both forms (Sprig's
        // plain forms panic with the message its must-forms return).
        for name in ["append", "push", "mustAppend", "mustPush"] {
            add(TemplateFunction(name, [any, any], returns: name.hasPrefix("must") ? "([]interface {}, error)" : "[]interface {}") { call in
                .anyList(try listItems(call[0], "Cannot push on type") + [call[1]])
            })
        }
        for name in ["prepend", "mustPrepend"] {
            add(TemplateFunction(name, [any, any], returns: name.hasPrefix("must") ? "([]interface {}, error)" : "[]interface {}") { call in
                .anyList([call[1]] + (try listItems(call[0], "Cannot prepend on type")))
            })
        }
        for name in ["without", "mustWithout"] {
            add(TemplateFunction(name, [any], variadic: any, returns: name.hasPrefix("must") ? "([]interface {}, error)" : "[]interface {}") { call in
                let drop = Array(call.arguments.dropFirst())
                return .anyList(try listItems(call[0], "Cannot find without on type").filter { item in !drop.contains { deepEqual($0, item) } })
            })
        }
        for name in ["has", "mustHas"] {
            add(TemplateFunction(name, [any, any], returns: name.hasPrefix("must") ? "(bool, error)" : "bool") { call in
                if case .null = call[1].plain { return .bool(false) }
                if case .invalid = call[1].plain { return .bool(false) }
                return .bool(try listItems(call[1], "Cannot find has on type").contains { deepEqual($0, call[0]) })
            })
        }
        for name in ["slice", "mustSlice"] {
            // Sprig's slice replaces Go's builtin: `slice $l 1 3` is `$l[1:3]`, keeping the slice type.
            add(TemplateFunction(name, [any], variadic: any, returns: name.hasPrefix("must") ? "(interface {}, error)" : "interface {}") { call in
                guard case .list(let items, let element) = call[0].plain else {
                    throw FunctionError("list should be type of slice or array but \(SprigMisc.kind(call[0]))")
                }
                if items.isEmpty { return .null }
                let start = call.count > 1 ? Int(C.int64(call[1])) : 0
                let end = call.count > 2 ? Int(C.int64(call[2])) : items.count
                guard start >= 0, start <= end, end <= items.count else {
                    throw FunctionError("reflect.Value.Slice: slice index out of bounds")
                }
                return .list(Array(items[start..<end]), element: element)
            })
        }
        for name in ["chunk", "mustChunk"] {
            add(TemplateFunction(name, [GoType.int, any], returns: name.hasPrefix("must") ? "([][]interface {}, error)" : "[][]interface {}") { call in
                let size = Int(C.int64(call[0]))
                let items = try listItems(call[1], "Cannot chunk type")
                if items.isEmpty { return .list([], element: .slice(.interface)) }
                // Go's float arithmetic in mustChunk turns a zero or negative size into a bad make().
                if size <= 0 { throw FunctionError("runtime error: makeslice: len out of range") }
                let chunks = stride(from: 0, to: items.count, by: size).map { i in
                    TemplateValue.anyList(Array(items[i..<min(i + size, items.count)]))
                }
                return .list(chunks, element: .slice(.interface))
            })
        }
        add(TemplateFunction("concat", [], variadic: any, returns: "interface {}") { call in
            .anyList(call.arguments.flatMap { C.items($0) ?? [] })
        })
        add(TemplateFunction("until", [GoType.int], returns: "[]int") { call in
            let n = Int(C.int64(call[0]))
            return .list(n >= 0 ? (0..<n).map { .goInt($0) } : stride(from: 0, to: n, by: -1).map { .goInt($0) }, element: .int)
        })
        add(TemplateFunction("untilStep", [GoType.int, GoType.int, GoType.int], returns: "[]int") { call in
            let start = Int(C.int64(call[0])), stop = Int(C.int64(call[1])), step = Int(C.int64(call[2]))
            guard step != 0, (step > 0 && start < stop) || (step < 0 && start > stop) else { return .list([], element: .int) }
            return .list(stride(from: start, to: stop, by: step).map { .goInt($0) }, element: .int)
        })
        add(TemplateFunction("seq", [], variadic: GoType.int, returns: "string") { call in
            let n = call.arguments.map { Int(C.int64($0)) }
            var start = 1, step = 1, end = 0
            switch n.count {
            case 1: end = n[0]
            case 2: start = n[0]; end = n[1]; step = start <= end ? 1 : -1
            case 3: start = n[0]; step = n[1]; end = n[2]
            default: return .string("")
            }
            if step == 0 || (step > 0 && start > end) || (step < 0 && start < end) { return .string("") }
            return .string(stride(from: start, through: end, by: step).map(String.init).joined(separator: " "))
        })
    }

    /// The elements of a slice argument, or Sprig's error naming the argument's kind.
    static func listItems(_ v: TemplateValue, _ message: String) throws -> [TemplateValue] {
        if let items = SprigConversion.items(v) { return items }
        if case .null = v.plain { throw FunctionError("runtime error: invalid memory address or nil pointer dereference") }
        if case .invalid = v.plain { throw FunctionError("runtime error: invalid memory address or nil pointer dereference") }
        throw FunctionError("\(message) \(SprigMisc.kind(v))")
    }

    /// mergo v1's merge of `map[string]interface{}` values (dario.cat/mergo `deepMerge`, Map
    /// case), in place, as Sprig's `merge` (`Merge`) and `mergeOverwrite` (`WithOverride`) call
    /// it. For each source key:
    /// - a null source value is skipped, or with `overwrite` copied as null;
    /// - two maps merge recursively (the destination map is changed in place);
    /// - a non-empty destination keeps its value against a list, or a map against a map;
    /// - otherwise the source value goes in when `overwrite` is set, the key is missing, or the
    ///   destination value is empty (nil, "", 0, false, an empty map or list).
    /// A source map or list that goes in is shared, not copied, as in Go.
    static func deepMerge(into dst: TemplateMap, _ src: TemplateMap, overwrite: Bool) {
        for key in src.sortedKeys {
            let s = src[key]!
            let d = dst[key]
            switch s.plain {
            case .null, .invalid:
                if overwrite { dst[key] = s }
                continue
            case .map(let sm):
                if let d, case .map(let dm) = d.plain { deepMerge(into: dm, sm, overwrite: overwrite) }
            case .list(_, let element):
                // mergo tests emptiness of the two enclosing maps here, not of the elements.
                var slice: TemplateValue = .list([], element: element)
                if let d, !isNil(d) { slice = d }
                if !isZero(.map(src)) && (overwrite || isZero(.map(dst))) { slice = s }
                dst[key] = slice
            default:
                break
            }
            if let d, !isZero(d) {
                if case .list = s.plain { continue }
                if case .map = s.plain, case .map = d.plain { continue }
            }
            if overwrite || d == nil || isZero(d!) { dst[key] = s }
        }
    }

    private static func isNil(_ v: TemplateValue) -> Bool {
        switch v.plain {
        case .invalid, .null: true
        default: false
        }
    }

    /// mergo's `isEmptyValue` (dereferencing interfaces): nil, "", 0, false, and maps and
    /// lists of length 0.
    private static func isZero(_ v: TemplateValue) -> Bool {
        switch v.plain {
        case .invalid, .null: return true
        case .string(let s): return s.isEmpty
        case .int(let i, _): return i == 0
        case .uint(let u, _): return u == 0
        case .float(let f): return f == 0
        case .bool(let b): return !b
        case .list(let items, _): return items.isEmpty
        case .map(let m): return m.count == 0
        default: return false
        }
    }

    /// copystructure's `Copy`, as `deepCopy` uses it: maps and lists are copied all the way
    /// down, so changing the copy (`set`, `merge`) leaves the original alone. Scalars, objects
    /// and functions are shared, as Go shares them.
    static func deepCopy(_ v: TemplateValue) -> TemplateValue {
        switch v {
        case .traced(let inner, let origin): return .traced(deepCopy(inner), origin)
        case .namedList(let inner, let type): return .namedList(deepCopy(inner), type)
        case .list(let items, let element): return .list(items.map(deepCopy), element: element)
        case .map(let m): return .map(TemplateMap(m.entries.mapValues(deepCopy), typeName: m.typeName))
        default: return v
        }
    }

    /// `reflect.DeepEqual` on template data.
    static func deepEqual(_ a: TemplateValue, _ b: TemplateValue) -> Bool {
        switch (a.plain, b.plain) {
        case (.invalid, .invalid), (.null, .null), (.invalid, .null), (.null, .invalid): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x, let t1), .int(let y, let t2)): return x == y && t1 == t2
        case (.uint(let x, let t1), .uint(let y, let t2)): return x == y && t1 == t2
        case (.float(let x), .float(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x, let e1), .list(let y, let e2)):
            return e1 == e2 && x.count == y.count && zip(x, y).allSatisfy { deepEqual($0, $1) }
        case (.map(let x), .map(let y)):
            return x.count == y.count && x.entries.allSatisfy { k, v in y[k].map { deepEqual(v, $0) } ?? false }
        default: return false
        }
    }
}
