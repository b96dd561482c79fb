import Foundation

/// One container running as a real process: its output becomes the container's log (each
/// line stamped with the simulated time it arrived, so `kubectl logs --timestamps` and
/// `sinceTime` work), and its exit becomes the container's termination state.
final class ExecutedContainer: @unchecked Sendable {
    struct Exit: Equatable, Sendable {
        /// The exit status, or 128 + signal for a process killed by a signal.
        var code: Int
        var signal: Int32?
    }

    /// The kubelet keeps at most this much log per container (its containerLogMaxSize default).
    static let logLimitBytes = 10 << 20

    private let process: Process
    private let lock = NSLock()
    private var lines: [(time: Double, text: String)] = []
    private var logBytes = 0
    private var exitState: Exit?
    /// When the process ended (monotonic seconds), and whether its output has been read to the end.
    private var exitedAt: Double?
    private var outputClosed = false
    /// How long an exit waits for the output to drain (a child that outlived the container could
    /// hold the pipe open for ever).
    static let drainSeconds = 2.0

    /// Starts `/usr/bin/unshare` with the launch's arguments; output is read on a thread of its own.
    init(launch: ContainerLaunch, scriptPath: String, clock: @escaping @Sendable () -> Double) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = launch.unshareArguments(scriptPath: scriptPath)
        process.environment = launch.processEnvironment
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        self.process = process
        process.terminationHandler = { [weak self] p in
            let signaled = p.terminationReason == .uncaughtSignal
            let exit = Exit(code: signaled ? 128 + Int(p.terminationStatus) : Int(p.terminationStatus),
                            signal: signaled ? p.terminationStatus : nil)
            self?.lock.withLock {
                self?.exitState = exit
                self?.exitedAt = ProcessInfo.processInfo.systemUptime
            }
        }
        try process.run()
        let reader = Thread { [weak self] in
            let handle = output.fileHandleForReading
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    self?.append(line, at: clock())
                }
            }
            if !pending.isEmpty { self?.append(String(decoding: pending, as: UTF8.self), at: clock()) }
            self?.lock.withLock { self?.outputClosed = true }
        }
        reader.name = "sandbox-container-log"
        reader.start()
    }

    private func append(_ line: String, at time: Double) {
        lock.withLock {
            lines.append((time, line))
            logBytes += line.utf8.count + 1
            var drop = 0
            while logBytes > Self.logLimitBytes, drop < lines.count {
                logBytes -= lines[drop].text.utf8.count + 1
                drop += 1
            }
            if drop > 0 { lines.removeFirst(drop) }
        }
    }

    /// The exit, once the process has ended and its output has been read (so the log is
    /// complete when the container shows as terminated).
    var exit: Exit? {
        lock.withLock {
            guard let exitState, let exitedAt else { return nil }
            return outputClosed || ProcessInfo.processInfo.systemUptime - exitedAt > Self.drainSeconds ? exitState : nil
        }
    }

    /// Whether the process is still running (its output may still be draining after it ends).
    var isRunning: Bool { lock.withLock { exitState == nil } }

    /// The log lines so far, oldest first.
    var log: [(time: Double, text: String)] { lock.withLock { lines } }

    /// SIGTERM now, SIGKILL after `grace` wall seconds if it is still running, as the kubelet
    /// stops a container.
    func stop(grace: Double) {
        let pid = process.processIdentifier
        // Signals go only to a process not yet reaped, so a reused pid is never hit.
        lock.withLock { if exitState == nil { kill(pid, SIGTERM) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + max(0, grace)) { [self] in
            lock.withLock { if exitState == nil { kill(pid, SIGKILL) } }
        }
    }

    /// Waits (at most `seconds`) until the process has ended.
    func waitForExit(seconds: Double) {
        let deadline = ProcessInfo.processInfo.systemUptime + seconds
        while isRunning && ProcessInfo.processInfo.systemUptime < deadline { usleep(20_000) }
    }
}
