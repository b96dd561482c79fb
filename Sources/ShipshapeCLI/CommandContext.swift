import ArgumentParser
import Environment
import Foundation
import GitStore
import KubeClient
import Reconcile

/// The state one environment command shares, as SwiftPM's `SwiftCommandState` is for its
/// commands: the environments file (from disk, or from the branch head of
/// `SHIPSHAPE_REPOSITORY` in the cluster), the cluster client (kubeconfig, context, `--v`),
/// the cache directory every write goes under, and how relative paths resolve. Each command
/// makes one and asks it for what it needs; nothing is read twice.
final class CommandContext {
    let options: EnvironmentConnection
    /// The process environment (`SHIPSHAPE_*`, git credentials).
    let variables: [String: String]
    private var loaded: Configuration?

    /// The environments file, where it came from, and the git source it was read from.
    struct Configuration {
        var config: EnvironmentConfig
        /// The folder relative paths start from (shipshape.yaml's, or the current directory).
        var base: String
        /// Set when shipshape.yaml was read from `SHIPSHAPE_REPOSITORY` (no local file).
        var repository: RevisionSource?
    }

    init(_ options: EnvironmentConnection, variables: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.variables = variables
    }

    /// `--cache-dir`, then `SHIPSHAPE_CACHE_DIR`, then the temporary directory.
    var cacheDirectory: String { CacheDirectory.resolve(flag: options.cacheDirectory, environment: variables) }

    /// A path given relative to the current directory, made absolute.
    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    /// Reads shipshape.yaml: the local file, or the one at the head of SHIPSHAPE_REPOSITORY's branch.
    func configuration() throws -> Configuration {
        if let loaded { return loaded }
        let file = options.config
        let configuration: Configuration
        if let data = FileManager.default.contents(atPath: file) {
            let base = URL(fileURLWithPath: absolute(file)).standardizedFileURL.deletingLastPathComponent().path
            configuration = Configuration(config: try EnvironmentConfig(yaml: String(decoding: data, as: UTF8.self), file: file), base: base)
        } else if let repository = variables["SHIPSHAPE_REPOSITORY"], !repository.isEmpty {
            // In the cluster (the CronJobs): shipshape.yaml is read from the repository's branch head.
            let source = try RevisionSource(location: repository, branch: variables["SHIPSHAPE_BRANCH"].flatMap { $0.isEmpty ? nil : $0 } ?? "main",
                                            base: FileManager.default.currentDirectoryPath, cacheDirectory: cacheDirectory)
            guard let text = try source.headTree().string(at: file) else {
                throw ValidationError("no \(file) at the head of \(source.branch) in SHIPSHAPE_REPOSITORY (\(RemoteURL(repository).redacted))")
            }
            configuration = Configuration(config: try EnvironmentConfig(yaml: text, file: file), base: FileManager.default.currentDirectoryPath,
                                          repository: source)
        } else {
            throw ValidationError("cannot read \(file) (pass --config PATH to the environments file, or set SHIPSHAPE_REPOSITORY to read it from git)")
        }
        loaded = configuration
        return configuration
    }

    /// The environment named `name` in shipshape.yaml.
    func environment(_ name: String) throws -> EnvironmentConfig.Environment {
        try configuration().config.environment(name)
    }

    /// Where `environment`'s revisions come from: the repository shipshape.yaml was read from
    /// when it is the environment's, else the environment's `source.repository`.
    func revisionSource(for environment: EnvironmentConfig.Environment) throws -> RevisionSource {
        let configuration = try configuration()
        if let source = configuration.repository, source.branch == environment.branch,
           environment.repository == "." || environment.repository == variables["SHIPSHAPE_REPOSITORY"] {
            return source
        }
        return try RevisionSource(location: environment.repository, branch: environment.branch, base: configuration.base,
                                  cacheDirectory: cacheDirectory)
    }

    /// The files `environment` is rendered from for recommend: the work tree beside a local
    /// shipshape.yaml, or (in the cluster, where there is none) its branch head's tree.
    func files(for environment: EnvironmentConfig.Environment) throws -> EnvironmentFiles {
        let configuration = try configuration()
        if configuration.repository == nil {
            return EnvironmentFiles(tree: WorkTree(root: configuration.base), source: nil, revision: nil)
        }
        let source = try revisionSource(for: environment)
        let head = try source.head()
        return EnvironmentFiles(tree: RevisionTree(try source.snapshot(head)), source: source, revision: head)
    }

    /// The client for `environment`'s cluster: `--kubeconfig`/`--context` when given, the
    /// in-cluster service account when the environment says so, else the kubeconfig.
    func kubeAPI(for environment: EnvironmentConfig.Environment) throws -> KubeAPI {
        let client: ClientConfig
        if options.kubeconfig != nil || options.context != nil || !environment.inCluster {
            client = try ClientConfig.load(kubeconfig: options.kubeconfig, context: options.context ?? environment.context, namespace: environment.namespace)
        } else {
            client = try ClientConfig.inCluster()
        }
        let api = try KubeAPI(config: client)
        Verbosity.enable(options.verbosity, on: api)
        return api
    }

    /// The reconciler for the environment, its cluster and its git source.
    func reconciler(environment name: String, log: @escaping @Sendable (String) -> Void) throws -> Reconciler {
        let environment = try environment(name)
        return Reconciler(environment: environment, cluster: try kubeAPI(for: environment), source: try revisionSource(for: environment), log: log)
    }
}

/// The context's mapping from error to exit status: any error exits with status 2 (1 is kept for "differences" or
/// "unhealthy"), the message on stderr.
func exitingOnError(_ body: () throws -> Void) throws {
    do { try body() } catch let exit as ExitCode { throw exit } catch let validation as ValidationError {
        throw validation
    } catch {
        FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
        throw ExitCode(2)
    }
}

/// The files an environment is read from, and the revision they are when they come from git.
struct EnvironmentFiles {
    var tree: any FileTree
    /// The repository and branch, when the files are a revision's (no work tree).
    var source: RevisionSource?
    var revision: ObjectID?
}
