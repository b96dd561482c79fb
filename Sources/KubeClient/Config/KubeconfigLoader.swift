import Foundation

/// Finds and merges kubeconfig files as kubectl does: `--kubeconfig` alone if given, else
/// every file in `KUBECONFIG` (missing ones skipped), else `~/.kube/config`.
public struct KubeconfigLoader: Sendable {
    public var explicitPath: String?
    public var environment: [String: String]

    public init(explicitPath: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.explicitPath = explicitPath
        self.environment = environment
    }

    /// The files kubectl would read, in precedence order.
    public var files: [String] {
        if let explicitPath, !explicitPath.isEmpty { return [explicitPath] }
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            var seen = Set<String>()
            return list.split(separator: ":").map(String.init).filter { !$0.isEmpty && seen.insert($0).inserted }
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return [(home as NSString).appendingPathComponent(".kube/config")]
    }

    public func load() throws -> Kubeconfig {
        var merged = Kubeconfig()
        var readAny = false
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                if file == explicitPath {
                    throw KubeConfigError("stat \(file): no such file or directory (from --kubeconfig)")
                }
                continue
            }
            let absolute = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
            merged.merge(try Kubeconfig(yaml: String(decoding: data, as: UTF8.self), file: absolute))
            readAny = true
        }
        if !readAny && explicitPath == nil && environment["KUBECONFIG"] != nil {
            return merged
        }
        return merged
    }
}
