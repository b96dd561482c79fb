import YAML

/// An error loading a chart, reading values or rendering output, with the place it happened.
///
/// `message` keeps Helm's own wording (so scripts that grep Helm's errors still match);
/// `description` puts the file, line and column or the values path in front, the form editors
/// and CI annotate, and `hint` after it when there is something specific to do.
public struct ChartError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A `--set`, `--set-string`, `--set-json`, `--set-file` or `--set-literal` argument.
        case strvals
        /// A values file that cannot be read or parsed.
        case values
        /// Chart.yaml is missing, unreadable or invalid.
        case metadata
        /// A chart directory or archive that cannot be loaded.
        case load
        /// A dependency that cannot be resolved.
        case dependency
        /// Values that do not meet a chart's values.schema.json (or a schema that is invalid).
        case schema
        /// A rendered manifest that cannot be split, parsed or selected.
        case manifest
        /// A template that fails to parse or execute, or a chart the cluster version excludes.
        case render
    }

    public var kind: Kind
    /// Helm's wording of the problem.
    public var message: String
    /// The file the problem is in, relative to the chart when it is a chart file.
    public var file: String?
    public var mark: Mark?
    /// What to do about it, when that is more than "fix the file".
    public var hint: String?

    public init(_ kind: Kind, _ message: String, file: String? = nil, at mark: Mark? = nil, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.mark = mark
        self.hint = hint
    }

    public var description: String {
        var place = file ?? ""
        if let mark { place += place.isEmpty ? "\(mark)" : ":\(mark)" }
        var text = place.isEmpty ? message : "\(place): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }

    /// A YAML error re-labelled with the chart file it came from.
    static func from(_ error: YAMLError, kind: Kind, file: String) -> ChartError {
        ChartError(kind, error.message, file: error.file ?? file, at: error.mark)
    }
}
