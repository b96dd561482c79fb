// strvals-fuzz: the input is a `--set` argument, parsed in each of Helm's modes (`--set`,
// `--set-string`, `--set-json`, `--set-literal`). Any error is fine; a crash or a hang is not.
import Charts
import FuzzSupport

enum StrvalsFuzzCase {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        for mode in [StrvalsParser.Mode.typed, .string, .json, .literal] {
            _ = try? StrvalsParser.parse(text, mode: mode)
        }
    }
}

@main
struct StrvalsFuzz {
    static func main() { FuzzDriver.main(name: "strvals-fuzz") { StrvalsFuzzCase.run($0) } }
}
