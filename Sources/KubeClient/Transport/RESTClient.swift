import Foundation
import YAML

/// Authenticated requests to one API server, with client-go's retry rules: connection
/// failures and 429 (honouring `Retry-After`) are retried with exponential backoff and jitter,
/// 500/502/503/504 only for idempotent requests. Errors decode the server's `Status`.
public final class RESTClient: @unchecked Sendable {
    public let config: ClientConfig
    public let transport: CurlTransport
    public var retry = RetryPolicy()
    /// How the client waits between attempts (tests record the delays instead of waiting).
    public var sleep: @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }
    /// Receives one line per request (method, URL, status, time). Credentials never appear in it.
    public var debugLog: (@Sendable (String) -> Void)?
    /// Also log request and response headers and bodies (kubectl's `--v=8`), with bearer
    /// tokens, basic credentials and Secret contents redacted (see `Redaction`).
    public var logBodies = false

    public init(config: ClientConfig) throws {
        self.config = config
        transport = try CurlTransport(tls: config.tls, proxy: config.proxyURL)
        if config.tls.insecureSkipVerify {
            FileHandle.standardError.write(Data("warning: insecure-skip-tls-verify is set for \(config.server); the server's certificate is not checked\n".utf8))
        }
    }

    /// The server URL joined with an absolute API path.
    public func url(_ path: String, query: [(String, String)] = []) -> String {
        var base = config.server
        while base.hasSuffix("/") { base.removeLast() }
        var out = base + path
        if !query.isEmpty {
            out += "?" + query.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
        }
        return out
    }

    static func escape(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    /// Sends a request and returns a 2xx response; any other status throws `KubeAPIError`.
    public func send(_ request: HTTPRequest, stream: ((UnsafeRawBufferPointer) -> Bool)? = nil) throws -> HTTPResponse {
        var attempt = 0
        var refreshed = false
        while true {
            var req = request
            try authorize(&req, refresh: refreshed)
            let started = Date()
            if logBodies, let debugLog {
                for header in req.headers { debugLog("Request Header: " + Redaction.header(header.name, header.value)) }
                if let body = req.body { debugLog("Request Body: " + Redaction.body(body)) }
            }
            let response: HTTPResponse
            do {
                response = try transport.perform(req, onData: stream)
            } catch let error as TransportError {
                debugLog?("\(request.method) \(request.url) failed: \(error.message)")
                if error.isRetryable && attempt + 1 < retry.maxAttempts {
                    sleep(retry.delay(attempt: attempt))
                    attempt += 1
                    continue
                }
                throw error
            }
            debugLog?("\(request.method) \(request.url) \(response.status) in \(Int(Date().timeIntervalSince(started) * 1000)) ms")
            if logBodies, let debugLog {
                for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) {
                    debugLog("Response Header: " + Redaction.header(name, value))
                }
                if stream == nil || !(200..<300).contains(response.status) { debugLog("Response Body: " + Redaction.body(response.body)) }
            }
            if (200..<300).contains(response.status) { return response }
            if response.status == 401, case .exec = config.credentials, !refreshed {
                refreshed = true
                continue
            }
            let retryable = response.status == 429 || (request.idempotent && [500, 502, 503, 504].contains(response.status))
            if retryable && attempt + 1 < retry.maxAttempts {
                let after = response.headers["retry-after"].flatMap(Double.init)
                sleep(retry.delay(attempt: attempt, retryAfter: after))
                attempt += 1
                continue
            }
            throw KubeAPIError(response: response, method: request.method, url: request.url)
        }
    }

    private func authorize(_ request: inout HTTPRequest, refresh: Bool) throws {
        switch config.credentials {
        case .none:
            break
        case .bearer(let source):
            request.headers.append(("Authorization", "Bearer " + (try source.token())))
        case .basic(let username, let password):
            request.headers.append(("Authorization", "Basic " + Base64.encode(Array("\(username):\(password)".utf8))))
        case .exec(let provider):
            let credential = try provider.credential(refresh: refresh)
            if let token = credential.token { request.headers.append(("Authorization", "Bearer " + token)) }
            if let certificate = credential.clientCertificateData, let key = credential.clientKeyData {
                request.clientCertificatePEM = Array(certificate.utf8)
                request.clientKeyPEM = Array(key.utf8)
            }
        }
    }
}

/// Exponential backoff with jitter; `Retry-After` wins when the server sends it.
public struct RetryPolicy: Sendable {
    public var maxAttempts = 5
    public var baseDelay = 0.1
    public var maxDelay = 5.0

    public init(maxAttempts: Int = 5, baseDelay: Double = 0.1, maxDelay: Double = 5.0) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    public func delay(attempt: Int, retryAfter: Double? = nil) -> Double {
        // A server's Retry-After is honoured up to 30 s; `nan`, negative or `1e20` never
        // become a trap or a wait without end.
        if let retryAfter, !retryAfter.isNaN { return min(max(0, retryAfter), maxDelay * 6) }
        let exponential = min(maxDelay, baseDelay * pow(2, Double(attempt)))
        return exponential * Double.random(in: 0.5...1.0)
    }
}
