import Foundation

/// Helm's rendering engine (`pkg/engine/engine.go`): every chart file parsed into one template
/// set in Helm's order, partials skipped, `include`/`tpl`/`required`/`fail`/`lookup` bound to
/// the render, `<no value>` removed, and errors cleaned up into Helm's wording.
public final class HelmEngine: @unchecked Sendable {
    /// One template file and the scope it renders in.
    public struct Renderable: Sendable {
        /// Full template name, e.g. `chatbot/templates/backend.yaml`.
        public var name: String
        public var text: String
        /// The top-level object (`.Values`, `.Release`, `.Chart`, `.Capabilities`, `.Files`, `.Subcharts`).
        public var scope: TemplateMap
        /// `.Template.BasePath`, e.g. `chatbot/templates`.
        public var basePath: String

        public init(name: String, text: String, scope: TemplateMap, basePath: String) {
            self.name = name
            self.text = text
            self.scope = scope
            self.basePath = basePath
        }
    }

    /// A rendering failure in Helm's words (`parse error at (...)`, `execution error at (...)`).
    public struct RenderError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Functions besides Go's built-ins (Sprig); Helm's own are added on top.
    public let functions: [String: TemplateFunction]
    /// `--strict`-style `missingkey=error` instead of Helm's default `missingkey=zero`.
    public var strict = false
    public var tracing = false

    public init(functions: [String: TemplateFunction] = [:]) {
        var all = functions
        all.removeValue(forKey: "env")
        all.removeValue(forKey: "expandenv")
        for (name, f) in DataFunctions.functions { all[name] = f }
        self.functions = all
    }

    /// Renders every non-partial template; returns outputs keyed by template name.
    public func render(_ templates: [Renderable]) throws -> [String: RenderedText] {
        try DeepStack.run { try self.renderAll(templates) }
    }

    private func renderAll(_ templates: [Renderable]) throws -> [String: RenderedText] {
        let session = RenderSession(engine: self)
        let set = session.set
        let ordered = Self.sortTemplates(templates.map(\.name))
        let byName = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        for name in ordered {
            do {
                try set.parse(name: name, text: byName[name]!.text)
            } catch let error as TemplateError {
                throw Self.cleanupParseError(name, error.description)
            }
        }
        var rendered: [String: RenderedText] = [:]
        for name in ordered {
            if (name as NSString).lastPathComponent.hasPrefix("_") { continue }
            let r = byName[name]!
            var scope = r.scope
            scope["Template"] = .map(TemplateMap(["Name": .string(name), "BasePath": .string(r.basePath)],
                                                 typeName: "common.Values"))
            do {
                set.accessed.removeAll()
                var out = try set.execute(name, data: .map(scope))
                out.accessed = set.accessed
                rendered[name] = Self.removingNoValue(out)
            } catch let error as TemplateError {
                throw Self.cleanupExecError(name, error.description)
            }
        }
        return rendered
    }

    /// Helm's template order: deeper paths first, then reverse lexical, so that a parent
    /// chart's `define`s, parsed last, win.
    static func sortTemplates(_ names: [String]) -> [String] {
        names.sorted { a, b in
            let ca = a.utf8.filter { $0 == UInt8(ascii: "/") }.count
            let cb = b.utf8.filter { $0 == UInt8(ascii: "/") }.count
            if ca != cb { return ca > cb }
            return b.utf8.lexicographicallyPrecedes(a.utf8)
        }
    }

    static let warnStart = "HELM_ERR_START"
    static let warnEnd = "HELM_ERR_END"

    static func cleanupParseError(_ file: String, _ message: String) -> RenderError {
        let tokens = message.components(separatedBy: ": ")
        if tokens.count == 1 { return RenderError(message: "parse error in (\(file)): \(message)") }
        return RenderError(message: "parse error at (\(tokens[1])): \(tokens[tokens.count - 1])")
    }

