import YAML

/// A complete HTTP answer: status, headers and body.
public struct APIResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body, written as the API server writes it (compact, one line, newline-terminated).
    static func json(_ value: Value, status: Int = 200) -> APIResponse {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        try? JSONWriter(indent: nil, sortKeys: false, escapeHTML: false).write(value, into: &out)
        out.append(10)
        return APIResponse(status: status, headers: [("Content-Type", "application/json")], body: out)
    }

    static func text(_ text: String, status: Int = 200) -> APIResponse {
        APIResponse(status: status, headers: [("Content-Type", "text/plain")], body: Array(text.utf8))
    }

    static func error(_ error: APIError) -> APIResponse {
        var r = json(error.status, status: error.code)
        r.headers.append(contentsOf: error.headers)
        return r
    }
}

/// What the API does with a request: answer at once, or hold the connection open for a watch.
public enum APIResult: Sendable {
    case response(APIResponse)
    case watch(WatchStream)
}
