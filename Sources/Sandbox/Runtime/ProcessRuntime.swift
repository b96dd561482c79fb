import Foundation

/// The Sandbox's container runtime for executed images: runs a container as a real process in
/// a private mount namespace (Linux, as root: what `unshare --mount` needs), and keeps each
/// pod's volumes in a directory of its own. Where namespaces are unavailable it says why, and
/// the kubelet refuses such containers with that reason; it never pretends they ran.
public final class ProcessRuntime: @unchecked Sendable {
    /// The Shipshape executable that executed images run.
    public let binary: String
    /// Host directory holding one folder per pod (volumes, service-account files, roots).
    public let directory: String
    /// Why containers cannot be executed here, or nil when they can.
    public let unavailableReason: String?
    private let lock = NSLock()
    private var running: [ExecutedContainer] = []
    /// Set by `shutdown()`: nothing starts after it.
    private var closed = false

    /// `binary` must exist and be executable; `directory` defaults to a new temporary folder.
    public init(binary: String, directory: String? = nil) {
        self.binary = binary
        self.directory = directory ?? (NSTemporaryDirectory() + "shipshape-sandbox-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        self.unavailableReason = Self.checkAvailability(binary: binary)
    }

    private static func checkAvailability(binary: String) -> String? {
        #if os(Linux)
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            return "the executable \(binary) does not exist or is not executable (pass --exec-binary PATH)"
        }
        guard geteuid() == 0 else {
            return "executing images needs a private mount namespace, which needs root on Linux (this process runs as uid \(geteuid()))"
        }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        probe.arguments = ["--mount", "--propagation", "private", "--", "/bin/true"]
        probe.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        probe.standardError = errors
        do { try probe.run() } catch { return "cannot run /usr/bin/unshare (util-linux): \(error)" }
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return "unshare --mount failed (\(message)): mount namespaces are not available here"
        }
        return nil
        #else
        return "executing images needs Linux mount namespaces; this is not Linux"
        #endif
    }

    /// The folder of pod `uid`, created on first use.
    func podDirectory(_ uid: String) throws -> String {
        let path = directory + "/pods/" + uid
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return path
    }

    /// Writes the launch script and starts the container.
    func start(_ launch: ContainerLaunch, clock: @escaping @Sendable () -> Double) throws -> ExecutedContainer {
        try lock.withLock {
            guard !closed else { throw RuntimeClosed() }
            let scriptPath = launch.root + ".sh"
            try FileManager.default.createDirectory(atPath: launch.root, withIntermediateDirectories: true)
            try Data(launch.script.utf8).write(to: URL(fileURLWithPath: scriptPath))
            let container = try ExecutedContainer(launch: launch, scriptPath: scriptPath, clock: clock)
            running.removeAll { !$0.isRunning }
            running.append(container)
            return container
        }
    }

    struct RuntimeClosed: Error, CustomStringConvertible {
        var description: String { "the Sandbox is shutting down" }
    }

    /// How many containers are running now.
    public var runningCount: Int { lock.withLock { running.filter(\.isRunning).count } }

    /// Removes a deleted pod's folder once `containers` (stopping now) have ended.
    func removePod(_ uid: String, after containers: [ExecutedContainer]) {
        let path = directory + "/pods/" + uid
        DispatchQueue.global().async {
            for c in containers { c.waitForExit(seconds: 60) }
            // Each container's mount namespace went with its last process; its root folder is an
            // empty mount point on the host by now.
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Stops every container still running and removes the runtime's folder.
    public func shutdown() {
        let all = lock.withLock {
            closed = true
            return running
        }
        for c in all { c.stop(grace: 2) }
        for c in all { c.waitForExit(seconds: 5) }
        try? FileManager.default.removeItem(atPath: directory)
    }
}
