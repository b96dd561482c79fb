import Foundation

/// The one folder Shipshape's jobs write to: git mirrors of remote repositories live under
/// it. In the cluster the jobs run with a read-only root file system and an emptyDir at
/// `/work`, so the chart points `SHIPSHAPE_CACHE_DIR` there.
public enum CacheDirectory {
    /// The environment variable naming the cache directory.
    public static let variable = "SHIPSHAPE_CACHE_DIR"

    /// `--cache-dir` wins, then `SHIPSHAPE_CACHE_DIR`, then `<temporary directory>/shipshape`.
    public static func resolve(flag: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                               temporaryDirectory: String = NSTemporaryDirectory()) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let value = environment[variable], !value.isEmpty { return value }
        return (temporaryDirectory as NSString).appendingPathComponent("shipshape")
    }
}
