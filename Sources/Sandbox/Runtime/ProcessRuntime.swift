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
        let scriptPath = launch.root + ".sh"
        try FileManager.default.createDirectory(atPath: launch.root, withIntermediateDirectories: true)
        try Data(launch.script.utf8).write(to: URL(fileURLWithPath: scriptPath))
        let container = try ExecutedContainer(launch: launch, scriptPath: scriptPath, clock: clock)
        lock.withLock {
            running.removeAll { $0.exit != nil }
            running.append(container)
        }
        return container
    }

    /// How many containers are running now.
    public var runningCount: Int { lock.withLock { running.filter { $0.exit == nil }.count } }

    /// Removes a deleted pod's folder (its containers were stopped first).
    func removePod(_ uid: String) {
        let path = directory + "/pods/" + uid
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
            // The container's mount namespace goes with its last process; its root folder is
            // an empty mount point on the host by then.
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Stops every container still running and removes the runtime's folder.
    public func shutdown() {
        let all = lock.withLock { running }
        for c in all { c.stop(grace: 2) }
        for c in all { c.waitUntilExit() }
        try? FileManager.default.removeItem(atPath: directory)
    }
}
