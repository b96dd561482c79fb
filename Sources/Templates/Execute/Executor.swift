/// Executes one template: a port of `text/template/exec.go`, keeping Go's evaluation order,
/// its type rules for arguments and its error texts.
final class Executor: ExecutionContext {
    private let set: TemplateSet
    private var template: TemplateSet.Template
    private let data: TemplateValue
    private var output: [UInt8] = []
    private var spans: [TracedSpan] = []
    private var vars: [(name: String, value: TemplateValue)] = []
    private var node: Node?
    private var depth = 0

    /// How a walk ended: normally, or by `{{break}}` / `{{continue}}`.
    private enum Flow { case normal, breakLoop, continueLoop }

    init(set: TemplateSet, template: TemplateSet.Template, data: TemplateValue) {
        self.set = set
        self.template = template
        self.data = data
    }

    func run() throws -> RenderedText {
        vars = [("$", data)]
        _ = try walk(data, .list(template.root))
        return RenderedText(text: String(decoding: output, as: UTF8.self), spans: spans)
    }

    // MARK: - ExecutionContext

    func executeTemplate(named name: String, data: TemplateValue) throws -> RenderedText {
        try set.execute(name, data: data)
    }

    func executeText(_ text: String, data: TemplateValue) throws -> RenderedText {
        try set.parse(name: template.name, text: text)
        return try set.execute(template.name, data: data)
    }

    // MARK: - Errors

    private func at(_ n: Node) { node = n }

    /// Go's `state.errorf`: `template: LOCATION: executing "NAME" at <NODE>: MESSAGE`.
    private func error(_ message: String) -> TemplateError {
        let name = template.name
        guard let node else {
            return .execution("template: \(name): \(message)")
        }
        let location = template.source.location(of: node.position)
        let context = node.describe(template.source.delims)
        return .execution("template: \(location): executing \(GoQuote.quote(name)) at <\(context)>: \(message)")
    }

    // MARK: - Variables

    private func push(_ name: String, _ value: TemplateValue) { vars.append((name, value)) }

    private func setVar(_ name: String, _ value: TemplateValue) throws {
        for i in stride(from: vars.count - 1, through: 0, by: -1) where vars[i].name == name {
            vars[i].value = value
            return
        }
        throw error("undefined variable: \(name)")
    }

    private func varValue(_ name: String) throws -> TemplateValue {
        for i in stride(from: vars.count - 1, through: 0, by: -1) where vars[i].name == name {
            return vars[i].value
        }
        throw error("undefined variable: \(name)")
    }

    // MARK: - Walking

    private func walk(_ dot: TemplateValue, _ n: Node) throws -> Flow {
        at(n)
        switch n {
        case .action(let a):
            let value = try evalPipeline(dot, a.pipe)
            if a.pipe.decl.isEmpty { try printValue(n, value) }
        case .breakLoop:
            return .breakLoop
        case .continueLoop:
            return .continueLoop
        case .comment:
            break
        case .branch(let b):
            switch b.kind {
            case .if, .with: return try walkIfOrWith(b, dot)
            case .range: return try walkRange(b, dot)
            }
        case .list(let l):
            for child in l.nodes {
                let flow = try walk(dot, child)
                if flow != .normal { return flow }
            }
        case .template(let t):
            try walkTemplate(dot, t, n)
        case .text(_, let bytes):
            output.append(contentsOf: bytes)
        default:
            throw error("unknown node: \(n.describe())")
        }
        return .normal
    }

    private func walkIfOrWith(_ b: BranchNode, _ dot: TemplateValue) throws -> Flow {
        let mark = vars.count
        defer { vars.removeSubrange(mark...) }
        let value = try evalPipeline(dot, b.pipe)
        guard let truth = Truth.isTrue(value) else {
            throw error("if/with can't use \(GoFormatter.string(value))")
        }
        if truth {
            return try walk(b.kind == .with ? value : dot, .list(b.list))
        } else if let e = b.elseList {
            return try walk(dot, .list(e))
        }
        return .normal
    }

