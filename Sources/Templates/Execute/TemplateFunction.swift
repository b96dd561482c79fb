/// A function callable from templates, with its Go signature so that arguments are checked
/// and converted exactly as Go's `reflect`-based `evalCall` does.
public struct TemplateFunction: Sendable {
    public typealias Body = @Sendable (FunctionCall) throws -> TemplateValue

    public let name: String
    /// Fixed parameter types.
    public let params: [GoType]
    /// The element type of a trailing variadic parameter, if any.
    public let variadic: GoType?
    /// The Go signature, as `%T` prints it (`func(string) string`).
    public let goSignature: String
    let body: Body

    public init(_ name: String, _ params: [GoType], variadic: GoType? = nil, returns: String = "interface {}",
                _ body: @escaping Body) {
        self.name = name
        self.params = params
        self.variadic = variadic
        var sig = "func(" + params.map(\.description).joined(separator: ", ")
        if let v = variadic { sig += (params.isEmpty ? "" : ", ") + "..." + v.description }
        self.goSignature = sig + ") " + returns
        self.body = body
    }
}

/// What a function receives: its evaluated arguments and a way back into the engine (for
/// `include`, `tpl` and friends).
public struct FunctionCall {
    public let arguments: [TemplateValue]
    public let engine: ExecutionContext

    public subscript(index: Int) -> TemplateValue { arguments[index] }
    public var count: Int { arguments.count }
}

/// A function's failure; the engine reports it as Go does: `error calling NAME: message`.
public struct FunctionError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The engine services a function may use while it runs.
public protocol ExecutionContext: AnyObject {
    /// Executes the named template with `data` and returns its output (`include`).
    func executeTemplate(named name: String, data: TemplateValue) throws -> RenderedText
    /// Parses `text` as a template in the current set and executes it (`tpl`).
    func executeText(_ text: String, data: TemplateValue) throws -> RenderedText
}

/// Text produced by the engine, with the provenance of the values printed into it.
public struct RenderedText: Sendable {
    public var text: String
    /// Byte ranges of `text` that print a traced value, and where that value came from.
    public var spans: [TracedSpan]
    /// Origins of the traced values the template looked up while producing `text`.
    public var accessed: [Origin]

    public init(text: String, spans: [TracedSpan] = [], accessed: [Origin] = []) {
        self.text = text
        self.spans = spans
        self.accessed = accessed
    }
}

/// A byte range of rendered output that came from one traced value.
public struct TracedSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var origin: Origin
}
