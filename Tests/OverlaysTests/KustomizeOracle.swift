import Foundation
import Overlays
import TestSupport
import XCTest

/// Runs the real `kubectl kustomize` and Shipshape's overlay build on the same directory, so
/// tests can demand byte-identical output (or that both fail).
enum KustomizeOracle {
    struct Outcome {
        var kubectl: Subprocess.Result
        var ours: Result<String, Error>
    }

    /// Writes `files` (relative path → content) into a fresh temporary directory.
    static func write(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("overlays-\(UUID().uuidString)")
        for (path, content) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        return dir
    }

    static func run(_ dir: URL) throws -> Outcome {
        let kubectl = try XCTUnwrap(Subprocess.find("kubectl"), "kubectl (with kustomize built in) is the reference for these tests")
        let reference = try Subprocess.run(kubectl, ["kustomize", dir.path])
        let ours = Result { try OverlayBuild.render(directory: dir.path) }
        return Outcome(kubectl: reference, ours: ours)
    }

    /// Asserts that both succeed with the same bytes, or both fail (whichever kubectl does).
    static func assertAgree(_ files: [String: String], _ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        let dir = try write(files)
        let outcome = try run(dir)
        try? FileManager.default.removeItem(at: dir)
        if outcome.kubectl.status == 0 {
            assertSame(outcome, files, name, file: file, line: line)
            return true
        }
        if case .success(let text) = outcome.ours {
            XCTFail("\(name): we succeeded where kubectl failed (\(outcome.kubectl.stderr)):\n\(text)\nkustomization:\n\(files["kustomization.yaml"] ?? "")", file: file, line: line)
        }
        return false
    }

    /// Asserts that kubectl kustomize and OverlayBuild print the same bytes for `files`.
    static func assertSame(_ files: [String: String], _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = try write(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        assertSame(try run(dir), files, name, file: file, line: line)
    }

    /// Asserts that an `outcome` already computed for `files` is kubectl succeeding and
    /// OverlayBuild printing the same bytes.
    static func assertSame(_ outcome: Outcome, _ files: [String: String], _ name: String, file: StaticString, line: UInt) {
        XCTAssertEqual(outcome.kubectl.status, 0, "\(name): kubectl failed: \(outcome.kubectl.stderr)", file: file, line: line)
        switch outcome.ours {
        case .success(let text):
            if text != outcome.kubectl.stdout {
                // Both outputs stay behind for `diff` when a comparison fails.
                let keep = FileManager.default.temporaryDirectory.appendingPathComponent("overlays-diff")
                try? FileManager.default.createDirectory(at: keep, withIntermediateDirectories: true)
                let base = name.filter { $0.isLetter || $0.isNumber }
                try? Data(outcome.kubectl.stdout.utf8).write(to: keep.appendingPathComponent(base + ".kubectl.yaml"))
                try? Data(text.utf8).write(to: keep.appendingPathComponent(base + ".ours.yaml"))
                let inputs = files.filter { $0.key != "app.yaml" }.sorted { $0.key < $1.key }.map { "# \($0.key)\n\($0.value)" }.joined(separator: "\n")
                try? Data(inputs.utf8).write(to: keep.appendingPathComponent(base + ".input.txt"))
                XCTFail("\(name): output differs from kubectl kustomize\n--- kubectl\n\(outcome.kubectl.stdout)\n--- ours\n\(text)\n--- diff\n\(diff(outcome.kubectl.stdout, text))", file: file, line: line)
            }
        case .failure(let error):
            XCTFail("\(name): we failed where kubectl succeeded: \(error)", file: file, line: line)
        }
    }

    /// Asserts that both fail; returns our error message so the caller can check it names the place.
    @discardableResult
    static func assertBothFail(_ files: [String: String], _ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let dir = try write(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try run(dir)
        XCTAssertNotEqual(outcome.kubectl.status, 0, "\(name): kubectl succeeded:\n\(outcome.kubectl.stdout)", file: file, line: line)
        switch outcome.ours {
        case .success(let text):
            XCTFail("\(name): we succeeded where kubectl failed (\(outcome.kubectl.stderr)):\n\(text)", file: file, line: line)
            return ""
        case .failure(let error):
            return String(describing: error).replacingOccurrences(of: dir.path + "/", with: "")
        }
    }

    private static func diff(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) where i >= x.count || i >= y.count || x[i] != y[i] {
            return "first difference at line \(i + 1): kubectl \(i < x.count ? String(x[i]) : "<end>") | ours \(i < y.count ? String(y[i]) : "<end>")"
        }
        return "(none)"
    }
}
