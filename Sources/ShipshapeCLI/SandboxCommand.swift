import ArgumentParser
import Foundation
import Sandbox

/// `shipshape sandbox`: a simulated Kubernetes API server with controllers and a kubelet on
/// loopback, for trying changes, tests and the demo. Prints its URL, writes a kubeconfig,
/// and runs until SIGINT or SIGTERM.
struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a simulated Kubernetes cluster on 127.0.0.1.",
        discussion: """
            Examples:
              shipshape sandbox --kubeconfig /tmp/sandbox.kubeconfig
              KUBECONFIG=/tmp/sandbox.kubeconfig kubectl get pods -A
              # an hour of cluster time per minute:
              shipshape sandbox --speed 60 --scenario my-scenario.yaml
              # HTTPS; the kubeconfig trusts its CA:
              shipshape sandbox --tls --kubeconfig /tmp/sandbox.kubeconfig

            Pods of images the scenario marks `execute: true` (by default
            shipshape/shipshape:*) run this binary (or --exec-binary) for real, as root in
            a private mount namespace, under their service account; see docs/sandbox.md.
            """)

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 0

    @Option(help: "Write a kubeconfig for the sandbox to this file.")
    var kubeconfig: String?

    @Option(help: "Scenario file describing images, load and faults (default: the built-in chatbot scenario).")
    var scenario: String?

    @Option(help: "Simulated seconds per wall-clock second.")
    var speed: Double = 1

    @Flag(help: "Serve HTTPS with a CA generated at start-up; the kubeconfig carries the CA.")
    var tls = false

    @Option(help: "Seed for the simulation's randomness (names, uids, log lines).")
    var seed: UInt64 = 42

    @Option(help: "The shipshape executable that pods of executed images (shipshape/shipshape:*) run (default: this one).")
    var execBinary: String?

    func validate() throws {
        guard speed > 0, speed.isFinite else { throw ValidationError("--speed must be a finite number greater than 0, got \(speed)") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0-65535, got \(port)") }
    }

    func run() throws {
        let loaded: Scenario
        do { loaded = try scenario.map(ScenarioLoader.load(path:)) ?? .default } catch {
            throw ValidationError("\(error)")
        }
        var runtime: ProcessRuntime?
        if loaded.images.contains(where: \.execute) {
            let binary = execBinary ?? Self.ownExecutable()
            runtime = ProcessRuntime(binary: binary)
            if let reason = runtime?.unavailableReason {
                say("sandbox: warning: pods of executed images will not start: \(reason)")
            }
        }
        let server = SandboxServer(cluster: Cluster(scenario: loaded, seed: seed, runtime: runtime), speed: speed)
        if tls { try server.enableTLS() }
        let url = try server.start(port: port)
        if let kubeconfig { try server.writeKubeconfig(to: kubeconfig) }
        say("sandbox: serving the Kubernetes API at \(url)")
        if let inCluster = server.inClusterURL, inCluster != url, let binary = runtime?.binary {
            say("sandbox: executed pods run \(binary) and reach the API at \(inCluster)")
        }
        if let kubeconfig { say("sandbox: kubeconfig written to \(kubeconfig) (export KUBECONFIG=\(kubeconfig))") }
        say("sandbox: simulated time runs at \(speed)x; stop with Ctrl-C")
        let signals = [SIGINT, SIGTERM].map { sig -> DispatchSourceSignal in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { server.shutdown() }
            source.resume()
            return source
        }
        try server.wait()
        _ = signals
        say("sandbox: stopped")
    }

    /// This process's executable, resolved (`/proc/self/exe` on Linux).
    static func ownExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// Unbuffered, so a parent process reading the URL sees it at once.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
