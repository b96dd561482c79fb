// yaml-fuzz: a libFuzzer harness for the YAML parser, resolver, emitter and byte-exact editor.
//
// Built with -DFUZZING and -sanitize=fuzzer (see Fuzz/run.sh) it is a libFuzzer binary. Built
// normally it replays files or directories given on the command line through the same checks,
// which is how CI keeps every crash the fuzzer ever found fixed.
import Glibc
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

    /// Equality as JSON sees it: map order ignored, numbers compared by value, NaN equal to NaN.
    func sameData(as other: Value) -> Bool {
        switch (self, other) {
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let o = b[key], value.sameData(as: o) else { return false }
            }
            return true
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.sameData(as: $1) }
        case (.float(let a), .float(let b)):
            return a == b || (a.isNaN && b.isNaN)
        default:
            if let a = numeric, let b = other.numeric { return a == b || (a.isNaN && b.isNaN) }
            return self == other
        }
    }

    private var numeric: Double? {
        switch self {
        case .int(let i): Double(i)
        case .uint(let u): Double(u)
        case .float(let f): f
        default: nil
        }
    }
}

#if FUZZING
/// libFuzzer's driver, called from our own `main` because SwiftPM owns the executable's entry point.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The entry point libFuzzer's runtime expects to find.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    YAMLFuzzCase.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

@main
struct YAMLFuzzDriver {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
@main
struct YAMLFuzzReplay {
    static func main() {
        var files: [String] = []
        for argument in CommandLine.arguments.dropFirst() { files += FileList.expand(argument) }
        for file in files {
            guard let bytes = FileList.read(file) else {
                print("yaml-fuzz: cannot read \(file)")
                exit(2)
            }
            bytes.withUnsafeBytes { YAMLFuzzCase.run($0) }
        }
        print("yaml-fuzz: replayed \(files.count) inputs without a crash")
    }
}
#endif

/// Reads replay inputs: files, or every regular file in a directory.
enum FileList {
    static func expand(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [path] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            out.append(path + "/" + name)
        }
        return out.sorted()
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }
}