    private func walkRange(_ r: BranchNode, _ dot: TemplateValue) throws -> Flow {
        at(.branch(r))
        let outerMark = vars.count
        defer { vars.removeSubrange(outerMark...) }
        let value = try evalPipeline(dot, r.pipe).plain
        let mark = vars.count
        let decl = r.pipe.decl

        /// One iteration; returns false when `{{break}}` ends the loop.
        func iteration(_ index: TemplateValue?, _ elem: TemplateValue) throws -> Bool {
            if set.tracing, let origin = elem.origin { set.accessed.append(origin) }
            if !decl.isEmpty {
                if r.pipe.isAssign {
                    try setVar(decl[0][0], decl.count > 1 ? (index ?? .invalid) : elem)
                } else {
                    vars[vars.count - 1].value = elem
                }
            }
            if decl.count > 1 {
                if r.pipe.isAssign {
                    try setVar(decl[1][0], elem)
                } else {
                    vars[vars.count - 2].value = index ?? .invalid
                }
            }
            defer { vars.removeSubrange(mark...) }
            let flow = try walk(elem, .list(r.list))
            return flow != .breakLoop
        }

        switch value {
        case .int(let n, let t):
            if decl.count > 1 { throw error("can't use \(n) to iterate over more than one variable") }
            if n > 0 {
                var i: Int64 = 0
                while i < n {
                    if try !iteration(nil, .int(i, t)) { break }
                    i += 1
                }
                return .normal
            }
        case .uint(let n, let t):
            if decl.count > 1 { throw error("can't use \(n) to iterate over more than one variable") }
            if n > 0 {
                var i: UInt64 = 0
                while i < n {
                    if try !iteration(nil, .uint(i, t)) { break }
                    i += 1
                }
                return .normal
            }
        case .list(let items, _):
            if !items.isEmpty {
                for (i, item) in items.enumerated() where try !iteration(.goInt(i), item) { break }
                return .normal
            }
        case .map(let m):
            if m.count > 0 {
                for key in m.sortedKeys where try !iteration(.string(key), m[key] ?? .invalid) { break }
                return .normal
            }
        case .object(let o) where o.mapEntries != nil:
            let m = o.mapEntries!
            if m.count > 0 {
                for key in m.sortedKeys where try !iteration(.string(key), m[key] ?? .invalid) { break }
                return .normal
            }
        case .invalid, .null:
            break
        default:
            throw error("range can't iterate over \(GoFormatter.string(value))")
        }
        if let e = r.elseList {
            return try walk(dot, .list(e))
        }
        return .normal
    }

    private func walkTemplate(_ dot: TemplateValue, _ t: TemplateNode, _ n: Node) throws {
        at(n)
        guard let target = set.templates[t.name] else {
            throw error("template \(GoQuote.quote(t.name)) not defined")
        }
        if depth >= 100_000 { throw error("exceeded maximum template depth (100000)") }
        let newDot = try t.pipe.map { try evalPipeline(dot, $0) } ?? .invalid
        let savedTemplate = template
        let savedVars = vars
        depth += 1
        template = target
        vars = [("$", newDot)]
        defer {
            depth -= 1
            template = savedTemplate
            vars = savedVars
        }
        _ = try walk(newDot, .list(target.root))
    }

    // MARK: - Pipelines and commands

    private func evalPipeline(_ dot: TemplateValue, _ pipe: PipeNode) throws -> TemplateValue {
        at(.pipe(pipe))
        var value: TemplateValue? = nil
        for cmd in pipe.cmds {
            var v = try evalCommand(dot, cmd, final: value)
            // An interface{} result is unwrapped: a nil one becomes the invalid value.
            if case .null = v.plain { v = .invalid }
            value = v
        }
        let result = value ?? .invalid
        for variable in pipe.decl {
            if pipe.isAssign {
                try setVar(variable[0], result)
            } else {
                push(variable[0], result)
            }
        }
        return result
    }

    private func notAFunction(_ args: [Node], _ final: TemplateValue?) throws {
        if args.count > 1 || final != nil {
            throw error("can't give argument to non-function \(args[0].describe(template.source.delims))")
        }
    }

