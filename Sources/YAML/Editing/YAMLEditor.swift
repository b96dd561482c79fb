/// Byte-exact edits of YAML source text: set, insert or delete the value at a `ValuePath`,
/// changing only the bytes of that scalar (or adding or removing only that entry's lines).
///
/// Comments, blank lines, key order, quoting and flow/block style elsewhere stay exactly as the
/// engineer wrote them. Every function is pure: text in, text out; the caller does file I/O.
public struct YAMLEditor {
    public let text: String
    public let file: String?
    /// The document as parsed (nil for an empty file).
    public let root: Node?
    let layout: SourceLayout

    /// Parses `text`, which must hold a single YAML document (values files do).
    public init(text: String, file: String? = nil) throws {
        self.text = text
        self.file = file
        let documents = try YAMLParser.parse(text, file: file)
        if documents.count > 1 {
            throw YAMLError(.path, "the file holds \(documents.count) YAML documents; edits need a file with one",
                            file: file, at: documents[1].start)
        }
        root = documents.first?.root
        layout = SourceLayout(text)
    }

    // MARK: Reading

    /// The node at `path`, following aliases.
    public func node(at path: ValuePath) throws -> Node {
        switch try locate(path, followAliases: true) {
        case .found(let node, _, _): return node.dereferenced
        case .missing(let index, _, _):
            throw error("\(path.prefix(index + 1)) is not set", at: nil)
        }
    }

    /// The exact source text of a node.
    public func source(of node: Node) -> String {
        String(decoding: layout.bytes[node.start.offset..<node.end.offset], as: UTF8.self)
    }

    // MARK: Setting

    /// Sets the scalar at `path` to `text`. Without `kind`, an existing value keeps its type (an
    /// int stays an int; a string stays a string, quoted if it must be) and a new one is read as a
    /// plain YAML scalar would be.
    public func setting(_ path: ValuePath, to text: String, as kind: EditValue.Kind? = nil) throws -> String {
        let located = try locate(path, followAliases: false)
        let value: EditValue
        if let kind {
            value = try typed(text, as: kind, path: path, at: located.node)
        } else if case .found(let node, _, _) = located, case .scalar(let existing, let style) = node.content {
            value = try typed(text, like: existing, style: style, tag: node.tag, path: path, at: node)
        } else {
            value = EditValue.inferred(from: text)
        }
        return try apply(value, at: path, located)
    }

    /// Sets the value at `path` to an already typed value.
    public func setting(_ path: ValuePath, to value: EditValue) throws -> String {
        try apply(value, at: path, try locate(path, followAliases: false))
    }

    private func apply(_ value: EditValue, at path: ValuePath, _ located: Located) throws -> String {
        let edited = try write(value, at: path, located)
        try checkReadsBack(edited, path: path, located: located)
        return edited
    }

    private func write(_ value: EditValue, at path: ValuePath, _ located: Located) throws -> String {
        switch located {
        case .found(let node, let context, let key):
            if case .flowMappings = value, case .mapping = node.content { return try replaceCollection(node, with: value, path: path, key: key) }
            if case .flowMappings = value, case .sequence = node.content { return try replaceCollection(node, with: value, path: path, key: key) }
            switch node.content {
            case .scalar(_, let style):
                try checkTag(of: node, allows: value, path: path)
                return try replaceScalar(node, style: style, with: value, context: context, path: path, key: key)
            case .mapping, .sequence:
                throw error("\(path) is a \(node.kindName), not a single value; set one of its entries instead",
                            at: node.start)
            case .alias(let name, let target):
                throw aliasError(path, name: name, target: target, at: node.start)
            }
        case .missing(let index, let parent, let parentKey):
            return try insert(value, path: path, missingFrom: index, parent: parent, parentKey: parentKey)
        }
    }

    /// Reads every edit back before it is returned: the text must still parse as data, and the
    /// entry must be found at `path`. Layouts an edit does not place right (explicit `?` keys
    /// with no value, `key:` with no blank after it, and the like, found by yaml-fuzz) are
    /// refused, never written wrong.
    private func checkReadsBack(_ edited: String, path: ValuePath, located: Located) throws {
        if (try? ValueDecoder.decode(edited)) != nil, (try? YAMLEditor(text: edited, file: file).node(at: path)) != nil { return }
        let at: Mark?
        switch located {
        case .found(let node, _, _): at = node.start
        case .missing(_, let parent, _): at = parent?.start
        }
        throw error("\(path) cannot be written safely where it stands (an unusual layout, such as an explicit `?` key); edit it by hand", at: at)
    }

