@testable import Forecast
import XCTest

final class ScheduleProposalTests: XCTestCase {
    /// Office hours on weekdays need 5.6 replicas (so 6), the rest 1: one window per weekday,
    /// opened an hour before the ramp, shared by Monday to Friday.
    func testOfficeHoursBecomeOneWeekdayWindowOpenedAnHourEarly() {
        let need = (0..<168).map { i -> Double in
            let day = i / 24, hour = i % 24 // starts Monday 00:00
            return day < 5 && (9..<17).contains(hour) ? 5.6 : 1
        }
        let windows = ScheduleProposal.windows(need: need, startHour: SeededSeries.mondayHour, baseMinReplicas: 2, maxReplicas: 10)
        XCTAssertEqual(windows, [.init(cron: "0 8 * * 1-5", hours: 9, minReplicas: 6)])
        XCTAssertEqual(windows.first?.duration, "9h")
    }

    func testFloorsNeverExceedMaxReplicasAndNeverGoBelowTheBase() {
        let need: [Double] = [0, 0, 30, 30, 3.4, 0] + [Double](repeating: 0, count: 18)
        let windows = ScheduleProposal.windows(need: need, startHour: SeededSeries.mondayHour, baseMinReplicas: 2, maxReplicas: 8)
        XCTAssertEqual(windows, [.init(cron: "0 1 * * 1", hours: 3, minReplicas: 8), .init(cron: "0 4 * * 1", hours: 1, minReplicas: 3)])
    }

    func testWeekdayLists() {
        XCTAssertEqual(ScheduleProposal.days([0, 6]), "0,6")
        XCTAssertEqual(ScheduleProposal.days([1, 3, 4, 5]), "1,3-5")
        XCTAssertEqual(ScheduleProposal.days([0, 1, 2, 3, 4, 5, 6]), "*")
        XCTAssertEqual(ScheduleProposal.weekday(SeededSeries.mondayHour), 1)
        XCTAssertEqual(ScheduleProposal.weekday(0), 4)
    }
}
