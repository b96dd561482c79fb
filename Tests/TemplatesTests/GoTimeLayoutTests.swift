import Foundation
import XCTest
@testable import Templates

/// Go's time package as the reference: every expected line below was printed by Go 1.27's
/// `time.Format`, `time.ParseInLocation` and `time.ParseDuration` for the same inputs.
final class GoTimeLayoutTests: XCTestCase {
    static let layout = "2006-01-02 15:04:05 MST -0700 Z07:00 -07 Mon Monday Jan January _2 __2 002 3:04:05PM pm .000 .999999999 ,000 06 1/2"

    static let goOutput = """
UTC|1700000000|2023-11-14 22:13:20 UTC +0000 Z +00 Tue Tuesday Nov November 14 318 318 10:13:20PM pm .123 .1234567 ,123 23 11/14
UTC|1690000000|2023-07-22 04:26:40 UTC +0000 Z +00 Sat Saturday Jul July 22 203 203 4:26:40AM am .123 .1234567 ,123 23 7/22
UTC|2215000000|2040-03-10 13:46:40 UTC +0000 Z +00 Sat Saturday Mar March 10  70 070 1:46:40PM pm .123 .1234567 ,123 40 3/10
UTC|2230000000|2040-08-31 04:26:40 UTC +0000 Z +00 Fri Friday Aug August 31 244 244 4:26:40AM am .123 .1234567 ,123 40 8/31
UTC|0|1970-01-01 00:00:00 UTC +0000 Z +00 Thu Thursday Jan January  1   1 001 12:00:00AM am .123 .1234567 ,123 70 1/1
UTC|-1000000000|1938-04-24 22:13:20 UTC +0000 Z +00 Sun Sunday Apr April 24 114 114 10:13:20PM pm .123 .1234567 ,123 38 4/24
Europe/Berlin|1700000000|2023-11-14 23:13:20 CET +0100 +01:00 +01 Tue Tuesday Nov November 14 318 318 11:13:20PM pm .123 .1234567 ,123 23 11/14
Europe/Berlin|1690000000|2023-07-22 06:26:40 CEST +0200 +02:00 +02 Sat Saturday Jul July 22 203 203 6:26:40AM am .123 .1234567 ,123 23 7/22
Europe/Berlin|2215000000|2040-03-10 14:46:40 CET +0100 +01:00 +01 Sat Saturday Mar March 10  70 070 2:46:40PM pm .123 .1234567 ,123 40 3/10
Europe/Berlin|2230000000|2040-08-31 06:26:40 CEST +0200 +02:00 +02 Fri Friday Aug August 31 244 244 6:26:40AM am .123 .1234567 ,123 40 8/31
Europe/Berlin|0|1970-01-01 01:00:00 CET +0100 +01:00 +01 Thu Thursday Jan January  1   1 001 1:00:00AM am .123 .1234567 ,123 70 1/1
Europe/Berlin|-1000000000|1938-04-24 23:13:20 CET +0100 +01:00 +01 Sun Sunday Apr April 24 114 114 11:13:20PM pm .123 .1234567 ,123 38 4/24
America/New_York|1700000000|2023-11-14 17:13:20 EST -0500 -05:00 -05 Tue Tuesday Nov November 14 318 318 5:13:20PM pm .123 .1234567 ,123 23 11/14
America/New_York|1690000000|2023-07-22 00:26:40 EDT -0400 -04:00 -04 Sat Saturday Jul July 22 203 203 12:26:40AM am .123 .1234567 ,123 23 7/22
America/New_York|2215000000|2040-03-10 08:46:40 EST -0500 -05:00 -05 Sat Saturday Mar March 10  70 070 8:46:40AM am .123 .1234567 ,123 40 3/10
America/New_York|2230000000|2040-08-31 00:26:40 EDT -0400 -04:00 -04 Fri Friday Aug August 31 244 244 12:26:40AM am .123 .1234567 ,123 40 8/31
America/New_York|0|1969-12-31 19:00:00 EST -0500 -05:00 -05 Wed Wednesday Dec December 31 365 365 7:00:00PM pm .123 .1234567 ,123 69 12/31
America/New_York|-1000000000|1938-04-24 18:13:20 EDT -0400 -04:00 -04 Sun Sunday Apr April 24 114 114 6:13:20PM pm .123 .1234567 ,123 38 4/24
Asia/Kolkata|1700000000|2023-11-15 03:43:20 IST +0530 +05:30 +05 Wed Wednesday Nov November 15 319 319 3:43:20AM am .123 .1234567 ,123 23 11/15
Asia/Kolkata|1690000000|2023-07-22 09:56:40 IST +0530 +05:30 +05 Sat Saturday Jul July 22 203 203 9:56:40AM am .123 .1234567 ,123 23 7/22
Asia/Kolkata|2215000000|2040-03-10 19:16:40 IST +0530 +05:30 +05 Sat Saturday Mar March 10  70 070 7:16:40PM pm .123 .1234567 ,123 40 3/10
Asia/Kolkata|2230000000|2040-08-31 09:56:40 IST +0530 +05:30 +05 Fri Friday Aug August 31 244 244 9:56:40AM am .123 .1234567 ,123 40 8/31
Asia/Kolkata|0|1970-01-01 05:30:00 IST +0530 +05:30 +05 Thu Thursday Jan January  1   1 001 5:30:00AM am .123 .1234567 ,123 70 1/1
Asia/Kolkata|-1000000000|1938-04-25 03:43:20 IST +0530 +05:30 +05 Mon Monday Apr April 25 115 115 3:43:20AM am .123 .1234567 ,123 38 4/25
Australia/Sydney|1700000000|2023-11-15 09:13:20 AEDT +1100 +11:00 +11 Wed Wednesday Nov November 15 319 319 9:13:20AM am .123 .1234567 ,123 23 11/15
Australia/Sydney|1690000000|2023-07-22 14:26:40 AEST +1000 +10:00 +10 Sat Saturday Jul July 22 203 203 2:26:40PM pm .123 .1234567 ,123 23 7/22
Australia/Sydney|2215000000|2040-03-11 00:46:40 AEDT +1100 +11:00 +11 Sun Sunday Mar March 11  71 071 12:46:40AM am .123 .1234567 ,123 40 3/11
Australia/Sydney|2230000000|2040-08-31 14:26:40 AEST +1000 +10:00 +10 Fri Friday Aug August 31 244 244 2:26:40PM pm .123 .1234567 ,123 40 8/31
Australia/Sydney|0|1970-01-01 10:00:00 AEST +1000 +10:00 +10 Thu Thursday Jan January  1   1 001 10:00:00AM am .123 .1234567 ,123 70 1/1
Australia/Sydney|-1000000000|1938-04-25 08:13:20 AEST +1000 +10:00 +10 Mon Monday Apr April 25 115 115 8:13:20AM am .123 .1234567 ,123 38 4/25
America/Sao_Paulo|1700000000|2023-11-14 19:13:20 -03 -0300 -03:00 -03 Tue Tuesday Nov November 14 318 318 7:13:20PM pm .123 .1234567 ,123 23 11/14
America/Sao_Paulo|1690000000|2023-07-22 01:26:40 -03 -0300 -03:00 -03 Sat Saturday Jul July 22 203 203 1:26:40AM am .123 .1234567 ,123 23 7/22
America/Sao_Paulo|2215000000|2040-03-10 10:46:40 -03 -0300 -03:00 -03 Sat Saturday Mar March 10  70 070 10:46:40AM am .123 .1234567 ,123 40 3/10
America/Sao_Paulo|2230000000|2040-08-31 01:26:40 -03 -0300 -03:00 -03 Fri Friday Aug August 31 244 244 1:26:40AM am .123 .1234567 ,123 40 8/31
America/Sao_Paulo|0|1969-12-31 21:00:00 -03 -0300 -03:00 -03 Wed Wednesday Dec December 31 365 365 9:00:00PM pm .123 .1234567 ,123 69 12/31
America/Sao_Paulo|-1000000000|1938-04-24 19:13:20 -03 -0300 -03:00 -03 Sun Sunday Apr April 24 114 114 7:13:20PM pm .123 .1234567 ,123 38 4/24
parse|2006-01-02|2017-12-31|2017-12-31T00:00:00Z UTC|<nil>
parse|2006-01-02T15:04:05Z07:00|2024-02-29T13:14:15+05:30|2024-02-29T13:14:15+05:30 +0530|<nil>
parse|2006-01-02 15:04:05.000 -0700|2024-03-01 01:02:03.456 -0800|2024-03-01T01:02:03.456-08:00 -0800|<nil>
parse|Jan _2 2006 3:04PM|Feb  3 2021 4:05PM|2021-02-03T16:05:00Z UTC|<nil>
parse|2006-01-02|x|0001-01-01T00:00:00Z UTC|parsing time "x" as "2006-01-02": cannot parse "x" as "2006"
parse|2006-01-02|2024-13-01|0001-01-01T00:00:00Z UTC|parsing time "2024-13-01": month out of range
parse|2006-01-02|2023-02-29|0001-01-01T00:00:00Z UTC|parsing time "2023-02-29": day out of range
parse|2006-01-02|2024-01-01 extra|0001-01-01T00:00:00Z UTC|parsing time "2024-01-01 extra": extra text: " extra"
parse|02 Jan 06 15:04 MST|05 Mar 24 10:00 UTC|2024-03-05T10:00:00Z UTC|<nil>
parse|2006-002|2024-060|2024-02-29T00:00:00Z UTC|<nil>
dur|1h30m|1h30m0s|<nil>
dur|1.5h|1h30m0s|<nil>
dur|-90m|-1h30m0s|<nil>
dur|300ms|300ms|<nil>
dur|1.5us|1.5µs|<nil>
dur|2ns|2ns|<nil>
dur|0|0s|<nil>
dur|x|0s|time: invalid duration "x"
dur|1|0s|time: missing unit in duration "1"
dur|10d|0s|time: unknown unit "d" in duration "10d"
dur||0s|time: invalid duration ""
dur|+3h2m1.000000001s|3h2m1.000000001s|<nil>
"""