    // MARK: Deleting

    /// Removes the entry at `path` (a key of a mapping) with its lines.
    public func deleting(_ path: ValuePath) throws -> String {
        guard case .key(let key)? = path.segments.last else {
            throw error("\(path) does not end in a key; only map entries can be deleted", at: nil)
        }
        guard case .found(let node, _, _) = try locate(path, followAliases: false) else {
            throw error("\(path) is not set; nothing to delete", at: nil)
        }
        guard case .found(let parent, _, _) = try locate(path.parent, followAliases: false),
            case .mapping(let pairs, let style) = parent.content,
            let index = pairs.lastIndex(where: { $0.key.scalarText == key })
        else { throw error("\(path) is not a map entry", at: node.start) }
        let pair = pairs[index]
        if style == .flow {
            var start = pair.key.start.offset, end = pair.value.end.offset
            if index + 1 < pairs.count {
                end = pairs[index + 1].key.start.offset
            } else if index > 0 {
                start = pairs[index - 1].value.end.offset
            }
            return replacing(start..<end, with: "")
        }
        guard pairs.count > 1 else {
            throw error("\(path) is the only entry of its map; delete \(path.parent) instead", at: pair.key.start)
        }
        let lineStart = layout.lineStart(pair.key.start.offset)
        guard layout.bytes[lineStart..<pair.key.start.offset].allSatisfy({ $0 == UInt8(ascii: " ") }) else {
            throw error("\(path) shares its line with a list dash; delete the list item or edit by hand", at: pair.key.start)
        }
        let end = layout.nextLineStart(contentEnd(of: pair.value))
        return replacing(lineStart..<end, with: "")
    }

    // MARK: Locating

    enum Located {
        /// The node, whether its parent collection is flow, and the key node naming it (if any).
        case found(Node, ScalarSpelling.Context, Node?)
        /// Segment `index` is missing from `parent` (a mapping, a null scalar, or nil for an
        /// empty document); `parentKey` names the parent.
        case missing(Int, Node?, Node?)

        var node: Node? {
            if case .found(let node, _, _) = self { return node }
            return nil
        }
    }

    func locate(_ path: ValuePath, followAliases: Bool) throws -> Located {
        guard var node = root else { return .missing(0, nil, nil) }
        var context = ScalarSpelling.Context.block
        var key: Node?
        for (i, segment) in path.segments.enumerated() {
            if case .alias(let name, let target) = node.content {
                if followAliases {
                    node = target.dereferenced
                } else {
                    throw aliasError(path.prefix(i), name: name, target: target, at: node.start)
                }
            }
            switch segment {
            case .key(let k):
                switch node.content {
                case .mapping(let pairs, let style):
                    guard let pair = pairs.last(where: { $0.key.scalarText == k }) else {
                        return .missing(i, node, key)
                    }
                    key = pair.key
                    node = pair.value
                    context = style == .flow ? .flow : .block
                case .scalar(let text, let style) where style == .plain && node.tag == nil && ScalarResolver.resolve(text) == .null:
                    return .missing(i, node, key)
                default:
                    throw error("\(path.prefix(i).described) is a \(node.kindName), not a map; it has no key \"\(k)\"",
                                at: node.start)
                }
            case .index(let n):
                guard case .sequence(let items, let style) = node.content else {
                    throw error("\(path.prefix(i).described) is a \(node.kindName), not a list; it has no element [\(n)]",
                                at: node.start)
                }
                guard n < items.count else {
                    throw error("\(path.prefix(i + 1)) is out of range: the list has \(items.count) element\(items.count == 1 ? "" : "s")",
                                at: node.start)
                }
                node = items[n]
                key = nil
                context = style == .flow ? .flow : .block
            case .match(let k, let v):
                guard case .sequence(let items, let style) = node.content else {
                    throw error("\(path.prefix(i).described) is a \(node.kindName), not a list", at: node.start)
                }
                guard let item = items.first(where: { $0.dereferenced[k]?.dereferenced.scalarText == v }) else {
                    throw error("\(path.prefix(i).described) has no element with \(k) = \(v)", at: node.start)
                }
                node = item
                key = nil
                context = style == .flow ? .flow : .block
            }
        }
        if followAliases { node = node.dereferenced }
        return .found(node, context, key)
    }

