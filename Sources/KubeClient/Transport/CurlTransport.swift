import CCurl
import Foundation

/// HTTP over libcurl with the cluster's TLS settings. Easy handles are pooled and reused, so
/// connections stay alive between requests (and HTTP/2 is used where the server offers it).
public final class CurlTransport: @unchecked Sendable {
    public let tls: TLSSettings
    public let proxy: String?
    public var connectTimeoutMilliseconds = 10_000
    public var timeoutMilliseconds = 60_000
    /// The largest response body read into memory. An API server's answers are far smaller
    /// (its own request limit is 3 MiB; a list of thousands of objects is tens of MiB); a
    /// body with no end is cut here rather than filling memory.
    public static let maxBodyBytes = 256 << 20
    private var pool: [OpaquePointer] = []
    private let lock = NSLock()
    private let caPEM: [UInt8]?
    private let certPEM: [UInt8]?
    private let keyPEM: [UInt8]?
    /// Requests sent, for benchmarks.
    public private(set) var requestCount = 0
    public private(set) var bytesReceived = 0

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    public init(tls: TLSSettings, proxy: String? = nil) throws {
        _ = Self.globalInit
        self.tls = tls
        self.proxy = proxy
        caPEM = try tls.certificateAuthority?.bytes()
        certPEM = try tls.clientCertificate?.bytes()
        keyPEM = try tls.clientKey?.bytes()
    }

    deinit {
        for handle in pool { curl_easy_cleanup(UnsafeMutableRawPointer(handle)) }
    }

    private func checkout() -> UnsafeMutableRawPointer {
        lock.lock()
        defer { lock.unlock() }
        requestCount += 1
        if let handle = pool.popLast() { return UnsafeMutableRawPointer(handle) }
        return curl_easy_init()
    }

    private func checkin(_ handle: UnsafeMutableRawPointer) {
        lock.lock()
        pool.append(OpaquePointer(handle))
        lock.unlock()
    }

    /// Sends `request`; with `onData`, the body is streamed to it (return false to stop) instead
    /// of collected — watches use this.
    public func perform(_ request: HTTPRequest, onData: ((UnsafeRawBufferPointer) -> Bool)? = nil) throws -> HTTPResponse {
        let handle = checkout()
        defer {
            curl_easy_reset(handle)
            checkin(handle)
        }
        let state = TransferState(onData: onData)
        let unmanaged = Unmanaged.passRetained(state)
        defer { unmanaged.release() }
        var url = request.url
        var connectTo: UnsafeMutablePointer<curl_slist>?
        if let serverName = tls.serverName, let components = URLComponents(string: url), let host = components.host {
            // Verify (and send SNI for) the configured name while connecting to the real host.
            let port = components.port ?? (components.scheme == "https" ? 443 : 80)
            var renamed = components
            renamed.host = serverName
            url = renamed.string ?? url
            connectTo = curl_slist_append(nil, "\(serverName):\(port):\(host):\(port)")
            _ = shipshape_curl_setopt_slist(handle, CURLOPT_CONNECT_TO, connectTo)
        }
        defer { curl_slist_free_all(connectTo) }
        var headerList: UnsafeMutablePointer<curl_slist>?
        // A value with CR, LF or NUL would end the header and inject others (a token file with
        // a stray line break): refused, naming the header but never its value.
        if let bad = request.headers.first(where: { ($0.name + $0.value).utf8.contains { $0 == 10 || $0 == 13 || $0 == 0 } }) {
            throw TransportError(kind: .other, message: "the \(bad.name) header for \(request.url) contains a line break or NUL; check the token or credential it comes from")
        }
        for header in request.headers { headerList = curl_slist_append(headerList, "\(header.name): \(header.value)") }
        headerList = curl_slist_append(headerList, "Expect:")
        defer { curl_slist_free_all(headerList) }

        _ = shipshape_curl_setopt_string(handle, CURLOPT_URL, url)
        _ = shipshape_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
        _ = shipshape_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
        _ = shipshape_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = shipshape_curl_setopt_long(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        _ = shipshape_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, connectTimeoutMilliseconds)
        _ = shipshape_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, onData == nil ? timeoutMilliseconds : 0)
        _ = shipshape_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        if let proxy { _ = shipshape_curl_setopt_string(handle, CURLOPT_PROXY, proxy) }
        _ = shipshape_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, tls.insecureSkipVerify ? 0 : 1)
        _ = shipshape_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, tls.insecureSkipVerify ? 0 : 2)
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let body = request.body ?? []
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
            _ = shipshape_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorPointer.baseAddress)
            return withBlob(caPEM) { ca in
                withBlob(request.clientCertificatePEM ?? certPEM) { cert in
                    withBlob(request.clientKeyPEM ?? keyPEM) { key in
                        if let ca { _ = shipshape_curl_setopt_pointer(handle, CURLOPT_CAINFO_BLOB, ca) }
                        if let cert { _ = shipshape_curl_setopt_pointer(handle, CURLOPT_SSLCERT_BLOB, cert) }
                        if let key { _ = shipshape_curl_setopt_pointer(handle, CURLOPT_SSLKEY_BLOB, key) }
                        return body.withUnsafeBufferPointer { bodyPointer in
                            if request.body != nil {
                                _ = shipshape_curl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                                _ = shipshape_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS,
                                                                  UnsafeMutableRawPointer(mutating: bodyPointer.baseAddress ?? UnsafePointer(bitPattern: 1)!))
                            }
                            _ = shipshape_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, curlWrite)
                            _ = shipshape_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, unmanaged.toOpaque())
                            _ = shipshape_curl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, curlHeader)
                            _ = shipshape_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, unmanaged.toOpaque())
                            return curl_easy_perform(handle)
                        }
                    }
                }
            }
        }
        lock.lock()
        bytesReceived += state.received
        lock.unlock()
        if code == CURLE_WRITE_ERROR && state.tooLarge {
            throw TransportError(kind: .other, message: "the response from \(request.url) is larger than \(Self.maxBodyBytes >> 20) MiB; stopped reading it (is the server an API server?)")
        }
        if code == CURLE_WRITE_ERROR && state.stopped {
            return HTTPResponse(status: state.status, headers: state.headers, body: state.body)
        }
        guard code == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            throw Self.error(code, text, url: request.url)
        }
        var status = 0
        _ = shipshape_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: state.headers, body: state.body)
    }

    static func error(_ code: CURLcode, _ text: String, url: String) -> TransportError {
        switch code {
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return TransportError(kind: .tls, message: "TLS with \(url) failed: \(text). Check certificate-authority, tls-server-name and the client certificate in your kubeconfig.")
        case CURLE_OPERATION_TIMEDOUT:
            return TransportError(kind: .timeout, message: "request to \(url) timed out: \(text)")
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_GOT_NOTHING,
             CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE:
            return TransportError(kind: .connect, message: "cannot reach \(url): \(text)")
        default:
            return TransportError(kind: .other, message: "request to \(url) failed: \(text)")
        }
    }
}

