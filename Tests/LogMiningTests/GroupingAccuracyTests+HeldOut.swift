import LogMining
import XCTest

/// Styles the tokenizer was not written for (held out, as in logs-bench's per-style table): the
/// formats of HDFS, Apache's error log, OpenSSH, ZooKeeper and Spark as Loghub collected them,
/// and of PostgreSQL, nginx's error log, Redis and Go's slog. Two lines a template, drawn by
/// logs-bench's generator (`HeldOutStyles`), labelled with Loghub's event ids (HDFS, OpenSSH,
/// ZooKeeper) or names; each style must group exactly with the one default.
///
/// The five Loghub styles generate Loghub's full event catalogues (HDFS 14, Apache 6, OpenSSH
/// 27, ZooKeeper 50, Spark 36 events). Left out are the events this miner merges in logs-bench's
/// 20,000-line corpora, all of them pairs or sets that differ in one constant word at the same
/// place, which Loghub labels apart and Drain3 merges too: OpenSSH's E4/E5 (`for admin`/`for
/// root`), E8/E10 (`Failed none`/`Failed password`), E15/E16 (`failure;`/`failures;`) and
/// E24/E26 (`Bye Bye [preauth]`/`disconnected by user`); ZooKeeper's E7/E8 (`establish new`/
/// `renew`), E18/E26 (`FOLLOWING`/`LOOKING`) and E32–E37 (the six notification states), and
/// E44 (`Server environment:` values of several words); Spark's E2/E3, E4/E5, E13–E17 and
/// E33/E34. (The Envoy style is left out: its first kept word is a field, the response flag,
/// which splits Drain-family miners, this one and Drain3 alike; see docs/logs.md.)
extension GroupingAccuracyTests {
    static let hdfs: [(String, String)] = [
        ("E1", #"081111 123635 13577 INFO dfs.DataNode$DataXceiver: 10.250.84.104:50010 Served block blk_6039873928135099550 to /10.251.208.134"#),
        ("E1", #"081111 220345 8776 INFO dfs.DataNode$DataXceiver: 10.250.226.98:50010 Served block blk_-179008858034742844 to /10.250.68.245"#),
        ("E2", #"081111 040500 39018 INFO dfs.DataNode: 10.251.37.197:50010 Starting thread to transfer block blk_1534069518745679443 to 10.251.124.144:50010 10.250.202.213:50010"#),
        ("E2", #"081110 215920 31999 INFO dfs.DataNode: 10.250.48.210:50010 Starting thread to transfer block blk_-538390564533310794 to 10.251.216.176:50010"#),
        ("E3", #"081111 154059 33503 WARN dfs.DataNode$DataXceiver: 10.250.48.204:50010:Got exception while serving blk_-1193437304153993469 to /10.250.116.155:"#),
        ("E3", #"081110 231607 20978 WARN dfs.DataNode$DataXceiver: 10.250.89.103:50010:Got exception while serving blk_-842370802136548871 to /10.251.175.246:"#),
        ("E4", #"081110 153846 16201 INFO dfs.FSNamesystem: BLOCK* ask 10.251.139.251:50010 to delete  blk_1086376798660354154 blk_-4619494281860790756 blk_-1892352379574650727 blk_8099218052850602861 blk_-2232579042717994529 blk_8604785922063519508 blk_-5680095493466166859 blk_-533843553598000918"#),
        ("E4", #"081111 222342 10292 INFO dfs.FSNamesystem: BLOCK* ask 10.250.249.247:50010 to delete  blk_-3768181895460378083 blk_-7815998140635305396 blk_-1055336420110209055 blk_-3407668156338474391 blk_-4155746915598575076"#),
        ("E5", #"081110 103728 11269 INFO dfs.FSNamesystem: BLOCK* ask 10.250.42.118:50010 to replicate blk_-4366962882383020002 to datanode(s) 10.250.198.95:50010 10.251.126.251:50010"#),
        ("E5", #"081111 133557 36430 INFO dfs.FSNamesystem: BLOCK* ask 10.250.226.80:50010 to replicate blk_-552766067748911311 to datanode(s) 10.251.100.131:50010 10.251.69.203:50010"#),
        ("E6", #"081110 085221 23006 INFO dfs.FSNamesystem: BLOCK* NameSystem.addStoredBlock: blockMap updated: 10.251.126.104:50010 is added to blk_2786764294918664849 size 67108864"#),
        ("E6", #"081110 133005 37761 INFO dfs.FSNamesystem: BLOCK* NameSystem.addStoredBlock: blockMap updated: 10.250.38.230:50010 is added to blk_5573363489051407938 size 58585075"#),
        ("E7", #"081110 211712 23559 INFO dfs.FSNamesystem: BLOCK* NameSystem.allocateBlock: /user/root/sortrand2/_temporary/_task_200811091452_0002_m_000415_0/part-00415. blk_-795913650843306474"#),
        ("E7", #"081111 164750 4751 INFO dfs.FSNamesystem: BLOCK* NameSystem.allocateBlock: /user/root/randtxt/_temporary/_task_200811101316_0002_m_000631_0/part-00631. blk_3238490176129950085"#),
        ("E8", #"081111 204542 8148 INFO dfs.FSNamesystem: BLOCK* NameSystem.delete: blk_2597853076025102223 is added to invalidSet of 10.250.210.138:50010"#),
        ("E8", #"081111 080725 38130 INFO dfs.FSNamesystem: BLOCK* NameSystem.delete: blk_-4197044627825787075 is added to invalidSet of 10.251.233.73:50010"#),
        ("E9", #"081111 222356 34026 INFO dfs.FSDataset: Deleting block blk_-1265435927476480431 file /mnt/hadoop/dfs/data/current/blk_-1265435927476480431"#),
        ("E9", #"081111 171336 5109 INFO dfs.FSDataset: Deleting block blk_6051857564036718274 file /mnt/hadoop/dfs/data/current/subdir55/blk_6051857564036718274"#),
        ("E10", #"081111 150157 29112 INFO dfs.DataNode$PacketResponder: PacketResponder 2 for block blk_-4981273476395039428 terminating"#),
        ("E10", #"081110 111958 21619 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_1503976897830215598 terminating"#),
        ("E11", #"081110 030948 4796 INFO dfs.DataNode$PacketResponder: Received block blk_-4223615375771389587 of size 18777440 from /10.250.65.239"#),
        ("E11", #"081111 060129 5526 INFO dfs.DataNode$PacketResponder: Received block blk_-2914822267293667429 of size 60762026 from /10.251.182.130"#),
        ("E12", #"081111 172816 29538 INFO dfs.DataNode$DataXceiver: Received block blk_-4832842200467423401 src: /10.251.128.252:57429 dest: /10.251.122.75:50010 of size 51618428"#),
        ("E12", #"081110 113705 11142 INFO dfs.DataNode$DataXceiver: Received block blk_6585405526479360006 src: /10.251.18.20:46474 dest: /10.251.179.89:50010 of size 38968476"#),
        ("E13", #"081111 225218 3825 INFO dfs.DataNode$DataXceiver: Receiving block blk_5286587770566296987 src: /10.251.103.74:57386 dest: /10.251.236.59:50010"#),
        ("E13", #"081111 221901 8773 INFO dfs.DataNode$DataXceiver: Receiving block blk_-6127617138168501189 src: /10.251.32.251:39106 dest: /10.250.74.207:50010"#),
        ("E14", #"081110 020802 912 INFO dfs.DataBlockScanner: Verification succeeded for blk_-1044346219386501657"#),
        ("E14", #"081110 113245 18282 INFO dfs.DataBlockScanner: Verification succeeded for blk_-7666420174073007378"#),
    ]
    static let apacheError: [(String, String)] = [
        ("foundChild", #"[Tue Dec 19 10:37:08 2005] [notice] jk2_init() Found child 28191 in scoreboard slot 7"#),
        ("foundChild", #"[Wed Dec 21 06:50:00 2005] [notice] jk2_init() Found child 23102 in scoreboard slot 11"#),
        ("workerEnv", #"[Wed Dec 13 16:03:38 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties"#),
        ("workerEnv", #"[Tue Dec 14 05:04:25 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties"#),
        ("errorState", #"[Wed Dec 07 11:29:17 2005] [error] mod_jk child workerEnv in error state 6"#),
        ("errorState", #"[Wed Dec 28 03:29:08 2005] [error] mod_jk child workerEnv in error state 8"#),
        ("forbidden", #"[Wed Dec 23 22:38:09 2005] [error] [client 102.225.35.209] Directory index forbidden by rule: /var/www/html/"#),
        ("forbidden", #"[Sun Dec 26 22:25:18 2005] [error] [client 147.146.20.210] Directory index forbidden by rule: /var/www/html/images/"#),
        ("cantFindChild", #"[Sun Dec 17 15:43:59 2005] [error] jk2_init() Can't find child 17949 in scoreboard"#),
        ("cantFindChild", #"[Mon Dec 08 21:21:51 2005] [error] jk2_init() Can't find child 1902 in scoreboard"#),
        ("childInit", #"[Tue Dec 18 02:16:45 2005] [error] mod_jk child init 1 0"#),
        ("childInit", #"[Wed Dec 06 20:02:42 2005] [error] mod_jk child init 1 -2"#),
    ]
    static let openssh: [(String, String)] = [
        ("E1", #"Dec 6 12:36:35 LabSZ sshd[23577]: Accepted password for hxu from 155.43.113.98 port 22113 ssh2"#),
        ("E1", #"Dec 5 03:11:58 LabSZ sshd[29823]: Accepted password for curi from 40.254.226.98 port 59838 ssh2"#),
        ("E2", #"Dec 21 10:20:16 LabSZ sshd[23187]: Connection closed by 52.217.84.137 [preauth]"#),
        ("E2", #"Dec 14 13:36:11 LabSZ sshd[28886]: Connection closed by 211.237.124.144 [preauth]"#),
        ("E3", #"Dec 27 02:46:48 LabSZ sshd[22581]: Did not receive identification string from 111.160.63.137"#),
        ("E3", #"Dec 25 03:02:48 LabSZ sshd[18002]: Did not receive identification string from 86.216.97.142"#),
        ("E6", #"Dec 17 22:53:19 LabSZ sshd[10405]: error: Received disconnect from 77.223.186.113: 3: com.jcraft.jsch.JSchException: Auth fail [preauth]"#),
        ("E6", #"Dec 14 13:31:58 LabSZ sshd[23611]: error: Received disconnect from 93.212.76.12: 3: com.jcraft.jsch.JSchException: Auth fail [preauth]"#),
        ("E7", #"Dec 9 23:33:22 LabSZ sshd[18624]: error: Received disconnect from 111.49.41.181: 14: No more user authentication methods available. [preauth]"#),
        ("E7", #"Dec 19 10:56:11 LabSZ sshd[19246]: error: Received disconnect from 176.6.180.165: 14: No more user authentication methods available. [preauth]"#),
        ("E9", #"Dec 13 21:58:02 LabSZ sshd[19156]: Failed password for bin from 195.126.73.218 port 34199 ssh2"#),
        ("E9", #"Dec 2 22:46:06 LabSZ sshd[29]: Failed password for mail from 79.137.75.129 port 38744 ssh2"#),
        ("E11", #"Dec 22 12:51:55 LabSZ sshd[344]: fatal: Write failed: Connection reset by peer [preauth]"#),
        ("E11", #"Dec 22 17:12:59 LabSZ sshd[8415]: fatal: Write failed: Connection reset by peer [preauth]"#),
        ("E12", #"Dec 10 14:52:04 LabSZ sshd[2189]: input_userauth_request: invalid user support [preauth]"#),
        ("E12", #"Dec 5 12:59:16 LabSZ sshd[8627]: input_userauth_request: invalid user oracle [preauth]"#),
        ("E13", #"Dec 20 15:55:25 LabSZ sshd[6856]: Invalid user pgadmin from 174.62.179.92"#),
        ("E13", #"Dec 4 20:45:42 LabSZ sshd[28148]: Invalid user test from 35.88.210.138"#),
        ("E14", #"Dec 6 08:07:25 LabSZ sshd[18130]: message repeated 4 times: [ Failed password for root from 89.7.233.73 port 50545 ssh2]"#),
        ("E14", #"Dec 27 11:56:26 LabSZ sshd[25216]: message repeated 4 times: [ Failed password for root from 2.163.113.80 port 8300 ssh2]"#),
        ("E17", #"Dec 2 22:27:25 LabSZ sshd[11873]: PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=66-162-227-57.rev.sfr.net  user=root"#),
        ("E17", #"Dec 14 19:41:18 LabSZ sshd[13210]: PAM 3 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=98.244.35.80  user=root"#),
        ("E18", #"Dec 3 07:58:35 LabSZ sshd[22525]: PAM service(sshd) ignoring max retries; 4 > 3"#),
        ("E18", #"Dec 7 01:47:43 LabSZ sshd[502]: PAM service(sshd) ignoring max retries; 4 > 3"#),
        ("E19", #"Dec 21 19:10:52 LabSZ sshd[6438]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=142.161.103.74 "#),
        ("E19", #"Dec 20 02:45:35 LabSZ sshd[9452]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=62.153.38.172 "#),
        ("E20", #"Dec 22 03:52:50 LabSZ sshd[17398]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=155.34.195.103  user=sshd"#),
        ("E20", #"Dec 5 02:08:02 LabSZ sshd[912]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=125.50.28.130  user=nobody"#),
        ("E21", #"Dec 7 10:37:32 LabSZ sshd[29131]: pam_unix(sshd:auth): check pass; user unknown"#),
        ("E21", #"Dec 18 17:18:54 LabSZ sshd[14914]: pam_unix(sshd:auth): check pass; user unknown"#),
        ("E22", #"Dec 10 16:16:05 LabSZ sshd[16680]: pam_unix(sshd:session): session closed for user fztu"#),
        ("E22", #"Dec 22 07:40:01 LabSZ sshd[18710]: pam_unix(sshd:session): session closed for user hxu"#),
        ("E23", #"Dec 5 07:47:09 LabSZ sshd[11679]: pam_unix(sshd:session): session opened for user root by (uid=0)"#),
        ("E23", #"Dec 9 20:30:02 LabSZ sshd[5337]: pam_unix(sshd:session): session opened for user hxu by (uid=0)"#),
        ("E25", #"Dec 26 13:07:44 LabSZ sshd[9377]: Received disconnect from 148.97.253.67: 11: Closed due to user request. [preauth]"#),
        ("E25", #"Dec 3 05:50:22 LabSZ sshd[7299]: Received disconnect from 122.64.162.195: 11: Closed due to user request. [preauth]"#),
        ("E27", #"Dec 14 07:46:26 LabSZ sshd[22985]: reverse mapping checking getaddrinfo for ec2-55-174-175-144.eu-west-1.compute.amazonaws.com [55.174.175.144] failed - POSSIBLE BREAK-IN ATTEMPT!"#),
        ("E27", #"Dec 18 18:45:01 LabSZ sshd[22426]: reverse mapping checking getaddrinfo for ec2-153-253-101-7.compute-1.amazonaws.com [153.253.101.7] failed - POSSIBLE BREAK-IN ATTEMPT!"#),
    ]
    static let zookeeper: [(String, String)] = [
        ("E1", #"2015-07-06 12:36:35,726 - WARN  [LearnerHandler-/10.10.34.13:56561:LearnerHandler@644] - ******* GOODBYE /10.10.34.13:56561 ********"#),
        ("E1", #"2015-07-18 09:08:03,183 - WARN  [LearnerHandler-/10.10.34.11:33544:LearnerHandler@644] - ******* GOODBYE /10.10.34.11:33544 ********"#),
        ("E2", #"2015-07-07 10:21:54,820 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxnFactory@197] - Accepted socket connection from /10.10.34.11:43955"#),
        ("E2", #"2015-07-01 17:00:38,316 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxnFactory@197] - Accepted socket connection from /10.10.34.42:59654"#),
        ("E3", #"2015-07-10 13:20:03,066 - INFO  [main:DatadirCleanupManager@79] - autopurge.purgeInterval set to 0"#),
        ("E3", #"2015-07-18 11:20:19,849 - INFO  [main:DatadirCleanupManager@79] - autopurge.purgeInterval set to 1"#),
        ("E4", #"2015-07-09 02:15:00,115 - INFO  [main:DatadirCleanupManager@78] - autopurge.snapRetainCount set to 3"#),
        ("E4", #"2015-07-12 07:26:32,329 - INFO  [main:DatadirCleanupManager@78] - autopurge.snapRetainCount set to 3"#),
        ("E5", #"2015-07-05 20:06:59,678 - WARN  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:QuorumCnxManager@368] - Cannot open channel to 3 at election address /10.10.34.13:3888"#),
        ("E5", #"2015-07-17 22:53:19,527 - WARN  [WorkerSender[myid=3]:QuorumCnxManager@368] - Cannot open channel to 1 at election address /10.10.34.11:3888"#),
        ("E6", #"2015-07-10 19:58:31,982 - WARN  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@349] - caught end of stream exception"#),
        ("E6", #"2015-07-10 04:35:33,248 - WARN  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@349] - caught end of stream exception"#),
        ("E9", #"2015-07-18 14:09:43,962 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@1001] - Closed socket connection for client /10.10.34.40:58518 (no session established for client)"#),
        ("E9", #"2015-07-18 17:32:42,736 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@1001] - Closed socket connection for client /10.10.34.42:43443 (no session established for client)"#),
        ("E10", #"2015-07-05 21:17:12,959 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@1001] - Closed socket connection for client /10.10.34.41:55540 which had sessionid 0x24f0c4f83ef7f58"#),
        ("E10", #"2015-07-26 20:06:15,190 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@1001] - Closed socket connection for client /10.10.34.24:60070 which had sessionid 0x34ff82918b52e67"#),
        ("E11", #"2015-07-14 12:01:34,366 - WARN  [RecvWorker:188978561024:QuorumCnxManager$RecvWorker@762] - Connection broken for id 188978561024, my id = 1, error = "#),
        ("E11", #"2015-07-09 19:17:13,691 - WARN  [RecvWorker:1:QuorumCnxManager$RecvWorker@762] - Connection broken for id 1, my id = 3, error = "#),
        ("E12", #"2015-07-20 21:15:01,728 - WARN  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:ZooKeeperServer@793] - Connection request from old client /10.10.34.17:43624; will be dropped if server is in r-o mode"#),
        ("E12", #"2015-07-11 11:19:58,933 - WARN  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:ZooKeeperServer@793] - Connection request from old client /10.10.34.39:51176; will be dropped if server is in r-o mode"#),
        ("E13", #"2015-07-08 09:48:56,647 - INFO  [CommitProcessor:3:ZooKeeperServer@595] - Established session 0x24f47e5962bfa96 with negotiated timeout 40000 for client /10.10.34.20:56641"#),
        ("E13", #"2015-07-13 16:38:03,874 - INFO  [CommitProcessor:1:ZooKeeperServer@595] - Established session 0x34f5aa1c4399672 with negotiated timeout 40000 for client /10.10.34.24:32780"#),
        ("E14", #"2015-07-07 01:47:43,210 - WARN  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@354] - Exception causing close of session 0x24e6117f17a17c4 due to java.io.IOException: ZooKeeperServer not running"#),
        ("E14", #"2015-07-26 22:19:01,332 - WARN  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@354] - Exception causing close of session 0x0 due to java.io.IOException: ZooKeeperServer not running"#),
        ("E15", #"2015-07-11 18:10:27,428 - INFO  [SessionTracker:ZooKeeperServer@325] - Expiring session 0x24ec6022cb05a25, timeout of 10000ms exceeded"#),
        ("E15", #"2015-07-28 13:29:18,445 - INFO  [SessionTracker:ZooKeeperServer@325] - Expiring session 0x24e58017496ac77, timeout of 10000ms exceeded"#),
        ("E16", #"2015-07-04 23:00:56,027 - WARN  [LearnerHandler-/10.10.34.12:35998:Leader@576] - First is 0x229c8ab6c"#),
        ("E16", #"2015-07-05 15:13:45,417 - WARN  [LearnerHandler-/10.10.34.12:38605:Leader@576] - First is 0xf121dca52"#),
        ("E17", #"2015-07-27 03:56:12,009 - INFO  [LearnerHandler-/10.10.34.11:37914:LearnerHandler@263] - Follower sid: 3 : info : org.apache.zookeeper.server.quorum.QuorumPeer$QuorumServer@64d34d"#),
        ("E17", #"2015-07-01 23:38:59,724 - INFO  [LearnerHandler-/10.10.34.12:41803:LearnerHandler@263] - Follower sid: 3 : info : org.apache.zookeeper.server.quorum.QuorumPeer$QuorumServer@1c5aa460"#),
        ("E19", #"2015-07-06 10:35:09,783 - INFO  [QuorumPeer[myid=2]/0:0:0:0:0:0:0:0:2181:Follower@63] - FOLLOWING - LEADER ELECTION TOOK - 157"#),
        ("E19", #"2015-07-10 16:33:08,747 - INFO  [QuorumPeer[myid=3]/0:0:0:0:0:0:0:0:2181:Follower@63] - FOLLOWING - LEADER ELECTION TOOK - 11234"#),
        ("E20", #"2015-07-07 14:12:14,795 - INFO  [QuorumPeer[myid=3]/0:0:0:0:0:0:0:0:2181:Learner@325] - Getting a snapshot from leader"#),
        ("E20", #"2015-07-20 07:50:20,888 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:Learner@325] - Getting a snapshot from leader"#),
        ("E21", #"2015-07-11 03:55:20,495 - INFO  [ProcessThread(sid:2 cport:-1)::PrepRequestProcessor@645] - Got user-level KeeperException when processing sessionid:0x34e8b376c60115c type:create cxid:0xab zxid:0x4c5ef6758 txntype:-1 reqpath:n/a Error Path:/hbase/replication/rs Error:KeeperErrorCode = NodeExists for /hbase/replication/rs"#),
        ("E21", #"2015-07-14 02:03:57,042 - INFO  [ProcessThread(sid:3 cport:-1)::PrepRequestProcessor@645] - Got user-level KeeperException when processing sessionid:0x14f57aee27b76da type:create cxid:0xd5 zxid:0xb1825afd1 txntype:-1 reqpath:n/a Error Path:/hbase/replication/rs Error:KeeperErrorCode = NodeExists for /hbase/replication/rs"#),
        ("E22", #"2015-07-14 23:15:50,809 - INFO  [LearnerHandler-/10.10.34.13:60217:Leader@598] - Have quorum of supporters; starting up and setting last processed zxid: 0x500000000"#),
        ("E22", #"2015-07-25 02:52:23,304 - INFO  [LearnerHandler-/10.10.34.13:33340:Leader@598] - Have quorum of supporters; starting up and setting last processed zxid: 0xb00000000"#),
        ("E23", #"2015-07-26 07:40:38,696 - INFO  [WorkerSender[myid=1]:QuorumCnxManager@193] - Have smaller server identifier, so dropping the connection: (3, 1)"#),
        ("E23", #"2015-07-02 20:18:20,277 - INFO  [WorkerSender[myid=2]:QuorumCnxManager@193] - Have smaller server identifier, so dropping the connection: (3, 2)"#),
        ("E24", #"2015-07-08 08:14:35,372 - WARN  [SendWorker:1:QuorumCnxManager$SendWorker@679] - Interrupted while waiting for message on queue"#),
        ("E24", #"2015-07-04 23:04:54,391 - WARN  [SendWorker:3:QuorumCnxManager$SendWorker@679] - Interrupted while waiting for message on queue"#),
        ("E25", #"2015-07-21 06:36:17,971 - WARN  [RecvWorker:1:QuorumCnxManager$RecvWorker@765] - Interrupting SendWorker"#),
        ("E25", #"2015-07-21 18:42:31,196 - WARN  [RecvWorker:1:QuorumCnxManager$RecvWorker@765] - Interrupting SendWorker"#),
        ("E27", #"2015-07-12 15:27:21,538 - INFO  [main:QuorumPeer@944] - maxSessionTimeout set to 40000"#),
        ("E27", #"2015-07-18 07:52:05,764 - INFO  [main:QuorumPeer@944] - maxSessionTimeout set to 40000"#),
        ("E28", #"2015-07-11 03:29:03,082 - INFO  [main:QuorumPeer@933] - minSessionTimeout set to -1"#),
        ("E28", #"2015-07-24 11:17:24,635 - INFO  [main:QuorumPeer@933] - minSessionTimeout set to -1"#),
        ("E29", #"2015-07-11 09:20:37,363 - INFO  [/10.10.34.12:3888:QuorumCnxManager$Listener@486] - My election bind port: 0.0.0.0/0.0.0.0:3888"#),
        ("E29", #"2015-07-26 09:02:28,166 - INFO  [/10.10.34.11:3888:QuorumCnxManager$Listener@486] - My election bind port: mesos-master-1/10.10.34.12:3888"#),
        ("E30", #"2015-07-09 17:38:14,244 - INFO  [QuorumPeer[myid=3]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@818] - New election. My id =  3, proposed zxid=0xedb8d9949"#),
        ("E30", #"2015-07-15 03:11:49,952 - INFO  [QuorumPeer[myid=2]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@818] - New election. My id =  2, proposed zxid=0xe5a97adc5"#),
        ("E31", #"2015-07-06 17:58:42,212 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 6400"#),
        ("E31", #"2015-07-07 19:28:51,059 - INFO  [QuorumPeer[myid=2]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 1600"#),
        ("E38", #"2015-07-14 17:44:32,061 - INFO  [ProcessThread(sid:1 cport:-1)::PrepRequestProcessor@476] - Processed session termination for sessionid: 0x14f5b31a92dacfe"#),
        ("E38", #"2015-07-18 11:41:57,408 - INFO  [ProcessThread(sid:3 cport:-1)::PrepRequestProcessor@476] - Processed session termination for sessionid: 0x34fe2aa30338c45"#),
        ("E39", #"2015-07-05 14:39:24,791 - INFO  [main:FileSnap@83] - Reading snapshot /var/lib/zookeeper/version-2/snapshot.f3b481ae8"#),
        ("E39", #"2015-07-03 15:47:32,442 - INFO  [main:FileSnap@83] - Reading snapshot /var/lib/zookeeper/version-2/snapshot.ec263a873"#),
        ("E40", #"2015-07-22 16:38:39,030 - INFO  [/10.10.34.11:3888:QuorumCnxManager$Listener@493] - Received connection request /10.10.34.12:43018"#),
        ("E40", #"2015-07-17 14:10:06,527 - INFO  [/10.10.34.12:3888:QuorumCnxManager$Listener@493] - Received connection request /10.10.34.11:59497"#),
        ("E41", #"2015-07-10 21:58:14,482 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:Learner@107] - Revalidating client: 0x24e2b642616b19f"#),
        ("E41", #"2015-07-25 13:32:19,602 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:Learner@107] - Revalidating client: 0x24f474db8cbcae3"#),
        ("E42", #"2015-07-28 00:39:53,431 - WARN  [SendWorker:1:QuorumCnxManager$SendWorker@688] - Send worker leaving thread"#),
        ("E42", #"2015-07-03 18:58:29,362 - WARN  [SendWorker:3:QuorumCnxManager$SendWorker@688] - Send worker leaving thread"#),
        ("E43", #"2015-07-24 05:15:06,601 - INFO  [LearnerHandler-/10.10.34.12:33048:LearnerHandler@395] - Sending DIFF"#),
        ("E43", #"2015-07-17 15:46:36,425 - INFO  [LearnerHandler-/10.10.34.11:53638:LearnerHandler@395] - Sending DIFF"#),
        ("E45", #"2015-07-12 04:58:30,414 - INFO  [QuorumPeer[myid=2]/0:0:0:0:0:0:0:0:2181:FinalRequestProcessor@415] - shutdown of request processor complete"#),
        ("E45", #"2015-07-06 23:37:55,968 - INFO  [QuorumPeer[myid=2]/0:0:0:0:0:0:0:0:2181:FinalRequestProcessor@415] - shutdown of request processor complete"#),
        ("E46", #"2015-07-10 12:10:47,399 - INFO  [QuorumPeer[myid=2]/0:0:0:0:0:0:0:0:2181:FileTxnSnapLog@240] - Snapshotting: 0x11e730211 to /var/lib/zookeeper/version-2/snapshot.11e730211"#),
        ("E46", #"2015-07-15 14:10:23,326 - INFO  [QuorumPeer[myid=3]/0:0:0:0:0:0:0:0:2181:FileTxnSnapLog@240] - Snapshotting: 0xace75502c to /var/lib/zookeeper/version-2/snapshot.ace75502c"#),
        ("E47", #"2015-07-20 08:27:05,749 - INFO  [main:QuorumPeerMain@127] - Starting quorum peer"#),
        ("E47", #"2015-07-19 04:23:35,239 - INFO  [main:QuorumPeerMain@127] - Starting quorum peer"#),
        ("E48", #"2015-07-28 01:56:53,573 - INFO  [main:QuorumPeer@913] - tickTime set to 2000"#),
        ("E48", #"2015-07-27 10:06:47,282 - INFO  [main:QuorumPeer@913] - tickTime set to 2000"#),
        ("E49", #"2015-07-10 19:29:55,948 - ERROR [LearnerHandler-/10.10.34.12:51721:LearnerHandler@633] - Unexpected exception causing shutdown while sock still open"#),
        ("E49", #"2015-07-02 11:33:52,360 - ERROR [LearnerHandler-/10.10.34.12:58894:LearnerHandler@633] - Unexpected exception causing shutdown while sock still open"#),
        ("E50", #"2015-07-01 19:57:38,522 - ERROR [CommitProcessor:3:NIOServerCnxn@180] - Unexpected Exception: "#),
        ("E50", #"2015-07-02 09:37:58,757 - ERROR [CommitProcessor:2:NIOServerCnxn@180] - Unexpected Exception: "#),
    ]
    /// Spark's lines are labelled with names (Loghub's E-numbers are in `HeldOutStyles`).
    static let spark: [(String, String)] = [
        ("committed", #"17/06/02 01:09:20 INFO mapred.SparkHadoopMapRedUtil: attempt_201706062236_8064_m_311168_1044: Committed"#),
        ("committed", #"17/06/10 14:40:13 INFO mapred.SparkHadoopMapRedUtil: attempt_201706042106_2821_m_428762_4063: Committed"#),
        ("connectingDriver", #"17/06/26 10:03:13 INFO executor.CoarseGrainedExecutorBackend: Connecting to driver: spark://CoarseGrainedScheduler@10.10.34.12:59700"#),
        ("connectingDriver", #"17/06/05 22:41:06 INFO executor.CoarseGrainedExecutorBackend: Connecting to driver: spark://CoarseGrainedScheduler@10.10.34.12:34750"#),
        ("localDirectory", #"17/06/11 09:11:15 INFO storage.DiskBlockManager: Created local directory at /opt/hdfs/nodemanager/usercache/hadoop/appcache/application_1485248649253_4082/blockmgr-38554120-5ba5-427b-a9f5-d153b85433ba"#),
        ("localDirectory", #"17/06/21 01:35:03 INFO storage.DiskBlockManager: Created local directory at /opt/hdfs/nodemanager/usercache/hadoop/appcache/application_1485248649253_6591/blockmgr-80928713-8378-4065-ad3e-22936f9a5ebb"#),
        ("committerVersion", #"17/06/28 20:36:55 INFO output.FileOutputCommitter: File Output Committer Algorithm version is 1"#),
        ("committerVersion", #"17/06/10 05:46:17 INFO output.FileOutputCommitter: File Output Committer Algorithm version is 1"#),
        ("finished", #"17/06/14 15:43:05 INFO executor.Executor: Finished task 104.0 in stage 10.0 (TID 25941). 1201 bytes result sent to driver"#),
        ("finished", #"17/06/07 05:42:17 INFO executor.Executor: Finished task 178.0 in stage 27.0 (TID 26244). 2207 bytes result sent to driver"#),
        ("foundBlock", #"17/06/01 14:21:29 INFO storage.BlockManager: Found block rdd_10_17 locally"#),
        ("foundBlock", #"17/06/03 13:36:50 INFO storage.BlockManager: Found block rdd_45_104 locally"#),
        ("assigned", #"17/06/17 04:54:48 INFO executor.CoarseGrainedExecutorBackend: Got assigned task 36948"#),
        ("assigned", #"17/06/19 22:05:02 INFO executor.CoarseGrainedExecutorBackend: Got assigned task 13185"#),
        ("inputSplit", #"17/06/16 07:44:01 INFO rdd.HadoopRDD: Input split: hdfs://10.10.34.11:9000/pjhe/logs/Spark.log:29168+14584"#),
        ("inputSplit", #"17/06/25 08:38:10 INFO rdd.HadoopRDD: Input split: hdfs://10.10.34.11:9000/pjhe/logs/2kHDFS.log:29168+7292"#),
        ("memoryStoreStarted", #"17/06/21 14:38:54 INFO storage.MemoryStore: MemoryStore started with capacity 28.2 GB"#),
        ("memoryStoreStarted", #"17/06/13 13:48:17 INFO storage.MemoryStore: MemoryStore started with capacity 9.0 GB"#),
        ("partitionNotFound", #"17/06/11 18:42:33 INFO spark.CacheManager: Partition rdd_31_19 not found, computing it"#),
        ("partitionNotFound", #"17/06/01 05:05:34 INFO spark.CacheManager: Partition rdd_34_191 not found, computing it"#),
        ("readingBroadcast", #"17/06/13 20:51:07 INFO broadcast.TorrentBroadcast: Reading broadcast variable 2 took 15 ms"#),
        ("readingBroadcast", #"17/06/27 04:16:30 INFO broadcast.TorrentBroadcast: Reading broadcast variable 44 took 33 ms"#),
        ("registeredBlockManager", #"17/06/06 23:40:34 INFO storage.BlockManagerMaster: Registered BlockManager"#),
        ("registeredBlockManager", #"17/06/02 03:50:01 INFO storage.BlockManagerMaster: Registered BlockManager"#),
        ("signalHandlers", #"17/06/06 04:05:43 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers for [TERM, HUP, INT]"#),
        ("signalHandlers", #"17/06/23 14:42:26 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers for [TERM, HUP, INT]"#),
        ("remotingStarted", #"17/06/01 10:05:07 INFO Remoting: Remoting started; listening on addresses :[akka.tcp://sparkExecutorActorSystem@mesos-slave-24:42566]"#),
        ("remotingStarted", #"17/06/13 20:03:48 INFO Remoting: Remoting started; listening on addresses :[akka.tcp://sparkExecutorActorSystem@mesos-slave-13:58448]"#),
        ("running", #"17/06/05 15:42:42 INFO executor.Executor: Running task 10.0 in stage 10.0 (TID 11920)"#),
        ("running", #"17/06/26 18:19:54 INFO executor.Executor: Running task 137.0 in stage 19.0 (TID 32746)"#),
        ("savedOutput", #"17/06/15 16:35:30 INFO output.FileOutputCommitter: Saved output of task 'attempt_201706092040_8572_m_792388_1620' to hdfs://10.10.34.11:9000/user/curi/out/12/_temporary/0/task_201706092040_8572_m_792388"#),
        ("savedOutput", #"17/06/20 08:40:43 INFO output.FileOutputCommitter: Saved output of task 'attempt_201706091543_7799_m_644200_366' to hdfs://10.10.34.11:9000/user/curi/out/16/_temporary/0/task_201706091543_7799_m_644200"#),
        ("securityManager", #"17/06/01 05:03:37 INFO spark.SecurityManager: SecurityManager: authentication disabled; ui acls disabled; users with view permissions: Set(yarn, curi); users with modify permissions: Set(yarn, curi)"#),
        ("securityManager", #"17/06/14 16:57:39 INFO spark.SecurityManager: SecurityManager: authentication disabled; ui acls disabled; users with view permissions: Set(yarn, curi); users with modify permissions: Set(yarn, curi)"#),
        ("serverCreated", #"17/06/13 14:18:39 INFO netty.NettyBlockTransferService: Server created on 53688"#),
        ("serverCreated", #"17/06/07 13:58:54 INFO netty.NettyBlockTransferService: Server created on 33948"#),
        ("slf4jStarted", #"17/06/07 05:22:36 INFO slf4j.Slf4jLogger: Slf4jLogger started"#),
        ("slf4jStarted", #"17/06/27 15:22:42 INFO slf4j.Slf4jLogger: Slf4jLogger started"#),
        ("startedReadingBroadcast", #"17/06/07 14:31:28 INFO broadcast.TorrentBroadcast: Started reading broadcast variable 85"#),
        ("startedReadingBroadcast", #"17/06/02 09:00:06 INFO broadcast.TorrentBroadcast: Started reading broadcast variable 4"#),
        ("startingExecutor", #"17/06/13 12:28:49 INFO executor.Executor: Starting executor ID 6 on host mesos-slave-07"#),
        ("startingExecutor", #"17/06/17 11:57:17 INFO executor.Executor: Starting executor ID 6 on host mesos-slave-21"#),
        ("startingRemoting", #"17/06/06 19:00:55 INFO Remoting: Starting remoting"#),
        ("startingRemoting", #"17/06/19 07:10:52 INFO Remoting: Starting remoting"#),
        ("registeredWithDriver", #"17/06/03 15:30:13 INFO executor.CoarseGrainedExecutorBackend: Successfully registered with driver"#),
        ("registeredWithDriver", #"17/06/19 16:54:52 INFO executor.CoarseGrainedExecutorBackend: Successfully registered with driver"#),
        ("times", #"17/06/23 22:08:34 INFO python.PythonRunner: Times: total = -433, boot = -3481, init = 3047, finish = 1"#),
        ("times", #"17/06/23 02:23:58 INFO python.PythonRunner: Times: total = 2449, boot = 599, init = 1850, finish = 0"#),
        ("tryingToRegister", #"17/06/21 12:31:37 INFO storage.BlockManagerMaster: Trying to register BlockManager"#),
        ("tryingToRegister", #"17/06/09 04:12:47 INFO storage.BlockManagerMaster: Trying to register BlockManager"#),
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
            "[<*> <*> <*> <*> <*>] [notice] jk2_init() Found child <*> in scoreboard slot <*>",
            "[<*> <*> <*> <*> <*>] [notice] workerEnv.init() ok <*>",
            "[<*> <*> <*> <*> <*>] [error] mod_jk child workerEnv in error state <*>",
            "[<*> <*> <*> <*> <*>] [error] [client <*>] Directory index forbidden by rule: <*>",
            "[<*> <*> <*> <*> <*>] [error] jk2_init() Can't find child <*> in scoreboard",
            "[<*> <*> <*> <*> <*>] [error] mod_jk child init <*> <*>",
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
