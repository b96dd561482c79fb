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
    /// The rule is in force from this long after the simulation starts (simulated time)...
    public var afterSeconds: Double = 0
    /// ...for this long (nil: until its count runs out or it is cleared).
    public var durationSeconds: Double?

    public init(status: Int? = nil, retryAfterSeconds: Int? = nil, delaySeconds: Double = 0, dropWatchAfterSeconds: Double? = nil,
                pathPrefix: String = "/", method: String? = nil, count: Int? = nil,
                afterSeconds: Double = 0, durationSeconds: Double? = nil) {
        self.status = status
        self.retryAfterSeconds = retryAfterSeconds
        self.delaySeconds = delaySeconds
        self.dropWatchAfterSeconds = dropWatchAfterSeconds
        self.pathPrefix = pathPrefix
        self.method = method
        self.count = count
        self.afterSeconds = afterSeconds
        self.durationSeconds = durationSeconds
    }

    init(_ value: Value, path: String) throws {
        let r = ScenarioLoader.Reader(value: value, path: path)
        try r.only(["status", "retryAfter", "delay", "dropWatchAfter", "path", "method", "count", "after", "for"])
        status = try r.integer("status", 0...999)
        retryAfterSeconds = try r.integer("retryAfter", 0...86_400)
        delaySeconds = try r.duration("delay") ?? 0
        dropWatchAfterSeconds = try r.duration("dropWatchAfter")
        pathPrefix = try r.text("path") ?? "/"
        method = try r.text("method")?.uppercased()
        count = try r.integer("count", 0...Int(Int32.max))
        afterSeconds = try r.duration("after") ?? 0
        durationSeconds = try r.duration("for")
        if delaySeconds > 600 {
            throw ScenarioLoader.ScenarioError(description: "\(path).delay: a delay of more than 10 minutes holds every matching request past any client's timeout")
        }
        if let status, !(400...599).contains(status) {
            throw ScenarioLoader.ScenarioError(description: "\(path).status: \(status) is not an error status (400-599)")
        }
    }

    /// Whether the rule applies to a request made `elapsed` simulated seconds into the simulation.
    func matches(_ request: APIRequest, elapsed: Double) -> Bool {
        elapsed >= afterSeconds && (durationSeconds.map { elapsed < afterSeconds + $0 } ?? true)
            && request.path.hasPrefix(pathPrefix) && (method == nil || method == request.method) && !request.path.hasPrefix("/sandbox/")
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
    private var injectedCount = 0

    /// How many faults have been injected: each time a rule acts on a request (an error, a delay
    /// or a dropped watch), for rules with and without a `count` alike.
    public var injected: Int {
        lock.lock(); defer { lock.unlock() }
        return injectedCount
    }

    public func add(_ rule: FaultRule) {
        lock.lock(); defer { lock.unlock() }
        rules.append(rule)
    }

    public func clear() {
        lock.lock(); defer { lock.unlock() }
        rules.removeAll()
    }

    /// What to do to this request, made `elapsed` simulated seconds into the simulation;
    /// consumes one use of each matching counted rule.
    public func decide(_ request: APIRequest, elapsed: Double) -> Decision {
        lock.lock(); defer { lock.unlock() }
        var d = Decision()
        for i in rules.indices where rules[i].matches(request, elapsed: elapsed) && (rules[i].count ?? 1) > 0 {
            let rule = rules[i]
            var used = false
            if d.error == nil, let e = rule.error { d.error = e; used = true }
            if rule.delaySeconds > 0 { d.delaySeconds = max(d.delaySeconds, rule.delaySeconds); used = true }
            if let drop = rule.dropWatchAfterSeconds, request.query["watch"] == "true" || request.query["watch"] == "1" {
                d.dropWatchAfterSeconds = drop
                used = true
            }
            if used {
                injectedCount += 1
                if let c = rule.count { rules[i].count = c - 1 }
            }
        }
        rules.removeAll { rule in rule.count == 0 || rule.durationSeconds.map { elapsed >= rule.afterSeconds + $0 } ?? false }
        return d
    }

    public var active: [FaultRule] {
        lock.lock(); defer { lock.unlock() }
        return rules
    }
}
