import Foundation

/// Small formatting and resource helpers for the benchmark's report.
enum Measure {
    enum Who { case selfProcess, children }

    /// Peak resident set size in MB, of this process or of the child processes it waited for.
    static func peakResidentMB(_ who: Who) -> Int {
        var usage = rusage()
        getrusage(who == .selfProcess ? RUSAGE_SELF.rawValue : RUSAGE_CHILDREN.rawValue, &usage)
        return Int(usage.ru_maxrss) / 1024
    }

    static func ms(_ seconds: Double) -> String { String(format: "%8.1f ms", seconds * 1000) }
    static func rate(_ count: Double, _ seconds: Double) -> String { String(format: "%.0f", count / seconds) }
    static func ratio(_ a: Double, _ b: Double) -> String { String(format: "%.1fx", a / b) }
}

/// The git command-line tool, run to completion.
enum GitCLI {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    @discardableResult
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input {
            DispatchQueue.global().async {
                inp.fileHandleForWriting.write(Data(input.utf8))
                try? inp.fileHandleForWriting.close()
            }
        } else {
            try? inp.fileHandleForWriting.close()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "git \(arguments.prefix(3).joined(separator: " ")): \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
