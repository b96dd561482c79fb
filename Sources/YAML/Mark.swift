/// A position in YAML source text.
///
/// Lines and columns are 1-based, as editors and compilers print them; `offset` is the
/// 0-based UTF-8 byte offset, which is what byte-exact edits need.
public struct Mark: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static func < (lhs: Mark, rhs: Mark) -> Bool { lhs.offset < rhs.offset }

    /// `line:column`, the form used in error messages.
    public var description: String { "\(line):\(column)" }
}
