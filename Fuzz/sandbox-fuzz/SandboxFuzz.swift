// sandbox-fuzz: the input is one HTTP request to the Sandbox's API (`METHOD target`, header
// lines, a blank line, then the body: JSON, YAML, a patch, a protobuf envelope, a fault rule).
// A fresh cluster answers it in-process. Any status is fine; a crash, a hang or a 500 is not:
// a real API server answers hostile input with a 4xx that names what is wrong.
import FuzzSupport
import Sandbox

enum SandboxFuzzCase {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        guard let request = request(Array(bytes)) else { return }
        // Advancing simulated time is bounded (a day per request) but a day of controller
        // passes is far longer than a fuzz iteration: that endpoint is tested, not fuzzed.
        if request.path.hasPrefix("/sandbox/advance") { return }
        let cluster = Cluster(start: 1_767_225_600, seed: 7)
        if case .response(let response) = cluster.handle(request), response.status >= 500, response.status != 503 {
            fatalError("the Sandbox answered \(response.status) to \(request.method) \(request.path): \(String(decoding: response.body, as: UTF8.self))")
        }
    }

    /// `METHOD target\nName: value\n...\n\nbody`; nil when the first line has no target.
    static func request(_ bytes: [UInt8]) -> APIRequest? {
        var lines: [String] = []
        var index = 0
        while index < bytes.count {
            guard let end = bytes[index...].firstIndex(of: 0x0A) else { return nil }
            let line = String(decoding: bytes[index..<end], as: UTF8.self)
            index = end + 1
            if line.isEmpty { break }
            lines.append(line)
        }
        guard let first = lines.first else { return nil }
        let parts = first.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[1].hasPrefix("/") else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = String(line[line.index(after: colon)...].drop { $0 == " " })
        }
        return APIRequest(method: String(parts[0]), target: String(parts[1]), headers: headers, body: Array(bytes[min(index, bytes.count)...]))
    }
}

@main
struct SandboxFuzz {
    static func main() {
        // The bootstrap RBAC policy is made once, on first use; made here, LeakSanitizer does
        // not take it for a leak of the first input.
        _ = Cluster(start: 1_767_225_600, seed: 7)
        FuzzDriver.main(name: "sandbox-fuzz") { SandboxFuzzCase.run($0) }
    }
}
