import ArgumentParser
import Environment
import Foundation

/// The flags every environment command takes: which environment of which shipshape.yaml, and
/// how to reach its cluster (`--kubeconfig`/`--context` override the environment's cluster).
struct EnvironmentOptions: ParsableArguments {
    @Option(name: .customLong("env"), help: "The environment in shipshape.yaml (dev, prod, ...).")
    var environment: String

    @OptionGroup var connection: EnvironmentConnection

    /// The shared context of this run.
    func context() -> CommandContext { CommandContext(connection) }
}

/// Where the environments file is, how to reach the cluster, and where to write.
struct EnvironmentConnection: ParsableArguments {
    @Option(help: "The environments file (relative paths in it start at its folder). Without the file, it is read from the branch head of SHIPSHAPE_REPOSITORY (SHIPSHAPE_BRANCH, default main).")
    var config = "shipshape.yaml"

    @Option(help: "Path to a kubeconfig file (overrides the environment's cluster).")
    var kubeconfig: String?

    @Option(help: "The kubeconfig context to use (overrides the environment's cluster.context).")
    var context: String?

    @Option(name: .customLong("v"), help: Verbosity.help)
    var verbosity = 0

    @Option(name: .customLong("cache-dir"),
            help: ArgumentHelp("The folder Shipshape writes to: mirrors of remote git repositories (default: SHIPSHAPE_CACHE_DIR, else the temporary directory).",
                               valueName: "dir"))
    var cacheDirectory: String?
}

/// A log line, flushed at once so a Job's log and a demo show steps as they happen.
@Sendable func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
