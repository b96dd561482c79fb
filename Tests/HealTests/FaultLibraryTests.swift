import FaultLab
import Foundation
import Heal
import XCTest

/// The fault library (Faults/*.yaml), each fault played end to end on the Sandbox in simulated
/// time through the real reconciler and heal, with exact expected findings, actions and times.
final class FaultLibraryTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let faults = root + "/Tests/HealTests/Faults"

    func play(_ name: String) throws -> (FaultRun.Outcome, FaultRun) {
        let spec = try FaultSpec.load(Self.faults + "/\(name).yaml")
        let run = try FaultRun(spec, repositoryRoot: Self.root)
        addTeardownBlock { run.shutdown() }
        let outcome = try run.play()
        if ProcessInfo.processInfo.environment["HEAL_TRACE"] != nil {
            print(run.log.joined(separator: "\n"))
            for r in outcome.reports where !r.items.isEmpty || !r.resolved.isEmpty { print(r.table()) }
        }
        return (outcome, run)
    }

    /// Seconds after the simulation start.
    func t(_ x: Double?) -> Int? { x.map { Int($0 - FaultRun.start) } }

    func testTrace() throws {
        let name = ProcessInfo.processInfo.environment["HEAL_FAULT"] ?? ""
        try XCTSkipIf(name.isEmpty, "HEAL_FAULT=name plays one fault with its trace, by hand")
        let (o, _) = try play(name)
        print("detected \(t(o.detectedAt) ?? -1) since \(t(o.since) ?? -1) action \(o.firstAction ?? "-") resolved \(t(o.resolvedAt) ?? -1) escalated \(o.escalated) classes \(o.classesSeen) actions \(o.actions)")
    }
}
