import ArgumentParser
import Foundation
import KubeClient
import Reconcile

/// The flags every environment command takes: which environment of which shipshape.yaml, and
/// how to reach its cluster (`--kubeconfig`/`--context` override the environment's cluster).
struct EnvironmentOptions: ParsableArguments {
    @Option(name: .customLong("env"), help: "The environment in shipshape.yaml (dev, prod, ...).")
    var environment: String

    @OptionGroup var connection: EnvironmentConnection

    func reconciler(log: @escaping @Sendable (String) -> Void) throws -> Reconciler {
        try connection.reconciler(environment: environment, log: log)
    }
}

/// Where the environments file is and how to reach the cluster.
struct EnvironmentConnection: ParsableArguments {
    @Option(help: "The environments file.")
    var config = "shipshape.yaml"

    @Option(help: "Path to a kubeconfig file (overrides the environment's cluster).")
    var kubeconfig: String?

    @Option(help: "The kubeconfig context to use (overrides the environment's cluster.context).")
    var context: String?

    @Option(name: .customLong("v"), help: Verbosity.help)
    var verbosity = 0

    /// The reconciler for the environment, its cluster and its git source.
    func reconciler(environment: String, log: @escaping @Sendable (String) -> Void) throws -> Reconciler {
        let variables = ProcessInfo.processInfo.environment
        let text: String
        var fromRepository: RevisionSource?
        if let data = FileManager.default.contents(atPath: config) {
            text = String(decoding: data, as: UTF8.self)
        } else if let repository = variables["SHIPSHAPE_REPOSITORY"], !repository.isEmpty {
            // In the cluster (the CronJob): shipshape.yaml is read from the repository's branch head.
            let source = try RevisionSource(location: repository, branch: variables["SHIPSHAPE_BRANCH"] ?? "main",
                                            base: FileManager.default.currentDirectoryPath)
            guard let found = try source.snapshot(try source.head()).string(at: config) else {
                throw ValidationError("no \(config) at the head of \(source.branch) in SHIPSHAPE_REPOSITORY")
            }
            text = found
            fromRepository = source
        } else {
            throw ValidationError("cannot read \(config) (pass --config PATH to the environments file, or set SHIPSHAPE_REPOSITORY to read it from git)")
        }
        let env = try EnvironmentConfig(yaml: text, file: config).environment(environment)
        let client: ClientConfig
        if kubeconfig != nil || context != nil || !env.inCluster {
            client = try ClientConfig.load(kubeconfig: kubeconfig, context: context ?? env.context, namespace: env.namespace)
        } else {
            client = try ClientConfig.inCluster()
        }
        let api = try KubeAPI(config: client)
        Verbosity.enable(verbosity, on: api)
        let base = URL(fileURLWithPath: config).deletingLastPathComponent().path
        let source = try fromRepository.flatMap { $0.branch == env.branch && (env.repository == "." || env.repository == variables["SHIPSHAPE_REPOSITORY"]) ? $0 : nil }
            ?? RevisionSource(location: env.repository, branch: env.branch, base: base)
        return Reconciler(environment: env, cluster: api, source: source, log: log)
    }
}

/// Runs a command body so that any error exits with status 2 (1 is kept for "differences" or
/// "unhealthy"), the message on stderr.
func exitingOnError(_ body: () throws -> Void) throws {
    do { try body() } catch let exit as ExitCode { throw exit } catch let validation as ValidationError {
        throw validation
    } catch {
        FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
        throw ExitCode(2)
    }
}

/// A log line, flushed at once so a Job's log and a demo show steps as they happen.
@Sendable func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
