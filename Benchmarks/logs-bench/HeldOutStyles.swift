/// Log styles the tokenizer was not written for, for the per-style comparison with Drain3: the
/// formats of systems in Loghub (HDFS, Apache error, OpenSSH, ZooKeeper, Spark) and of the
/// servers a chatbot's stack runs beside (PostgreSQL, nginx's error log, Redis, Go's slog,
/// Envoy's access log as Istio prints it). Each line's
/// message follows the real system's wording; the variable fields are drawn at random.
/// HDFS, Apache error and OpenSSH generate Loghub's full event catalogue for the system (every
/// EventId of its `_2k.log_templates.csv`, one template each, in the csv's order: 14, 6 and 27
/// events, several sharing leading words and lengths), with values shaped like the real
/// lines'; no Loghub line is copied. They were written before either miner ran on them.
extension Corpus {
    static let heldOutStyles: [Style] = {
        let users = ["root", "admin", "oracle", "test", "ubuntu", "git", "postgres", "deploy"]
        let paths = ["/api/chat", "/api/todos", "/api/users/login", "/favicon.ico", "/robots.txt", "/static/js/main.3f9a.js"]
        var styles: [Style] = []

        // HDFS (Loghub): yyMMdd HHmmss thread level component: message. Loghub's full catalogue
        // for HDFS (HDFS_2k.log_templates.csv, E1-E14 in its order), each event with the
        // component and level the real lines print. A datanode is 10.250/10.251.x.y at port
        // 50010; `ask ... to delete` names one or more blocks, `datanode(s)` and a transfer's
        // targets one or two datanodes, as the real lines do.
        let hdfsNode: @Sendable (inout Random) -> String = { r in "10.25\(r.int(2)).\(r.int(256)).\(1 + r.int(254))" }
        let hdfsTargets: @Sendable (inout Random) -> String = { r in
            (0...r.int(2)).map { _ in "\(hdfsNode(&r)):50010" }.joined(separator: " ")
        }
        let hdfsSize: @Sendable (inout Random) -> String = { r in r.int(2) == 0 ? "67108864" : "\(r.int(67108864))" }
        let hdfsPort: @Sendable (inout Random) -> Int = { r in 32768 + r.int(28232) }
        let zeroPadded: @Sendable (Int, Int) -> String = { value, width in
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        func hdfs(_ level: String, _ component: String, _ body: @escaping @Sendable (inout Random) -> String) -> Template {
            { r, _ in "0811\(10 + r.int(2)) \(r.clock(separator: "")) \(r.int(40000)) \(level) \(component): \(body(&r))" }
        }
        styles.append(Style(name: "hdfs", templates: [
            hdfs("INFO", "dfs.DataNode$DataXceiver") { r in "\(hdfsNode(&r)):50010 Served block \(r.block()) to /\(hdfsNode(&r))" },
            hdfs("INFO", "dfs.DataNode") { r in "\(hdfsNode(&r)):50010 Starting thread to transfer block \(r.block()) to \(hdfsTargets(&r))" },
            hdfs("WARN", "dfs.DataNode$DataXceiver") { r in "\(hdfsNode(&r)):50010:Got exception while serving \(r.block()) to /\(hdfsNode(&r)):" },
            hdfs("INFO", "dfs.FSNamesystem") { r in
                "BLOCK* ask \(hdfsNode(&r)):50010 to delete  \((0...r.int(12)).map { _ in r.block() }.joined(separator: " "))"
            },
            hdfs("INFO", "dfs.FSNamesystem") { r in "BLOCK* ask \(hdfsNode(&r)):50010 to replicate \(r.block()) to datanode(s) \(hdfsTargets(&r))" },
            hdfs("INFO", "dfs.FSNamesystem") { r in "BLOCK* NameSystem.addStoredBlock: blockMap updated: \(hdfsNode(&r)):50010 is added to \(r.block()) size \(hdfsSize(&r))" },
            hdfs("INFO", "dfs.FSNamesystem") { r in
                let task = r.int(2000)
                let job = "2008\(r.pick(["1109", "1110", "1111"]))\(zeroPadded(r.int(24), 2))\(zeroPadded(r.int(60), 2))_\(zeroPadded(1 + r.int(9), 4))"
                return "BLOCK* NameSystem.allocateBlock: /user/root/\(r.pick(["rand", "randtxt", "sortrand", "randtxt2", "sortrand2"]))/_temporary/_task_\(job)_\(r.pick(["m", "r"]))_\(zeroPadded(task, 6))_0/part-\(zeroPadded(task, 5)). \(r.block())"
            },
            hdfs("INFO", "dfs.FSNamesystem") { r in "BLOCK* NameSystem.delete: \(r.block()) is added to invalidSet of \(hdfsNode(&r)):50010" },
            hdfs("INFO", "dfs.FSDataset") { r in
                let block = r.block()
                return "Deleting block \(block) file /mnt/hadoop/dfs/data/current/\(r.int(3) == 0 ? "" : "subdir\(r.int(64))/")\(block)"
            },
            hdfs("INFO", "dfs.DataNode$PacketResponder") { r in "PacketResponder \(r.int(3)) for block \(r.block()) terminating" },
            hdfs("INFO", "dfs.DataNode$PacketResponder") { r in "Received block \(r.block()) of size \(hdfsSize(&r)) from /\(hdfsNode(&r))" },
            hdfs("INFO", "dfs.DataNode$DataXceiver") { r in
                let source = hdfsNode(&r)
                return "Received block \(r.block()) src: /\(source):\(hdfsPort(&r)) dest: /\(r.int(2) == 0 ? source : hdfsNode(&r)):50010 of size \(hdfsSize(&r))"
            },
            hdfs("INFO", "dfs.DataNode$DataXceiver") { r in
                let source = hdfsNode(&r)
                return "Receiving block \(r.block()) src: /\(source):\(hdfsPort(&r)) dest: /\(r.int(2) == 0 ? source : hdfsNode(&r)):50010"
            },
            hdfs("INFO", "dfs.DataBlockScanner") { r in "Verification succeeded for \(r.block())" },
        ]))

        // A public IPv4 address, as the internet-facing servers below log their clients.
        let publicIP: @Sendable (inout Random) -> String = { r in "\(1 + r.int(223)).\(r.int(256)).\(r.int(256)).\(1 + r.int(254))" }

        // Apache's error log (Loghub): [Day Mon dd HH:mm:ss yyyy] [level] message. Loghub's full
        // catalogue for Apache (Apache_2k.log_templates.csv, E1-E6 in its order), each at the
        // level the real lines print. The workers file and the forbidden directory are the same
        // in nearly every real line; `mod_jk child init` prints `1 -2` or `1 0`.
        func apache(_ level: String, _ body: @escaping @Sendable (inout Random) -> String) -> Template {
            { r, _ in "[\(r.pick(["Sun", "Mon", "Tue", "Wed"])) Dec \(r.day()) \(r.clock()) 2005] [\(level)] \(body(&r))" }
        }
        styles.append(Style(name: "apache-error", templates: [
            apache("notice") { r in "jk2_init() Found child \(1000 + r.int(31000)) in scoreboard slot \(6 + r.int(7))" },
            apache("notice") { _ in "workerEnv.init() ok /etc/httpd/conf/workers2.properties" },
            apache("error") { r in "mod_jk child workerEnv in error state \(6 + r.int(4))" },
            apache("error") { r in "[client \(publicIP(&r))] Directory index forbidden by rule: \(r.pick(["/var/www/html/", "/var/www/html/", "/var/www/html/", "/var/www/html/images/"]))" },
            apache("error") { r in "jk2_init() Can't find child \(1000 + r.int(31000)) in scoreboard" },
            apache("error") { r in "mod_jk child init 1 \(r.pick(["-2", "0"]))" },
        ]))

        // OpenSSH through syslog (Loghub). Loghub's full catalogue for OpenSSH
        // (OpenSSH_2k.log_templates.csv, E1-E27 in its order). Loghub splits some events that
        // differ only in a constant (E4/E5: `... for admin` / `... for root`; E15/E16: one
        // `failure` / several `failures`; E16/E17 and E19/E20: without / with `user=`): that split
        // is the field's reference labelling, kept here. Users tried by scanners include odd
        // names (digits, `!root`, a name with a leading space, which sshd prints as two spaces);
        // rhost is an address or its reverse name; pam_unix ends a line without `user=` with a
        // space and puts two before `user=`, as the real lines do.
        let scannedUsers = ["webmaster", "test9", "chen", "pgadmin", "utsims", "inspur", "support", "test", " 0101", "0", "1234", "123", "admin",
                            "default", "guest", "matlab", "ubnt", "user", "oracle", "git", "ftpuser", "!root", "D-Link", "PlcmSpIp", "a", "zhangyan"]
        let systemUsers = ["root", "root", "root", "uucp", "ftp", "nobody", "mail", "bin", "sshd", "mysql"]
        let loginUsers = ["fztu", "curi", "hxu", "root"]
        let sshPort: @Sendable (inout Random) -> Int = { r in 1024 + r.int(64000) }
        /// An address and the name its reverse lookup gives (a provider's pattern built from
        /// the address, or a made-up domain).
        let reverseName: @Sendable (inout Random, String) -> String = { r, ip in
            let octets = ip.split(separator: ".")
            let dashed = octets.joined(separator: "-")
            switch r.int(4) {
            case 0: return "\(dashed).rev.\(r.pick(["sfr.net", "cloud.scaleway.com", "vultr.com"]))"
            case 1: return "ec2-\(dashed).\(r.pick(["cn-north-1.compute.amazonaws.com.cn", "compute-1.amazonaws.com", "eu-west-1.compute.amazonaws.com"]))"
            case 2: return "\(octets.joined(separator: ".")).\(r.pick(["dynamic.163data.com.cn", "static.ctinets.com", "adsl.tpnet.pl"]))"
            default: return "ns.\(String((0..<(8 + r.int(8))).map { _ in Array("abcdefghijklmnopqrstuvwxyz")[r.int(26)] })).com"
            }
        }
        let rhost: @Sendable (inout Random) -> String = { r in
            let ip = publicIP(&r)
            return r.int(3) == 0 ? reverseName(&r, ip) : ip
        }
        func sshd(_ body: @escaping @Sendable (inout Random) -> String) -> Template {
            { r, _ in "Dec \(1 + r.int(28)) \(r.clock()) LabSZ sshd[\(r.int(30000))]: \(body(&r))" }
        }
        styles.append(Style(name: "openssh", templates: [
            sshd { r in "Accepted password for \(r.pick(loginUsers)) from \(publicIP(&r)) port \(sshPort(&r)) ssh2" },
            sshd { r in "Connection closed by \(publicIP(&r)) [preauth]" },
            sshd { r in "Did not receive identification string from \(publicIP(&r))" },
            sshd { _ in "Disconnecting: Too many authentication failures for admin [preauth]" },
            sshd { _ in "Disconnecting: Too many authentication failures for root [preauth]" },
            sshd { r in "error: Received disconnect from \(publicIP(&r)): 3: com.jcraft.jsch.JSchException: Auth fail [preauth]" },
            sshd { r in "error: Received disconnect from \(publicIP(&r)): 14: No more user authentication methods available. [preauth]" },
            sshd { r in "Failed none for invalid user \(r.pick(scannedUsers)) from \(publicIP(&r)) port \(sshPort(&r)) ssh2" },
            sshd { r in "Failed password for \(r.pick(systemUsers)) from \(publicIP(&r)) port \(sshPort(&r)) ssh2" },
            sshd { r in "Failed password for invalid user \(r.pick(scannedUsers)) from \(publicIP(&r)) port \(sshPort(&r)) ssh2" },
            sshd { _ in "fatal: Write failed: Connection reset by peer [preauth]" },
            sshd { r in "input_userauth_request: invalid user \(r.pick(scannedUsers)) [preauth]" },
            sshd { r in "Invalid user \(r.pick(scannedUsers)) from \(publicIP(&r))" },
            sshd { r in "message repeated \(2 + r.int(4)) times: [ Failed password for root from \(publicIP(&r)) port \(sshPort(&r)) ssh2]" },
            sshd { r in "PAM 1 more authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=\(rhost(&r)) " },
            sshd { r in "PAM \(2 + r.int(4)) more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=\(rhost(&r)) " },
            sshd { r in "PAM \(2 + r.int(4)) more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=\(rhost(&r))  user=root" },
            sshd { r in "PAM service(sshd) ignoring max retries; \(4 + r.int(3)) > 3" },
            sshd { r in "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=\(rhost(&r)) " },
            sshd { r in "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=\(rhost(&r))  user=\(r.pick(systemUsers))" },
            sshd { _ in "pam_unix(sshd:auth): check pass; user unknown" },
            sshd { r in "pam_unix(sshd:session): session closed for user \(r.pick(loginUsers))" },
            sshd { r in "pam_unix(sshd:session): session opened for user \(r.pick(loginUsers)) by (uid=0)" },
            sshd { r in "Received disconnect from \(publicIP(&r)): 11: Bye Bye [preauth]" },
            sshd { r in "Received disconnect from \(publicIP(&r)): 11: Closed due to user request. [preauth]" },
            sshd { r in "Received disconnect from \(publicIP(&r)): 11: disconnected by user" },
            sshd { r in
                let ip = publicIP(&r)
                return "reverse mapping checking getaddrinfo for \(reverseName(&r, ip)) [\(ip)] failed - POSSIBLE BREAK-IN ATTEMPT!"
            },
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
