import Foundation

/// Runs PyPI `drain3` (its default `TemplateMiner`) over corpora, each with a fresh miner, in one
/// Python process (so the import is paid once), and reads back its cluster id for every line.
/// Returns nil with the reason when python3 or drain3 is missing or the script fails.
struct Drain3Run {
    var seconds: Double
    var clusters: Int
    var ids: [Int]

    static func run(_ corpora: [[UInt8]]) throws -> Result<[Drain3Run], Drain3Unavailable> {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logs-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("drain3_bench.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        var arguments = [script.path]
        for (n, bytes) in corpora.enumerated() {
            let input = dir.appendingPathComponent("lines-\(n).log")
            try Data(bytes).write(to: input)
            arguments += [input.path, dir.appendingPathComponent("ids-\(n).txt").path]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let rows = output.split(separator: "\n")
        guard process.terminationStatus == 0, rows.count == corpora.count else {
            return .failure(Drain3Unavailable(status: process.terminationStatus))
        }
        return .success(try rows.enumerated().map { n, row in
            let fields = row.split(separator: " ")
            let ids = try String(contentsOf: dir.appendingPathComponent("ids-\(n).txt"), encoding: .utf8)
                .split(separator: "\n").map { Int($0) ?? -1 }
            return Drain3Run(seconds: Double(fields[0]) ?? .nan, clusters: Int(fields[1]) ?? -1, ids: ids)
        })
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

/// Why drain3 gave no figures.
struct Drain3Unavailable: Error {
    var status: Int32
    var description: String { "python3 with drain3 failed, exit \(status); pip install drain3" }
}
