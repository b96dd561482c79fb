import LogMining
import XCTest

/// Styles the tokenizer was not written for (held out, as in logs-bench's per-style table): the
/// formats of HDFS, Apache's error log, OpenSSH, ZooKeeper and Spark as Loghub collected them,
/// and of PostgreSQL, nginx's error log, Redis and Go's slog. Two lines a template, drawn by
/// logs-bench's generator (`HeldOutStyles`); each style must group exactly with the one default.
/// (Its Envoy style is left out: its first kept word is a field, the response flag, which splits
/// Drain-family miners, this one and Drain3 alike; see docs/logs.md.)
extension GroupingAccuracyTests {
    static let hdfs: [(String, String)] = [
        ("terminating", #"081111 120747 25076 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_6709930641874947297 terminating"#),
        ("terminating", #"081110 042338 32841 INFO dfs.DataNode$PacketResponder: PacketResponder 2 for block blk_-6940601839040200158 terminating"#),
        ("received", #"081110 223259 10387 INFO dfs.DataNode$PacketResponder: Received block blk_-731487652507510870 of size 67108864 from /10.21.154.233"#),
        ("received", #"081111 205252 16237 INFO dfs.DataNode$PacketResponder: Received block blk_8003041303633588856 of size 67108864 from /10.134.240.111"#),
        ("addStoredBlock", #"081110 170338 6675 INFO dfs.FSNamesystem: BLOCK* NameSystem.addStoredBlock: blockMap updated: 10.174.47.81:50010 is added to blk_8411918250410134108 size 55134594"#),
        ("addStoredBlock", #"081111 102353 941 INFO dfs.FSNamesystem: BLOCK* NameSystem.addStoredBlock: blockMap updated: 10.215.85.21:50010 is added to blk_-425142097932487183 size 40601191"#),
        ("receiving", #"081111 172015 11136 INFO dfs.DataNode$DataXceiver: Receiving block blk_-3496059544329660816 src: /10.54.7.3:31503 dest: /10.71.246.222:50010"#),
        ("receiving", #"081110 093329 31611 INFO dfs.DataNode$DataXceiver: Receiving block blk_-5334210647742025491 src: /10.35.41.96:15924 dest: /10.203.118.24:50010"#),
        ("allocateBlock", #"081110 155052 18978 INFO dfs.FSNamesystem: BLOCK* NameSystem.allocateBlock: /user/root/rand/_temporary/_task_807806875603_0001_m_641079_0/part-45725. blk_-2638104279655579539"#),
        ("allocateBlock", #"081110 225809 14953 INFO dfs.FSNamesystem: BLOCK* NameSystem.allocateBlock: /user/root/rand/_temporary/_task_692426212520_0001_m_937665_0/part-65030. blk_-3204100666763638713"#),
        ("exception", #"081111 123814 31564 WARN dfs.DataNode$DataXceiver: 10.189.118.236:50010:Got exception while serving blk_7714553007729820762 to /10.93.78.232:"#),
        ("exception", #"081111 181745 454 WARN dfs.DataNode$DataXceiver: 10.106.201.104:50010:Got exception while serving blk_7987616701697062112 to /10.148.219.215:"#),
    ]
    static let apacheError: [(String, String)] = [
        ("workerEnv", #"[Sun Dec 18 11:17:25 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties"#),
        ("workerEnv", #"[Sun Dec 01 06:53:28 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties"#),
        ("errorState", #"[Wed Dec 02 11:15:21 2005] [error] mod_jk child workerEnv in error state 6"#),
        ("errorState", #"[Sun Dec 17 02:48:59 2005] [error] mod_jk child workerEnv in error state 7"#),
        ("foundChild", #"[Wed Dec 16 01:23:02 2005] [notice] jk2_init() Found child 3216 in scoreboard slot 4"#),
        ("foundChild", #"[Mon Dec 04 21:27:33 2005] [notice] jk2_init() Found child 17115 in scoreboard slot 0"#),
        ("forbidden", #"[Wed Dec 10 12:38:18 2005] [error] [client 10.21.75.56] Directory index forbidden by rule: /var/www/html/"#),
        ("forbidden", #"[Tue Dec 25 08:32:03 2005] [error] [client 10.8.5.21] Directory index forbidden by rule: /var/www/html/"#),
        ("notExist", #"[Mon Dec 27 15:37:32 2005] [error] [client 10.147.238.238] File does not exist: /var/www/html/api/users/login"#),
        ("notExist", #"[Mon Dec 12 19:13:57 2005] [error] [client 10.92.96.179] File does not exist: /var/www/html/api/chat"#),
    ]
    static let openssh: [(String, String)] = [
        ("reverseMapping", #"Dec 25 21:14:40 LabSZ sshd[21668]: reverse mapping checking getaddrinfo for mail.example.com [10.7.50.98] failed - POSSIBLE BREAK-IN ATTEMPT!"#),
        ("reverseMapping", #"Dec 21 01:41:48 LabSZ sshd[9789]: reverse mapping checking getaddrinfo for ns.example.net [10.35.165.110] failed - POSSIBLE BREAK-IN ATTEMPT!"#),
        ("invalidUser", #"Dec 20 01:42:48 LabSZ sshd[11170]: Invalid user test from 10.220.56.209"#),
        ("invalidUser", #"Dec 1 14:09:57 LabSZ sshd[5948]: Invalid user root from 10.30.187.138"#),
        ("failedPassword", #"Dec 16 14:34:20 LabSZ sshd[16285]: Failed password for invalid user git from 10.203.149.6 port 18988 ssh2"#),
        ("failedPassword", #"Dec 20 03:10:23 LabSZ sshd[23634]: Failed password for invalid user oracle from 10.115.224.29 port 6425 ssh2"#),
        ("closed", #"Dec 16 13:54:40 LabSZ sshd[22977]: Connection closed by 10.67.226.37 [preauth]"#),
        ("closed", #"Dec 17 08:04:44 LabSZ sshd[12831]: Connection closed by 10.31.138.80 [preauth]"#),
        ("pamFailure", #"Dec 28 10:53:20 LabSZ sshd[17596]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.164.135.31 user=admin"#),
        ("pamFailure", #"Dec 9 15:56:29 LabSZ sshd[2256]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.235.179.137 user=admin"#),
        ("disconnect", #"Dec 3 05:47:22 LabSZ sshd[16011]: Received disconnect from 10.47.193.143: 11: Bye Bye [preauth]"#),
        ("disconnect", #"Dec 5 03:48:46 LabSZ sshd[22108]: Received disconnect from 10.24.175.232: 11: Bye Bye [preauth]"#),
    ]
    static let zookeeper: [(String, String)] = [
        ("notification", #"2015-07-03 17:44:16,259 - INFO  [QuorumPeer[myid=2]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 12800"#),
        ("notification", #"2015-07-04 04:06:17,317 - INFO  [QuorumPeer[myid=2]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 3200"#),
        ("connectionRequest", #"2015-07-09 17:21:45,723 - INFO  [/10.105.132.127:3888:QuorumCnxManager$Listener@493] - Received connection request /10.154.10.32:37605"#),
        ("connectionRequest", #"2015-07-27 23:00:45,512 - INFO  [/10.114.167.221:3888:QuorumCnxManager$Listener@493] - Received connection request /10.113.105.25:52306"#),
        ("interrupted", #"2015-07-20 21:35:22,254 - WARN  [SendWorker:208899414418:QuorumCnxManager$SendWorker@679] - Interrupted while waiting for message on queue"#),
        ("interrupted", #"2015-07-26 00:20:11,260 - WARN  [SendWorker:212536323593:QuorumCnxManager$SendWorker@679] - Interrupted while waiting for message on queue"#),
        ("accepted", #"2015-07-14 03:21:48,576 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxnFactory@197] - Accepted socket connection from /10.102.180.102:23938"#),
        ("accepted", #"2015-07-22 17:08:30,415 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxnFactory@197] - Accepted socket connection from /10.193.35.159:37333"#),
        ("closed", #"2015-07-04 15:00:31,913 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@1001] - Closed socket connection for client /10.9.231.232:27453 which had sessionid 0x89ee9548de2d210"#),
        ("closed", #"2015-07-16 21:09:57,093 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@1001] - Closed socket connection for client /10.228.34.166:38176 which had sessionid 0x405ca4457107284"#),
        ("broken", #"2015-07-22 02:58:05,102 - WARN  [RecvWorker:265955347783:QuorumCnxManager$RecvWorker@765] - Connection broken for id 223095030404, my id = 3, error = "#),
        ("broken", #"2015-07-17 13:52:53,316 - WARN  [RecvWorker:32759199145:QuorumCnxManager$RecvWorker@765] - Connection broken for id 799540616665, my id = 1, error = "#),
    ]
    static let spark: [(String, String)] = [
        ("finished", #"17/06/22 20:24:25 INFO executor.Executor: Finished task 133.0 in stage 12.0 (TID 1578). 1035 bytes result sent to driver"#),
        ("finished", #"17/06/04 20:51:19 INFO executor.Executor: Finished task 119.0 in stage 20.0 (TID 1069). 1843 bytes result sent to driver"#),
        ("foundBlock", #"17/06/21 20:48:22 INFO storage.BlockManager: Found block rdd_44_69 locally"#),
        ("foundBlock", #"17/06/17 12:14:05 INFO storage.BlockManager: Found block rdd_44_103 locally"#),
        ("assigned", #"17/06/02 15:37:31 INFO executor.CoarseGrainedExecutorBackend: Got assigned task 4146"#),
        ("assigned", #"17/06/07 02:44:48 INFO executor.CoarseGrainedExecutorBackend: Got assigned task 2001"#),
        ("acls", #"17/06/01 16:12:23 INFO spark.SecurityManager: Changing view acls to: yarn,root"#),
        ("acls", #"17/06/28 23:05:35 INFO spark.SecurityManager: Changing view acls to: yarn,oracle"#),
        ("broadcast", #"17/06/21 20:40:50 INFO storage.MemoryStore: Block broadcast_53 stored as values in memory (estimated size 244.6 KB, free 654.1 MB)"#),
        ("broadcast", #"17/06/05 20:43:32 INFO storage.MemoryStore: Block broadcast_2 stored as values in memory (estimated size 772.0 KB, free 284.0 MB)"#),
    ]
    static let postgresql: [(String, String)] = [
        ("connection", #"2024-12-02 10:47:39.863 UTC [9445] LOG:  connection received: host=10.230.120.221 port=37286"#),
        ("connection", #"2024-12-02 07:14:46.921 UTC [17823] LOG:  connection received: host=10.34.194.37 port=53592"#),
        ("duration", #"2024-12-02 11:22:27.044 UTC [17444] LOG:  duration: 411.986 ms  execute <unnamed>: SELECT id, title, done FROM todos WHERE user_id = $1"#),
        ("duration", #"2024-12-02 06:12:33.418 UTC [11381] LOG:  duration: 401.581 ms  execute <unnamed>: SELECT id, title, done FROM todos WHERE user_id = $1"#),
        ("password", #"2024-12-02 04:00:15.412 UTC [4749] FATAL:  password authentication failed for user "git""#),
        ("password", #"2024-12-02 19:58:10.655 UTC [28827] FATAL:  password authentication failed for user "git""#),
        ("duplicate", #"2024-12-02 00:53:19.736 UTC [6736] ERROR:  duplicate key value violates unique constraint "todos_pkey""#),
        ("duplicate", #"2024-12-02 11:33:52.540 UTC [29847] ERROR:  duplicate key value violates unique constraint "users_email_key""#),
        ("checkpoint", #"2024-12-02 14:14:40.870 UTC [10352] LOG:  checkpoint complete: wrote 3357 buffers (8.4%); 0 WAL file(s) added, 0 removed, 2 recycled; write=19.556 s, sync=0.931 s, total=19.813 s"#),
        ("checkpoint", #"2024-12-02 01:04:42.911 UTC [29038] LOG:  checkpoint complete: wrote 2315 buffers (5.1%); 0 WAL file(s) added, 0 removed, 2 recycled; write=25.637 s, sync=0.893 s, total=3.848 s"#),
    ]
    static let nginxError: [(String, String)] = [
        ("connectFailed", #"2024/12/26 17:31:39 [error] 31#35: *59901 connect() failed (111: Connection refused) while connecting to upstream, client: 10.135.59.15, server: _, request: "POST /api/chat HTTP/1.1", upstream: "http://10.212.87.233:8000/api/chat", host: "localhost""#),
        ("connectFailed", #"2024/12/11 03:51:42 [error] 13#12: *57978 connect() failed (111: Connection refused) while connecting to upstream, client: 10.255.208.74, server: _, request: "GET /favicon.ico HTTP/1.1", upstream: "http://10.32.64.201:8000/favicon.ico", host: "localhost""#),
        ("buffered", #"2024/12/15 04:29:28 [warn] 30#60: *85053 an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/8/59/0000000020 while reading upstream, client: 10.61.183.223, server: _, request: "GET /api/users/login HTTP/1.1""#),
        ("buffered", #"2024/12/03 04:28:08 [warn] 27#7: *85780 an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/5/21/0000000096 while reading upstream, client: 10.55.41.224, server: _, request: "GET /api/todos HTTP/1.1""#),
        ("openFailed", #"2024/12/07 00:17:07 [error] 59#56: *90520 open() "/usr/share/nginx/html/static/js/main.3f9a.js" failed (2: No such file or directory), client: 10.37.147.40, server: localhost, request: "GET /static/js/main.3f9a.js HTTP/1.1", host: "localhost""#),
        ("openFailed", #"2024/12/04 15:30:46 [error] 60#49: *56540 open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: 10.89.243.5, server: localhost, request: "GET /favicon.ico HTTP/1.1", host: "localhost""#),
        ("signal", #"2024/12/20 09:36:13 [notice] 28#34: signal process started"#),
        ("signal", #"2024/12/23 17:35:13 [notice] 4#53: signal process started"#),
        ("timedOut", #"2024/12/10 00:36:14 [error] 1#62: *34508 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.42.161.90, server: _, request: "POST /api/chat HTTP/1.1", upstream: "http://10.96.69.197:8000/api/chat""#),
        ("timedOut", #"2024/12/26 16:04:40 [error] 11#57: *21398 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.203.124.182, server: _, request: "POST /api/todos HTTP/1.1", upstream: "http://10.145.14.186:8000/api/todos""#),
    ]
    static let redis: [(String, String)] = [
        ("saveStarted", #"18:C 28 Dec 2024 07:06:20.618 * Background saving started by pid 28780"#),
        ("saveStarted", #"69:C 03 Dec 2024 04:43:34.267 * Background saving started by pid 29775"#),
        ("saved", #"63:M 15 Dec 2024 19:36:22.468 * DB saved on disk"#),
        ("saved", #"52:C 17 Dec 2024 14:39:09.957 * DB saved on disk"#),
        ("changes", #"65:C 15 Dec 2024 13:43:04.030 * 10000 changes in 60 seconds. Saving..."#),
        ("changes", #"21:C 26 Dec 2024 00:51:39.592 * 1 changes in 60 seconds. Saving..."#),
        ("replicaLost", #"13:C 09 Dec 2024 01:05:15.445 # Connection with replica 10.232.25.236:6379 lost."#),
        ("replicaLost", #"53:C 15 Dec 2024 17:45:33.723 # Connection with replica 10.108.5.39:6379 lost."#),
        ("saveDone", #"41:M 24 Dec 2024 23:34:35.291 * Background saving terminated with success"#),
        ("saveDone", #"60:C 09 Dec 2024 02:10:00.231 * Background saving terminated with success"#),
    ]
    static let slog: [(String, String)] = [
        ("served", #"time=2024-12-02T10:00:00.123Z level=INFO msg="request served" method=GET path=/api/todos status=201 duration=80.588ms bytes=39982 remote=10.100.234.119:25610 user_id=12864"#),
        ("served", #"time=2024-12-02T10:00:00.123Z level=INFO msg="request served" method=POST path=/api/todos status=404 duration=81.936ms bytes=11158 remote=10.84.77.25:36344 user_id=413"#),
        ("slowQuery", #"time=2024-12-02T10:00:01.123Z level=WARN msg="slow query" table=todos rows=8949 duration=1.342s trace_id=6a5e66f0a7fa34fd78811426c58032c2"#),
        ("slowQuery", #"time=2024-12-02T10:00:01.123Z level=WARN msg="slow query" table=sessions rows=3105 duration=0.527s trace_id=da8fb84ed2db9e9497d4ce7563a2d4f7"#),
        ("llmFailed", #"time=2024-12-02T10:00:02.123Z level=ERROR msg="llm call failed" model=claude-3-5-sonnet attempt=1 err="context deadline exceeded" trace_id=2e280e7523d64ce16be2133e00ca3855"#),
        ("llmFailed", #"time=2024-12-02T10:00:02.123Z level=ERROR msg="llm call failed" model=gpt-4o attempt=3 err="connection reset by peer" trace_id=05ba527b9f5d153b85433ba41379cf59"#),
        ("refreshed", #"time=2024-12-02T10:00:03.123Z level=INFO msg="cache refreshed" entries=5432 evicted=228 took=229ms"#),
        ("refreshed", #"time=2024-12-02T10:00:03.123Z level=INFO msg="cache refreshed" entries=10258 evicted=88 took=827ms"#),
        ("usage", #"time=2024-12-02T10:00:04.123Z level=DEBUG msg="token usage" prompt_tokens=1329 completion_tokens=1315 user_id=79576 conversation=378065d3-e229-436f-a9a5-ebbb447e9d65"#),
        ("usage", #"time=2024-12-02T10:00:04.123Z level=DEBUG msg="token usage" prompt_tokens=1641 completion_tokens=1989 user_id=99143 conversation=7504259e-da1a-4c34-a786-9d21650270c4"#),
    ]

    func testHeldOutStylesGroupExactly() {
        for style in [Self.hdfs, Self.apacheError, Self.openssh, Self.zookeeper, Self.spark, Self.postgresql, Self.nginxError, Self.redis, Self.slog] {
            _ = assertExactGrouping(style)
        }
    }

    /// `ctime`'s weekday is part of the timestamp: it neither splits a template by day nor
    /// leads its group.
    func testACtimeWeekdayIsPartOfTheTimestamp() {
        let miner = assertExactGrouping(Self.apacheError)
        XCTAssertEqual(miner.templates.map(\.text), [
            "[<*> <*> <*> <*> <*>] [notice] workerEnv.init() ok <*>",
            "[<*> <*> <*> <*> <*>] [error] mod_jk child workerEnv in error state <*>",
            "[<*> <*> <*> <*> <*>] [notice] jk2_init() Found child <*> in scoreboard slot <*>",
            "[<*> <*> <*> <*> <*>] [error] [client <*>] Directory index forbidden by rule: <*>",
            "[<*> <*> <*> <*> <*>] [error] [client <*>] File does not exist: <*>",
        ])
        let tokenizer = LogTokenizer()
        XCTAssertEqual(tokenizer.tokenize("[Sun Dec 18 11:17:25 2005] x"), ["[<*>", "<*>", "<*>", "<*>", "<*>]", "x"])
        XCTAssertEqual(tokenizer.tokenize("Sun Dec  4 04:47:44 UTC 2005 up"), ["<*>", "<*>", "<*>", "<*>", "UTC", "<*>", "up"])
        XCTAssertEqual(tokenizer.tokenize("on wed Dec 04"), ["on", "<*>", "<*>", "<*>"])
        // A weekday alone, before a month without a day, or with a suffix is a word.
        XCTAssertEqual(tokenizer.tokenize("Sun Dec x"), ["Sun", "Dec", "x"])
        XCTAssertEqual(tokenizer.tokenize("Sun 4"), ["Sun", "<*>"])
        XCTAssertEqual(tokenizer.tokenize("Sun, Dec 4"), ["Sun,", "<*>", "<*>"])
        // A bracketed weekday is not klog's level letter: a quoted string after the header stays
        // one variable, where klog's `"Starting controller"` would be mined as words.
        XCTAssertEqual(tokenizer.tokenize(#"[Sun Dec 04 12:00:00] "GET / HTTP/1.1" 200"#), ["[<*>", "<*>", "<*>", "<*>]", #""<*>""#, "<*>"])
        XCTAssertEqual(tokenizer.tokenize(#"I1202 10:00:00.123456       1 controller.go:123] "Starting controller""#),
                       ["I<*>", "<*>", "<*>", "controller.go:<*>]", #""Starting"#, #"controller""#])
    }
}
