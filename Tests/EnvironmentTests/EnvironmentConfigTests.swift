import Environment
import XCTest

/// `shipshape.yaml`'s durations: a value past a day, or too large for any integer, is an
/// error naming the setting, never a trap.
final class EnvironmentConfigTests: XCTestCase {
    private func config(healthTimeout: String) -> String {
        """
        apiVersion: shipshape.dev/v1
        kind: Environments
        environments:
          dev:
            chart: charts/chatbot
            namespace: chatbot-dev
            reconcile: {healthTimeout: "\(healthTimeout)"}
        """
    }

    func testHealthTimeoutIsReadInSeconds() throws {
        XCTAssertEqual(try EnvironmentConfig(yaml: config(healthTimeout: "1h30m"), file: "shipshape.yaml").environment("dev").healthTimeoutSeconds, 5_400)
    }

    func testAHugeOrEndlessHealthTimeoutIsAClearError() {
        for text in ["99999999999999999999s", "25h", "1e400s"] {
            XCTAssertThrowsError(try EnvironmentConfig(yaml: config(healthTimeout: text), file: "shipshape.yaml")) { error in
                XCTAssertEqual("\(error)", #"shipshape.yaml: environments.dev.reconcile.healthTimeout "\#(text)" is not a duration like 90s or 5m, at most 24h"#)
            }
        }
    }
}
