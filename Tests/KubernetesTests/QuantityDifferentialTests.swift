import Kubernetes
import TestSupport
import XCTest

/// Quantity against apimachinery inside kubectl, on the same inputs.
final class QuantityDifferentialTests: XCTestCase {
    override func setUpWithError() throws {
        guard KubectlQuantityOracle.kubectl != nil else { return XCTFail("kubectl is not on PATH (scripts/install-deps.sh installs it)") }
    }

    static let handPicked = [
        "0", "1", "1000m", "0.5", ".5", "5.", "1.", "+1", "-1", "-0", "01", "007m", "0.1", "0.100", "1.0001",
        "100m", "1500m", "1500", "1000", "1k", "12e2", "1e3", "1E3", "1e-3", "1E-9", "1e0", "1e+3", "2E", "1E", "10E",
        "1024Mi", "1536Mi", "1.5Gi", "0.5Gi", "0.5Ki", "1Ki", "8Ki", "1023Ki", "1024Ki", "100Mi", "0Mi", "Mi", "1Ei",
        "0.0000000001", "0.000000001m", "1n", "1u", "1000n", "1000000u", "123456789012345678901", "9223372036854775807",
        "9223372036854775808", "0.333333333333", "1.23456789k", "7.5Mi", "3.3Gi", "64Mi", "250m", "256Mi", "512Mi",
        "1Gi", "2Gi", "0.25", "2.5", "1.000", "1.50", "100", "1M", "1G", "1T", "1P", "1.5M", "4096", "1e9", "1e18", "71000E", "29740Pi", "81823Ei", "1000E", "1e21",
        "12345678", "0.000001", "0.0000001", "-1.5", "-500m", "-1Gi", "-1024", "1m", "999m", "1001m",
    ]

    func testCanonicalFormsMatchKubectl() throws {
        var generator = SeededGenerator(seed: 7)
        var cases = Self.handPicked
        let suffixes = ["", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "e3", "e-2", "E6", "e0"]
        for _ in 0..<400 {
            let whole = Int(generator.next() % 4) == 0 ? "0" : String(generator.next() % 100_000)
            let fraction = generator.next() % 3 == 0 ? "." + String(generator.next() % 10_000) : ""
            let suffix = suffixes[Int(generator.next() % UInt64(suffixes.count))]
            cases.append(whole + fraction + suffix)
        }
        let expected = try KubectlQuantityOracle.canonicalize(cases)
        var mismatches: [String] = []
        for (input, want) in zip(cases, expected) {
            let got = (try? Quantity(parsing: input).description) ?? "<error>"
            if got != want { mismatches.append("\(input): kubectl \(want), Quantity \(got)") }
        }
        XCTAssertTrue(mismatches.isEmpty, "\(mismatches.count) of \(cases.count) differ:\n" + mismatches.prefix(30).joined(separator: "\n"))
    }

    func testInvalidQuantitiesAreRejectedByBoth() throws {
        for input in ["1e", "1.5.5", "1K", "1Kib", "abc", "Mi1", "1 Gi", "", "1ee3", "--1", "1e3.5", "0x10"] {
            let kubectl = try KubectlQuantityOracle.error(for: input)
            XCTAssertNotNil(kubectl, "kubectl accepted \(input)")
            XCTAssertThrowsError(try Quantity(parsing: input), "Quantity accepted \"\(input)\"") { error in
                guard let kubectl, let error = error as? QuantityError else { return }
                XCTAssertTrue(kubectl.contains(error.reason.rawValue), "\(input): kubectl said \(kubectl), we said \(error)")
            }
        }
    }
}
