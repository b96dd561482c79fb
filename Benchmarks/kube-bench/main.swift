import ArgumentParser
import Foundation
import KubeClient
import Sandbox
import YAML

/// kube-bench: Shipshape's Kubernetes client against kubectl doing the same work on the same
/// in-process Sandbox API server, in the same run. Both reach the server through a byte-counting
/// relay; the server counts requests. Prints figures; never fails on time.
///
///   swift build -c release --product kube-bench && .build/release/kube-bench [--configmaps N] [--applies N] [--rounds N]
///
/// Fairness: kubectl runs as a process with a warm discovery cache (its best case); its time
/// includes process start, printed separately. Shipshape's client runs in process, as the
/// reconciler uses it, starting cold each round (discovery included).
struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kube-bench",
        abstract: "Shipshape's Kubernetes client against kubectl doing the same work on the same in-process Sandbox API server.")

    @Option(help: "ConfigMaps seeded and then listed.")
    var configmaps = 5000
    @Option(help: "Files server-side applied by each client (create, then re-apply unchanged).")
    var applies = 1000
    @Option(help: "Rounds of each measurement; the best is printed.")
    var rounds = 5
}
let options = Options.parseOrExit()
let configMapCount = options.configmaps
let applyCount = options.applies
let rounds = options.rounds

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let work = FileManager.default.temporaryDirectory.appendingPathComponent("kube-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: work + "/apply", withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: work) }

let server = SandboxServer(cluster: Cluster(start: 1_767_571_200, seed: 7))
try server.start(port: 0, runClock: false)
defer { server.shutdown() }
let relay = try CountingRelay(upstreamPort: URL(string: server.url)!.port!)
let kubeconfig = work + "/kubeconfig"
try server.kubeconfig().replacingOccurrences(of: server.url, with: "http://127.0.0.1:\(relay.port)")
    .write(toFile: kubeconfig, atomically: true, encoding: .utf8)
let config = try ClientConfig.load(kubeconfig: kubeconfig)

/// Writes straight into the cluster (seeding is not measured).
func seed(_ path: String, _ object: String) throws {
    let request = APIRequest(method: "POST", target: path, headers: ["content-type": "application/json"], body: Array(object.utf8))
    guard case .response(let r) = server.cluster.handle(request), r.status == 201 else { throw BenchError("seeding \(path) failed") }
}

func configMapJSON(_ i: Int, namespace: String?) -> String {
    let data = (0..<8).map { "\"key-\($0)\": \"value \(i)-\($0) \(String(repeating: "x", count: 40))\"" }.joined(separator: ", ")
    let ns = namespace.map { ", \"namespace\": \"\($0)\"" } ?? ""
    return "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"cm-\(String(format: "%05d", i))\"\(ns), \"labels\": {\"app\": \"bench\", \"shard\": \"s\(i % 10)\"}}, \"data\": {\(data)}}"
}

for ns in ["bench"] {
    try seed("/api/v1/namespaces", "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"\(ns)\"}}")
}
for i in 0..<configMapCount { try seed("/api/v1/namespaces/bench/configmaps", configMapJSON(i, namespace: "bench")) }
for i in 0..<applyCount {
    // The same files for both clients: no namespace, so each applies into its own.
    let yaml = YAMLEmitter.emit(try JSONParser().parse(configMapJSON(i, namespace: nil)))
    try yaml.write(toFile: work + "/apply/cm-\(String(format: "%05d", i)).yaml", atomically: false, encoding: .utf8)
}

struct Figures {
    var seconds: Double
    var requests: Int
    var bytes: Int
}

func measure(_ body: () throws -> Void) rethrows -> Figures {
    let requests = server.cluster.requestCount, bytes = relay.bytesToClients, start = now()
    try body()
    return Figures(seconds: now() - start, requests: server.cluster.requestCount - requests, bytes: relay.bytesToClients - bytes)
}

func best(_ runs: [Figures]) -> Figures { runs.min { $0.seconds < $1.seconds }! }

guard let kubectl = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    .map({ "\($0)/kubectl" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
    print("kube-bench: kubectl is not on PATH; it is the reference")
    exit(1)
}
let cacheDir = work + "/kubectl-cache"

func runKubectl(_ args: [String]) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: kubectl)
    p.arguments = args + ["--kubeconfig", kubeconfig, "--cache-dir", cacheDir]
    p.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    let err = Pipe()
    p.standardError = err
    try p.run()
    let message = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else {
        throw BenchError("kubectl \(args.joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
    }
}

func line(_ label: String, _ f: Figures) {
    print("    " + label.padding(toLength: 44, withPad: " ", startingAt: 0)
          + String(format: "%8.1f ms  %6d requests  %8.2f MB", f.seconds * 1000, f.requests, Double(f.bytes) / 1e6))
}

func ratio(_ kubectl: Figures, _ ours: Figures, startup: Double) {
    print(String(format: "    ratio: %.1fx faster than kubectl (%.1fx without kubectl's %.0f ms process start)",
                 kubectl.seconds / ours.seconds, (kubectl.seconds - startup) / ours.seconds, startup * 1000))
}

print("kube-bench: Sandbox at \(server.url), measured through a counting relay on :\(relay.port)")
try runKubectl(["get", "namespaces"])  // warms kubectl's discovery cache; not measured
let startup = best(try (0..<rounds).map { _ in try measure { try runKubectl(["version", "--client", "-o", "json"]) } }).seconds
print(String(format: "  kubectl process start (version --client): %.0f ms", startup * 1000))

// (a) LIST of every ConfigMap, 500 per page for both (kubectl's default --chunk-size).
print("  LIST \(configMapCount) ConfigMaps (best of \(rounds))")
let kubectlList = best(try (0..<rounds).map { _ in try measure { try runKubectl(["get", "configmaps", "-n", "bench", "-o", "json"]) } })
var listed = 0
let oursList = best(try (0..<rounds).map { _ in
    try measure {
        let api = try KubeAPI(config: config)
        listed = try api.list(api.resource(apiVersion: "v1", kind: "ConfigMap"), namespace: "bench", pageSize: 500).count
    }
})
guard listed == configMapCount else { throw BenchError("listed \(listed) ConfigMaps, expected \(configMapCount)") }
// kubectl also prints what it read: the same list written as indented JSON, for comparison.
let null = FileHandle(forWritingAtPath: "/dev/null")!
let oursListPrinted = best(try (0..<rounds).map { _ in
    try measure {
        let api = try KubeAPI(config: config)
        let items = try api.list(api.resource(apiVersion: "v1", kind: "ConfigMap"), namespace: "bench", pageSize: 500)
        let document: Value = ["apiVersion": "v1", "items": .array(items), "kind": "List", "metadata": ["resourceVersion": ""]]
        null.write(Data(try JSONWriter(indent: 4, sortKeys: false).string(document).utf8))
    }
})
line("kubectl get configmaps -o json", kubectlList)
line("shipshape KubeAPI.list", oursList)
ratio(kubectlList, oursList, startup: startup)
line("shipshape KubeAPI.list, printed as JSON", oursListPrinted)
ratio(kubectlList, oursListPrinted, startup: startup)

// (b) Server-side apply of the same files, each round into fresh namespaces: the first pass
// creates every object, the second finds nothing to change. The two clients take turns.
print("  \(applyCount) server-side applies of the same \(applyCount) files (best of \(rounds); create, then re-apply unchanged)")
let files = try FileManager.default.contentsOfDirectory(atPath: work + "/apply").sorted().map { work + "/apply/" + $0 }
var kubectlApply: [[Figures]] = [[], []]
var oursApply: [[Figures]] = [[], []]
for round in 0..<rounds {
    for who in ["kubectl", "shipshape"] {
        try seed("/api/v1/namespaces", "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"\(who)-\(round)\"}}")
    }
    for pass in 0..<2 {
        kubectlApply[pass].append(try measure {
            try runKubectl(["apply", "--server-side", "--field-manager", "bench", "-n", "kubectl-\(round)", "-f", work + "/apply"])
        })
        oursApply[pass].append(try measure {
            let api = try KubeAPI(config: config)
            for file in files {
                var object = try ValueDecoder.decode(String(contentsOfFile: file, encoding: .utf8), file: file)
                object[path: ["metadata", "namespace"]] = .string("shipshape-\(round)")
                _ = try api.apply(object, fieldManager: "bench")
            }
        })
    }
}
for (pass, name) in ["create", "re-apply"].enumerated() {
    line("kubectl apply --server-side (\(name))", best(kubectlApply[pass]))
    line("shipshape KubeAPI.apply (\(name))", best(oursApply[pass]))
    ratio(best(kubectlApply[pass]), best(oursApply[pass]), startup: startup)
}
let counts = try JSONParser().parse(bytes: {
    guard case .response(let r) = server.cluster.handle(APIRequest(method: "GET", target: "/sandbox/status")) else { return [] }
    return r.body
}())
print("  Sandbox objects: \(counts["objects"]?["configmaps"]?.intValue ?? 0) ConfigMaps")
print("  target: Shipshape at least 5x faster than kubectl on both")