    // MARK: Writing

    private func replaceScalar(_ node: Node, style: ScalarStyle, with value: EditValue,
                               context: ScalarSpelling.Context, path: ValuePath, key: Node?) throws -> String
    {
        var spelled = ScalarSpelling.spell(value, existing: style, context: context)
        var range = valueStart(of: node)..<node.end.offset
        if style == .literal || style == .folded {
            // A block scalar whose `|` or `>` starts its own line cannot become a one-line value there.
            let lineStart = layout.lineStart(range.lowerBound)
            guard layout.bytes[lineStart..<range.lowerBound].contains(where: { $0 != UInt8(ascii: " ") }) else {
                throw error("\(path) is a block scalar whose header starts its own line; edit it by hand", at: node.start)
            }
            // Keep the blank lines that follow a block scalar: replace up to its last content line.
            var last = node.end.offset
            while last > node.start.offset, [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(layout.bytes[last - 1]) {
                last -= 1
            }
            range = node.start.offset..<layout.lineEnd(last)
        } else if range.isEmpty {
            // `key:` or `-` with no value yet: the value goes after the indicator. An entry with no
            // indicator at all (`? key` alone) has nowhere to put one.
            if range.lowerBound != node.start.offset {
                spelled = " " + spelled  // after an anchor or tag
                return replacing(range, with: spelled)
            }
            var previous = node.start.offset - 1
            while previous >= 0, layout.bytes[previous] == UInt8(ascii: " ") { previous -= 1 }
            let indicator: UInt8 = key == nil ? UInt8(ascii: "-") : UInt8(ascii: ":")
            guard previous >= (key?.end.offset ?? 0), layout.bytes[previous] == indicator, !isInComment(previous) else {
                throw error("\(path) has no value indicator (':') to write after; edit this entry by hand", at: node.start)
            }
            if node.start.offset > 0, layout.bytes[node.start.offset - 1] != UInt8(ascii: " ") { spelled = " " + spelled }
        }
        // A value written right after its anchor (`&a:x`) needs a blank, or it would extend the name.
        if range.lowerBound > node.start.offset, ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(layout.bytes[range.lowerBound - 1]) {
            spelled = " " + spelled
        }
        return replacing(range, with: spelled)
    }

    /// Replaces a whole list or map with a one-line flow value: a flow collection's bytes
    /// (after its anchor or tag), or a block collection's lines after its key's `:` (comments
    /// among those lines go with them; the lines after the collection stay).
    private func replaceCollection(_ node: Node, with value: EditValue, path: ValuePath, key: Node?) throws -> String {
        let spelled = ScalarSpelling.spell(value, existing: nil, context: .block)
        let style: CollectionStyle
        switch node.content {
        case .mapping(_, let s): style = s
        case .sequence(_, let s): style = s
        default: throw error("\(path) is a \(node.kindName), not a list or map", at: node.start)
        }
        if style == .flow {
            return replacing(valueStart(of: node)..<node.end.offset, with: spelled)
        }
        guard let key, node.anchor == nil, node.tag == nil else {
            throw error("\(path) is a block \(node.kindName) that is not a map entry without anchor or tag; edit it by hand", at: node.start)
        }
        var colon = key.end.offset
        while colon < layout.bytes.count, layout.bytes[colon] == UInt8(ascii: " ") { colon += 1 }
        guard colon < layout.bytes.count, layout.bytes[colon] == UInt8(ascii: ":") else {
            throw error("\(path) has no ':' right after its key; edit it by hand", at: key.start)
        }
        return replacing(colon + 1..<contentEnd(of: node), with: " " + spelled)
    }

    private func insert(_ value: EditValue, path: ValuePath, missingFrom index: Int, parent: Node?, parentKey: Node?)
        throws -> String
    {
        var keys: [String] = []
        for segment in path.segments[index...] {
            guard case .key(let k) = segment else {
                throw error("\(path.prefix(index + keys.count + 1)) does not exist, and list elements are not created; add the item by hand first",
                            at: parent?.start)
            }
            keys.append(k)
        }
        let unit = SourceLayout.indentUnit(of: root)
        let eol = layout.lineEnding
        let spelledValue = ScalarSpelling.spell(value, existing: nil, context: .block)

        func block(_ keys: ArraySlice<String>, indent: Int) -> String {
            let pad = String(repeating: " ", count: indent)
            let key = ScalarSpelling.string(keys.first!, existing: nil, context: .block)
            if keys.count == 1 { return pad + key + ": " + spelledValue }
            return pad + key + ":" + eol + block(keys.dropFirst(), indent: indent + unit)
        }
        func flow(_ keys: ArraySlice<String>) -> String {
            let key = ScalarSpelling.string(keys.first!, existing: nil, context: .flow)
            if keys.count == 1 { return key + ": " + ScalarSpelling.spell(value, existing: nil, context: .flow) }
            return key + ": {" + flow(keys.dropFirst()) + "}"
        }

        guard let parent else {
            // An empty document: the new entry is the whole content.
            var prefix = text
            if !prefix.isEmpty && !prefix.hasSuffix("\n") { prefix += eol }
            return prefix + block(keys[...], indent: 0) + eol
        }
        switch parent.content {
        case .mapping(let pairs, .flow):
            if let last = pairs.last {
                return replacing(last.value.end.offset..<last.value.end.offset, with: ", " + flow(keys[...]))
            }
            let close = parent.end.offset - 1
            return replacing(close..<close, with: flow(keys[...]))
        case .mapping(let pairs, .block):
            // The map's own column: its first key's, or its `?` indicator's for explicit keys.
            // libyaml starts a node at its tag or anchor, which may stand on a line of its own
            // above an indented map (`!t` then `  a: 1`, found by yaml-fuzz): skip them.
            let content = valueStart(of: parent)
            let column = content - layout.lineStart(content)
            let indent = min(column, (pairs.first?.key.start.column ?? column + 1) - 1)
            let (offset, breakBefore) = try insertionPoint(after: pairs.last!.value, path: path)
            let lines = block(keys[...], indent: indent)
            return replacing(offset..<offset, with: breakBefore ? eol + lines : lines + eol)
        case .scalar:
            // A key with no value yet (`resources:` or `resources: ~`) becomes a map.
            let keyColumn = (parentKey?.start.column ?? 1) - 1
            let lines = block(keys[...], indent: keyColumn + unit)
            var start = parent.start.offset
            while start > 0, layout.bytes[start - 1] == UInt8(ascii: " ") { start -= 1 }
            let end = layout.lineEnd(parent.end.offset)
            let trailing = String(decoding: layout.bytes[parent.end.offset..<end], as: UTF8.self)
            let comment = trailing.drop(while: { $0 == " " })
            return replacing(start..<end, with: (comment.isEmpty ? "" : " " + comment) + eol + lines)
        default:
            throw error("\(path.prefix(index)) is a \(parent.kindName), not a map", at: parent.start)
        }
    }

    /// Where a scalar's text begins: libyaml starts a node at its anchor (`&a`) or tag (`!!str`),
    /// which an edit must keep.
    func valueStart(of node: Node) -> Int {
        var i = node.start.offset
        guard node.anchor != nil || node.tag != nil else { return i }
        let bytes = layout.bytes
        let end = node.end.offset
        func isSpace(_ c: UInt8) -> Bool {
            c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r")
        }
        while i < end {
            // The value may follow on a later line, after spaces, line breaks and comments.
            while i < end, isSpace(bytes[i]) { i += 1 }
            if i < end, bytes[i] == UInt8(ascii: "#"), i > 0, isSpace(bytes[i - 1]) {
                while i < end, bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            guard i < end, bytes[i] == UInt8(ascii: "&") || bytes[i] == UInt8(ascii: "!") else { break }
            if bytes[i] == UInt8(ascii: "&") {
                // libyaml's anchor name is [0-9A-Za-z_-]; it may end at a `:` that begins the
                // value (`&a:x` is the anchor a on ":x", found by yaml-fuzz).
                i += 1
                while i < end, Self.isAnchorCharacter(bytes[i]) { i += 1 }
            } else {
                // A tag runs to the blank libyaml requires after it.
                while i < end, !isSpace(bytes[i]) { i += 1 }
            }
        }
        return i
    }

    /// Whether the byte at `offset` is inside a comment: a `#` at the start of its line or after
    /// a blank comes before it on the line (`? key` then `# x:` has no value indicator, found by
    /// yaml-fuzz). A `#` inside a quoted key makes this err on the side of refusing the edit.
    func isInComment(_ offset: Int) -> Bool {
        let bytes = layout.bytes
        var i = layout.lineStart(offset)
        while i < offset {
            if bytes[i] == UInt8(ascii: "#"), i == layout.lineStart(offset) || bytes[i - 1] == UInt8(ascii: " ") || bytes[i - 1] == UInt8(ascii: "\t") {
                return true
            }
            i += 1
        }
        return false
    }

    /// A character of an anchor name as libyaml scans it (`IS_ALPHA`: digits, letters, `_`, `-`).
    static func isAnchorCharacter(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
    }

    /// Where a new entry goes after `node`, the last value of a block mapping: at the end of its
    /// last content line (with a line break before the new lines), or — after a block scalar
    /// that keeps its trailing blank lines — at the start of the line after it.
    private func insertionPoint(after node: Node, path: ValuePath) throws -> (Int, Bool) {
        if case .scalar(_, let style) = node.content, style == .literal || style == .folded,
            source(of: node).prefix(while: { $0 != "\n" }).contains("+")
        {
            // A kept block scalar that ends the text without a line break: any line after it
            // would add one to its value (yaml-fuzz wrote the new key into its last line).
            guard node.end.offset == 0 || layout.bytes[node.end.offset - 1] == UInt8(ascii: "\n") else {
                throw error("\(path) cannot be added after a block scalar that keeps its line breaks (|+) and ends the file without one; add a line break at the end of the file first",
                            at: node.start)
            }
            return (node.end.offset, false)
        }
        return (contentEnd(of: node), true)
    }

    /// The offset of the line break that ends a node's last line of content (comments on that
    /// line included; blank lines and comments after it excluded).
    func contentEnd(of node: Node) -> Int {
        switch node.content {
        case .mapping(let pairs, .block) where !pairs.isEmpty:
            return contentEnd(of: pairs.last!.value)
        case .sequence(let items, .block) where !items.isEmpty:
            return contentEnd(of: items.last!)
        case .scalar(_, let style) where style == .literal || style == .folded:
            var last = node.end.offset
            while last > node.start.offset,
                [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(layout.bytes[last - 1])
            {
                last -= 1
            }
            return layout.lineEnd(last)
        default:
            // An empty value with no `:` (`? key` alone) is marked where the next token starts,
            // which may be a document marker (`...`, `---`) on the next line: its content ends
            // before that line, or a new entry would land outside the document (yaml-fuzz).
            let start = node.start.offset
            if node.end.offset == start, start > 0, layout.lineStart(start) == start, isDocumentMarker(at: start) {
                return layout.lineEnd(start - 1)
            }
            return layout.lineEnd(node.end.offset)
        }
    }

    /// Whether a document marker (`---` or `...` followed by a blank or the end) starts at `offset`.
    func isDocumentMarker(at offset: Int) -> Bool {
        let bytes = layout.bytes
        guard offset + 3 <= bytes.count else { return false }
        let three = bytes[offset..<offset + 3]
        guard three.elementsEqual("---".utf8) || three.elementsEqual("...".utf8) else { return false }
        return offset + 3 == bytes.count || [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[offset + 3])
    }

    private func replacing(_ range: Range<Int>, with replacement: String) -> String {
        var bytes = layout.bytes
        bytes.replaceSubrange(range, with: Array(replacement.utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Types and errors

    private func typed(_ text: String, as kind: EditValue.Kind, path: ValuePath, at node: Node?) throws -> EditValue {
        switch EditValue.parse(text, as: kind) {
        case .success(let value): return value
        case .failure(let mismatch):
            throw error("\"\(mismatch.text)\" is not \(mismatch.expected), as --type \(kind.rawValue) requires", at: node?.start)
        }
    }

    private func typed(_ text: String, like existing: String, style: ScalarStyle, tag: String?, path: ValuePath,
                       at node: Node) throws -> EditValue
    {
        if let tag, tag != "!" {
            // An explicit tag stays, so the new value must be what the tag says.
            switch tag {
            case ScalarResolver.Tag.int.rawValue: return try typed(text, as: .int, path: path, at: node)
            case ScalarResolver.Tag.float.rawValue: return try typed(text, as: .float, path: path, at: node)
            case ScalarResolver.Tag.bool.rawValue: return try typed(text, as: .bool, path: path, at: node)
            case ScalarResolver.Tag.null.rawValue: return try typed(text, as: .null, path: path, at: node)
            case ScalarResolver.Tag.string.rawValue: return .string(text)
            default:
                throw error("\(path) has the tag \(tag); edit it by hand", at: node.start)
            }
        }
        guard style == .plain, tag == nil else { return .string(text) }
        let current = ScalarResolver.resolve(existing)
        let kind: EditValue.Kind
        let name: String
        switch current {
        case .int, .uint, .bigInt:
            kind = .int
            name = "an int"
        case .float:
            kind = .float
            name = "a float"
        case .bool:
            kind = .bool
            name = "a bool"
        case .null:
            return EditValue.inferred(from: text)
        case .string, .timestamp:
            return .string(text)
        }
        if case .success(let value) = EditValue.parse(text, as: kind) { return value }
        throw error("\(path) is \(name) (\(existing)); \"\(text)\" is not \(name). Use --type string (or another --type) to change its type",
                    at: node.start)
    }

    /// An explicit tag is kept by the edit, so the new value must be of the tag's type.
    private func checkTag(of node: Node, allows value: EditValue, path: ValuePath) throws {
        guard let tag = node.tag, tag != "!" else { return }
        let fits: Bool
        switch (tag, value) {
        case (ScalarResolver.Tag.string.rawValue, .string), (ScalarResolver.Tag.string.rawValue, .quantity),
            (ScalarResolver.Tag.int.rawValue, .int), (ScalarResolver.Tag.float.rawValue, .float),
            (ScalarResolver.Tag.float.rawValue, .int), (ScalarResolver.Tag.bool.rawValue, .bool),
            (ScalarResolver.Tag.null.rawValue, .null):
            fits = true
        default:
            fits = false
        }
        guard fits else {
            throw error("\(path) carries the tag \(tag), which the new value does not fit; edit it by hand", at: node.start)
        }
    }

    private func aliasError(_ path: ValuePath, name: String, target: Node, at mark: Mark) -> YAMLError {
        let anchor = anchorMark(name, before: target.start)
        return error("\(path.described) is the alias *\(name); edit the anchor &\(name) at line \(anchor.line) column \(anchor.column) instead",
                     at: mark)
    }

    /// Where `&name` is written: the node's start for scalars, a little before it for block
    /// collections (whose marks start at their first entry).
    private func anchorMark(_ name: String, before start: Mark) -> Mark {
        let needle = Array(("&" + name).utf8)
        var i = min(start.offset, layout.bytes.count - needle.count)
        while i >= 0 {
            if layout.bytes[i] == UInt8(ascii: "&"), Array(layout.bytes[i..<i + needle.count]) == needle {
                let lineStart = layout.lineStart(i)
                let line = layout.bytes[..<lineStart].filter { $0 == UInt8(ascii: "\n") }.count + 1
                let column = String(decoding: layout.bytes[lineStart..<i], as: UTF8.self).count + 1
                return Mark(offset: i, line: line, column: column)
            }
            i -= 1
        }
        return start
    }

    private func error(_ message: String, at mark: Mark?) -> YAMLError {
        YAMLError(.path, message, file: file, at: mark)
    }
}

extension ValuePath {
    /// The path as text, or "the document" for the empty path.
    var described: String { segments.isEmpty ? "the document" : description }
}

extension Node {
    /// "map", "list", "scalar" or "alias", for messages.
    var kindName: String {
        switch content {
        case .mapping: "map"
        case .sequence: "list"
        case .scalar: "scalar"
        case .alias: "alias"
        }
    }
}
