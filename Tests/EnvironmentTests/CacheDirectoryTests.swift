import Environment
import XCTest

/// Where the jobs write: `--cache-dir`, then `SHIPSHAPE_CACHE_DIR`, then the temporary directory.
final class CacheDirectoryTests: XCTestCase {
    func testTheFlagWinsThenTheVariableThenTheTemporaryDirectory() {
        let env = ["SHIPSHAPE_CACHE_DIR": "/work/cache"]
        XCTAssertEqual(CacheDirectory.resolve(flag: "/flag", environment: env, temporaryDirectory: "/tmp/"), "/flag")
        XCTAssertEqual(CacheDirectory.resolve(flag: nil, environment: env, temporaryDirectory: "/tmp/"), "/work/cache")
        XCTAssertEqual(CacheDirectory.resolve(flag: "", environment: ["SHIPSHAPE_CACHE_DIR": ""], temporaryDirectory: "/tmp/"), "/tmp/shipshape")
    }
}
