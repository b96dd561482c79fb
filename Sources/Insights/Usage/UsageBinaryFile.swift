import Foundation

/// A compact binary samples file for long histories (a fortnight of per-minute samples of a
/// thousand containers is 20 million samples: 320 MB here against about 1.3 GB of CSV).
///
/// Little-endian throughout:
/// - `SSU1`, then UInt32 container count;
/// - per container: UInt16 name length, the UTF-8 name (`namespace/workload/container`), then
///   Float64 cpu request (cores), Float64 memory request (bytes), Float64 memory limit (bytes),
///   each 0 when unknown;
/// - then 16-byte records to the end: UInt32 container index (bit 31 set = OOM-killed just
///   before this sample), UInt32 time (Unix seconds), Float32 cpu (cores), Float32 memory (bytes).
///
/// Records must be in time order; the reader streams them in 4 MiB chunks.
public enum UsageBinaryFile {
    public static let magic: [UInt8] = Array("SSU1".utf8)
    public static let recordSize = 16
    static let oomFlag: UInt32 = 1 << 31

    /// One container's header entry.
    public struct Container: Sendable {
        public var name: String
        public var cpuRequestCores: Double
        public var memoryRequestBytes: Double
        public var memoryLimitBytes: Double
        public init(name: String, cpuRequestCores: Double = 0, memoryRequestBytes: Double = 0, memoryLimitBytes: Double = 0) {
            self.name = name
            self.cpuRequestCores = cpuRequestCores
            self.memoryRequestBytes = memoryRequestBytes
            self.memoryLimitBytes = memoryLimitBytes
        }
    }

    /// The header bytes for `containers`.
    public static func header(_ containers: [Container]) -> [UInt8] {
        var out = magic
        append(UInt32(containers.count), to: &out)
        for c in containers {
            let name = Array(c.name.utf8)
            append(UInt16(name.count), to: &out)
            out += name
            for d in [c.cpuRequestCores, c.memoryRequestBytes, c.memoryLimitBytes] { append(d.bitPattern, to: &out) }
        }
        return out
    }

    /// Appends one record.
    public static func appendRecord(container: Int, time: UInt32, cpuCores: Float, memoryBytes: Float, oomKilled: Bool = false,
                                    to out: inout [UInt8]) {
        append(UInt32(container) | (oomKilled ? oomFlag : 0), to: &out)
        append(time, to: &out)
        append(cpuCores.bitPattern, to: &out)
        append(memoryBytes.bitPattern, to: &out)
    }

    static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }

    /// Streams the file into `history`. Returns the number of samples read.
    @discardableResult
    public static func read(path: String, into history: inout UsageHistory) throws -> Int {
        guard let file = fopen(path, "rb") else { throw UsageError("\(path): cannot open the samples file") }
        defer { fclose(file) }
        var reader = ChunkReader(file: file, path: path)
        guard try reader.bytes(4) == magic else { throw UsageError("\(path): not an SSU1 samples file") }
        let count = Int(try reader.integer(UInt32.self))
        var containers: [Container] = []
        // The count is the file's claim: reserve no more than a sane number before reading them.
        containers.reserveCapacity(min(count, 4096))
        for _ in 0..<count {
            let length = Int(try reader.integer(UInt16.self))
            let name = String(decoding: try reader.bytes(length), as: UTF8.self)
            let values = try (0..<3).map { _ in Double(bitPattern: try reader.integer(UInt64.self)) }
            try SampleBounds.check(time: 0, cpuCores: nil, memoryBytes: nil, cpuRequestCores: values[0], memoryRequestBytes: values[1],
                                   memoryLimitBytes: values[2], at: "\(path): container \(name)")
            containers.append(Container(name: name, cpuRequestCores: values[0], memoryRequestBytes: values[1], memoryLimitBytes: values[2]))
        }
        var usages = containers.map { name in history.containers[name.name] ?? ContainerUsage() }
        let requests = containers.map { c in (cpu: c.cpuRequestCores > 0 ? c.cpuRequestCores : nil,
                                              memory: c.memoryRequestBytes > 0 ? c.memoryRequestBytes : nil,
                                              limit: c.memoryLimitBytes > 0 ? c.memoryLimitBytes : nil) }
        var samples = 0
        try usages.withUnsafeMutableBufferPointer { usage in
            try reader.records(size: recordSize) { record in
                let word = record.loadUnaligned(fromByteOffset: 0, as: UInt32.self).littleEndian
                let index = Int(word & ~oomFlag)
                guard index < usage.count else { throw UsageError("\(path): sample \(samples) names container \(index) of \(usage.count)") }
                let time = Double(record.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian)
                let cpu = Float(bitPattern: record.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian)
                let memory = Float(bitPattern: record.loadUnaligned(fromByteOffset: 12, as: UInt32.self).littleEndian)
                let r = requests[index]
                try SampleBounds.check(time: time, cpuCores: Double(cpu), memoryBytes: Double(memory), at: "\(path): sample \(samples)")
                usage[index].add(time: time, cpuCores: Double(cpu), memoryBytes: Double(memory), cpuRequestCores: r.cpu,
                                 memoryRequestBytes: r.memory, memoryLimitBytes: r.limit, oomKilled: word & oomFlag != 0)
                samples += 1
            }
        }
        for (c, usage) in zip(containers, usages) { history.containers[c.name] = usage }
        return samples
    }

    /// Buffered reading of a C file.
    struct ChunkReader {
        let file: UnsafeMutablePointer<FILE>
        let path: String
        var buffer = [UInt8](repeating: 0, count: 4 << 20)
        var start = 0
        var end = 0

        init(file: UnsafeMutablePointer<FILE>, path: String) {
            self.file = file
            self.path = path
        }

        /// Makes at least `n` bytes available; false at the end of the file.
        mutating func fill(_ n: Int) -> Bool {
            if end - start >= n { return true }
            if start > 0 {
                buffer.withUnsafeMutableBytes { b in
                    if end > start { memmove(b.baseAddress!, b.baseAddress! + start, end - start) }
                }
                end -= start
                start = 0
            }
            while end - start < n {
                let got = buffer.withUnsafeMutableBytes { b in fread(b.baseAddress! + end, 1, b.count - end, file) }
                if got == 0 { return false }
                end += got
            }
            return true
        }

        mutating func bytes(_ n: Int) throws -> [UInt8] {
            guard fill(n) else { throw UsageError("\(path): the file ends inside its header") }
            defer { start += n }
            return Array(buffer[start..<start + n])
        }

        mutating func integer<T: FixedWidthInteger>(_: T.Type) throws -> T {
            let raw = try bytes(MemoryLayout<T>.size)
            return raw.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(as: T.self)) }
        }

        /// Calls `body` with each fixed-size record until the end of the file.
        mutating func records(size: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
            while fill(size) {
                let available = (end - start) / size * size
                try buffer.withUnsafeBytes { b in
                    var offset = start
                    while offset < start + available {
                        try body(UnsafeRawBufferPointer(rebasing: b[offset..<offset + size]))
                        offset += size
                    }
                }
                start += available
            }
            if end - start != 0 { throw UsageError("\(path): the file ends inside a record (\(end - start) of \(size) bytes)") }
        }
    }
}
