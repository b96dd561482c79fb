import Foundation

/// A set of named templates sharing functions and options, like Go's `*template.Template`
/// with its associated templates. Helm parses every chart file into one set, so a `define`
/// in any file is visible to all of them.
public final class TemplateSet: @unchecked Sendable {
    /// Go's `missingkey` option.
    public enum MissingKey: Sendable { case invalid, zero, error }

    /// One parsed template: its body and the text it was parsed from (for error positions).
    final class Template {
        let name: String
        let root: ListNode
        let source: Source
        init(name: String, root: ListNode, source: Source) {
            self.name = name
            self.root = root
            self.source = source
        }
    }

    /// The text a template came from, under the name used in error messages.
    final class Source {
        let parseName: String
        let text: [UInt8]
        let delims: (String, String)
        init(parseName: String, text: [UInt8], delims: (String, String)) {
            self.parseName = parseName
            self.text = text
            self.delims = delims
        }

        /// Go's `ErrorContext` location: `name:line:column` (column counted in bytes from 0).
        func location(of pos: Int) -> String {
            let p = min(pos, text.count)
            var line = 1
            var lastNewline = -1
            for i in 0..<p where text[i] == 0x0A {
                line += 1
                lastNewline = i
            }
            let column = lastNewline == -1 ? p : p - (lastNewline + 1)
            return "\(parseName):\(line):\(column)"
        }
    }

    var templates: [String: Template] = [:]
    public private(set) var functions: [String: TemplateFunction]
    public var missingKey: MissingKey = .invalid
    /// The name of the set's root template (Go's `t.name` in `ExecuteTemplate`'s "no template"
    /// error); Helm names its set "gotpl". Nil: the executed name is used.
    public var rootName: String?
    public var leftDelim = "{{"
    public var rightDelim = "}}"
    /// Whether values with provenance are tracked into `RenderedText.spans`.
    public var tracing = false
    /// With `tracing`, the origins of the traced values that templates looked up, in order.
    public var accessed: [Origin] = []

    /// A set with Go's built-in functions plus `functions` (which may replace built-ins).
    public init(functions: [String: TemplateFunction] = [:]) {
        var all = Builtins.functions
        for (name, f) in functions { all[name] = f }
        self.functions = all
    }

    /// Adds or replaces functions, as Go's `Funcs` does.
    public func addFunctions(_ extra: [String: TemplateFunction]) {
        for (name, f) in extra { functions[name] = f }
    }

    /// Parses `text` as template `name`, adding it and every template it defines. As in Go, a
    /// definition replaces an earlier one of the same name unless the new body is empty.
    public func parse(name: String, text: String) throws {
        let functions = self.functions
        let result: Parser.Result
        do {
            result = try Parser.parse(name: name, text: Array(text.utf8), leftDelim: leftDelim, rightDelim: rightDelim,
                                      hasFunction: { functions[$0] != nil })
        } catch let error as Parser.ParseError {
            throw TemplateError.parse(error.message)
        }
        let source = Source(parseName: name, text: Array(text.utf8), delims: (leftDelim, rightDelim))
        for (treeName, root) in result.trees {
            if templates[treeName] != nil && Parser.isEmpty(.list(root)) { continue }
            templates[treeName] = Template(name: treeName, root: root, source: source)
        }
    }

    /// A copy with its own name table and functions, sharing the parsed (immutable) bodies, as
    /// Go's `Template.Clone`: parsing into the copy leaves this set as it was.
    public func clone() -> TemplateSet {
        let copy = TemplateSet()
        copy.functions = functions
        copy.templates = templates
        copy.missingKey = missingKey
        copy.rootName = rootName
        copy.leftDelim = leftDelim
        copy.rightDelim = rightDelim
        copy.tracing = tracing
        return copy
    }

    /// Removes a template, so that parsing an empty body under its name still gives that body.
    func remove(_ name: String) { templates.removeValue(forKey: name) }

    /// Whether a template of this name exists.
    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// Template names, sorted.
    public var names: [String] { templates.keys.sorted() }

    /// Executes the named template with `data` as dot, as Go's `ExecuteTemplate`.
    public func execute(_ name: String, data: TemplateValue) throws -> RenderedText {
        guard let template = templates[name] else {
            throw TemplateError.execution("template: no template \(GoQuote.quote(name)) associated with template \(GoQuote.quote(rootName ?? name))")
        }
        let executor = Executor(set: self, template: template, data: data)
        return try executor.run()
    }
}

/// A template failure, formatted exactly as Go formats it.
public enum TemplateError: Error, CustomStringConvertible, Equatable {
    case parse(String)
    case execution(String)

    public var description: String {
        switch self {
        case .parse(let m), .execution(let m): m
        }
    }
}
