/// The parser of Go's text/template (`text/template/parse/parse.go`), producing the same trees
/// and the same error texts: `template: NAME:LINE: message`.
struct Parser {
    /// A parse failure, already formatted as Go formats it.
    struct ParseError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// The trees parsed from one text: the main one under `name` plus every `define` and `block`.
    struct Result {
        var trees: [(name: String, root: ListNode)]
    }

    private var lexer: Lexer
    private let parseName: String
    private let hasFunction: (String) -> Bool
    private var token: [Lexer.Item] = Array(repeating: Lexer.Item(kind: .eof, pos: 0, value: "", line: 1), count: 3)
    private var peekCount = 0
    private var vars: [String] = ["$"]
    private var actionLine = 0
    private var rangeDepth = 0
    private var stackDepth = 0
    private var trees: [(name: String, root: ListNode)] = []
    let delims: (String, String)

    /// Parses `text` as the template `name`. `hasFunction` says which function names exist, so
    /// that an unknown function is a parse error as in Go.
    static func parse(name: String, text: [UInt8], leftDelim: String = "{{", rightDelim: String = "}}",
                      hasFunction: @escaping (String) -> Bool) throws -> Result {
        var p = Parser(name: name, text: text, leftDelim: leftDelim, rightDelim: rightDelim, hasFunction: hasFunction)
        let root = try p.parseTop()
        var trees = p.trees
        trees.insert((name, root), at: 0)
        return Result(trees: trees)
    }

    private init(name: String, text: [UInt8], leftDelim: String, rightDelim: String, hasFunction: @escaping (String) -> Bool) {
        self.parseName = name
        self.hasFunction = hasFunction
        self.delims = (leftDelim.isEmpty ? "{{" : leftDelim, rightDelim.isEmpty ? "}}" : rightDelim)
        lexer = Lexer(input: text, leftDelim: leftDelim, rightDelim: rightDelim)
        lexer.breakOK = !hasFunction("break")
        lexer.continueOK = !hasFunction("continue")
    }

    // MARK: - Token stream

    private mutating func next() -> Lexer.Item {
        if peekCount > 0 {
            peekCount -= 1
        } else {
            token[0] = lexer.nextItem()
        }
        return token[peekCount]
    }

    private mutating func backup() { peekCount += 1 }

    private mutating func backup2(_ t1: Lexer.Item) {
        token[1] = t1
        peekCount = 2
    }

    private mutating func backup3(_ t2: Lexer.Item, _ t1: Lexer.Item) {
        token[1] = t1
        token[2] = t2
        peekCount = 3
    }

    private mutating func peek() -> Lexer.Item {
        if peekCount > 0 { return token[peekCount - 1] }
        peekCount = 1
        token[0] = lexer.nextItem()
        return token[0]
    }

    private mutating func nextNonSpace() -> Lexer.Item {
        while true {
            let t = next()
            if t.kind != .space { return t }
        }
    }

    private mutating func peekNonSpace() -> Lexer.Item {
        let t = nextNonSpace()
        backup()
        return t
    }

    // MARK: - Errors

    private func error(_ message: String) -> ParseError {
        ParseError(message: "template: \(parseName):\(token[0].line): \(message)")
    }

    private mutating func expect(_ kind: Lexer.Kind, _ context: String) throws -> Lexer.Item {
        let t = nextNonSpace()
        if t.kind != kind { throw unexpected(t, context) }
        return t
    }

    private mutating func expectOneOf(_ a: Lexer.Kind, _ b: Lexer.Kind, _ context: String) throws -> Lexer.Item {
        let t = nextNonSpace()
        if t.kind != a && t.kind != b { throw unexpected(t, context) }
        return t
    }

    private func unexpected(_ t: Lexer.Item, _ context: String) -> ParseError {
        if t.kind == .error {
            var extra = ""
            if actionLine != 0 && actionLine != t.line {
                extra = " in action started at \(parseName):\(actionLine)"
                if t.value.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
            }
            return error(t.value + extra)
        }
        return error("unexpected \(t.description) in \(context)")
    }

    // MARK: - Structure

