/// An error reading or editing YAML, with the place it happened.
///
/// `description` reads `file:line:column: message`, the form editors and CI annotate.
public struct YAMLError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// libyaml rejected the text.
        case syntax
        /// The same key appears twice in one mapping.
        case duplicateKey
        /// An alias names an anchor that is not defined (yet).
        case unknownAnchor
        /// A tagged scalar cannot be read as its tag says, or a merge key is not a map.
        case badValue
        /// Alias expansion exceeds go-yaml's limits (a "billion laughs" document).
        case excessiveAliasing
        /// A path does not lead to a node, or an edit cannot be made there.
        case path
    }

    public var kind: Kind
    public var file: String?
    public var mark: Mark?
    public var message: String

    public init(_ kind: Kind, _ message: String, file: String? = nil, at mark: Mark? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.mark = mark
    }

    public var description: String {
        var place = file ?? ""
        if let mark {
            place += place.isEmpty ? "\(mark)" : ":\(mark)"
        }
        return place.isEmpty ? message : "\(place): \(message)"
    }
}
