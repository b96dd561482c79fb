#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a buffer of log text into lines without copying: `\n` ends a line, a `\r` before it
/// is dropped, and a last line without a newline still counts. The newline is found with
/// `memchr` (many bytes a step), not a byte at a time.
public enum LogLines {
    /// `@inlinable`: callers in other modules get the loop and their closure inlined together,
    /// not a call through a closure context for every line.
    @inlinable
    public static func forEach(in buffer: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard let base = buffer.baseAddress else { return }
        var start = 0
        let n = buffer.count
        while start < n {
            guard let found = memchr(base + start, 10, n - start) else { break }
            let i = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            var end = i
            if end > start, buffer[end - 1] == 13 { end -= 1 }
            try body(UnsafeBufferPointer(start: base + start, count: end - start))
            start = i + 1
        }
        if start < n { try body(UnsafeBufferPointer(start: base + start, count: n - start)) }
    }
}