    func testFormatParseAndDurationsMatchGo() throws {
        for line in Self.goOutput.split(separator: "\n").map(String.init) {
            let f = line.components(separatedBy: "|")
            switch f[0] {
            case "parse":
                let result: String
                do {
                    let t = try GoTimeLayout.parse(f[1], f[2], in: .utc)
                    result = t.format("2006-01-02T15:04:05.999999999Z07:00 MST") + "|<nil>"
                } catch {
                    result = "0001-01-01T00:00:00Z UTC|\(error)"
                }
                XCTAssertEqual(result, f[3] + "|" + f[4], line)
            case "dur":
                let result: String
                do { result = GoDuration.string(try GoDuration.parse(f[1])) + "|<nil>" } catch { result = "0s|\(error)" }
                XCTAssertEqual(result, f[2] + "|" + f[3], line)
            default:
                let loc = try XCTUnwrap(GoLocation.load(f[0]), f[0])
                let t = GoTime(unix: Int64(f[1])!, nanos: 123_456_700, location: loc)
                XCTAssertEqual(t.format(Self.layout), f[2], line)
            }
        }
    }

    func testLoadedZonesAreCachedAcrossThreads() throws {
        let names = ["Europe/Berlin", "America/New_York", "Asia/Kolkata"]
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var ids: [String: [ObjectIdentifier]] = [:]
        }
        let seen = Seen()
        DispatchQueue.concurrentPerform(iterations: 24) { i in
            let name = names[i % names.count]
            guard let loc = GoLocation.load(name) else { return }
            seen.lock.withLock { seen.ids[name, default: []].append(ObjectIdentifier(loc)) }
        }
        for name in names {
            let ids = try XCTUnwrap(seen.ids[name], name)
            XCTAssertEqual(ids.count, 8, name)
            XCTAssertEqual(Set(ids).count, 1, "\(name) was loaded into more than one GoLocation")
            XCTAssertEqual(ids.first, GoLocation.load(name).map(ObjectIdentifier.init), name)
            XCTAssertEqual(GoLocation.load(name)?.name, name)
        }
        XCTAssertNil(GoLocation.load("No/Such_Zone"))
        XCTAssertNil(GoLocation.load("No/Such_Zone"))
    }

    func testDurationStringsAndTimeString() {
        XCTAssertEqual(GoDuration.string(3661 * GoDuration.second), "1h1m1s")
        XCTAssertEqual(GoDuration.string(1_500_000), "1.5ms")
        XCTAssertEqual(GoDuration.string(1_234_567), "1.234567ms")
        XCTAssertEqual(GoDuration.string(-1), "-1ns")
        XCTAssertEqual(GoTime(unix: 0, location: .utc).formatted, "1970-01-01 00:00:00 +0000 UTC")
        XCTAssertEqual(GoTime.zero.formatted, "0001-01-01 00:00:00 +0000 UTC")
        XCTAssertEqual(GoDuration.round(1_499_999_999, GoDuration.second), GoDuration.second)
        XCTAssertEqual(GoDuration.round(1_500_000_000, GoDuration.second), 2 * GoDuration.second)
        XCTAssertEqual(GoDuration.round(-1_500_000_000, GoDuration.second), -2 * GoDuration.second)
    }
}