    private mutating func parseTop() throws -> ListNode {
        let root = ListNode(pos: peek().pos)
        while peek().kind != .eof {
            if peek().kind == .leftDelim {
                let delim = next()
                if nextNonSpace().kind == .define {
                    try parseDefinition()
                    continue
                }
                backup2(delim)
            }
            let n = try textOrAction()
            switch n {
            case .end, .elseMarker: throw error("unexpected \(n.describe(delims))")
            default: root.nodes.append(n)
            }
        }
        return root
    }

    private mutating func parseDefinition() throws {
        let context = "define clause"
        let nameToken = try expectOneOf(.string, .rawString, context)
        let name: String
        do { name = try GoQuote.unquote(nameToken.value) } catch { throw self.error("invalid syntax") }
        _ = try expect(.rightDelim, context)
        let savedVars = vars
        vars = ["$"]
        let (list, end) = try itemList()
        vars = savedVars
        guard case .end = end else { throw error("unexpected \(end.describe(delims)) in \(context)") }
        try add(name, list)
    }

    /// Go's `Tree.add`: a later non-empty definition of the same name in one text is an error.
    private mutating func add(_ name: String, _ root: ListNode) throws {
        if let i = trees.firstIndex(where: { $0.name == name }) {
            if Self.isEmpty(.list(trees[i].root)) {
                trees[i].root = root
                return
            }
            if !Self.isEmpty(.list(root)) {
                throw error("template: multiple definition of template \(GoQuote.quote(name))")
            }
            return
        }
        trees.append((name, root))
    }

