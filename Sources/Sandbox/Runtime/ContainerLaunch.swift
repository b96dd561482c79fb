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
        var args = ["--mount", "--propagation", "private", "--", "/bin/sh", scriptPath]
        for (k, v) in environment { args.append("\(k)=\(v)") }
        args += ["/usr/bin/unshare", "--root=\(root)", "--wd=\(workingDir)", "--setgid", String(gid), "--setuid", String(uid), "--"]
        args += argv
        return args
    }

    /// The setup script (`sh SCRIPT ENV... unshare --root ... -- ARGV...`).
    var script: String {
        var s = """
            # Builds a Sandbox container's filesystem in a private mount namespace (Sources/Sandbox/Runtime).
            set -eu
            root=\(shellWord(root))
            mkdir -p "$root"
            mount -t tmpfs -o mode=0755 shipshape-container "$root"
            for d in \(Self.imageDirectories.map(shellWord).joined(separator: " ")); do
              if [ -L "$d" ]; then mkdir -p "$root$(dirname "$d")"; ln -s "$(readlink "$d")" "$root$d"
              elif [ -d "$d" ]; then mkdir -p "$root$d"; mount --rbind "$d" "$root$d"; mount -o remount,bind,ro "$root$d"; fi
            done
            for d in /bin /sbin /lib /lib64 /lib32 /libx32; do
              if [ -L "$d" ]; then ln -s "$(readlink "$d")" "$root$d"; fi
            done
            mkdir -p "$root/dev" "$root/proc" "$root/sys" "$root/tmp" "$root/var/tmp" "$root/run"
            mount -t tmpfs -o mode=0755,nosuid shipshape-dev "$root/dev"
            for n in \(Self.devices.joined(separator: " ")); do
              if [ -e "/dev/$n" ]; then : > "$root/dev/$n"; mount --bind "/dev/$n" "$root/dev/$n"; fi
            done
            ln -s /proc/self/fd "$root/dev/fd"; ln -s /proc/self/fd/0 "$root/dev/stdin"
            ln -s /proc/self/fd/1 "$root/dev/stdout"; ln -s /proc/self/fd/2 "$root/dev/stderr"
            mount --rbind /proc "$root/proc"
            mount --rbind /sys "$root/sys"; mount -o remount,bind,ro "$root/sys"
            mkdir -p "$root"\(shellWord(parent(binaryTarget))) "$root"\(shellWord(workingDir))
            : > "$root"\(shellWord(binaryTarget))
            mount --bind \(shellWord(binary)) "$root"\(shellWord(binaryTarget))
            mount -o remount,bind,ro "$root"\(shellWord(binaryTarget))

            """
        for m in mounts {
            if m.isFile {
                s += "mkdir -p \"$root\"\(shellWord(parent(m.target))); : > \"$root\"\(shellWord(m.target))\n"
            } else {
                s += "mkdir -p \"$root\"\(shellWord(m.target))\n"
            }
            s += "mount --bind \(shellWord(m.source)) \"$root\"\(shellWord(m.target))\n"
            if m.readOnly { s += "mount -o remount,bind,ro \"$root\"\(shellWord(m.target))\n" }
        }
        if readOnlyRoot { s += "mount -o remount,ro \"$root\"\n" }
        s += "exec /usr/bin/env -i \"$@\"\n"
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
