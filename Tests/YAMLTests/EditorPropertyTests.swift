import Foundation
import XCTest
@testable import YAML

/// Over a corpus of realistic values files: every scalar is set, keys are inserted into every
/// map, and entries are deleted; after each edit the file re-parses to exactly the intended data
/// and the text differs from the original in exactly the intended lines.
final class EditorPropertyTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/values")

    func corpus() throws -> [(String, String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 5)
        return try names.map { ($0, try String(contentsOf: Self.fixtures.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// A scalar or map reachable without passing through an alias or a merge key.
    struct Site {
        var path: ValuePath
        var node: Node
        /// Inside an anchored node, so other places may alias it and change with it.
        var shared: Bool
    }

    func sites(_ root: Node) -> [Site] {
        var out: [Site] = []
        func walk(_ node: Node, _ path: [ValuePath.Segment], shared: Bool) {
            let shared = shared || node.anchor != nil
            switch node.content {
            case .scalar:
                out.append(Site(path: ValuePath(path), node: node, shared: shared))
            case .mapping(let pairs, _):
                out.append(Site(path: ValuePath(path), node: node, shared: shared))
                for pair in pairs where pair.key.scalarText != "<<" {
                    walk(pair.value, path + [.key(pair.key.scalarText!)], shared: shared)
                }
            case .sequence(let items, _):
                for (i, item) in items.enumerated() { walk(item, path + [.index(i)], shared: shared) }
            case .alias:
                break
            }
        }
        walk(root, [], shared: false)
        return out
    }

    static let newStrings = ["renamed", "true", "1.5", "with: colon", "#hash", "", "two words", "quote'd", "dq\"x",
                             "ünï", "- dash", "012", "null", "trailing "]

    func testEverySetIsExactAndTouchesOnlyItsScalar() throws {
        var checked = 0
        for (name, text) in try corpus() {
            let editor = try YAMLEditor(text: text, file: name)
            let original = try ValueDecoder.decode(text)
            for (n, site) in sites(editor.root!).enumerated() {
                guard case .scalar(let old, let style) = site.node.content, !site.path.segments.isEmpty else { continue }
                let (input, kind, expected) = Self.replacement(for: old, style: style, tag: site.node.tag, n: n)
                let edited: String
                do {
                    edited = try editor.setting(site.path, to: input, as: kind)
                } catch {
                    XCTFail("\(name): set \(site.path) = \(input): \(error)")
                    continue
                }
                let reread = try ValueDecoder.decode(edited)
                XCTAssertEqual(reread.at(site.path), expected, "\(name): \(site.path) reads back wrong:\n\(edited)")
                if !site.shared {
                    XCTAssertEqual(reread, original.replacing(site.path, with: expected), "\(name): \(site.path) changed other data")
                }
                assertOnlyScalarChanged(text, edited, node: site.node, style: style, context: "\(name): \(site.path)")
                checked += 1
            }
        }
        print("EditorPropertyTests: \(checked) set edits checked")
        XCTAssertGreaterThan(checked, 80)
    }

    func testEveryInsertAddsOnlyItsLines() throws {
        var checked = 0
        for (name, text) in try corpus() {
            let editor = try YAMLEditor(text: text, file: name)
            let original = try ValueDecoder.decode(text)
            for site in sites(editor.root!) where !site.shared {
                guard case .mapping(_, let style) = site.node.content else { continue }
                for (suffix, depth) in [("shipshapeNew", 1), ("shipshapeNew.deeper.leaf", 3)] {
                    let path = try ValuePath(parsing: (site.path.segments.isEmpty ? "" : site.path.description + ".") + suffix)
                    let edited = try editor.setting(path, to: "42")
                    let reread = try ValueDecoder.decode(edited)
                    XCTAssertEqual(reread, original.inserting(path, value: .int(42)), "\(name): insert \(path):\n\(edited)")
                    let (removed, added) = lineChanges(text, edited)
                    if style == .block {
                        XCTAssertEqual(removed, [], "\(name): insert \(path) removed lines")
                        XCTAssertEqual(added.count, depth, "\(name): insert \(path) added \(added)")
                    } else {
                        XCTAssertEqual(removed.count, 1, "\(name): insert \(path) into a flow map")
                        XCTAssertEqual(added.count, 1)
                    }
                    checked += 1
                }
            }
        }
        print("EditorPropertyTests: \(checked) insert edits checked")
        XCTAssertGreaterThan(checked, 20)
    }

    func testEveryDeleteRemovesOnlyThatEntry() throws {
        var checked = 0
        for (name, text) in try corpus() {
            let editor = try YAMLEditor(text: text, file: name)
            let original = try ValueDecoder.decode(text)
            for site in sites(editor.root!) where !site.shared && !site.path.segments.isEmpty {
                guard case .key = site.path.segments.last, let parent = try? editor.node(at: site.path.parent),
                    let pairs = parent.pairs, pairs.count > 1, !pairs.contains(where: { $0.key.scalarText == "<<" })
                else { continue }
                let edited: String
                do {
                    edited = try editor.deleting(site.path)
                } catch {
                    // Only the first key of a list item (sharing the dash's line) may refuse.
                    XCTAssertTrue("\(error)".contains("list dash"), "\(name): delete \(site.path): \(error)")
                    continue
                }
                XCTAssertEqual(try ValueDecoder.decode(edited), original.removing(site.path), "\(name): delete \(site.path)")
                let (removed, added) = lineChanges(text, edited)
                if parent.content.isBlockMapping {
                    XCTAssertEqual(added, [], "\(name): delete \(site.path) added lines")
                    XCTAssertFalse(removed.isEmpty)
                }
                checked += 1
            }
        }
        print("EditorPropertyTests: \(checked) delete edits checked")
        XCTAssertGreaterThan(checked, 30)
    }

    // MARK: Helpers

    /// A new value of the same type as the old one, what the editor is given, and what must be read back.
    static func replacement(for old: String, style: ScalarStyle, tag: String?, n: Int) -> (String, EditValue.Kind?, Value) {
        let resolved = style == .plain && tag == nil ? ScalarResolver.resolve(old) : .string(old)
        switch resolved {
        case .int(let i): return (String(i + 7), nil, .int(i + 7))
        case .bool(let b): return (b ? "false" : "true", nil, .bool(!b))
        case .float(let f): return f == 2.5 ? ("3.5", nil, .float(3.5)) : ("2.5", nil, .float(2.5))
        case .null: return ("x\(n)", nil, .string("x\(n)"))
        default:
            let s = newStrings[n % newStrings.count]
            return (s, nil, .string(s))
        }
    }

    func assertOnlyScalarChanged(_ old: String, _ new: String, node: Node, style: ScalarStyle, context: String) {
        let a = Array(old.utf8), b = Array(new.utf8)
        let start = node.start.offset
        XCTAssertEqual(Array(b.prefix(start)), Array(a.prefix(start)), "\(context): bytes before the scalar changed")
        if style == .literal || style == .folded {
            let (removed, added) = lineChanges(old, new)
            XCTAssertEqual(added.count, 1, "\(context): a block scalar becomes one line")
            XCTAssertGreaterThanOrEqual(removed.count, 2)
            return
        }
        let end = node.end.offset
        let tail = a.count - end
        XCTAssertEqual(Array(b.suffix(tail)), Array(a.suffix(tail)), "\(context): bytes after the scalar changed")
        let (removed, added) = lineChanges(old, new)
        XCTAssertEqual(removed.count, 1, "\(context): \(removed)")
        XCTAssertEqual(added.count, 1, "\(context): \(added)")
    }

    func lineChanges(_ old: String, _ new: String) -> (removed: [String], added: [String]) {
        var removed: [String] = [], added: [String] = []
        for op in LineDiff.operations(old: LineDiff.lines(old), new: LineDiff.lines(new)) {
            switch op {
            case .removed(let l): removed.append(l)
            case .added(let l): added.append(l)
            case .same: break
            }
        }
        return (removed, added)
    }
}

extension Node.Content {
    var isBlockMapping: Bool {
        if case .mapping(_, .block) = self { return true }
        return false
    }
}

extension Value {
    func at(_ path: ValuePath) -> Value? {
        var value: Value? = self
        for segment in path.segments {
            switch segment {
            case .key(let k): value = value?[k]
            case .index(let i): value = value?.array.flatMap { i < $0.count ? $0[i] : nil }
            case .match: return nil
            }
        }
        return value
    }

    func replacing(_ path: ValuePath, with new: Value) -> Value {
        update(path.segments[...]) { _ in new }
    }

    func inserting(_ path: ValuePath, value new: Value) -> Value {
        update(path.segments[...], creating: true) { _ in new }
    }

    func removing(_ path: ValuePath) -> Value {
        guard case .key(let last) = path.segments.last else { return self }
        return update(path.segments.dropLast()) { parent in
            guard case .object(var o) = parent else { return parent }
            o.removeValue(forKey: last)
            return .object(o)
        }
    }

    private func update(_ segments: ArraySlice<ValuePath.Segment>, creating: Bool = false, _ change: (Value) -> Value) -> Value {
        guard let first = segments.first else { return change(self) }
        switch (first, self) {
        case (.key(let k), .object(var o)):
            o[k] = (o[k] ?? .object([:])).update(segments.dropFirst(), creating: creating, change)
            return .object(o)
        case (.key(let k), .null) where creating:
            return .object([k: Value.object([:]).update(segments.dropFirst(), creating: creating, change)])
        case (.index(let i), .array(var a)):
            a[i] = a[i].update(segments.dropFirst(), creating: creating, change)
            return .array(a)
        default:
            return self
        }
    }
}
