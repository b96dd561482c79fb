import LogMining
import XCTest

/// The miner's groupings on small labelled corpora of the styles Shipshape meets, with the one
/// default configuration: every line's template must be exactly its label's (no split, no merge).
final class GroupingAccuracyTests: XCTestCase {
    /// (label, line): lines with the same label come from the same template.
    static let access: [(String, String)] = [
        ("access", #"10.0.0.1 - - [02/Dec/2024:10:00:00 +0000] "GET /api/users/42 HTTP/1.1" 200 512 "-" "curl/8.4.0""#),
        ("access", #"10.0.0.2 - alice [02/Dec/2024:10:00:01 +0000] "POST /api/orders HTTP/1.1" 201 87 "https://shop.example.com/cart" "Mozilla/5.0 (X11; Linux x86_64)""#),
        ("access", #"192.168.1.20 - - [02/Dec/2024:10:00:02 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.29""#),
        ("access", #"10.0.0.9 - bob [02/Dec/2024:10:00:03 +0000] "DELETE /api/orders/7 HTTP/2.0" 404 0 "-" "python-requests/2.31""#),
    ]

    static let app: [(String, String)] = [
        ("started", "2024-12-02 10:00:00,123 INFO  [main] com.example.Server - Started server on port 8080 in 1.52 s"),
        ("loaded", "2024-12-02 10:00:01,200 INFO  [http-nio-8080-exec-1] com.example.UserService - Loaded user 42 from cache"),
        ("loaded", "2024-12-02 10:00:01,305 INFO  [http-nio-8080-exec-2] com.example.UserService - Loaded user 1077 from cache"),
        ("miss", "2024-12-02 10:00:02,001 WARN  [http-nio-8080-exec-3] com.example.UserService - Cache miss for user 9 after 12ms"),
        ("miss", "2024-12-02 10:00:02,050 WARN  [http-nio-8080-exec-1] com.example.UserService - Cache miss for user 310 after 7ms"),
        ("payment", "2024-12-02 10:00:03,999 ERROR [http-nio-8080-exec-4] com.example.OrderService - Payment failed for order 5f3c9a2e-1b7d-4c1e-9f00-3a2b1c0d9e8f: card declined"),
        ("payment", "2024-12-02 10:00:04,000 ERROR [http-nio-8080-exec-2] com.example.OrderService - Payment failed for order 0a1b2c3d-4e5f-6789-abcd-ef0123456789: insufficient funds"),
        ("payment", "2024-12-02 10:00:04,500 ERROR [http-nio-8080-exec-7] com.example.OrderService - Payment failed for order 7c2d9e10-5a3b-4f6e-8d21-0b9c8a7f6e5d: expired card"),
        ("job", "2024-12-02 10:00:05,100 INFO  [scheduler-1] com.example.Jobs - Job cleanup finished in 340 ms, removed 12 rows"),
        ("job", "2024-12-02 10:00:06,100 INFO  [scheduler-2] com.example.Jobs - Job reindex finished in 1200 ms, removed 0 rows"),
        ("job", "2024-12-02 10:00:07,100 INFO  [scheduler-1] com.example.Jobs - Job export finished in 95 ms, removed 3 rows"),
        ("python", "2024-12-02 10:00:07,001 - worker - ERROR - Task 8812 raised KeyError: 'user_id'"),
        ("python", "2024-12-02 10:00:08,554 - worker - ERROR - Task 8813 raised KeyError: 'order_id'"),
    ]

    static let klog: [(String, String)] = [
        ("starting", #"I1202 10:00:00.123456       1 controller.go:123] "Starting controller" controller="replicaset""#),
        ("starting", #"I1202 10:00:00.223456       1 controller.go:123] "Starting controller" controller="deployment""#),
        ("waiting", "I1202 10:00:01.000001       1 shared_informer.go:311] Waiting for caches to sync for replicaset"),
        ("waiting", "I1202 10:00:01.000002       1 shared_informer.go:311] Waiting for caches to sync for deployment"),
        ("waiting", "I1202 10:00:01.000003       1 shared_informer.go:311] Waiting for caches to sync for job"),
        ("synced", "I1202 10:00:02.500000       1 shared_informer.go:318] Caches are synced for replicaset"),
        ("watch", "E1202 10:00:03.000000       1 reflector.go:147] k8s.io/client-go/informers/factory.go:150: Failed to watch *v1.Pod: the server could not find the requested resource"),
        ("watch", "E1202 10:00:04.000000       1 reflector.go:147] k8s.io/client-go/informers/factory.go:150: Failed to watch *v1.Service: the server could not find the requested resource"),
        ("event", #"I1202 10:00:06.000000       1 event.go:376] "Event occurred" object="chatbot-dev/backend" kind="Deployment" reason="ScalingReplicaSet""#),
        ("event", #"I1202 10:00:07.000000       1 event.go:376] "Event occurred" object="chatbot-dev/frontend" kind="Deployment" reason="ScalingReplicaSet""#),
        ("backoff", "W1202 10:00:08.000000    2231 kuberuntime_manager.go:1025] Back-off restarting failed container backend in pod backend-7d9f8c6b5-x2k4q_chatbot-dev"),
        ("backoff", "W1202 10:00:09.000000    2231 kuberuntime_manager.go:1025] Back-off restarting failed container agent in pod agent-5c8b7d9f4-m7n2p_chatbot-dev"),
        ("backoff", "W1202 10:00:10.000000    2231 kuberuntime_manager.go:1025] Back-off restarting failed container frontend in pod frontend-6b7c9d8f5-q4w8z_chatbot-dev"),
    ]

    static let json: [(String, String)] = [
        ("listening", #"{"level":"info","ts":"2024-12-02T10:00:00.000Z","caller":"server/main.go:42","msg":"listening on 0.0.0.0:8080","pid":1}"#),
        ("completed", #"{"level":"info","ts":"2024-12-02T10:00:01.000Z","caller":"http/handler.go:88","msg":"request completed in 12ms with status 200","path":"/api/chat"}"#),
        ("completed", #"{"level":"info","ts":"2024-12-02T10:00:02.000Z","caller":"http/handler.go:88","msg":"request completed in 340ms with status 500","path":"/api/chat"}"#),
        ("timeout", #"{"level":"error","ts":"2024-12-02T10:00:03.000Z","caller":"llm/client.go:17","msg":"upstream timeout after 30s","model":"gpt","attempt":3}"#),
        ("timeout", #"{"level":"error","ts":"2024-12-02T10:00:04.000Z","caller":"llm/client.go:17","msg":"upstream timeout after 45s","model":"gpt","attempt":4}"#),
        ("retrying", #"{"level":"warn","ts":"2024-12-02T10:00:05.000Z","msg":"retrying request 7f3a9c21 to https://api.example.com/v1/chat","nested":{"a":[1,2]}}"#),
        ("retrying", #"{"level":"warn","ts":"2024-12-02T10:00:06.000Z","msg":"retrying request 0b4d2e88 to https://api.example.com/v1/embed","nested":{"a":[3]}}"#),
        ("login", #"{"level":"info","message":"user alice logged in","time":1733133600}"#),
        ("login", #"{"level":"info","message":"user bob logged in","time":1733133601}"#),
        ("login", #"{"level":"info","message":"user carol logged in","time":1733133602}"#),
    ]

    static let syslog: [(String, String)] = [
        ("accepted", "Dec  2 10:00:00 node-1 sshd[1234]: Accepted publickey for admin from 10.0.0.5 port 52214 ssh2"),
        ("accepted", "Dec  2 10:00:05 node-3 sshd[1240]: Accepted publickey for deploy from 10.0.0.6 port 40022 ssh2"),
        ("accepted", "Dec  2 10:00:09 node-1 sshd[1251]: Accepted publickey for ubuntu from 10.0.0.7 port 40310 ssh2"),
        ("failed", "Dec  2 10:01:00 node-2 sshd[2001]: Failed password for invalid user test from 203.0.113.9 port 5022 ssh2"),
        ("failed", "Dec 12 10:01:02 node-2 sshd[2002]: Failed password for invalid user oracle from 203.0.113.9 port 5023 ssh2"),
        ("failed", "Dec 12 10:01:04 node-2 sshd[2003]: Failed password for invalid user guest from 203.0.113.9 port 5024 ssh2"),
        ("link", "Dec 12 10:02:00 node-1 kernel: [12345.678901] eth0: link up, 1000 Mbps, full duplex"),
        ("cron", "Dec 12 10:03:00 node-1 CRON[3001]: (root) CMD (/usr/local/bin/backup.sh --full)"),
        ("cron", "Jan  4 10:04:00 node-4 CRON[3050]: (root) CMD (/usr/local/bin/rotate.sh --full)"),
        ("session", "Dec 12 10:05:00 node-2 systemd[1]: Started Session 42 of user admin."),
        ("session", "Dec 12 10:05:30 node-2 systemd[1]: Started Session 43 of user deploy."),
        ("session", "Dec 12 10:06:10 node-2 systemd[1]: Started Session 44 of user ubuntu."),
    ]

    static let logfmt: [(String, String)] = [
        ("starting", #"time=2024-12-02T10:00:00Z level=info msg="starting server" addr=:8080 version=1.4.0"#),
        ("served", #"time=2024-12-02T10:00:01Z level=info msg="request served" method=GET path=/api/chat status=200 duration=12ms"#),
        ("served", #"time=2024-12-02T10:00:02Z level=info msg="request served" method=POST path=/api/chat status=201 duration=30ms"#),
        ("unreachable", #"time=2024-12-02T10:00:03Z level=error msg="database unreachable" err="dial tcp 10.0.0.9:5432: connect: connection refused" retry=3"#),
    ]

    /// Mines `corpus` in order and checks the partition exactly: same label ⇔ same template.
    func assertExactGrouping(_ corpus: [(String, String)], file: StaticString = #filePath, line: UInt = #line) -> TemplateMiner {
        let miner = TemplateMiner()
        let ids = corpus.map { miner.add($0.1) }.map { miner.resolve($0) }
        for i in corpus.indices {
            for j in corpus.indices where j > i && (corpus[i].0 == corpus[j].0) != (ids[i] == ids[j]) {
                let a = miner.template(for: ids[i])?.text ?? "?", b = miner.template(for: ids[j])?.text ?? "?"
                XCTFail("""
                    \(corpus[i].0 == corpus[j].0 ? "split" : "merged"): \(corpus[i].0) / \(corpus[j].0)
                      \(corpus[i].1)  →  \(a)
                      \(corpus[j].1)  →  \(b)
                    """, file: file, line: line)
            }
        }
        XCTAssertEqual(miner.templates.count, Set(corpus.map(\.0)).count, file: file, line: line)
        return miner
    }

    func testHTTPAccessLogIsOneTemplate() {
        let miner = assertExactGrouping(Self.access)
        XCTAssertEqual(miner.templates.map(\.text), [#"<*> - <*> [<*> <*>] "<*>" <*> <*> "<*>" "<*>""#])
    }

    func testApplicationLogWithLevels() {
        let miner = assertExactGrouping(Self.app)
        XCTAssertEqual(miner.templates.first { $0.text.contains("Cache") }?.text,
                       "<*> <*> WARN [<*>] com.example.UserService - Cache miss for user <*> after <*>")
        XCTAssertEqual(miner.templates.first { $0.text.contains("Task") }?.text,
                       "<*> <*> - worker - ERROR - Task <*> raised KeyError: '<*>'")
    }

    func testKubernetesComponentLogs() {
        let miner = assertExactGrouping(Self.klog)
        XCTAssertEqual(miner.templates.first { $0.text.contains("Starting") }?.text,
                       #"I<*> <*> <*> controller.go:<*>] "Starting controller" controller="<*>""#)
    }

    func testJSONLines() {
        let miner = assertExactGrouping(Self.json)
        XCTAssertEqual(miner.templates.map(\.text), [
            "level=info user <*> logged in",
            "level=info request completed in <*> with status <*>",
            "level=error upstream timeout after <*>",
            "level=warn retrying request <*> to <*>",
            "level=info listening on <*>",
        ])
    }

    func testSyslog() {
        let miner = assertExactGrouping(Self.syslog)
        XCTAssertEqual(miner.templates.first { $0.text.contains("Session") }?.text,
                       "<*> <*> <*> <*> systemd[<*>]: Started Session <*> of user <*>.")
    }

    func testLogfmt() {
        _ = assertExactGrouping(Self.logfmt)
    }

    /// All styles interleaved through one miner: one default must serve every source at once.
    func testAllStylesThroughOneMiner() {
        let styles = [Self.access, Self.app, Self.klog, Self.json, Self.syslog, Self.logfmt]
        var mixed: [(String, String)] = []
        for i in 0..<styles.map(\.count).max()! {
            for (s, style) in styles.enumerated() where i < style.count { mixed.append(("\(s)/\(style[i].0)", style[i].1)) }
        }
        _ = assertExactGrouping(mixed)
    }
}
