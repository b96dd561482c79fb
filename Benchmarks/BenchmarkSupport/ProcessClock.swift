#if canImport(Glibc)
import Glibc
#endif

/// The clock and memory figures the benchmarks print: a monotonic clock, peak RSS, and the
/// best wall time of a whole child process.
public enum ProcessClock {
    /// Seconds on the monotonic clock.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Seconds of CPU this thread has used: on shared cores, the figure other processes'
    /// load does not inflate (wall time still counts the waits for a core).
    public static func threadCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Seconds of CPU (user + system) this whole process has used, every thread included.
    public static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Resets this process's resident-set high-water mark (Linux's `VmHWM`, by writing 5 to
    /// /proc/self/clear_refs), so that `resident()` reports the peak of what runs after it
    /// alone: `ru_maxrss` cannot be reset, and a benchmark's input may have set it already.
    /// False when the kernel does not allow it.
    @discardableResult
    public static func resetResidentPeak() -> Bool {
        guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
        defer { fclose(file) }
        return fputs("5", file) >= 0 && fflush(file) == 0
    }

    /// This process's resident set now and its peak since the last `resetResidentPeak()` (or
    /// since it started), in MB, from /proc/self/status; nil where that file is missing.
    public static func resident() -> (current: Int, peak: Int)? {
        guard let file = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(file) }
        var current: Int?, peak: Int?
        var buffer = [CChar](repeating: 0, count: 256)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let kilobytes = Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.map(String.init) ?? "")
            if line.hasPrefix("VmRSS:") { current = kilobytes.map { $0 / 1024 } }
            if line.hasPrefix("VmHWM:") { peak = kilobytes.map { $0 / 1024 } }
        }
        guard let current, let peak else { return nil }
        return (current, peak)
    }

    /// Peak resident set size in MB of this process (`RUSAGE_SELF`) or its waited-for
    /// children (`RUSAGE_CHILDREN`).
    public static func peakRSS(_ who: Int32) -> Int {
        var usage = rusage()
        getrusage(who, &usage)
        return Int(usage.ru_maxrss) / 1024
    }

    /// The best wall time of `runs` runs of `binary arguments`, stdout to /dev/null. Uses
    /// posix_spawn and waitpid, so the figure is the process's own time, not Foundation's
    /// Process bookkeeping. Nil if the process cannot be started.
    public static func bestProcessTime(_ binary: String, _ arguments: [String], runs: Int) -> Double? {
        let argv: [UnsafeMutablePointer<CChar>?] = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var best: Double?
        for _ in 0..<runs {
            var pid: pid_t = 0
            let start = now()
            guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { return nil }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            best = min(best ?? .infinity, now() - start)
        }
        return best
    }
}
