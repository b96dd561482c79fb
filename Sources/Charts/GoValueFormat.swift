import Templates
import YAML

/// Go's `%v` and `%t` of a value held as `interface{}`, for Helm's warnings and errors, through
/// the template engine's `fmt`.
enum GoValueFormat {
    static func v(_ value: Value) -> String { GoFormatter.string(TemplateValue(value)) }

    /// `%t`: the boolean, or Go's bad-verb form `%!t(string=x)` for anything else.
    static func t(_ value: Value) -> String { GoFormatter.sprintf("%t", [TemplateValue(value)]) }
}
