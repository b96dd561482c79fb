/// The parse tree of a Go template (`text/template/parse/node.go`).
///
/// Nodes keep their byte position so that execution errors can name `file:line:column`, and
/// print themselves exactly as Go's `Node.String()` does, which Go quotes in its errors.
indirect enum Node {
    case list(ListNode)
    case text(pos: Int, bytes: [UInt8])
    case comment(pos: Int, text: String)
    case action(ActionNode)
    case branch(BranchNode)
    case template(TemplateNode)
    case breakLoop(pos: Int)
    case continueLoop(pos: Int)
    case end(pos: Int)
    case elseMarker(pos: Int, line: Int)

    // Operands and commands.
    case pipe(PipeNode)
    case command(CommandNode)
    case field(pos: Int, idents: [String])
    case variable(pos: Int, idents: [String])
    case identifier(pos: Int, name: String)
    case chain(ChainNode)
    case dot(pos: Int)
    case nilValue(pos: Int)
    case bool(pos: Int, value: Bool)
    case number(NumberNode)
    case string(pos: Int, quoted: String, text: String)

    var position: Int {
        switch self {
        case .list(let n): n.pos
        case .text(let pos, _), .comment(let pos, _), .breakLoop(let pos), .continueLoop(let pos), .end(let pos),
             .elseMarker(let pos, _), .field(let pos, _), .variable(let pos, _), .identifier(let pos, _), .dot(let pos),
             .nilValue(let pos), .bool(let pos, _), .string(let pos, _, _):
            pos
        case .action(let n): n.pos
        case .branch(let n): n.pos
        case .template(let n): n.pos
        case .pipe(let n): n.pos
        case .command(let n): n.pos
        case .chain(let n): n.pos
        case .number(let n): n.pos
        }
    }

    /// Go's `Node.String()`.
    func describe(_ delims: (String, String) = ("{{", "}}")) -> String {
        var out = ""
        write(to: &out, delims)
        return out
    }

    func write(to out: inout String, _ d: (String, String)) {
        switch self {
        case .list(let l): for n in l.nodes { n.write(to: &out, d) }
        case .text(_, let bytes): out += String(decoding: bytes, as: UTF8.self)
        case .comment(_, let text): out += d.0 + text + d.1
        case .action(let a):
            out += d.0
            Node.pipe(a.pipe).write(to: &out, d)
            out += d.1
        case .branch(let b):
            out += d.0 + b.kind.rawValue + " "
            Node.pipe(b.pipe).write(to: &out, d)
            out += d.1
            Node.list(b.list).write(to: &out, d)
            if let e = b.elseList {
                out += d.0 + "else" + d.1
                Node.list(e).write(to: &out, d)
            }
            out += d.0 + "end" + d.1
        case .template(let t):
            out += d.0 + "template " + GoQuote.quote(t.name)
            if let p = t.pipe {
                out += " "
                Node.pipe(p).write(to: &out, d)
            }
            out += d.1
        case .breakLoop: out += d.0 + "break" + d.1
        case .continueLoop: out += d.0 + "continue" + d.1
        case .end: out += d.0 + "end" + d.1
        case .elseMarker: out += d.0 + "else" + d.1
        case .pipe(let p):
            if !p.decl.isEmpty {
                out += p.decl.map { $0.joined(separator: ".") }.joined(separator: ", ")
                out += p.isAssign ? " = " : " := "
            }
            for (i, c) in p.cmds.enumerated() {
                if i > 0 { out += " | " }
                Node.command(c).write(to: &out, d)
            }
        case .command(let c):
            for (i, arg) in c.args.enumerated() {
                if i > 0 { out += " " }
                if case .pipe = arg {
                    out += "("
                    arg.write(to: &out, d)
                    out += ")"
                } else {
                    arg.write(to: &out, d)
                }
            }
        case .field(_, let idents): for id in idents { out += "." + id }
        case .variable(_, let idents): out += idents.joined(separator: ".")
        case .identifier(_, let name): out += name
        case .chain(let c):
            if case .pipe = c.node {
                out += "("
                c.node.write(to: &out, d)
                out += ")"
            } else {
                c.node.write(to: &out, d)
            }
            for f in c.fields { out += "." + f }
        case .dot: out += "."
        case .nilValue: out += "nil"
        case .bool(_, let v): out += v ? "true" : "false"
        case .number(let n): out += n.text
        case .string(_, let quoted, _): out += quoted
        }
    }
}

final class ListNode {
    let pos: Int
    var nodes: [Node] = []
    init(pos: Int) { self.pos = pos }
}

final class ActionNode {
    let pos: Int
    let line: Int
    let pipe: PipeNode
    init(pos: Int, line: Int, pipe: PipeNode) {
        self.pos = pos
        self.line = line
        self.pipe = pipe
    }
}

/// `if`, `range` and `with`: a pipeline, a body and an optional else body.
final class BranchNode {
    enum Kind: String { case `if`, range, with }
    let kind: Kind
    let pos: Int
    let pipe: PipeNode
    let list: ListNode
    let elseList: ListNode?
    init(kind: Kind, pos: Int, pipe: PipeNode, list: ListNode, elseList: ListNode?) {
        self.kind = kind
        self.pos = pos
        self.pipe = pipe
        self.list = list
        self.elseList = elseList
    }
}

final class TemplateNode {
    let pos: Int
    let name: String
    let pipe: PipeNode?
    init(pos: Int, name: String, pipe: PipeNode?) {
        self.pos = pos
        self.name = name
        self.pipe = pipe
    }
}

final class PipeNode {
    let pos: Int
    let line: Int
    var isAssign = false
    /// Declared or assigned variables; each is a one-element identifier list.
    var decl: [[String]] = []
    var cmds: [CommandNode] = []
    init(pos: Int, line: Int) {
        self.pos = pos
        self.line = line
    }
}

final class CommandNode {
    let pos: Int
    var args: [Node] = []
    init(pos: Int) { self.pos = pos }
}

/// A term followed by field accesses: `(pipeline).Field1.Field2`.
final class ChainNode {
    let pos: Int
    let node: Node
    var fields: [String] = []
    init(pos: Int, node: Node) {
        self.pos = pos
        self.node = node
    }
}

/// A numeric constant with every interpretation Go's parser allows.
final class NumberNode {
    let pos: Int
    let text: String
    var isInt = false, isUint = false, isFloat = false, isComplex = false
    var int64: Int64 = 0
    var uint64: UInt64 = 0
    var float64: Double = 0
    init(pos: Int, text: String) {
        self.pos = pos
        self.text = text
    }
}
