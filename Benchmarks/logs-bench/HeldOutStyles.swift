/// Log styles the tokenizer was not written for, for the per-style comparison with Drain3: the
/// formats of systems in Loghub (HDFS, Apache error, OpenSSH, ZooKeeper, Spark) and of the
/// servers a chatbot's stack runs beside (PostgreSQL, nginx's error log, Redis, Go's slog,
/// Envoy's access log as Istio prints it). Each line's
/// message follows the real system's wording; the variable fields are drawn at random.
extension Corpus {
    static let heldOutStyles: [Style] = {
        let users = ["root", "admin", "oracle", "test", "ubuntu", "git", "postgres", "deploy"]
        let paths = ["/api/chat", "/api/todos", "/api/users/login", "/favicon.ico", "/robots.txt", "/static/js/main.3f9a.js"]
        var styles: [Style] = []

        // HDFS (Loghub): yyMMdd HHmmss thread level component: message.
        func hdfs(_ level: String, _ body: @escaping @Sendable (inout Random) -> String) -> Template {
            { r, _ in "0811\(10 + r.int(2)) \(r.clock(separator: "")) \(r.int(40000)) \(level) \(body(&r))" }
        }
        styles.append(Style(name: "hdfs", templates: [
            hdfs("INFO") { r in "dfs.DataNode$PacketResponder: PacketResponder \(r.int(3)) for block \(r.block()) terminating" },
            hdfs("INFO") { r in "dfs.DataNode$PacketResponder: Received block \(r.block()) of size \(r.pick(["67108864", "\(r.int(67108864))"])) from /\(r.ip())" },
            hdfs("INFO") { r in "dfs.FSNamesystem: BLOCK* NameSystem.addStoredBlock: blockMap updated: \(r.ip()):50010 is added to \(r.block()) size \(r.int(67108864))" },
            hdfs("INFO") { r in "dfs.DataNode$DataXceiver: Receiving block \(r.block()) src: /\(r.ip()):\(1024 + r.int(60000)) dest: /\(r.ip()):50010" },
            hdfs("INFO") { r in "dfs.FSNamesystem: BLOCK* NameSystem.allocateBlock: /user/root/rand/_temporary/_task_\(r.digits(12))_0001_m_\(r.digits(6))_0/part-\(r.digits(5)). \(r.block())" },
            hdfs("WARN") { r in "dfs.DataNode$DataXceiver: \(r.ip()):50010:Got exception while serving \(r.block()) to /\(r.ip()):" },
        ]))

        // Apache's error log (Loghub): [Day Mon dd HH:mm:ss yyyy] [level] message.
        func apache(_ level: String, _ body: @escaping @Sendable (inout Random) -> String) -> Template {
            { r, _ in "[\(r.pick(["Sun", "Mon", "Tue", "Wed"])) Dec \(r.day()) \(r.clock()) 2005] [\(level)] \(body(&r))" }
        }
        styles.append(Style(name: "apache-error", templates: [
            apache("notice") { _ in "workerEnv.init() ok /etc/httpd/conf/workers2.properties" },
            apache("error") { r in "mod_jk child workerEnv in error state \(1 + r.int(9))" },
            apache("notice") { r in "jk2_init() Found child \(r.int(30000)) in scoreboard slot \(r.int(12))" },
            apache("error") { r in "[client \(r.ip())] Directory index forbidden by rule: /var/www/html/" },
            apache("error") { r in "[client \(r.ip())] File does not exist: /var/www/html\(r.pick(paths))" },
        ]))

        // OpenSSH through syslog (Loghub).
        func sshd(_ body: @escaping @Sendable (inout Random) -> String) -> Template {
            { r, _ in "Dec \(1 + r.int(28)) \(r.clock()) LabSZ sshd[\(r.int(30000))]: \(body(&r))" }
        }
        styles.append(Style(name: "openssh", templates: [
            sshd { r in "reverse mapping checking getaddrinfo for \(r.pick(["ns.example.net", "host-\(r.int(255)).dsl.example.org", "mail.example.com"])) [\(r.ip())] failed - POSSIBLE BREAK-IN ATTEMPT!" },
            sshd { r in "Invalid user \(r.pick(users)) from \(r.ip())" },
            sshd { r in "Failed password for invalid user \(r.pick(users)) from \(r.ip()) port \(r.int(65535)) ssh2" },
            sshd { r in "Connection closed by \(r.ip()) [preauth]" },
            sshd { r in "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=\(r.ip()) user=\(r.pick(users))" },
            sshd { r in "Received disconnect from \(r.ip()): 11: Bye Bye [preauth]" },
        ]))

        // ZooKeeper (Loghub): date time,ms - LEVEL  [thread:Class@line] - message.
        func zookeeper(_ level: String, _ body: @escaping @Sendable (inout Random) -> String) -> Template {
            { r, _ in "2015-07-\(r.day()) \(r.clock()),\(r.digits(3)) - \(level) \(body(&r))" }
        }
        styles.append(Style(name: "zookeeper", templates: [
            zookeeper("INFO ") { r in "[QuorumPeer[myid=\(1 + r.int(3))]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: \(r.pick(["3200", "6400", "12800", "25600", "60000"]))" },
            zookeeper("INFO ") { r in "[/\(r.ip()):3888:QuorumCnxManager$Listener@493] - Received connection request /\(r.ip()):\(1024 + r.int(60000))" },
            zookeeper("WARN ") { r in "[SendWorker:\(r.int(1 << 40)):QuorumCnxManager$SendWorker@679] - Interrupted while waiting for message on queue" },
            zookeeper("INFO ") { r in "[NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxnFactory@197] - Accepted socket connection from /\(r.ip()):\(1024 + r.int(60000))" },
            zookeeper("INFO ") { r in "[NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@1001] - Closed socket connection for client /\(r.ip()):\(1024 + r.int(60000)) which had sessionid 0x\(r.hex(15))" },
            zookeeper("WARN ") { r in "[RecvWorker:\(r.int(1 << 40)):QuorumCnxManager$RecvWorker@765] - Connection broken for id \(r.int(1 << 40)), my id = \(1 + r.int(3)), error = " },
        ]))

        // Spark (Loghub): yy/MM/dd HH:mm:ss LEVEL class: message.
        func spark(_ body: @escaping @Sendable (inout Random) -> String) -> Template {
            { r, _ in "17/06/\(r.day()) \(r.clock()) INFO \(body(&r))" }
        }
        styles.append(Style(name: "spark", templates: [
            spark { r in "executor.Executor: Finished task \(r.int(200)).0 in stage \(r.int(30)).0 (TID \(r.int(5000))). \(r.int(3000)) bytes result sent to driver" },
            spark { r in "storage.BlockManager: Found block rdd_\(r.int(50))_\(r.int(200)) locally" },
            spark { r in "executor.CoarseGrainedExecutorBackend: Got assigned task \(r.int(5000))" },
            spark { r in "spark.SecurityManager: Changing view acls to: yarn,\(r.pick(users))" },
            spark { r in "storage.MemoryStore: Block broadcast_\(r.int(100)) stored as values in memory (estimated size \(r.int(900)).\(r.int(10)) KB, free \(r.int(900)).\(r.int(10)) MB)" },
        ]))

        // PostgreSQL's default log_line_prefix '%m [%p] '.
        func postgres(_ body: @escaping @Sendable (inout Random) -> String) -> Template {
            { r, ts in "\(ts.prefix(10)) \(r.clock()).\(r.digits(3)) UTC [\(r.int(30000))] \(body(&r))" }
        }
        styles.append(Style(name: "postgresql", templates: [
            postgres { r in "LOG:  connection received: host=\(r.ip()) port=\(1024 + r.int(60000))" },
            postgres { r in "LOG:  duration: \(r.int(900)).\(r.digits(3)) ms  execute <unnamed>: SELECT id, title, done FROM todos WHERE user_id = $1" },
            postgres { r in "FATAL:  password authentication failed for user \"\(r.pick(users))\"" },
            postgres { r in "ERROR:  duplicate key value violates unique constraint \"\(r.pick(["todos_pkey", "users_email_key"]))\"" },
            postgres { r in "LOG:  checkpoint complete: wrote \(r.int(5000)) buffers (\(r.int(10)).\(r.int(10))%); 0 WAL file(s) added, 0 removed, \(r.int(4)) recycled; write=\(r.int(30)).\(r.digits(3)) s, sync=0.\(r.digits(3)) s, total=\(r.int(30)).\(r.digits(3)) s" },
        ]))

        // nginx's error log: yyyy/MM/dd HH:mm:ss [level] pid#tid: *connection message.
        func nginx(_ level: String, _ body: @escaping @Sendable (inout Random) -> String) -> Template {
            { r, _ in "2024/12/\(r.day()) \(r.clock()) [\(level)] \(r.int(64))#\(r.int(64)): \(body(&r))" }
        }
        styles.append(Style(name: "nginx-error", templates: [
            nginx("error") { r in
                let path = r.pick(paths)
                return "*\(r.int(100000)) connect() failed (111: Connection refused) while connecting to upstream, client: \(r.ip()), server: _, request: \"\(r.pick(["GET", "POST"])) \(path) HTTP/1.1\", upstream: \"http://\(r.ip()):8000\(path)\", host: \"\(r.pick(["localhost", "chatbot.local"]))\""
            },
            nginx("warn") { r in "*\(r.int(100000)) an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/\(r.int(10))/\(r.digits(2))/00000000\(r.digits(2)) while reading upstream, client: \(r.ip()), server: _, request: \"GET \(r.pick(paths)) HTTP/1.1\"" },
            nginx("error") { r in
                let path = r.pick(paths)
                return "*\(r.int(100000)) open() \"/usr/share/nginx/html\(path)\" failed (2: No such file or directory), client: \(r.ip()), server: localhost, request: \"GET \(path) HTTP/1.1\", host: \"localhost\""
            },
            nginx("notice") { _ in "signal process started" },
            nginx("error") { r in
                let path = r.pick(paths)
                return "*\(r.int(100000)) upstream timed out (110: Connection timed out) while reading response header from upstream, client: \(r.ip()), server: _, request: \"POST \(path) HTTP/1.1\", upstream: \"http://\(r.ip()):8000\(path)\""
            },
        ]))

        // Redis: pid:role dd Mon yyyy HH:mm:ss.mmm mark message.
        func redis(_ body: @escaping @Sendable (inout Random) -> String) -> Template {
            { r, _ in "\(1 + r.int(99)):\(r.pick(["M", "C", "S"])) \(r.day()) Dec 2024 \(r.clock()).\(r.digits(3)) \(body(&r))" }
        }
        styles.append(Style(name: "redis", templates: [
            redis { r in "* Background saving started by pid \(r.int(30000))" },
            redis { _ in "* DB saved on disk" },
            redis { r in "* \(r.pick(["1", "100", "10000"])) changes in \(r.pick(["900", "300", "60"])) seconds. Saving..." },
            redis { r in "# Connection with replica \(r.ip()):6379 lost." },
            redis { _ in "* Background saving terminated with success" },
        ]))

        // Go's log/slog text handler: every field a key=value, the message quoted.
        func slog(_ level: String, _ message: String, _ fields: @escaping @Sendable (inout Random) -> String) -> Template {
            { r, ts in "time=\(ts) level=\(level) msg=\"\(message)\" \(fields(&r))" }
        }
        styles.append(Style(name: "slog", templates: [
            slog("INFO", "request served") { r in "method=\(r.pick(["GET", "POST", "DELETE"])) path=\(r.pick(paths)) status=\(r.pick(["200", "201", "204", "404"])) duration=\(r.int(900)).\(r.int(1000))ms bytes=\(r.int(90000)) remote=\(r.ip()):\(1024 + r.int(60000)) user_id=\(r.int(100000))" },
            slog("WARN", "slow query") { r in "table=\(r.pick(["todos", "users", "sessions"])) rows=\(r.int(10000)) duration=\(r.int(5)).\(r.int(1000))s trace_id=\(r.hex(32))" },
            slog("ERROR", "llm call failed") { r in "model=\(r.pick(["gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet"])) attempt=\(1 + r.int(3)) err=\"\(r.pick(["context deadline exceeded", "429 Too Many Requests", "connection reset by peer"]))\" trace_id=\(r.hex(32))" },
            slog("INFO", "cache refreshed") { r in "entries=\(r.int(50000)) evicted=\(r.int(500)) took=\(r.int(900))ms" },
            slog("DEBUG", "token usage") { r in "prompt_tokens=\(r.int(4000)) completion_tokens=\(r.int(2000)) user_id=\(r.int(100000)) conversation=\(r.uuid())" },
        ]))

        // Envoy's default access log format, as Istio's sidecars print it.
        styles.append(Style(name: "envoy", templates: [
            { r, ts in
                let path = r.pick(paths)
                return "[\(ts)] \"\(r.pick(["GET", "POST"])) \(path) HTTP/1.1\" \(r.pick(["200", "201", "503", "504"])) \(r.pick(["-", "UF", "UT", "URX"])) \(r.pick(["via_upstream", "-", "upstream_reset_before_response_started{connection_failure}"])) \"-\" \(r.int(5000)) \(r.int(90000)) \(r.int(3000)) \(r.int(3000)) \"\(r.ip())\" \"\(r.pick(["curl/8.4.0", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36", "python-httpx/0.27.0"]))\" \"\(r.uuid())\" \"\(r.pick(["backend", "frontend", "agents"])).chatbot-dev:8000\" \"\(r.ip()):8000\" outbound|8000||\(r.pick(["backend", "frontend", "agents"])).chatbot-dev.svc.cluster.local \(r.ip()):\(1024 + r.int(60000)) \(r.ip()):8000 \(r.ip()):\(1024 + r.int(60000)) - default"
            },
        ]))
        return styles
    }()
}

extension Corpus.Random {
    /// `n` decimal digits, zero-padded as log headers print them.
    mutating func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(int(10))) }) }

    /// A time of day, HH:mm:ss (HHmmss with an empty separator).
    mutating func clock(separator: String = ":") -> String {
        "\(Self.twoDigits(int(24)))\(separator)\(Self.twoDigits(int(60)))\(separator)\(Self.twoDigits(int(60)))"
    }

    /// A day of the month, 01 to 28.
    mutating func day() -> String { Self.twoDigits(1 + int(28)) }

    /// An HDFS block id: blk_ and a signed 64-bit number.
    mutating func block() -> String { "blk_\(int(2) == 0 ? "-" : "")\(next() >> 1)" }
}
