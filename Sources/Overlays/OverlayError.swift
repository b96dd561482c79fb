import YAML

/// A kustomization that cannot be applied, naming the place (`overlays/prod/kustomization.yaml:12:3`
/// and the field, or the object a transformer could not change), what was wrong and what to do.
public struct OverlayError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The kustomization (or resource) file, as the caller named it.
    public var file: String
    /// Where in that file, when known.
    public var mark: Mark?
    /// The kustomization field, e.g. `patches[1].target`.
    public var field: String?
    /// The object concerned, e.g. `apps/v1 Deployment chatbot-dev/backend`.
    public var object: String?
    public var message: String

    public init(file: String, mark: Mark? = nil, field: String? = nil, object: String? = nil, _ message: String) {
        self.file = file
        self.mark = mark
        self.field = field
        self.object = object
        self.message = message
    }

    public var description: String {
        var place = file
        if let mark { place += ":\(mark.line):\(mark.column)" }
        var text = "\(place): "
        if let field { text += "\(field): " }
        if let object { text += "\(object): " }
        return text + message
    }
}
