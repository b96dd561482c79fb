import Foundation
import YAML
#if canImport(Glibc)
import Glibc
#endif

/// Runs a credential plugin with a bounded wait. The plugin gets its own process group, so a
/// plugin that never returns (or leaves children holding its output open) is killed as a
/// whole after `timeout`; if Shipshape is interrupted or terminated meanwhile, the group is
/// killed before Shipshape exits, so no plugin outlives the command that started it.
enum PluginProcess {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    enum Failure: Error {
        case spawn(Int32)
        case timedOut
    }

    /// The group of the plugin running now (0: none), for the signal handler.
    nonisolated(unsafe) static var runningGroup: pid_t = 0
    private static let lock = NSLock()

    /// Runs `executable` with `arguments` and `environment`, stdin from /dev/null.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String], timeout: Double) throws -> Result {
        lock.lock()
        defer { lock.unlock() }
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { throw Failure.spawn(errno) }
        guard pipe(&errPipe) == 0 else { close(outPipe[0]); close(outPipe[1]); throw Failure.spawn(errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in [outPipe[0], outPipe[1], errPipe[0], errPipe[1]] where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }

        // Kill the plugin's group if Shipshape is interrupted or terminated while it runs.
        var previousINT = sigaction(), previousTERM = sigaction(), handler = sigaction()
        handler.__sigaction_handler.sa_handler = { signal in
            if PluginProcess.runningGroup > 0 { kill(-PluginProcess.runningGroup, SIGKILL) }
            Glibc.signal(signal, SIG_DFL)
            raise(signal)
        }
        sigaction(SIGINT, &handler, &previousINT)
        sigaction(SIGTERM, &handler, &previousTERM)
        defer {
            sigaction(SIGINT, &previousINT, nil)
            sigaction(SIGTERM, &previousTERM, nil)
        }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        defer { close(outPipe[0]); close(errPipe[0]) }
        guard spawned == 0 else { throw Failure.spawn(spawned) }
        runningGroup = pid
        defer { runningGroup = 0 }

        var out: [UInt8] = [], err: [UInt8] = []
        var open: [(fd: Int32, isOut: Bool)] = [(outPipe[0], true), (errPipe[0], false)]
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        var timedOut = false
        while !open.isEmpty {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { timedOut = true; break }
            var fds = open.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(clamping: left * 1000 + 1, to: 1...3_600_000))
            if ready < 0 { if errno == EINTR { continue } else { break } }
            var closed: Set<Int32> = []
            for f in fds where f.revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(f.fd, $0.baseAddress, $0.count) }
                if n <= 0 { closed.insert(f.fd); continue }
                let isOut = open.first { $0.fd == f.fd }!.isOut
                // A credential is a few KiB; a plugin printing without end is cut at 16 MiB.
                if (isOut ? out.count : err.count) < 16 << 20 {
                    if isOut { out += buffer[0..<n] } else { err += buffer[0..<n] }
                }
            }
            open.removeAll { closed.contains($0.fd) }
        }
        if timedOut { kill(-pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // Children the plugin left behind die with its group.
        kill(-pid, SIGKILL)
        if timedOut { throw Failure.timedOut }
        let exited = status & 0x7f == 0
        return Result(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), stdout: out, stderr: err)
    }
}