    private func evalCommand(_ dot: TemplateValue, _ cmd: CommandNode, final: TemplateValue?) throws -> TemplateValue {
        let first = cmd.args[0]
        switch first {
        case .field(_, let idents):
            at(first)
            return try evalFieldChain(dot, dot, first, idents, cmd.args, final)
        case .chain(let chain):
            return try evalChainNode(dot, chain, first, cmd.args, final)
        case .identifier(_, let name):
            return try evalFunction(dot, name, first, .command(cmd), cmd.args, final)
        case .pipe(let p):
            try notAFunction(cmd.args, final)
            return try evalPipeline(dot, p)
        case .variable(_, let idents):
            return try evalVariableNode(dot, idents, first, cmd.args, final)
        default:
            break
        }
        at(first)
        try notAFunction(cmd.args, final)
        switch first {
        case .bool(_, let v): return .bool(v)
        case .dot: return dot
        case .nilValue: throw error("nil is not a command")
        case .number(let n): return try idealConstant(n, first)
        case .string(_, _, let text): return .string(text)
        default: throw error("can't evaluate command \(GoQuote.quote(first.describe()))")
        }
    }

    private func idealConstant(_ n: NumberNode, _ node: Node) throws -> TemplateValue {
        at(node)
        let text = n.text
        let isHexInt = text.count > 2 && text.hasPrefix("0") && (text.dropFirst().first == "x" || text.dropFirst().first == "X")
            && !text.contains(where: { $0 == "p" || $0 == "P" })
        let isRuneInt = text.hasPrefix("'")
        if n.isFloat && !isHexInt && !isRuneInt && text.contains(where: { ".eEpP".contains($0) }) {
            return .float(n.float64)
        }
        if n.isInt { return .goInt(Int(n.int64)) }
        if n.isUint { throw error("\(text) overflows int") }
        return .invalid
    }

    private func evalChainNode(_ dot: TemplateValue, _ chain: ChainNode, _ node: Node, _ args: [Node],
                               _ final: TemplateValue?) throws -> TemplateValue {
        at(node)
        if chain.fields.isEmpty { throw error("internal error: no fields in evalChainNode") }
        if case .nilValue = chain.node { throw error("indirection through explicit nil in \(node.describe())") }
        let pipe = try evalArg(dot, nil, chain.node)
        return try evalFieldChain(dot, pipe, node, chain.fields, args, final)
    }

    private func evalVariableNode(_ dot: TemplateValue, _ idents: [String], _ node: Node, _ args: [Node],
                                  _ final: TemplateValue?) throws -> TemplateValue {
        at(node)
        let value = try varValue(idents[0])
        if idents.count == 1 {
            try notAFunction(args, final)
            return value
        }
        return try evalFieldChain(dot, value, node, Array(idents.dropFirst()), args, final)
    }

    private func evalFieldChain(_ dot: TemplateValue, _ receiver: TemplateValue, _ node: Node, _ idents: [String],
                                _ args: [Node], _ final: TemplateValue?) throws -> TemplateValue {
        var receiver = receiver
        // A value looked up in a map[string]interface{} has static type interface {}, which
        // is the type Go names when a further field cannot be evaluated on it.
        var staticType: GoType?
        for ident in idents.dropLast() {
            let fromMap: Bool
            if case .map = receiver.plain { fromMap = true } else { fromMap = false }
            receiver = try evalField(dot, ident, node, [], nil, receiver, staticType: staticType)
            staticType = fromMap ? .interface : nil
        }
        return try evalField(dot, idents[idents.count - 1], node, args, final, receiver, staticType: staticType)
    }

    private func evalFunction(_ dot: TemplateValue, _ name: String, _ node: Node, _ cmd: Node, _ args: [Node],
                              _ final: TemplateValue?) throws -> TemplateValue {
        at(node)
        guard let function = set.functions[name] else {
            throw error("\(GoQuote.quote(name)) is not a defined function")
        }
        return try evalCall(dot, function, cmd, name, args, final)
    }

