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
        try Data(JSONWriter().string(object).utf8).write(to: file)

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
