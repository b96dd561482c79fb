import Foundation
import YAML

/// One kind of fault to inject into API responses: a status (503, 429, 409, ...) with an
/// optional Retry-After, a delay, or dropped watches, for requests whose method and path match.
public struct FaultRule: Sendable {
    public var status: Int?
    public var retryAfterSeconds: Int?
    public var delaySeconds: Double = 0
    /// Watches matching the rule are closed by the server after this many seconds.
    public var dropWatchAfterSeconds: Double?
    public var pathPrefix: String = "/"
    public var method: String?
    /// How many requests the rule affects; nil for every one.
    public var count: Int?

    public init(status: Int? = nil, retryAfterSeconds: Int? = nil, delaySeconds: Double = 0, dropWatchAfterSeconds: Double? = nil,
                pathPrefix: String = "/", method: String? = nil, count: Int? = nil) {
        self.status = status
        self.retryAfterSeconds = retryAfterSeconds
        self.delaySeconds = delaySeconds
        self.dropWatchAfterSeconds = dropWatchAfterSeconds
        self.pathPrefix = pathPrefix
        self.method = method
        self.count = count
    }

    init(_ value: Value, path: String) throws {
        let r = ScenarioLoader.Reader(value: value, path: path)
        try r.only(["status", "retryAfter", "delay", "dropWatchAfter", "path", "method", "count"])
        status = try r.number("status").map { Int($0) }
        retryAfterSeconds = try r.number("retryAfter").map { Int($0) }
        delaySeconds = try r.duration("delay") ?? 0
        dropWatchAfterSeconds = try r.duration("dropWatchAfter")
        pathPrefix = try r.text("path") ?? "/"
        method = try r.text("method")?.uppercased()
        count = try r.number("count").map { Int($0) }
        if let status, !(400...599).contains(status) {
            throw ScenarioLoader.ScenarioError(description: "\(path).status: \(status) is not an error status (400-599)")
        }
    }

    func matches(_ request: APIRequest) -> Bool {
        request.path.hasPrefix(pathPrefix) && (method == nil || method == request.method) && !request.path.hasPrefix("/sandbox/")
    }

    var error: APIError? {
        guard let status else { return nil }
        let (reason, message): (String, String) = switch status {
        case 429: ("TooManyRequests", "Too many requests, please try again later.")
        case 409: ("Conflict", "Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again")
        case 503: ("ServiceUnavailable", "the server is currently unable to handle the request")
        case 504: ("Timeout", "the server was unable to return a response in the time allotted")
        default: ("InternalError", "injected fault")
        }
        var e = APIError(code: status, reason: reason, message: message)
        if let retryAfterSeconds {
            e.headers.append(("Retry-After", String(retryAfterSeconds)))
            e.details = ["retryAfterSeconds": .int(Int64(retryAfterSeconds))]
        }
        return e
    }
}

/// The faults in force: from the scenario at start, and added or cleared at run time through
/// `POST /sandbox/faults` and `DELETE /sandbox/faults`. Thread-safe on its own, because the
/// HTTP layer consults it before taking the cluster lock (delays must not hold the lock).
public final class FaultInjector: @unchecked Sendable {
    public struct Decision: Sendable {
        public var error: APIError?
        public var delaySeconds: Double = 0
        public var dropWatchAfterSeconds: Double?
    }

    private var rules: [FaultRule] = []
    private let lock = NSLock()
    public private(set) var injected = 0

    public func add(_ rule: FaultRule) {
        lock.lock(); defer { lock.unlock() }
        rules.append(rule)
    }

    public func clear() {
        lock.lock(); defer { lock.unlock() }
        rules.removeAll()
    }

    /// What to do to this request; consumes one use of each matching counted rule.
    public func decide(_ request: APIRequest) -> Decision {
        lock.lock(); defer { lock.unlock() }
        var d = Decision()
        for i in rules.indices where rules[i].matches(request) && (rules[i].count ?? 1) > 0 {
            let rule = rules[i]
            var used = false
            if d.error == nil, let e = rule.error { d.error = e; used = true }
            if rule.delaySeconds > 0 { d.delaySeconds = max(d.delaySeconds, rule.delaySeconds); used = true }
            if let drop = rule.dropWatchAfterSeconds, request.query["watch"] == "true" || request.query["watch"] == "1" {
                d.dropWatchAfterSeconds = drop
                used = true
            }
            if used, let c = rule.count { rules[i].count = c - 1; injected += 1 }
        }
        rules.removeAll { $0.count == 0 }
        return d
    }

    public var active: [FaultRule] {
        lock.lock(); defer { lock.unlock() }
        return rules
    }
}
