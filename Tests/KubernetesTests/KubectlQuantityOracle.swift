import Foundation
import TestSupport

/// apimachinery's Quantity as kubectl links it, used offline as an oracle: `kubectl set resources
/// --local` decodes a Deployment into typed objects, so every quantity in the file comes back in
/// the API server's canonical form, without a server.
enum KubectlQuantityOracle {
    static let kubectl = Subprocess.find("kubectl")

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

    private static func run(_ arguments: [String]) throws -> Subprocess.Result {
        try Subprocess.run(kubectl!, arguments)
    }
}
