#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file cannot be read, in words a person can act on: it does not exist, it is a
/// folder, or permission is denied. One place, so no error guesses "(does it exist?)" for a
/// folder or a permission problem.
public enum FileProblem {
    public static func reason(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == EACCES ? "permission denied on a folder in the path" : "no such file"
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { return "it is a folder, not a file" }
        if access(path, R_OK) != 0 { return "permission denied" }
        return "it could not be read"
    }
}
