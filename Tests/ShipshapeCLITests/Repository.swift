import Foundation

/// Paths into this repository, for tests that run the binary on its chart, overlays and
/// policies, and a scratch folder per test.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var chart: String { root.appendingPathComponent("charts/chatbot").path }
    static var policies: String { root.appendingPathComponent("policies").path }
    static func overlay(_ environment: String) -> URL { root.appendingPathComponent("overlays/\(environment)") }

    /// A fresh empty folder under the temporary directory; the caller removes it.
    static func scratch(_ prefix: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
