import Foundation

/// Runs PyPI `drain3` (its default `TemplateMiner`) over corpora, each with a fresh miner, in one
/// Python process (so the import is paid once), and reads back its cluster id for every line.
/// Corpora are written to a temporary directory as they are queued, so the bench need not keep
/// them in memory; the directory goes when the bench ends.
struct Drain3Bench {
    private let dir: URL
    private var inputs: [URL] = []

    init() throws {
        dir = Self.directory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Drain3Bench.directory()) }
    }

    /// This process's scratch directory (a function: `atexit`'s handler cannot capture it).
    private static func directory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("logs-bench-\(getpid())")
    }

    /// Writes a corpus (lines ending in newlines) for the run.
    mutating func queue(_ bytes: [UInt8]) throws {
        let input = dir.appendingPathComponent("lines-\(inputs.count).log")
        // Straight from the array: `Data(bytes)` would copy the whole corpus first.
        guard let file = fopen(input.path, "w") else { throw Drain3Unavailable(status: -1, reason: "cannot write \(input.path)") }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard fclose(file) == 0, written == bytes.count else { throw Drain3Unavailable(status: -1, reason: "cannot write \(input.path)") }
        inputs.append(input)
    }

    /// Mines every queued corpus; nil with the reason when python3 or drain3 is missing or the
    /// script fails.
    func run() throws -> Result<[Drain3Run], Drain3Unavailable> {
        let script = dir.appendingPathComponent("drain3_bench.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let outputs = inputs.indices.map { dir.appendingPathComponent("ids-\($0).txt") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + zip(inputs, outputs).flatMap { [$0.path, $1.path] }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let rows = output.split(separator: "\n")
        guard process.terminationStatus == 0, rows.count == inputs.count else {
            return .failure(Drain3Unavailable(status: process.terminationStatus))
        }
        var runs: [Drain3Run] = []
        for (row, output) in zip(rows, outputs) {
            let fields = row.split(separator: " ")
            guard fields.count == 2, let seconds = Double(fields[0]), let clusters = Int(fields[1]) else {
                return .failure(Drain3Unavailable(status: process.terminationStatus, reason: "unexpected drain3 output line \"\(row)\""))
            }
            let ids = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map { Int($0) ?? -1 }
            runs.append(Drain3Run(seconds: seconds, clusters: clusters, ids: ids))
        }
        return .success(runs)
    }

    /// One line of output per corpus: the seconds of its loop (which reads each line and mines
    /// it, as Shipshape's timed loop splits and mines) and the number of clusters.
    private static let script = """
        import sys, time, logging
        logging.disable(logging.CRITICAL)
        from drain3 import TemplateMiner
        args = sys.argv[1:]
        for input_path, output_path in zip(args[0::2], args[1::2]):
            miner = TemplateMiner()
            ids = []
            start = time.perf_counter()
            with open(input_path, encoding="utf-8") as f:
                for line in f:
                    ids.append(miner.add_log_message(line.rstrip("\\n"))["cluster_id"])
            elapsed = time.perf_counter() - start
            with open(output_path, "w") as out:
                out.write("\\n".join(map(str, ids)))
            print(f"{elapsed} {len(miner.drain.clusters)}", flush=True)
        """
}

/// drain3's figures on one corpus.
struct Drain3Run {
    var seconds: Double
    var clusters: Int
    var ids: [Int]
}

/// Why drain3 gave no figures.
struct Drain3Unavailable: Error {
    var status: Int32
    var reason: String? = nil
    var description: String { reason ?? "python3 with drain3 failed, exit \(status); pip install drain3" }
}
