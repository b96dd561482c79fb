import OrderedCollections

/// Everything needed to start one container as a real process, and the shell script that
/// builds its filesystem inside a private mount namespace (`unshare --mount`): a tmpfs root
/// holding the host's `/usr`, `/etc` and `/opt` read-only as the image, the Shipshape binary
/// at the image's entrypoint, a minimal `/dev`, and each volume at its mount path. With
/// `readOnlyRootFilesystem` the root itself is remounted read-only, so a write anywhere but a
/// writable volume fails with EROFS, as on a node. Pure: `ProcessRuntime` runs it.
struct ContainerLaunch: Sendable, Equatable {
    struct Mount: Sendable, Equatable {
        /// A host path (a directory, or a file for a `subPath` to a file).
        var source: String
        var target: String
        var readOnly: Bool
        var isFile = false
    }

    /// The host directory the container's root tmpfs is mounted on (private to the namespace).
    var root: String
    /// The host executable bound at `binaryTarget`.
    var binary: String
    var binaryTarget: String
    var mounts: [Mount]
    var readOnlyRoot: Bool
    var uid: Int
    var gid: Int
    var workingDir: String
    var environment: OrderedDictionary<String, String>
    var argv: [String]

    /// Host directories that make up the image's filesystem, read-only.
    static let imageDirectories = ["/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/libexec", "/usr/share", "/usr/include", "/etc", "/opt"]
    /// Device nodes a container gets (runc's default set).
    static let devices = ["null", "zero", "full", "random", "urandom", "tty"]

    /// The arguments for `/usr/bin/unshare`: a private mount namespace running the setup
    /// script, which ends by exec'ing the entrypoint chrooted, as the pod's user, with exactly
    /// the pod's environment.
    func unshareArguments(scriptPath: String) -> [String] {
        ["--mount", "--propagation", "private", "--", "/bin/sh", scriptPath,
         "/usr/bin/unshare", "--root=\(root)", "--wd=\(workingDir)", "--setgid", String(gid), "--setuid", String(uid), "--"] + argv
    }

    /// The process environment: exactly the pod's variables (never on a command line, where
    /// `ps` would show a Secret's value). The setup script names its tools by absolute path.
    var processEnvironment: [String: String] {
        var out: [String: String] = [:]
        for (k, v) in environment where !k.isEmpty && !k.contains("=") { out[k] = v }
        return out
    }

    /// A path inside the container is absolute and has no `..` step, so it cannot leave the
    /// container's root.
    static func isContained(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }

    /// The setup script (`sh SCRIPT unshare --root ... -- ARGV...`), run with the pod's
    /// environment, which it passes on untouched (dash's own `PWD` aside).
    var script: String {
        var s = """
            # Builds a Sandbox container's filesystem in a private mount namespace (Sources/Sandbox/Runtime).
            set -eu
            root=\(shellWord(root))
            /usr/bin/mkdir -p "$root"
            /usr/bin/mount -t tmpfs -o mode=0755 shipshape-container "$root"
            for d in \(Self.imageDirectories.map(shellWord).joined(separator: " ")); do
              if [ -L "$d" ]; then /usr/bin/mkdir -p "$root$(/usr/bin/dirname "$d")"; /usr/bin/ln -s "$(/usr/bin/readlink "$d")" "$root$d"
              elif [ -d "$d" ]; then /usr/bin/mkdir -p "$root$d"; /usr/bin/mount --rbind "$d" "$root$d"; /usr/bin/mount -o remount,bind,ro "$root$d"; fi
            done
            for d in /bin /sbin /lib /lib64 /lib32 /libx32; do
              if [ -L "$d" ]; then /usr/bin/ln -s "$(/usr/bin/readlink "$d")" "$root$d"; fi
            done
            /usr/bin/mkdir -p "$root/dev" "$root/proc" "$root/sys" "$root/tmp" "$root/var/tmp" "$root/run"
            /usr/bin/mount -t tmpfs -o mode=0755,nosuid shipshape-dev "$root/dev"
            for n in \(Self.devices.joined(separator: " ")); do
              if [ -e "/dev/$n" ]; then : > "$root/dev/$n"; /usr/bin/mount --bind "/dev/$n" "$root/dev/$n"; fi
            done
            /usr/bin/ln -s /proc/self/fd "$root/dev/fd"; /usr/bin/ln -s /proc/self/fd/0 "$root/dev/stdin"
            /usr/bin/ln -s /proc/self/fd/1 "$root/dev/stdout"; /usr/bin/ln -s /proc/self/fd/2 "$root/dev/stderr"
            /usr/bin/mount --rbind /proc "$root/proc"
            /usr/bin/mount --bind /proc/sys "$root/proc/sys"; /usr/bin/mount -o remount,bind,ro "$root/proc/sys"
            /usr/bin/mount --rbind /sys "$root/sys"; /usr/bin/mount -o remount,bind,ro "$root/sys"
            /usr/bin/mkdir -p "$root"\(shellWord(parent(binaryTarget))) "$root"\(shellWord(workingDir))
            : > "$root"\(shellWord(binaryTarget))
            /usr/bin/mount --bind \(shellWord(binary)) "$root"\(shellWord(binaryTarget))
            /usr/bin/mount -o remount,bind,ro "$root"\(shellWord(binaryTarget))

            """
        for m in mounts {
            if m.isFile {
                s += "/usr/bin/mkdir -p \"$root\"\(shellWord(parent(m.target))); : > \"$root\"\(shellWord(m.target))\n"
            } else {
                s += "/usr/bin/mkdir -p \"$root\"\(shellWord(m.target))\n"
            }
            s += "/usr/bin/mount --bind \(shellWord(m.source)) \"$root\"\(shellWord(m.target))\n"
            if m.readOnly { s += "/usr/bin/mount -o remount,bind,ro \"$root\"\(shellWord(m.target))\n" }
        }
        if readOnlyRoot { s += "/usr/bin/mount -o remount,ro \"$root\"\n" }
        s += "exec /usr/bin/env -u PWD \"$@\"\n"
        return s
    }

    private func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}

/// `text` as one single-quoted shell word.
private func shellWord(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
