import CCurl
import Foundation
import GitStore
import XCTest

/// The system libraries link, initialise, and their typed shims work on real transfers.
final class SystemLibraryTests: XCTestCase {
    func testLibgit2InitialisesOnceAndReportsItsVersion() {
        let first = Libgit2.ensureInitialized()
        XCTAssertGreaterThan(first, 0)
        XCTAssertEqual(Libgit2.ensureInitialized(), first, "initialisation must happen exactly once")
        XCTAssertTrue(Libgit2.version.split(separator: ".").count == 3, Libgit2.version)
    }

    func testCurlTypedSetoptWrappersPerformARealTransfer() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("payload.txt")
        let payload = String(repeating: "shipshape ", count: 5000)
        try payload.write(to: file, atomically: true, encoding: .utf8)

        XCTAssertEqual(curl_global_init(Int(CURL_GLOBAL_DEFAULT)), CURLE_OK)
        let handle = try XCTUnwrap(curl_easy_init())
        defer { curl_easy_cleanup(handle) }

        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        let callback: shipshape_curl_data_callback = { ptr, size, count, userdata in
            let sink = Unmanaged<Sink>.fromOpaque(userdata!).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: ptr, count: size * count))
            return size * count
        }
        XCTAssertEqual(shipshape_curl_setopt_string(handle, CURLOPT_URL, file.absoluteString), CURLE_OK)
        XCTAssertEqual(shipshape_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, callback), CURLE_OK)
        XCTAssertEqual(shipshape_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque()), CURLE_OK)
        XCTAssertEqual(shipshape_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, 2000), CURLE_OK)
        XCTAssertEqual(curl_easy_perform(handle), CURLE_OK)

        var downloaded: curl_off_t = 0
        XCTAssertEqual(shipshape_curl_getinfo_off(handle, CURLINFO_SIZE_DOWNLOAD_T, &downloaded), CURLE_OK)
        XCTAssertEqual(Int(downloaded), payload.utf8.count)
        XCTAssertEqual(String(decoding: sink.bytes, as: UTF8.self), payload)
    }

    func testCurlReportsAMissingFileAsAnError() throws {
        let handle = try XCTUnwrap(curl_easy_init())
        defer { curl_easy_cleanup(handle) }
        XCTAssertEqual(shipshape_curl_setopt_string(handle, CURLOPT_URL, "file:///nonexistent/shipshape/\(UUID())"), CURLE_OK)
        XCTAssertEqual(curl_easy_perform(handle), CURLE_FILE_COULDNT_READ_FILE)
    }
}
