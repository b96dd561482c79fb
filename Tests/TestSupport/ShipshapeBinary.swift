import Foundation

/// Runs the real `shipshape` binary that `swift build` put next to the test bundle.
public enum ShipshapeBinary {
    public static var path: String {
        if let override = ProcessInfo.processInfo.environment["SHIPSHAPE_BIN"] { return override }
        // The test bundle lives in the build products directory, beside the executables.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("shipshape").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return ".build/debug/shipshape"
    }

    @discardableResult
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> Subprocess.Result {
        try Subprocess.run(path, arguments, in: directory, environment: environment)
    }
}
