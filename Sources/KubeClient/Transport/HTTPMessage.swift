/// One HTTP request as the API client builds it.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?
    /// Whether repeating the request is safe (GET, PUT, DELETE, apply): only then are 5xx
    /// answers retried.
    public var idempotent: Bool
    /// A client certificate and key for this request only (an exec plugin's credential), PEM.
    public var clientCertificatePEM: [UInt8]?
    public var clientKeyPEM: [UInt8]?

    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        idempotent = method != "POST" && method != "PATCH"
    }
}

/// A response: status, headers (names lower-cased) and body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// A request that got no HTTP answer: the connection, TLS or a timeout failed.
public struct TransportError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable { case connect, tls, timeout, other }
    public let kind: Kind
    public let message: String
    public var description: String { message }

    /// Connection failures and timeouts may succeed on a retry; TLS failures will not.
    public var isRetryable: Bool { kind == .connect || kind == .timeout }
}
