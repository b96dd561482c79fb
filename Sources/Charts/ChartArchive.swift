import CZlib
import Foundation

/// Reads a packaged chart (`.tgz`, as `helm package` writes it): gzip through zlib, then
/// ustar/pax/GNU tar entries. The first path component is the chart's directory and is
/// stripped, as Helm's loader does.
public enum ChartArchive {
    /// How many bytes one chart load may unpack, across the chart and every archived
    /// sub-chart inside it: twenty 450 MB sub-charts are refused as one 9 GB one would be.
    public final class Budget: @unchecked Sendable {
        public static let limit = 512 << 20
        public private(set) var remaining: Int
        public init(bytes: Int = Budget.limit) { remaining = bytes }

        func spend(_ bytes: Int, name: String) throws {
            remaining -= bytes
            if remaining < 0 {
                throw ChartError(.load, "archive expands beyond 512 MB (the chart and its archived sub-charts together)", file: name)
            }
        }
    }

    /// The files of an archive, chart-relative, in archive order.
    public static func files(_ data: [UInt8], name: String, budget: Budget = Budget()) throws -> [ChartFile] {
        let tar = try gunzip(data, name: name, budget: budget)
        return try untar(tar, name: name)
    }

    /// Loads a chart from a `.tgz` on disk.
    public static func load(path: String) throws -> Chart {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ChartError(.load, "cannot read chart archive", file: path)
        }
        let budget = Budget()
        return try ChartLoader.loadFiles(try files(Array(data), name: path, budget: budget), displayPath: path, budget: budget)
    }

    static func gunzip(_ data: [UInt8], name: String, budget: Budget = Budget()) throws -> [UInt8] {
        guard data.count >= 2, data[0] == 0x1F, data[1] == 0x8B else {
            throw ChartError(.load, "file is not gzip-compressed", file: name, hint: "a chart archive is a .tgz made by helm package")
        }
        var stream = z_stream()
        guard shipshape_inflate_init_gzip(&stream) == Z_OK else { throw ChartError(.load, "cannot start gzip decoding", file: name) }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = data
        var status: Int32 = Z_OK
        try input.withUnsafeMutableBufferPointer { inputPointer in
            stream.next_in = inputPointer.baseAddress
            stream.avail_in = uInt(inputPointer.count)
            repeat {
                status = chunk.withUnsafeMutableBufferPointer { chunkPointer in
                    stream.next_out = chunkPointer.baseAddress
                    stream.avail_out = uInt(chunkPointer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                guard status == Z_OK || status == Z_STREAM_END else {
                    throw ChartError(.load, "corrupt gzip data (zlib status \(status))", file: name)
                }
                let produced = chunk.count - Int(stream.avail_out)
                try budget.spend(produced, name: name)
                out.append(contentsOf: chunk[0..<produced])
            } while status != Z_STREAM_END && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        guard status == Z_STREAM_END else { throw ChartError(.load, "truncated gzip data", file: name) }
        return out
    }

    static func untar(_ tar: [UInt8], name: String) throws -> [ChartFile] {
        var files: [ChartFile] = []
        var offset = 0
        var longName: String?
        var paxPath: String?
        func field(_ start: Int, _ length: Int) -> String {
            let bytes = tar[(offset + start)..<(offset + start + length)].prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
        while offset + 512 <= tar.count {
            if tar[offset..<(offset + 512)].allSatisfy({ $0 == 0 }) { break }
            var path = field(0, 100)
            let sizeText = field(124, 12).trimmingCharacters(in: .whitespaces)
            // A size of -1 (or one past the archive) is a corrupt header, never a range to slice.
            guard let size = Int(sizeText.isEmpty ? "0" : sizeText, radix: 8), size >= 0 else {
                throw ChartError(.load, "corrupt tar header at byte \(offset)", file: name)
            }
            let type = tar[offset + 156]
            if field(257, 6).hasPrefix("ustar") {
                let prefix = field(345, 155)
                if !prefix.isEmpty { path = prefix + "/" + path }
            }
            let bodyStart = offset + 512
            guard size <= tar.count - bodyStart else { throw ChartError(.load, "truncated tar entry \(path)", file: name) }
            let body = Array(tar[bodyStart..<(bodyStart + size)])
            offset = bodyStart + (size + 511) / 512 * 512
            switch type {
            case UInt8(ascii: "L"):
                longName = String(decoding: body.prefix { $0 != 0 }, as: UTF8.self)
                continue
            case UInt8(ascii: "x"):
                for record in String(decoding: body, as: UTF8.self).split(separator: "\n") {
                    if let eq = record.firstIndex(of: "="), record[..<eq].hasSuffix(" path") { paxPath = String(record[record.index(after: eq)...]) }
                }
                continue
            case UInt8(ascii: "g"):
                continue
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                break
            default:
                longName = nil
                paxPath = nil
                continue  // directories, links: Helm's loader skips them too
            }
            let full = paxPath ?? longName ?? path
            longName = nil
            paxPath = nil
            let parts = full.split(separator: "/", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let relative = String(parts[1])
            if relative.split(separator: "/").contains("..") {
                throw ChartError(.load, "chart illegally contains path \(full)", file: name)
            }
            var data = body
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
            files.append(ChartFile(name: relative, data: data))
        }
        return files
    }
}
