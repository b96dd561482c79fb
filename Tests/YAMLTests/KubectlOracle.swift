import Foundation
import TestSupport
import YAML

/// sigs.k8s.io/yaml as kubectl links it, used offline as an oracle: `kubectl label --local`
/// reads an object from a file and prints it through sigs.k8s.io/yaml's Marshal without a server.
enum KubectlOracle {
    static var isAvailable: Bool { executablePath != nil }

    static let executablePath = Subprocess.find("kubectl")

    /// What kubectl prints for `object` (which must be a Kubernetes-shaped map that already
    /// carries the label `shipshape-oracle: "1"`, so the label command changes nothing).
    static func marshal(_ object: Value, output: String = "yaml") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("object.json")
        try Data(TestJSON.encode(object).utf8).write(to: file)

        let result = try Subprocess.run(executablePath!,
                                        ["label", "--local", "--overwrite", "-f", file.path, "shipshape-oracle=1", "-o", output])
        guard result.status == 0 else { throw OracleError(message: result.stderr) }
        return result.stdout
    }

    struct OracleError: Error, CustomStringConvertible {
        var message: String
        var description: String { "kubectl failed: \(message)" }
    }
}

/// A minimal JSON writer for test inputs (numbers in Go's encoding/json form).
enum TestJSON {
    static func encode(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .float(let f):
            let text = GoFloatFormat.json(f)
            // A whole float must stay a float for kubectl's decoder.
            return text.contains(where: { $0 == "." || $0 == "e" }) ? text : text + ".0"
        case .string(let s): return quote(s)
        case .array(let items): return "[" + items.map(encode).joined(separator: ",") + "]"
        case .object(let entries):
            return "{" + entries.map { quote($0.key) + ":" + encode($0.value) }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
