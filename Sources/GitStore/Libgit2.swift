import CGit2

/// The process-wide libgit2 runtime.
///
/// libgit2 must be initialised once before any other call. `Libgit2.ensureInitialized()`
/// does that exactly once per process (Swift globals are initialised lazily and atomically),
/// so every entry point of this module can call it cheaply.
public enum Libgit2 {
    private static let initCount: Int32 = git_libgit2_init()

    /// Initialises libgit2 on first use; later calls do nothing.
    @discardableResult
    public static func ensureInitialized() -> Int32 { initCount }

    /// The libgit2 version this binary is linked against, e.g. "1.5.1".
    public static var version: String {
        ensureInitialized()
        var major: Int32 = 0, minor: Int32 = 0, rev: Int32 = 0
        git_libgit2_version(&major, &minor, &rev)
        return "\(major).\(minor).\(rev)"
    }
}
