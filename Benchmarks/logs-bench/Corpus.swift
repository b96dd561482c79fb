/// A deterministic multi-source log corpus: HTTP access logs, a Java app, klog, JSON, syslog and
/// logfmt lines, each line labelled with the template that produced it (for grouping accuracy).
/// The same generator makes corpora of other styles (`init(lines:seed:styles:)`): one style
/// alone for the per-style comparison, and all of them, with the held-out styles the tokenizer
/// was not written for.
struct Corpus {
    var bytes: [UInt8] = []
    var labels: [Int32] = []

    /// SplitMix64: the same corpus on every run.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick(_ words: [String]) -> String { words[int(words.count)] }
        mutating func hex(_ n: Int) -> String { String((0..<n).map { _ in Array("0123456789abcdef")[int(16)] }) }
        mutating func ip() -> String { "10.\(int(256)).\(int(256)).\(1 + int(254))" }
        mutating func uuid() -> String { "\(hex(8))-\(hex(4))-4\(hex(3))-a\(hex(3))-\(hex(12))" }
        /// `v` in two digits, zero-padded as log headers print hours, minutes and seconds.
        static func twoDigits(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    }

    typealias Template = @Sendable (inout Random, String) -> String

    /// A log style: a name and the templates of its lines, each given the line's ISO timestamp.
    struct Style: Sendable {
        var name: String
        var templates: [Template]
    }

    /// The mixed corpus's templates: its six styles in order (labels are indexes in this list).
    static let templates: [Template] = styles.flatMap(\.templates)