    private func evalField(_ dot: TemplateValue, _ fieldName: String, _ node: Node, _ args: [Node],
                           _ final: TemplateValue?, _ receiver: TemplateValue, staticType: GoType? = nil) throws -> TemplateValue {
        if case .namedList(_, let type) = receiver {
            if let method = type.method(fieldName) { return try evalCall(dot, method, node, fieldName, args, final) }
            throw error("can't evaluate field \(fieldName) in type \(staticType ?? receiver.goType)")
        }
        let receiver = receiver.plain
        switch receiver {
        case .invalid:
            if set.missingKey == .error { throw error("nil data; no entry for key \(GoQuote.quote(fieldName))") }
            return .invalid
        case .null:
            throw error("nil pointer evaluating interface {}.\(fieldName)")
        default:
            break
        }
        let hasArgs = args.count > 1 || final != nil
        switch receiver {
        case .object(let object):
            if let method = object.method(fieldName) {
                return try evalCall(dot, method, node, fieldName, args, final)
            }
            if let value = object.field(fieldName) {
                if hasArgs { throw error("\(fieldName) has arguments but cannot be invoked as function") }
                return value
            }
        case .map(let m):
            if let typeName = m.typeName, let method = MapMethods.method(fieldName, typeName: typeName, map: m) {
                return try evalCall(dot, method, node, fieldName, args, final)
            }
            if hasArgs { throw error("\(fieldName) is not a method but has arguments") }
            if let value = m.entries[fieldName] {
                if set.tracing, let origin = value.origin { set.accessed.append(origin) }
                return value
            }
            switch set.missingKey {
            case .invalid: return .invalid
            case .zero: return .null
            case .error: throw error("map has no entry for key \(GoQuote.quote(fieldName))")
            }
        default:
            break
        }
        throw error("can't evaluate field \(fieldName) in type \(staticType ?? receiver.goType)")
    }

    // MARK: - Calls

    private func evalCall(_ dot: TemplateValue, _ function: TemplateFunction, _ node: Node, _ name: String,
                          _ argNodes: [Node], _ final: TemplateValue?) throws -> TemplateValue {
        // The nodes after the function's own (a slice: no copy on every call).
        let args = argNodes.isEmpty ? argNodes[...] : argNodes.dropFirst()
        var numIn = args.count
        if final != nil { numIn += 1 }
        var numFixed = args.count
        let totalParams = function.params.count + (function.variadic == nil ? 0 : 1)
        if function.variadic != nil {
            numFixed = function.params.count
            if numIn < numFixed {
                throw error("wrong number of args for \(name): want at least \(numFixed) got \(args.count)")
            }
        } else if numIn != totalParams {
            throw error("wrong number of args for \(name): want \(totalParams) got \(numIn)")
        }

        if (name == "and" || name == "or") && function.name == name {
            var v: TemplateValue = .invalid
            for arg in args {
                v = try evalArg(dot, .reflectValue, arg)
                if Truth.truth(v) == (name == "or") { return v }
            }
            if let final { v = try validateType(final, .reflectValue) }
            return v
        }

        var argv: [TemplateValue] = []
        argv.reserveCapacity(numIn)
        var i = 0
        let base = args.startIndex
        while i < numFixed && i < args.count {
            argv.append(try evalArg(dot, function.params[i], args[base + i]))
            i += 1
        }
        if let variadic = function.variadic {
            while i < args.count {
                argv.append(try evalArg(dot, variadic, args[base + i]))
                i += 1
            }
        }
        if let final {
            var t: GoType
            if let variadic = function.variadic {
                t = numIn - 1 < numFixed ? function.params[numIn - 1] : variadic
            } else {
                t = function.params[function.params.count - 1]
            }
            argv.append(try validateType(final, t))
        }
        if name == "call", function.name == "call" {
            let callee = args.isEmpty ? (final.map { GoFormatter.string($0) } ?? "") : args[args.startIndex].describe()
            argv.insert(.string(callee), at: 0)
        }
        do {
            return try function.body(FunctionCall(arguments: argv, engine: self))
        } catch let failure as FunctionError {
            at(node)
            throw error("error calling \(name): \(failure.message)")
        } catch let failure as TemplateError {
            at(node)
            throw error("error calling \(name): \(failure.description)")
        }
    }

    /// Go's `validateType`: checks that `value` can be passed as `type`, unwrapping as Go does.
    private func validateType(_ value: TemplateValue, _ type: GoType?) throws -> TemplateValue {
        guard let type else { return value }
        if case .invalid = value.plain {
            if type.canBeNil { return type == .reflectValue ? .invalid : .null }
            throw error("invalid value; expected \(type)")
        }
        if type == .reflectValue || type == .interface { return value }
        if Self.assignable(value.plain.goType, to: type) { return value }
        throw error("wrong type for value; expected \(type); got \(value.goType)")
    }

    static func assignable(_ from: GoType, to: GoType) -> Bool {
        if from == to || to == .interface { return true }
        // A named map type and map[string]interface{} are mutually assignable.
        switch (from, to) {
        case (.named(_, .map), .stringMap), (.stringMap, .named(_, .map)): return true
        default: return false
        }
    }

