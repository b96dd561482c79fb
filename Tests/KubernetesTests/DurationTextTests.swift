import Kubernetes
import XCTest

final class DurationTextTests: XCTestCase {
    func testTheFormsShipshapeFilesUse() {
        XCTAssertEqual(DurationText.seconds("90s"), 90)
        XCTAssertEqual(DurationText.seconds("5m"), 300)
        XCTAssertEqual(DurationText.seconds("1h30m"), 5_400)
        XCTAssertEqual(DurationText.seconds("1.5h"), 5_400)
        XCTAssertEqual(DurationText.seconds("14d"), 1_209_600)
        XCTAssertEqual(DurationText.seconds("45"), 45, "a bare number is seconds")
    }

    func testWhatIsNotADuration() {
        for text in ["", "m", "5x", "5m3", "1..5h", "-5m", "five minutes"] {
            XCTAssertNil(DurationText.seconds(text), text)
        }
    }
}