    /// The six styles of the mixed corpus. Each source: a header (timestamp and friends) and its
    /// message templates. Their order and random draws are fixed: the digest depends on them.
    static let styles: [Style] = {
        let users = ["alice", "bob", "carol", "dave", "erin", "frank"]
        let paths = ["/api/users", "/api/orders", "/api/chat", "/healthz", "/static/app.js"]
        let pods = ["backend", "frontend", "worker", "agent"]
        var styles: [Style] = []
        // HTTP access log (one template: everything but the frame varies).
        styles.append(Style(name: "access", templates: [{ r, ts in "\(r.ip()) - \(r.int(3) == 0 ? r.pick(users) : "-") [\(ts)] \"\(r.pick(["GET", "POST", "PUT"])) \(r.pick(paths))/\(r.int(1000)) HTTP/1.1\" \(r.pick(["200", "201", "404", "500"])) \(r.int(90000)) \"-\" \"\(r.pick(["curl/8.4.0", "Mozilla/5.0 (X11; Linux x86_64)", "kube-probe/1.29"]))\"" }]))
        // Java app.
        let app: [(String, @Sendable (inout Random) -> String)] = [
            ("INFO", { r in "com.example.UserService - Loaded user \(r.int(100000)) from cache in \(r.int(50))ms" }),
            ("WARN", { r in "com.example.UserService - Cache miss for user \(r.int(100000)) after \(r.int(900))ms" }),
            ("ERROR", { r in "com.example.OrderService - Payment failed for order \(r.uuid()): \(r.pick(["card declined", "insufficient funds", "expired card"]))" }),
            ("INFO", { r in "com.example.Jobs - Job \(r.pick(["cleanup", "reindex", "export"])) finished in \(r.int(5000)) ms, removed \(r.int(100)) rows" }),
            ("INFO", { r in "com.example.Http - Request \(r.hex(16)) from \(r.ip()):\(1024 + r.int(60000)) completed with status \(r.pick(["200", "204", "304"]))" }),
            ("DEBUG", { r in "com.example.Pool - Connection pool stats active=\(r.int(50)) idle=\(r.int(50)) waiting=\(r.int(5))" }),
        ]
        styles.append(Style(name: "java", templates: app.map { level, body in
            { r, ts in "\(ts) \(level) [http-nio-8080-exec-\(r.int(200))] \(body(&r))" }
        }))
        // klog.
        let klog: [(String, @Sendable (inout Random) -> String)] = [
            ("I", { r in "controller.go:123] \"Starting controller\" controller=\"\(r.pick(["replicaset", "deployment", "job"]))\"" }),
            ("I", { r in "shared_informer.go:311] Waiting for caches to sync for \(r.pick(["replicaset", "deployment", "job", "endpoints"]))" }),
            ("E", { r in "reflector.go:147] k8s.io/client-go/informers/factory.go:150: Failed to watch *v1.\(r.pick(["Pod", "Service", "Node"])): the server could not find the requested resource" }),
            ("I", { r in "event.go:376] \"Event occurred\" object=\"chatbot-dev/\(r.pick(pods))-\(r.hex(9))-\(r.hex(5))\" kind=\"Pod\" reason=\"\(r.pick(["Scheduled", "Pulled", "Started"]))\"" }),
            ("W", { r in "kuberuntime_manager.go:1025] Back-off restarting failed container \(r.pick(pods)) in pod \(r.pick(pods))-\(r.hex(9))-\(r.hex(5))_chatbot-dev(\(r.uuid()))" }),
            ("I", { r in "kubelet.go:2429] \"SyncLoop (probe)\" probe=\"readiness\" status=\"\(r.pick(["ready", ""]))\" pod=\"chatbot-dev/\(r.pick(pods))-\(r.hex(5))\"" }),
        ]
        styles.append(Style(name: "klog", templates: klog.map { level, body in
            { r, ts in "\(level)1202 \(ts.suffix(15))       \(1 + r.int(40)) \(body(&r))" }
        }))
        // JSON lines.
        let json: [(String, @Sendable (inout Random) -> String)] = [
            ("info", { r in "request completed in \(r.int(900))ms with status \(r.pick(["200", "500"]))" }),
            ("error", { r in "upstream timeout after \(r.int(60))s" }),
            ("warn", { r in "retrying request \(r.hex(8)) to https://api.example.com/v1/\(r.pick(["chat", "embed"]))" }),
            ("info", { r in "user \(r.pick(users)) logged in from \(r.ip())" }),
            ("info", { r in "cache hit ratio \(r.int(100)).\(r.int(100)) over \(r.int(10000)) keys" }),
        ]
        styles.append(Style(name: "json", templates: json.map { level, body in
            { r, ts in "{\"level\":\"\(level)\",\"ts\":\"\(ts)\",\"caller\":\"server/handler.go:\(r.int(300))\",\"msg\":\"\(body(&r))\",\"request_id\":\"\(r.uuid())\"}" }
        }))
        // syslog.
        let syslog: [@Sendable (inout Random) -> String] = [
            { r in "sshd[\(r.int(30000))]: Accepted publickey for \(r.pick(users)) from \(r.ip()) port \(r.int(65535)) ssh2" },
            { r in "sshd[\(r.int(30000))]: Failed password for invalid user \(r.pick(users)) from \(r.ip()) port \(r.int(65535)) ssh2" },
            { r in "CRON[\(r.int(30000))]: (root) CMD (/usr/local/bin/\(r.pick(["backup", "rotate"])).sh --full)" },
            { r in "systemd[1]: Started Session \(r.int(1000)) of user \(r.pick(users))." },
            { r in "kernel: [\(r.int(99999)).\(r.int(999999))] eth\(r.int(4)): link up, \(r.pick(["100", "1000", "10000"])) Mbps, full duplex" },
        ]
        styles.append(Style(name: "syslog", templates: syslog.map { body in
            { r, _ in "Dec \(1 + r.int(28)) 10:\(r.int(60)):\(r.int(60)) node-\(r.int(20)) \(body(&r))" }
        }))
        // logfmt.
        let logfmt: [@Sendable (inout Random) -> String] = [
            { r in "level=info msg=\"request served\" method=\(r.pick(["GET", "POST"])) path=\(r.pick(paths)) status=200 duration=\(r.int(500))ms" },
            { r in "level=error msg=\"database unreachable\" err=\"dial tcp \(r.ip()):5432: connect: connection refused\" retry=\(r.int(10))" },
            { r in "level=info msg=\"starting server\" addr=:\(8000 + r.int(100)) version=1.\(r.int(9)).\(r.int(9))" },
        ]
        styles.append(Style(name: "logfmt", templates: logfmt.map { body in
            { r, ts in "time=\(ts) \(body(&r))" }
        }))
        return styles
    }()

    /// `lines` lines of the mixed corpus (all six styles interleaved).
    init(lines: Int, seed: UInt64) {
        self.init(lines: lines, seed: seed, templates: Corpus.templates)
    }

    /// `lines` lines of the given styles interleaved (one style: that style alone), labelled by
    /// the index of the template in the styles' templates.
    init(lines: Int, seed: UInt64, styles: [Style]) {
        self.init(lines: lines, seed: seed, templates: styles.flatMap(\.templates))
    }

    /// Each line: a template drawn at random, then a timestamp advancing 20 lines a second.
    private init(lines: Int, seed: UInt64, templates: [Template]) {
        var r = Random(state: seed)
        bytes.reserveCapacity(lines * 160)  // lines average ~133 bytes: no regrowth
        labels.reserveCapacity(lines)
        for n in 0..<lines {
            let label = r.int(templates.count)
            let seconds = n / 20
            let ts = "2024-12-02T\(Random.twoDigits(seconds / 3600 % 24)):\(Random.twoDigits(seconds / 60 % 60)):\(Random.twoDigits(seconds % 60)).\(r.int(1_000_000))Z"
            let line = templates[label](&r, ts)
            bytes.append(contentsOf: line.utf8)
            bytes.append(10)
            labels.append(Int32(label))
        }
    }
}
