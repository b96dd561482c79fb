// json-fuzz: the JSON parser must never crash, and whatever parses must survive a write/parse
// round trip with its data unchanged.
import FuzzSupport
import YAML

enum JSONFuzzCase {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        guard let value = try? JSONParser().parse(bytes: Array(bytes)) else { return }
        let written: String
        let reread: Value
        do {
            written = try JSONWriter().string(value)
        } catch {
            fatalError("a parsed value cannot be written: \(error)")
        }
        do {
            reread = try JSONParser().parse(written)
        } catch {
            fatalError("written JSON does not parse: \(error)\n--- written ---\n\(written)")
        }
        guard reread.sameData(as: value) else { fatalError("write/parse round trip changed the data\n--- written ---\n\(written)") }
    }
}

@main
struct JSONFuzz {
    static func main() { FuzzDriver.main(name: "json-fuzz") { JSONFuzzCase.run($0) } }
}
