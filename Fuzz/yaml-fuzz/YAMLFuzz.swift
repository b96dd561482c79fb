// yaml-fuzz: a libFuzzer harness for the YAML parser, resolver, emitter and byte-exact editor.
//
// FuzzDriver makes it a libFuzzer binary under Fuzz/run.sh and a corpus replayer otherwise.
import FuzzSupport
import YAML

/// One fuzz input: it must never crash, whatever parses must survive an emit/parse round trip,
/// and an edit the editor accepts must leave YAML that reads back with the new value.
enum YAMLFuzzCase {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        guard let documents = try? YAMLParser.parse(bytes: Array(bytes)) else { return }
        if documents.count == 1 { checkEdits(String(decoding: bytes, as: UTF8.self), size: bytes.count) }
        var decoder = ValueDecoder()
        for document in documents {
            // Two things sigs.k8s.io/yaml itself does not round-trip, and neither do we on purpose:
            // a literal `<<` key (written plain, read back as a merge key) and NEL (U+0085), which
            // its JSON step folds into a space.
            guard let value = try? decoder.decode(document.root), !value.hasMergeLookalikeKey, !value.containsNEL
            else { continue }
            let emitted = YAMLEmitter.emit(value)
            let reread: Value
            do {
                reread = try ValueDecoder.decode(emitted)
            } catch {
                fatalError("emitted YAML does not parse: \(error)\n--- emitted ---\n\(emitted)")
            }
            guard reread.sameData(as: value) else {
                fatalError("emit/parse round trip changed the data\n--- emitted ---\n\(emitted)")
            }
        }
    }
}

extension YAMLFuzzCase {
    /// Sets one scalar chosen by the input's size, and inserts a new key at the top level.
    static func checkEdits(_ text: String, size: Int) {
        // Only data that reads as JSON-like values at all (no collection keys) must read back.
        guard (try? ValueDecoder.decode(text)) != nil, let editor = try? YAMLEditor(text: text), let root = editor.root
        else { return }
        var leaves: [ValuePath] = []
        func walk(_ node: Node, _ path: [ValuePath.Segment]) {
            guard leaves.count < 64 else { return }
            switch node.content {
            case .scalar: if !path.isEmpty { leaves.append(ValuePath(path)) }
            case .mapping(let pairs, _):
                for pair in pairs {
                    guard let key = pair.key.scalarText, key != "<<" else { continue }
                    walk(pair.value, path + [.key(key)])
                }
            case .sequence(let items, _):
                for (i, item) in items.enumerated() { walk(item, path + [.index(i)]) }
            case .alias: break
            }
        }
        walk(root, [])
        let newText = "v\(size % 97) x"
        if !leaves.isEmpty {
            let path = leaves[size % leaves.count]
            if let edited = try? editor.setting(path, to: newText, as: .string) {
                expectReadBack(edited, path: path, value: .string(newText))
            }
        }
        if case .mapping = root.content, let edited = try? editor.setting(ValuePath([.key("fuzzNew"), .key("leaf")]), to: "42", as: .int) {
            expectReadBack(edited, path: ValuePath([.key("fuzzNew"), .key("leaf")]), value: .int(42))
        }
    }

    /// The edited text parses, and the node at `path` (found by key text, as the editor finds
    /// it) decodes to `value`.
    static func expectReadBack(_ edited: String, path: ValuePath, value: Value) {
        let node: Node
        do {
            _ = try ValueDecoder.decode(edited)
            node = try YAMLEditor(text: edited).node(at: path)
        } catch {
            fatalError("an accepted edit of \(path) left YAML that does not read back: \(error)\n--- edited ---\n\(edited)")
        }
        var decoder = ValueDecoder()
        let current = try? decoder.decode(node)
        guard current == value else {
            fatalError("\(path) reads back as \(String(describing: current)), not \(value)\n--- edited ---\n\(edited)")
        }
    }
}

extension Value {
    var containsNEL: Bool {
        switch self {
        case .string(let s): return s.unicodeScalars.contains("\u{85}")
        case .object(let o): return o.keys.contains { $0.unicodeScalars.contains("\u{85}") } || o.values.contains { $0.containsNEL }
        case .array(let a): return a.contains { $0.containsNEL }
        default: return false
        }
    }

    var hasMergeLookalikeKey: Bool {
        switch self {
        case .object(let o): return o.keys.contains("<<") || o.values.contains { $0.hasMergeLookalikeKey }
        case .array(let a): return a.contains { $0.hasMergeLookalikeKey }
        default: return false
        }
    }
}

@main
struct YAMLFuzz {
    static func main() { FuzzDriver.main(name: "yaml-fuzz") { YAMLFuzzCase.run($0) } }
}