/// Passes PEM bytes to libcurl as a copied blob.
private func withBlob<R>(_ bytes: [UInt8]?, _ body: (UnsafeMutableRawPointer?) -> R) -> R {
    guard let bytes else { return body(nil) }
    return bytes.withUnsafeBufferPointer { buffer in
        var blob = curl_blob(data: UnsafeMutableRawPointer(mutating: buffer.baseAddress), len: buffer.count,
                             flags: UInt32(CURL_BLOB_COPY))
        return withUnsafeMutablePointer(to: &blob) { body(UnsafeMutableRawPointer($0)) }
    }
}

/// What one transfer has received so far.
private final class TransferState {
    let onData: ((UnsafeRawBufferPointer) -> Bool)?
    var status = 0
    var headers: [String: String] = [:]
    var body: [UInt8] = []
    var received = 0
    var stopped = false
    var tooLarge = false
    init(onData: ((UnsafeRawBufferPointer) -> Bool)?) { self.onData = onData }
}

private func curlWrite(_ ptr: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?) -> Int {
    guard let ptr, let user else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(user).takeUnretainedValue()
    let n = size * count
    state.received += n
    let buffer = UnsafeRawBufferPointer(start: ptr, count: n)
    if let onData = state.onData, state.status < 300 {
        if !onData(buffer) {
            state.stopped = true
            return 0
        }
    } else {
        guard n <= CurlTransport.maxBodyBytes - state.body.count else {
            state.tooLarge = true
            return 0
        }
        state.body.append(contentsOf: buffer.bindMemory(to: UInt8.self))
    }
    return n
}

private func curlHeader(_ ptr: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?) -> Int {
    guard let ptr, let user else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(user).takeUnretainedValue()
    let n = size * count
    let line = String(decoding: UnsafeRawBufferPointer(start: ptr, count: n), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    if line.hasPrefix("HTTP/") {
        // A new response (after a redirect or 100 Continue): start over.
        let parts = line.split(separator: " ")
        state.status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        state.headers = [:]
    } else if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        state.headers[name] = value
    }
    return n
}