    /// Go's `IsEmptyTree`: only space text and comments.
    static func isEmpty(_ n: Node) -> Bool {
        switch n {
        case .list(let l): return l.nodes.allSatisfy(isEmpty)
        case .comment: return true
        case .text(_, let bytes): return bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }
        default: return false
        }
    }

    private mutating func itemList() throws -> (ListNode, Node) {
        let list = ListNode(pos: peekNonSpace().pos)
        while peekNonSpace().kind != .eof {
            let n = try textOrAction()
            switch n {
            case .end, .elseMarker: return (list, n)
            default: list.nodes.append(n)
            }
        }
        throw error("unexpected EOF")
    }

    private mutating func textOrAction() throws -> Node {
        let t = nextNonSpace()
        switch t.kind {
        case .text:
            return .text(pos: t.pos, bytes: Array(t.value.utf8))
        case .leftDelim:
            actionLine = t.line
            defer { actionLine = 0 }
            return try action()
        case .comment:
            return .comment(pos: t.pos, text: t.value)
        default:
            throw unexpected(t, "input")
        }
    }

    private mutating func action() throws -> Node {
        let t = nextNonSpace()
        switch t.kind {
        case .block: return try blockControl()
        case .break: return try loopControl(.breakLoop(pos: t.pos), "break")
        case .continue: return try loopControl(.continueLoop(pos: t.pos), "continue")
        case .else: return try elseControl()
        case .end: return .end(pos: try expect(.rightDelim, "end").pos)
        case .if: return try branch(.if)
        case .range: return try branch(.range)
        case .template: return try templateControl()
        case .with: return try branch(.with)
        default: break
        }
        backup()
        let t2 = peek()
        return .action(ActionNode(pos: t2.pos, line: t2.line, pipe: try pipeline("command", end: .rightDelim)))
    }

    private mutating func loopControl(_ node: Node, _ word: String) throws -> Node {
        let t = nextNonSpace()
        if t.kind != .rightDelim { throw unexpected(t, "{{\(word)}}") }
        if rangeDepth == 0 { throw error("{{\(word)}} outside {{range}}") }
        return node
    }

    private mutating func pipeline(_ context: String, end: Lexer.Kind) throws -> PipeNode {
        let first = peekNonSpace()
        let pipe = PipeNode(pos: first.pos, line: first.line)
        decls: while true {
            let v = peekNonSpace()
            guard v.kind == .variable else { break decls }
            _ = next()
            let afterVariable = peek()
            let nxt = peekNonSpace()
            if nxt.kind == .assign || nxt.kind == .declare {
                pipe.isAssign = nxt.kind == .assign
                _ = nextNonSpace()
                pipe.decl.append([v.value])
                vars.append(v.value)
            } else if nxt.kind == .char && nxt.value == "," {
                _ = nextNonSpace()
                pipe.decl.append([v.value])
                vars.append(v.value)
                if context == "range" && pipe.decl.count < 2 {
                    switch peekNonSpace().kind {
                    case .variable, .rightDelim, .rightParen: continue decls
                    default: throw error("range can only initialize variables")
                    }
                }
                throw error("too many declarations in \(context)")
            } else if afterVariable.kind == .space {
                backup3(v, afterVariable)
            } else {
                backup2(v)
            }
            break decls
        }
        while true {
            let t = nextNonSpace()
            switch t.kind {
            case end:
                try checkPipeline(pipe, context)
                return pipe
            case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nil, .rawString, .string,
                 .variable, .leftParen:
                backup()
                pipe.cmds.append(try command())
            default:
                throw unexpected(t, context)
            }
        }
    }

    private func checkPipeline(_ pipe: PipeNode, _ context: String) throws {
        if pipe.cmds.isEmpty { throw error("missing value for \(context)") }
        for (i, c) in pipe.cmds.dropFirst().enumerated() {
            switch c.args[0] {
            case .bool, .dot, .nilValue, .number, .string:
                throw error("non executable command in pipeline stage \(i + 2)")
            default: break
            }
        }
    }

    private mutating func branch(_ kind: BranchNode.Kind) throws -> Node {
        let context = kind.rawValue
        let savedVarCount = vars.count
        defer { vars.removeLast(vars.count - savedVarCount) }
        let pipe = try pipeline(context, end: .rightDelim)
        if kind == .range { rangeDepth += 1 }
        var (list, next) = try itemList()
        if kind == .range { rangeDepth -= 1 }
        var elseList: ListNode?
        if case .elseMarker(let elsePos, _) = next {
            if kind == .if && peek().kind == .if {
                _ = self.next()
                let l = ListNode(pos: elsePos)
                l.nodes.append(try branch(.if))
                elseList = l
            } else if kind == .with && peek().kind == .with {
                _ = self.next()
                let l = ListNode(pos: elsePos)
                l.nodes.append(try branch(.with))
                elseList = l
            } else {
                let (l, n2) = try itemList()
                elseList = l
                next = n2
                guard case .end = next else { throw error("expected end; found \(next.describe(delims))") }
            }
        }
        _ = list
        return .branch(BranchNode(kind: kind, pos: pipe.pos, pipe: pipe, list: list, elseList: elseList))
    }

    private mutating func elseControl() throws -> Node {
        let p = peekNonSpace()
        if p.kind == .if || p.kind == .with { return .elseMarker(pos: p.pos, line: p.line) }
        let t = try expect(.rightDelim, "else")
        return .elseMarker(pos: t.pos, line: t.line)
    }

    private mutating func blockControl() throws -> Node {
        let context = "block clause"
        let t = nextNonSpace()
        let name = try templateName(t, context)
        let pipe = try pipeline(context, end: .rightDelim)
        let savedVars = vars
        let savedRange = rangeDepth
        vars = ["$"]
        rangeDepth = 0
        let (list, end) = try itemList()
        vars = savedVars
        rangeDepth = savedRange
        guard case .end = end else { throw error("unexpected \(end.describe(delims)) in \(context)") }
        try add(name, list)
        return .template(TemplateNode(pos: t.pos, name: name, pipe: pipe))
    }

    private mutating func templateControl() throws -> Node {
        let context = "template clause"
        let t = nextNonSpace()
        let name = try templateName(t, context)
        var pipe: PipeNode?
        if nextNonSpace().kind != .rightDelim {
            backup()
            pipe = try pipeline(context, end: .rightDelim)
        }
        return .template(TemplateNode(pos: t.pos, name: name, pipe: pipe))
    }

    private func templateName(_ t: Lexer.Item, _ context: String) throws -> String {
        switch t.kind {
        case .string, .rawString:
            do { return try GoQuote.unquote(t.value) } catch { throw self.error("invalid syntax") }
        default:
            throw unexpected(t, context)
        }
    }

    private mutating func command() throws -> CommandNode {
        let cmd = CommandNode(pos: peekNonSpace().pos)
        while true {
            _ = peekNonSpace()
            if let operand = try operand() { cmd.args.append(operand) }
            let t = next()
            switch t.kind {
            case .space: continue
            case .rightDelim, .rightParen: backup()
            case .pipe: break
            default: throw unexpected(t, "operand")
            }
            break
        }
        if cmd.args.isEmpty { throw error("empty command") }
        return cmd
    }

    private mutating func operand() throws -> Node? {
        guard let node = try term() else { return nil }
        guard peek().kind == .field else { return node }
        let chain = ChainNode(pos: peek().pos, node: node)
        while peek().kind == .field {
            let v = next().value
            // A field token is ".A.B"; Go's Chain.Add splits it.
            chain.fields += v.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        }
        switch node {
        case .field(_, let idents):
            return .field(pos: chain.pos, idents: idents + chain.fields)
        case .variable(_, let idents):
            return .variable(pos: chain.pos, idents: idents + chain.fields)
        case .bool, .string, .number, .nilValue, .dot:
            throw error("unexpected . after term \(GoQuote.quote(node.describe(delims)))")
        default:
            return .chain(chain)
        }
    }

    private mutating func term() throws -> Node? {
        let t = nextNonSpace()
        switch t.kind {
        case .identifier:
            if !hasFunction(t.value) { throw error("function \(GoQuote.quote(t.value)) not defined") }
            return .identifier(pos: t.pos, name: t.value)
        case .dot:
            return .dot(pos: t.pos)
        case .nil:
            return .nilValue(pos: t.pos)
        case .variable:
            let idents = t.value.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
            guard vars.contains(idents[0]) else { throw error("undefined variable \(GoQuote.quote(idents[0]))") }
            return .variable(pos: t.pos, idents: idents)
        case .field:
            return .field(pos: t.pos, idents: t.value.split(separator: ".", omittingEmptySubsequences: true).map(String.init))
        case .bool:
            return .bool(pos: t.pos, value: t.value == "true")
        case .charConstant, .complex, .number:
            return .number(try number(t))
        case .leftParen:
            if stackDepth >= 10000 { throw error("max expression depth exceeded") }
            stackDepth += 1
            defer { stackDepth -= 1 }
            return .pipe(try pipeline("parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            do {
                return .string(pos: t.pos, quoted: t.value, text: try GoQuote.unquote(t.value))
            } catch {
                throw self.error("invalid syntax")
            }
        default:
            backup()
            return nil
        }
    }

    /// Go's `newNumber`: every interpretation of a numeric constant.
    private func number(_ t: Lexer.Item) throws -> NumberNode {
        let n = NumberNode(pos: t.pos, text: t.value)
        let text = t.value
        if t.kind == .charConstant {
            let bytes = Array(text.utf8)
            guard let (rune, tail) = try? GoQuote.unquoteChar(bytes[1...], quote: UInt8(ascii: "'")) else {
                throw error("invalid syntax")
            }
            guard Array(tail) == [UInt8(ascii: "'")] else { throw error("malformed character constant: \(text)") }
            let scalar = String(decoding: rune, as: UTF8.self).unicodeScalars.first?.value ?? UInt32(rune.first ?? 0)
            let value = rune.count == 1 ? UInt32(rune[0]) : scalar
            n.isInt = true; n.int64 = Int64(value)
            n.isUint = true; n.uint64 = UInt64(value)
            n.isFloat = true; n.float64 = Double(value)
            return n
        }
        if t.kind == .complex || text.hasSuffix("i") {
            throw error("complex constants are not supported: \(text)")
        }
        if let u = GoNumber.parseUint(text) {
            n.isUint = true
            n.uint64 = u
        }
        if let i = GoNumber.parseInt(text) {
            n.isInt = true
            n.int64 = i
            if i == 0 {
                n.isUint = true
                n.uint64 = 0
            }
        }
        if n.isInt {
            n.isFloat = true
            n.float64 = Double(n.int64)
        } else if n.isUint {
            n.isFloat = true
            n.float64 = Double(n.uint64)
        } else if let f = GoNumber.parseFloat(text) {
            if !text.contains(where: { ".eEpP".contains($0) }) {
                throw error("integer overflow: \(GoQuote.quote(text))")
            }
            n.isFloat = true
            n.float64 = f
            if f.rounded(.towardZero) == f && f >= -9.223372036854775808e18 && f < 9.223372036854775808e18 {
                n.isInt = true
                n.int64 = Int64(f)
            }
            if f.rounded(.towardZero) == f && f >= 0 && f < 1.8446744073709551616e19 {
                n.isUint = true
                n.uint64 = UInt64(f)
            }
        }
        if !n.isInt && !n.isUint && !n.isFloat {
            throw error("illegal number syntax: \(GoQuote.quote(text))")
        }
        return n
    }
}
