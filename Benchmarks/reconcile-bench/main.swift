// reconcile-bench: Shipshape's reconcile of a 5,000-object environment against the Sandbox's
// API server over HTTP — a no-op run and a run with 1% drift — next to `kubectl diff
// --server-side` plus `kubectl apply --server-side` doing the same work in the same run.
// Prints requests (as the API server counted them), wall time and peak memory of each
// process. Figures only: it never fails on time.
//
//   swift build -c release --product shipshape --product reconcile-bench
//   .build/release/reconcile-bench [objects]
import ArgumentParser
import Environment
import Foundation
import KubeClient
import Reconcile
import Sandbox
import YAML
#if canImport(Glibc)
import Glibc
#endif

struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile-bench",
        abstract: "Shipshape's reconcile of a generated environment against the Sandbox (no-op, then 1% drift), next to kubectl diff + apply --server-side.")

    @Argument(help: "Objects in the generated environment (ConfigMaps, Services, ServiceAccounts).")
    var objects = 5000
}
let options = Options.parseOrExit()
let objects = options.objects
let namespace = "bench"
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let shipshape = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/shipshape"
guard FileManager.default.isExecutableFile(atPath: shipshape) else {
    print("build the shipshape binary beside this one first: swift build -c release --product shipshape")
    exit(0)
}
let kubectl = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { "\($0)/kubectl" }
    .first { FileManager.default.isExecutableFile(atPath: $0) }

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// One process run: wall seconds, peak RSS (MB) and exit status, via posix_spawn and wait4.
struct ProcessRun { var seconds: Double; var peakMB: Int; var status: Int32 }

func spawn(_ argv: [String], stdout: String = "/dev/null") -> ProcessRun {
    let cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { cargs.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stdout == "/dev/null" ? "/dev/null" : stdout + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var pid: pid_t = 0
    let start = now()
    guard posix_spawn(&pid, argv[0], &actions, nil, cargs, environ) == 0 else { return ProcessRun(seconds: 0, peakMB: 0, status: -1) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    return ProcessRun(seconds: now() - start, peakMB: Int(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xff)
}

let work = NSTemporaryDirectory() + "reconcile-bench-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: work) }
try GeneratedEnvironment.write(objects: objects, namespace: namespace, to: work + "/repo")
let server = SandboxServer(cluster: Cluster(), speed: 1)
let url = try server.start(port: 0)
defer { server.shutdown() }
let kubeconfig = work + "/kubeconfig"
try server.writeKubeconfig(to: kubeconfig, namespace: namespace)
let api = try KubeAPI(config: ClientConfig(server: url, namespace: namespace))

/// Requests the API server answered while `body` ran.
func counted<T>(_ body: () throws -> T) rethrows -> (T, Int) {
    let before = server.cluster.requestCount
    let result = try body()
    return (result, server.cluster.requestCount - before)
}

let reconcileArgs = [shipshape, "reconcile", "--env", "bench", "--config", work + "/repo/shipshape.yaml", "--kubeconfig", kubeconfig]
func reconcile() -> (ProcessRun, Int) { counted { spawn(reconcileArgs, stdout: work + "/reconcile.log") } }

/// The same manifests Shipshape applies, for kubectl.
let manifests = work + "/manifests.yaml"
do {
    let env = try EnvironmentConfig(yaml: try String(contentsOfFile: work + "/repo/shipshape.yaml", encoding: .utf8), file: "shipshape.yaml").environment("bench")
    let source = try RevisionSource(location: ".", branch: "main", base: work + "/repo")
    let rendered = try EnvironmentRenderer(environment: env, tree: try source.headTree()).render()
    try YAMLEmitter.emitStream(DesiredState.prepare(rendered.values, namespace: namespace)).write(toFile: manifests, atomically: true, encoding: .utf8)
}

/// `kubectl diff --server-side` then `kubectl apply --server-side`, as a pipeline would run them.
func kubectlDiffAndApply() -> (requests: Int, seconds: Double)? {
    guard let kubectl else {
        print("  kubectl is not on the PATH: no comparison")
        return nil
    }
    let (diff, diffRequests) = counted {
        spawn([kubectl, "--kubeconfig", kubeconfig, "diff", "--server-side", "--field-manager=shipshape", "--force-conflicts", "-f", manifests])
    }
    let (apply, applyRequests) = counted {
        spawn([kubectl, "--kubeconfig", kubeconfig, "apply", "--server-side", "--field-manager=shipshape", "--force-conflicts", "-f", manifests])
    }
    line("kubectl diff --server-side", diff, diffRequests)
    line("kubectl apply --server-side", apply, applyRequests)
    line("kubectl diff + apply", ProcessRun(seconds: diff.seconds + apply.seconds, peakMB: max(diff.peakMB, apply.peakMB), status: apply.status),
         diffRequests + applyRequests)
    return (diffRequests + applyRequests, diff.seconds + apply.seconds)
}

func compare(_ run: ProcessRun, _ requests: Int, with kubectl: (requests: Int, seconds: Double)) {
    print(String(format: "  => Shipshape: %.0fx fewer requests, %.1fx faster than kubectl",
                 Double(kubectl.requests) / Double(max(1, requests)), kubectl.seconds / max(0.001, run.seconds)))
}

/// 1% drift: edits `count` ConfigMaps out of band, as someone with kubectl edit would.
func drift(_ count: Int, round: Int) throws {
    let configMaps = try api.resource(apiVersion: "v1", kind: "ConfigMap")
    let step = max(1, (objects / 3) / count)
    for i in 0..<count {
        _ = try api.patch(configMaps, name: "config-\(i * step)", namespace: namespace,
                          patch: ["data": ["greeting": .string("edited by hand, round \(round)")]], type: .merge, fieldManager: "kubectl-edit")
    }
}

func padded(_ label: String) -> String { label.padding(toLength: 34, withPad: " ", startingAt: 0) }

func line(_ label: String, _ run: ProcessRun, _ requests: Int) {
    print("  " + padded(label) + String(format: " %6d requests  %8.2f s  peak %4d MB  exit %d", requests, run.seconds, run.peakMB, run.status))
}

print("reconcile-bench: \(objects) objects (ConfigMaps, Services, ServiceAccounts) in namespace \(namespace), Sandbox at \(url)")
print("  requests are counted by the API server; time is wall time of the whole process; peak is its max RSS")
let (first, firstRequests) = reconcile()
line("shipshape reconcile, first apply", first, firstRequests)

print("no-op (nothing differs):")
let (noop, noopRequests) = reconcile()
line("shipshape reconcile", noop, noopRequests)
if let k = kubectlDiffAndApply() { compare(noop, noopRequests, with: k) }
// kubectl's apply took ownership under the same field manager: nothing differs still.

let drifted = max(1, objects / 100)
print("1% drift (\(drifted) ConfigMaps edited by hand):")
try drift(drifted, round: 1)
let (fix, fixRequests) = reconcile()
line("shipshape reconcile", fix, fixRequests)
if kubectl != nil {
    try drift(drifted, round: 2)
    if let k = kubectlDiffAndApply() { compare(fix, fixRequests, with: k) }
}
print("  targets (issue 8): >= 10x fewer requests and >= 5x faster than kubectl; the no-op reconcile under 2 s")
