import Foundation

/// apimachinery's Quantity as kubectl links it, used offline as an oracle: `kubectl set resources
/// --local` decodes a Deployment into typed objects, so every quantity in the file comes back in
/// the API server's canonical form, without a server.
enum KubectlQuantityOracle {
    static let kubectl: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(dir)/kubectl"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// The canonical text kubectl prints for each quantity (all must be valid), in one run.
    static func canonicalize(_ quantities: [String]) throws -> [String] {
        var requests: [String: String] = [:]
        for (i, q) in quantities.enumerated() { requests["example.com/q\(i)"] = q }
        let deployment: [String: Any] = [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "oracle"],
            "spec": [
                "selector": ["matchLabels": ["a": "b"]],
                "template": ["metadata": ["labels": ["a": "b"]],
                             "spec": ["containers": [["name": "c", "image": "x", "resources": ["requests": requests]]]]],
            ],
        ]
        let output = try run(["set", "resources", "--local", "-f", try write(deployment), "--limits=cpu=1", "-o", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let spec = (object?["spec"] as? [String: Any])?["template"] as? [String: Any]
        let container = ((spec?["spec"] as? [String: Any])?["containers"] as? [[String: Any]])?.first
        let back = (container?["resources"] as? [String: Any])?["requests"] as? [String: String] ?? [:]
        return quantities.indices.map { back["example.com/q\($0)"] ?? "<missing>" }
    }

    /// kubectl's error for one quantity, or nil if it accepts it.
    static func error(for quantity: String) throws -> String? {
        let deployment: [String: Any] = [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "oracle"],
            "spec": ["selector": ["matchLabels": ["a": "b"]],
                     "template": ["metadata": ["labels": ["a": "b"]],
                                  "spec": ["containers": [["name": "c", "image": "x"]]]]],
        ]
        let output = try run(["set", "resources", "--local", "-f", try write(deployment), "--limits=cpu=\(quantity)", "-o", "json"])
        return output.status == 0 ? nil : output.stderr
    }

    private static func write(_ object: [String: Any]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quantity-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        return url.path
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kubectl!)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
