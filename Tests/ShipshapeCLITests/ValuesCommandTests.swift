import TestSupport
import Foundation
import XCTest

/// `shipshape values` as engineers and scripts use it: the real binary on real files.
final class ValuesCommandTests: XCTestCase {
    var dir: URL!
    var file: URL!
    let values = """
        # Values for the chatbot.
        backend:
          replicaCount: 2        # two for HA
          image:
            tag: "1.4.0"
          resources:
            limits:
              cpu: 1000m         # raised after the March load test
              memory: 1Gi

        frontend:
          replicaCount: 2

        """

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("values-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        file = dir.appendingPathComponent("values.yaml")
        try values.write(to: file, atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func contents() throws -> String { try String(contentsOf: file, encoding: .utf8) }

    func testSetOnACommentedFileChangesExactlyOneLine() throws {
        let result = try ShipshapeBinary.run(["values", "set", file.path, "backend.resources.limits.cpu", "750m", "--type", "quantity"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let before = values.split(separator: "\n", omittingEmptySubsequences: false)
        let after = try contents().split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(before.count, after.count)
        let changed = zip(before, after).filter { $0 != $1 }
        XCTAssertEqual(changed.count, 1)
        XCTAssertEqual(changed.first?.1, "      cpu: 750m         # raised after the March load test")
    }

    func testGetPrintsScalarsAndCollections() throws {
        XCTAssertEqual(try ShipshapeBinary.run(["values", "get", file.path, "backend.image.tag"]).stdout, "1.4.0\n")
        XCTAssertEqual(try ShipshapeBinary.run(["values", "get", file.path, "backend.resources.limits"]).stdout,
                       "cpu: 1000m         # raised after the March load test\nmemory: 1Gi\n")
    }

    func testATypeMismatchNamesThePlaceAndLeavesTheFileUntouched() throws {
        let result = try ShipshapeBinary.run(["values", "set", file.path, "backend.replicaCount", "three"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(file.path):3:17: backend.replicaCount is an int (2)"), result.stderr)
        XCTAssertEqual(try contents(), values)
    }

    func testABadQuantityIsAUsageError() throws {
        let result = try ShipshapeBinary.run(["values", "set", file.path, "backend.resources.limits.cpu", "lots", "--type", "quantity"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("invalid quantity \"lots\""), result.stderr)
        XCTAssertEqual(try contents(), values)
    }

    func testBadPathsAndFilesAreClearErrors() throws {
        let badPath = try ShipshapeBinary.run(["values", "set", file.path, "backend.image[0]", "x"])
        XCTAssertEqual(badPath.status, 1)
        XCTAssertTrue(badPath.stderr.contains(":5:5: backend.image is a map, not a list"), badPath.stderr)
        let missing = try ShipshapeBinary.run(["values", "get", dir.appendingPathComponent("nope.yaml").path, "a"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("nope.yaml: cannot read the file"), missing.stderr)
        try "a: [1\n".write(to: file, atomically: true, encoding: .utf8)
        let broken = try ShipshapeBinary.run(["values", "set", file.path, "a", "2"])
        XCTAssertTrue(broken.stderr.contains("values.yaml:2:1:"), broken.stderr)
        XCTAssertEqual(try contents(), "a: [1\n")
    }

    func testNewKeysAreInsertedAndDryRunPrintsADiffWithoutWriting() throws {
        let dry = try ShipshapeBinary.run(["values", "set", "values.yaml", "frontend.hpa.maxReplicas", "8", "--dry-run"], in: dir)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertEqual(dry.stdout, """
            --- a/values.yaml
            +++ b/values.yaml
            @@ -10,3 +10,5 @@
             
             frontend:
               replicaCount: 2
            +  hpa:
            +    maxReplicas: 8

            """)
        XCTAssertEqual(try contents(), values)
    }

    func testWritesKeepPermissionsAndLeaveNoTemporaryFiles() throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        XCTAssertEqual(try ShipshapeBinary.run(["values", "set", file.path, "frontend.replicaCount", "3"]).status, 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o640)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["values.yaml"])
    }

    func testVersionAndHelp() throws {
        XCTAssertEqual(try ShipshapeBinary.run(["--version"]).stdout, "0.1.0\n")
        XCTAssertTrue(try ShipshapeBinary.run(["values", "set", "--help"]).stdout.contains("--type <type>"))
    }
}
