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

    /// The optional features this libgit2 build has (threads, HTTPS, SSH, nanosecond times).
    public struct Features: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        public static let threads = Features(rawValue: Int32(GIT_FEATURE_THREADS.rawValue))
        public static let https = Features(rawValue: Int32(GIT_FEATURE_HTTPS.rawValue))
        public static let ssh = Features(rawValue: Int32(GIT_FEATURE_SSH.rawValue))
        public static let nanoseconds = Features(rawValue: Int32(GIT_FEATURE_NSEC.rawValue))
    }

    /// What `git_libgit2_features()` reports for the linked library.
    public static var features: Features {
        ensureInitialized()
        return Features(rawValue: git_libgit2_features())
    }

    /// Makes libgit2's TLS stream trust exactly the CA certificates in `file` (a PEM bundle)
    /// and/or `directory`. Process-wide: it replaces the system store, so pass a bundle that
    /// also holds the system CAs if public hosts must keep working. Verification stays on.
    public static func trustCertificates(file: String?, directory: String? = nil) throws {
        ensureInitialized()
        let code = shipshape_git_set_ssl_cert_locations(file, directory)
        if code < 0 {
            throw GitError.libgit2(operation: "load CA certificates from", subject: file ?? directory ?? "-",
                                   code: code, message: lastErrorMessage())
        }
    }

    /// The message of the last libgit2 error on this thread (empty if none).
    static func lastErrorMessage() -> String {
        guard let err = git_error_last(), let msg = err.pointee.message else { return "" }
        return String(cString: msg)
    }

    /// Throws `GitError.libgit2` when `code` is negative, naming the operation and its subject.
    @inline(__always)
    static func check(_ code: Int32, _ operation: @autoclosure () -> String,
                      _ subject: @autoclosure () -> String) throws {
        if code < 0 {
            throw GitError.libgit2(operation: operation(), subject: subject(), code: code,
                                   message: RemoteURL.scrub(lastErrorMessage()))
        }
    }
}