    static func cleanupExecError(_ file: String, _ message: String) -> RenderError {
        let tokens = message.split(separator: ": ", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard tokens.count == 3 else { return RenderError(message: "execution error in (\(file)): \(message)") }
        if let start = tokens[2].range(of: warnStart), let end = tokens[2].range(of: warnEnd, options: .backwards),
           start.upperBound <= end.lowerBound {
            return RenderError(message: "execution error at (\(tokens[1])): \(tokens[2][start.upperBound..<end.lowerBound])")
        }
        return RenderError(message: message)
    }

    /// Removes every `<no value>`, shifting provenance spans to match.
    static func removingNoValue(_ text: RenderedText) -> RenderedText {
        let marker = Array("<no value>".utf8)
        let bytes = Array(text.text.utf8)
        guard GoStrings.contains(text.text, "<no value>") else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var removedBefore: [(at: Int, total: Int)] = []
        var removed = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == marker[0], i + marker.count <= bytes.count, Array(bytes[i..<(i + marker.count)]) == marker {
                removed += marker.count
                removedBefore.append((i + marker.count, removed))
                i += marker.count
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        func shift(_ p: Int) -> Int {
            var total = 0
            for r in removedBefore where r.at <= p { total = r.total }
            return p - total
        }
        let spans = text.spans.map { TracedSpan(start: shift($0.start), end: shift($0.end), origin: $0.origin) }
        return RenderedText(text: String(decoding: out, as: UTF8.self), spans: spans, accessed: text.accessed)
    }
}

/// The late-bound functions of one render: `include` and `tpl` close over the template set.
final class RenderSession: @unchecked Sendable {
    /// `include`'s depth per template name, shared by a render and every `tpl` inside it.
    final class IncludeDepths { var counts: [String: Int] = [:] }

    let engine: HelmEngine
    let set: TemplateSet
    private let depths: IncludeDepths
    static let recursionMax = 1000
    /// The name Helm gives `tpl` text: its root template's name (`template.New("gotpl")`).
    static let tplName = "gotpl"

    init(engine: HelmEngine) {
        self.engine = engine
        depths = IncludeDepths()
        set = TemplateSet(functions: engine.functions)
        set.missingKey = engine.strict ? .error : .zero
        set.rootName = Self.tplName
        set.tracing = engine.tracing
        set.addFunctions(lateBound())
    }

    /// A session over a clone of `parent`'s set, as Helm's `tplFun` clones the set it runs in,
    /// so `include` and `tpl` inside the text see its `define`s and every chart template's.
    private init(cloning parent: RenderSession) {
        engine = parent.engine
        depths = parent.depths
        set = parent.set.clone()
        set.addFunctions(lateBound())
    }

    /// Adds one and returns the value before.
    private static func increment(_ count: inout Int) -> Int {
        count += 1
        return count - 1
    }

    private func lateBound() -> [String: TemplateFunction] {
        var f: [String: TemplateFunction] = [:]
        f["include"] = TemplateFunction("include", [.string, .interface], returns: "(string, error)") { [unowned self] call in
            guard case .string(let name) = call[0].plain else { return .string("") }
            // Helm counts includes per name and refuses the next one past 1,000; one lookup to
            // count, one to uncount.
            let before = Self.increment(&depths.counts[name, default: 0])
            defer { depths.counts[name]! -= 1 }
            if before > Self.recursionMax {
                throw FunctionError("rendering template has a nested reference name: \(name): unable to execute template")
            }
            let data: TemplateValue = { if case .invalid = call[1].plain { return .null }; return call[1] }()
            let out = try set.execute(name, data: data)
            return .string(out.text)
        }
        // Helm 4's tplFun: the text is parsed as "gotpl" into a clone of the running set (so it
        // can include templates defined anywhere in the chart, in the calling file, or in the
        // text itself) and executed with `vals` as dot.
        f["tpl"] = TemplateFunction("tpl", [.string, .interface], returns: "(string, error)") { [unowned self] call in
            guard case .string(let text) = call[0].plain else { return .string("") }
            let child = RenderSession(cloning: self)
            child.set.remove(Self.tplName)
            do {
                try child.set.parse(name: Self.tplName, text: text)
            } catch let error as TemplateError {
                throw FunctionError("cannot parse template \(GoQuote.quote(text)): \(error)")
            }
            let data: TemplateValue = { if case .invalid = call[1].plain { return .null }; return call[1] }()
            do {
                let out = try child.set.execute(Self.tplName, data: data)
                return .string(GoStrings.replaceAll(out.text, "<no value>", ""))
            } catch let error as TemplateError {
                throw FunctionError("error during tpl function execution for \(GoQuote.quote(text)): \(error)")
            }
        }
        f["required"] = TemplateFunction("required", [.string, .interface], returns: "(interface {}, error)") { call in
            guard case .string(let warn) = call[0].plain else { return call[1] }
            switch call[1].plain {
            case .invalid, .null: throw FunctionError(HelmEngine.warnStart + warn + HelmEngine.warnEnd)
            case .string(let s) where s.isEmpty: throw FunctionError(HelmEngine.warnStart + warn + HelmEngine.warnEnd)
            default: return call[1]
            }
        }
        f["fail"] = TemplateFunction("fail", [.string], returns: "(string, error)") { call in
            guard case .string(let message) = call[0].plain else { return .string("") }
            throw FunctionError(HelmEngine.warnStart + message + HelmEngine.warnEnd)
        }
        f["lookup"] = TemplateFunction("lookup", [.string, .string, .string, .string], returns: "(map[string]interface {}, error)") { _ in
            .map(TemplateMap())
        }
        return f
    }
}
