import Logs
import XCTest

final class LogClassifierTests: XCTestCase {
}
