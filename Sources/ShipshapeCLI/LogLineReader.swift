import Foundation
import LogMining

/// Reads a log file (or stdin) in 1 MiB blocks and hands each line to a closure, so a log of
/// any size is mined in bounded memory; a line longer than a block grows the buffer up to
/// `maxLineBytes`. A line longer than that is handed on once, cut to its first `maxLineBytes`,
/// and the rest of it up to its newline is skipped: every input line is one call, so `-o jsonl`
/// numbers stay the input's line numbers.
struct LogLineReader {
    static let maxLineBytes = 16 << 20

    /// A file that cannot be read, with the reason in words (`no such file`).
    struct ReadError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }
    }

    let path: String

    /// `-` is stdin.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>) -> Void) throws {
        let fd = path == "-" ? 0 : open(path, O_RDONLY)
        guard fd >= 0 else { throw ReadError(path: path, reason: Self.reason(errno)) }
        defer { if fd != 0 { close(fd) } }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var filled = 0
        // Whether the bytes read are the rest of a line already handed on cut (dropped up to its newline).
        var skipping = false
        while true {
            if filled == buffer.count {
                if buffer.count >= Self.maxLineBytes {
                    if !skipping { buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<filled])) } }
                    skipping = true
                    filled = 0
                } else {
                    buffer.append(contentsOf: repeatElement(0, count: buffer.count))
                }
            }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: Self.reason(errno))
            }
            if count == 0 { break }
            filled += count
            // Mine the complete lines; keep the partial last one for the next block. The rest of a
            // cut line ends at the first newline.
            let consumed = buffer.withUnsafeBufferPointer { all -> Int in
                var start = 0
                if skipping {
                    guard let end = all[..<filled].firstIndex(of: 10) else { return filled }
                    skipping = false
                    start = end + 1
                }
                guard let lastNewline = all[start..<filled].lastIndex(of: 10) else { return start }
                LogLines.forEach(in: UnsafeBufferPointer(rebasing: all[start..<(lastNewline + 1)]), body)
                return lastNewline + 1
            }
            if consumed > 0 {
                buffer.withUnsafeMutableBufferPointer { all in
                    _ = memmove(all.baseAddress!, all.baseAddress! + consumed, filled - consumed)
                }
                filled -= consumed
            }
        }
        if filled > 0, !skipping { buffer.withUnsafeBufferPointer { LogLines.forEach(in: UnsafeBufferPointer(rebasing: $0[..<filled]), body) } }
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        case EISDIR: return "is a directory, not a log file"
        default: return String(cString: strerror(code))
        }
    }
}
