import Kubernetes
import XCTest

final class QuantityTests: XCTestCase {
    func q(_ s: String) throws -> Quantity { try Quantity(parsing: s) }

    func testValuesCompareExactlyAcrossForms() throws {
        XCTAssertEqual(try q("500m"), try q("0.5"))
        XCTAssertEqual(try q("1Gi"), try q("1024Mi"))
        XCTAssertEqual(try q("1k"), try q("1000"))
        XCTAssertEqual(try q("1e3"), try q("1k"))
        XCTAssertLessThan(try q("999m"), try q("1"))
        XCTAssertLessThan(try q("1G"), try q("1Gi"))
        XCTAssertEqual(Set([try q("1"), try q("1000m"), try q("1e0")]).count, 1, "hashing follows value equality")
    }

    func testArithmeticIsExactAndKeepsTheLeftFormat() throws {
        XCTAssertEqual((try q("100m") + q("250m")).description, "350m")
        XCTAssertEqual((try q("1Gi") + q("512Mi")).description, "1536Mi")
        XCTAssertEqual((try q("1Gi") - q("1Gi")).description, "0")
        XCTAssertEqual((try q("0.1") + q("0.2")).description, "300m", "no binary floating point drift")
        XCTAssertEqual((try q("256Mi") * 3).description, "768Mi")
        XCTAssertEqual((-(try q("1.5"))).description, "-1500m")
    }

    func testRoundingUpAsApimachineryDoes() throws {
        XCTAssertEqual(try q("1.0000000001").nanos, 1_000_000_001)
        XCTAssertEqual(try q("1500m").value, 2, "Value() rounds up")
        XCTAssertEqual(try q("1.0001").milliValue, 1001)
        XCTAssertEqual(try q("0.5").milliValue, 500)
        XCTAssertEqual(try q("-1.5").value, -1)
    }

    func testConstructorsAndCanonicalText() {
        XCTAssertEqual(Quantity(milli: 250).description, "250m")
        XCTAssertEqual(Quantity(milli: 2000).description, "2")
        XCTAssertEqual(Quantity(units: 402_653_184, format: .binarySI).description, "384Mi")
        XCTAssertEqual(Quantity(units: 1000, format: .binarySI).description, "1k", "below 1024 binary prints decimal")
        XCTAssertEqual(Quantity(units: 5, format: .decimalExponent).description, "5")
        XCTAssertEqual(Quantity(units: 5000, format: .decimalExponent).description, "5e3")
    }

    func testErrorsNameTheText() {
        XCTAssertThrowsError(try q("12 cores")) { error in
            XCTAssertEqual("\(error)", "invalid quantity \"12 cores\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
        }
        XCTAssertThrowsError(try q("1K")) { error in
            XCTAssertEqual((error as? QuantityError)?.reason, .suffix)
        }
    }
}