    private func evalArg(_ dot: TemplateValue, _ type: GoType?, _ n: Node) throws -> TemplateValue {
        at(n)
        switch n {
        case .dot:
            return try validateType(dot, type)
        case .nilValue:
            if let type, type.canBeNil { return type == .reflectValue ? .invalid : .null }
            throw error("cannot assign nil to \(type.map { $0.description } ?? "<nil>")")
        case .field(_, let idents):
            return try validateType(try evalFieldChain(dot, dot, n, idents, [n], nil), type)
        case .variable(_, let idents):
            return try validateType(try evalVariableNode(dot, idents, n, [], nil), type)
        case .pipe(let p):
            return try validateType(try evalPipeline(dot, p), type)
        case .identifier(_, let name):
            return try validateType(try evalFunction(dot, name, n, n, [], nil), type)
        case .chain(let c):
            return try validateType(try evalChainNode(dot, c, n, [], nil), type)
        default:
            break
        }
        guard let type else { return try evalEmptyInterface(dot, n) }
        switch type {
        case .bool:
            if case .bool(_, let v) = n { return .bool(v) }
            throw error("expected bool; found \(n.describe())")
        case .string:
            if case .string(_, _, let text) = n { return .string(text) }
            throw error("expected string; found \(n.describe())")
        case .integer(let t) where t.rawValue.hasPrefix("int"):
            if case .number(let num) = n, num.isInt { return .int(num.int64, t) }
            throw error("expected integer; found \(n.describe())")
        case .integer(let t):
            if case .number(let num) = n, num.isUint { return .uint(num.uint64, t) }
            throw error("expected unsigned integer; found \(n.describe())")
        case .float64:
            if case .number(let num) = n, num.isFloat { return .float(num.float64) }
            throw error("expected float; found \(n.describe())")
        case .interface, .reflectValue:
            return try evalEmptyInterface(dot, n)
        default:
            throw error("can't handle \(n.describe()) for arg of type \(type)")
        }
    }

    private func evalEmptyInterface(_ dot: TemplateValue, _ n: Node) throws -> TemplateValue {
        at(n)
        switch n {
        case .bool(_, let v): return .bool(v)
        case .dot: return dot
        case .number(let num): return try idealConstant(num, n)
        case .string(_, _, let text): return .string(text)
        case .nilValue: throw error("evalEmptyInterface: nil (can't happen)")
        default: throw error("can't handle assignment of \(n.describe()) to empty interface argument")
        }
    }

    // MARK: - Printing

    private func printValue(_ n: Node, _ value: TemplateValue) throws {
        at(n)
        let start = output.count
        switch value.plain {
        case .invalid:
            output.append(contentsOf: Array("<no value>".utf8))
        case .function:
            throw error("can't print \(n.describe(template.source.delims)) of type \(value.goType)")
        case .string(let s):
            output.append(contentsOf: s.utf8)
        case .float(let f) where f.rounded(.towardZero) == f && abs(f) < 1e6 && !(f == 0 && f.sign == .minus):
            // fmt's %v of a whole float64 below 1e6 (every port and replica count read from a
            // values file) is its integer digits; larger ones take %e form (1e+06), so they,
            // -0 and fractions go through the formatter.
            output.append(contentsOf: String(Int64(f)).utf8)
        default:
            output.append(contentsOf: GoFormatter.string(value).utf8)
        }
        if set.tracing, let origin = value.origin {
            spans.append(TracedSpan(start: start, end: output.count, origin: origin))
        }
    }
}

/// Go's truth rules for `if`, `with`, `and`, `or` and `not`.
enum Truth {
    /// nil when Go would say "can't use" (never for the kinds templates meet).
    static func isTrue(_ value: TemplateValue) -> Bool? {
        switch value.plain {
        case .invalid, .null: return false
        case .bool(let b): return b
        case .int(let i, _): return i != 0
        case .uint(let u, _): return u != 0
        case .float(let f): return f != 0
        case .string(let s): return !s.isEmpty
        case .list(let items, _): return !items.isEmpty
        case .map(let m): return m.count > 0
        case .object: return true
        case .function: return true
        case .traced, .namedList: return nil
        }
    }

    static func truth(_ value: TemplateValue) -> Bool { isTrue(value) ?? false }
}
