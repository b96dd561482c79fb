import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way the CLI replaces a file: the new bytes go to a temporary file created
/// exclusively (`O_CREAT|O_EXCL|O_NOFOLLOW`, a random name) in the destination's folder, then
/// are renamed over it. A symlink at the destination is kept and its target is replaced (as
/// `sed -i --follow-symlinks` does); the target keeps its permissions. A planted symlink at
/// the temporary name cannot redirect the write, because the name is new and never followed.
enum AtomicFile {
    /// A temporary file written in full, waiting to be renamed into place.
    struct Staged {
        let temporary: String
        let destination: String

        /// Renames the temporary file over the destination.
        func commit() throws {
            guard rename(temporary, destination) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw CLIError("\(destination): cannot replace the file: \(reason)")
            }
        }

        func discard() { unlink(temporary) }
    }

    /// Writes `data` to `path` atomically.
    static func write(_ data: Data, to path: String) throws {
        try stage(data, for: path).commit()
    }

    /// Writes `data` to a new temporary file beside `path` (the symlink's target when `path` is
    /// a symlink), with the permissions of the file it replaces (0644 less the umask for a new
    /// file). Nothing is visible at `path` until `commit`.
    static func stage(_ data: Data, for path: String) throws -> Staged {
        let destination = resolvedDestination(path)
        let folder = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        var existing = stat()
        if lstat(destination, &existing) == 0 && (existing.st_mode & S_IFMT) == S_IFDIR {
            throw CLIError("\(path): is a folder, not a file")
        }
        let mode: mode_t = lstat(destination, &existing) == 0 && (existing.st_mode & S_IFMT) == S_IFREG
            ? existing.st_mode & 0o7777 : 0o644 & ~currentUmask()
        var random = SystemRandomNumberGenerator()
        for _ in 0..<8 {
            let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).shipshape-\(String(random.next() as UInt64, radix: 36))"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw CLIError("\(path): cannot create a temporary file in \(folder.isEmpty ? "." : folder): \(String(cString: strerror(errno)))")
            }
            let written = data.withUnsafeBytes { buffer -> Bool in
                var offset = 0
                while offset < buffer.count {
                    let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 { if errno == EINTR { continue }; return false }
                    offset += n
                }
                return true
            }
            let reason = String(cString: strerror(errno))
            let finished = written && fchmod(fd, mode) == 0 && fsync(fd) == 0
            close(fd)
            guard finished else {
                unlink(temporary)
                throw CLIError("\(path): cannot write the file: \(reason)")
            }
            return Staged(temporary: temporary, destination: destination)
        }
        throw CLIError("\(path): cannot create a temporary file in \(folder.isEmpty ? "." : folder): too many name collisions")
    }

    /// `path`, or the file its symlink chain ends at (relative links resolved from the link's
    /// folder), so replacing a linked file edits the target and keeps the link.
    static func resolvedDestination(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = target.hasPrefix("/") ? target : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        return current
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
