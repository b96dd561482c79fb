import Foundation
import KubeClient
import YAML

/// POSTs JSON to a sink over libcurl (the project's one HTTP transport): TLS with a CA file or
/// the system roots, a bearer token or basic auth, and retries with exponential back-off for
/// answers that may succeed later (no answer, 429, 5xx). A 4xx other than 429 is final: the
/// payload or the credentials are wrong, and sending it again would not change that.
public struct AlertHTTP: Sendable {
    public enum Auth: Sendable, Equatable {
        case none
        case bearer(String)
        case basic(username: String, password: String)
    }

    public var auth: Auth = .none
    public var tls = TLSSettings()
    public var retry = RetryPolicy(maxAttempts: 4, baseDelay: 0.5, maxDelay: 8)
    public var timeoutMilliseconds = 10_000

    public init(auth: Auth = .none, tls: TLSSettings = TLSSettings(), retry: RetryPolicy? = nil) {
        self.auth = auth
        self.tls = tls
        if let retry { self.retry = retry }
    }

    /// POSTs `body` to `url`; `what` names the sink in errors (never the URL's secret parts).
    /// Returns the answer's body.
    @discardableResult
    public func post(_ body: Value, to url: String, what: String) throws -> String {
        let transport = try CurlTransport(tls: tls)
        transport.connectTimeoutMilliseconds = timeoutMilliseconds
        transport.timeoutMilliseconds = timeoutMilliseconds
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json"), ("User-Agent", "shipshape")]
        switch auth {
        case .none: break
        case .bearer(let token): headers.append(("Authorization", "Bearer " + token))
        case .basic(let user, let password): headers.append(("Authorization", "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()))
        }
        let request = HTTPRequest(method: "POST", url: url, headers: headers, body: Array(try JSONWriter(sortKeys: false).string(body).utf8))
        var last = ""
        for attempt in 0..<max(1, retry.maxAttempts) {
            if attempt > 0 { Thread.sleep(forTimeInterval: retry.delay(attempt: attempt - 1)) }
            do {
                let response = try transport.perform(request)
                if (200..<300).contains(response.status) { return response.text }
                last = "HTTP \(response.status): \(String(response.text.prefix(300)).trimmingCharacters(in: .whitespacesAndNewlines))"
                guard response.status == 429 || response.status >= 500 else {
                    throw AlertsError("\(what) refused the alerts: \(last)")
                }
            } catch let error as TransportError {
                last = error.kind == .tls ? "TLS: \(error.message)" : error.message
                if error.kind == .tls { break }
            }
        }
        throw AlertsError("\(what) did not take the alerts after \(retry.maxAttempts) attempts: \(last)")
    }

    /// `scheme://host:port` of a URL: what reports may show of a webhook URL whose path is its secret.
    public static func origin(_ url: String) -> String {
        guard let u = URLComponents(string: url), let scheme = u.scheme, let host = u.host else { return "(unparsable URL)" }
        return "\(scheme)://\(host)" + (u.port.map { ":\($0)" } ?? "")
    }
}
