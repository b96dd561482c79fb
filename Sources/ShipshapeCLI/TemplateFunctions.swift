import Templates

/// The function map templates render with: Sprig's, as Helm exposes it (Helm's own are added
/// by the engine).
enum TemplateFunctions {
    static let all: [String: TemplateFunction] = SprigCore.functions
}
