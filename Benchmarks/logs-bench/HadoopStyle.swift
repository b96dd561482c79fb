/// Hadoop MapReduce (Loghub): the log4j log of a MapReduce job's ApplicationMaster,
/// `yyyy-MM-dd HH:mm:ss,SSS LEVEL [thread] logger: message`. Loghub's full catalogue for Hadoop
/// (`Hadoop/Hadoop_2k.log_templates.csv` in logpai/loghub, E1-E114, one template each in its
/// order), each event with the level, thread and logger its real lines print
/// (`Hadoop_2k.log_structured.csv`): `[main]` for start-up, `[AsyncDispatcher event handler]`
/// for the state machines, `[RMCommunicator Allocator]` for the scheduler's heartbeat,
/// `[IPC Server handler 13 on 62270]` for the tasks' umbilical calls, `[LeaseRenewer:user@host:9000]`
/// and `[DataStreamer for file ... block ...]` for HDFS. An event logged from several threads
/// (E10's address change, E35's diagnostics report, E90's rack resolution) draws one of them, so
/// its header has different token counts, as the real lines do.
///
/// Values as the real cluster prints them: ids led by the ResourceManager's start time
/// (`job_1445144423722_0020`, `attempt_..._m_000003_0`, `container_..._01_000005`), nodes
/// `MININT-*`/`MSRA-SA-*` under `.fareast.corp.microsoft.com`, the master `msra-sa-4x` with its
/// scheduler on 8030 and its NameNode on 9000, ephemeral ports for the IPC servers, block-pool
/// blocks, a pipeline of two or three datanodes (E39, E96, whose ack has a status for each
/// datanode up to the one that failed).
/// Loghub splits events that differ only in a constant (E3/E4 filter contexts, the E14-E21,
/// E54-E56 and E102-E104 transitions, E78/E79 committer events): its labelling is the field's
/// reference, so the split is kept; E8's path spec (`mapreduce`, `ws`) and E77's container event
/// (`LAUNCH`, `CLEANUP`) are fields of the two words the real lines print. No Loghub line is
/// copied; the generator was written before either miner ran on it.
extension Corpus {
    static let hadoopStyle: Style = {
        typealias Draw = @Sendable (inout Random) -> String
        let padded: @Sendable (Int, Int) -> String = { value, width in
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }

        // Ids: an application is the ResourceManager's start time and a sequence number.
        let cluster: @Sendable (inout Random) -> (stamp: String, number: Int) = { r in
            (r.pick(["1445144423722", "1445062781478", "1445087491445", "1445175094696", "1445182159119"]), 1 + r.int(30))
        }
        let application: Draw = { r in
            let app = cluster(&r)
            return "\(app.stamp)_\(padded(app.number, 4))"
        }
        let taskSuffix: Draw = { r in
            let reduce = r.int(8) == 0
            return "\(reduce ? "r" : "m")_\(padded(reduce ? r.int(2) : r.int(24), 6))"
        }
        // A line naming several ids names one application's.
        let attemptIn: @Sendable (inout Random, String) -> String = { r, app in "attempt_\(app)_\(taskSuffix(&r))_\(r.int(5) == 0 ? 1 : 0)" }
        let containerIn: @Sendable (inout Random, String) -> String = { r, app in "container_\(app)_0\(r.int(6) == 0 ? 2 : 1)_\(padded(1 + r.int(40), 6))" }
        let job: Draw = { r in "job_\(application(&r))" }
        let task: Draw = { r in "task_\(application(&r))_\(taskSuffix(&r))" }
        let attempt: Draw = { r in
            let app = application(&r)
            return attemptIn(&r, app)
        }
        let container: Draw = { r in
            let app = application(&r)
            return containerIn(&r, app)
        }

        // Hosts and ports.
        let domain = ".fareast.corp.microsoft.com"
        let minint: Draw = { r in "MININT-\(r.pick(["FNANLI5", "75DGDAM1", "ICAEQQF", "QTC7N4B"]))" }
        let nodeHost: Draw = { r in "\(r.int(2) == 0 ? minint(&r) : r.pick(["MSRA-SA-39", "MSRA-SA-41", "04DN8IQ"]))\(domain)" }
        let nodeIP: Draw = { r in "10.86.\(r.int(256)).\(1 + r.int(254))" }
        let master: @Sendable (inout Random) -> (name: String, ip: String) = { r in
            let n = [41, 41, 39, 40][r.int(4)]
            return ("msra-sa-\(n)", "10.190.173.\(129 + n)")
        }
        let ephemeral: @Sendable (inout Random) -> Int = { r in 49152 + r.int(16383) }
        let nmPort: @Sendable (inout Random) -> Int = { r in 1024 + r.int(64000) }
        let user: Draw = { r in r.pick(["msrabi", "msrabi", "yarn", "hadoop"]) }
        let staging: @Sendable (inout Random, String) -> String = { r, job in "/tmp/hadoop-yarn/staging/\(user(&r))/.staging/\(job)" }
        let blockPool: Draw = { r in
            "BP-\(1_000_000_000 + r.int(1_100_000_000))-\(master(&r).ip)-1444\(r.digits(9)):blk_\(1_073_741_825 + r.int(5000))_\(1001 + r.int(5000))"
        }
        // A write pipeline: two or three datanodes, the master's among them one time in two.
        let pipeline: @Sendable (inout Random) -> [String] = { r in
            var nodes = (0..<(2 + r.int(2))).map { _ in "\(nodeIP(&r)):50010" }
            if r.int(2) == 0 { nodes[r.int(nodes.count)] = "\(master(&r).ip):50010" }
            return nodes
        }
        let memory: @Sendable (inout Random) -> String = { r in "<memory:\(r.pick(["1024", "1024", "2048", "512"])), vCores:\(r.int(4) == 0 ? 2 : 1)>" }
        let headroom: @Sendable (inout Random) -> String = { r in "<memory:\(1024 * r.int(11)), vCores:\(-r.int(28))>" }
        let progress: Draw = { r in
            switch r.int(10) {
            case 0: return "1.0"
            case 1: return "0.667"
            default: return "0.\(r.int(10))\(r.digits(6 + r.int(3)))"
            }
        }
        let noRoute: Draw = { r in
            "java.net.NoRouteToHostException: No Route to Host from  \(minint(&r))/\(r.int(3) == 0 ? nodeIP(&r) : "127.0.0.1") to \(master(&r).name):9000 failed on socket timeout exception: java.net.NoRouteToHostException: No route to host: no further information; For more details see:  http://wiki.apache.org/hadoop/NoRouteToHost"
        }
        let dispatchedClasses = [
            ("jobhistory.EventType", "jobhistory.JobHistoryEventHandler"),
            ("v2.app.job.event.JobEventType", "v2.app.MRAppMaster$JobEventDispatcher"),
            ("v2.app.job.event.TaskEventType", "v2.app.MRAppMaster$TaskEventDispatcher"),
            ("v2.app.job.event.TaskAttemptEventType", "v2.app.MRAppMaster$TaskAttemptEventDispatcher"),
            ("v2.app.commit.CommitterEventType", "v2.app.commit.CommitterEventHandler"),
            ("v2.app.speculate.Speculator$EventType", "v2.app.MRAppMaster$SpeculatorEventDispatcher"),
            ("v2.app.rm.ContainerAllocator$EventType", "v2.app.MRAppMaster$ContainerAllocatorRouter"),
            ("v2.app.launcher.ContainerLauncher$EventType", "v2.app.MRAppMaster$ContainerLauncherRouter"),
            ("v2.app.job.event.JobFinishEvent$Type", "v2.app.MRAppMaster$JobFinishEventHandler"),
        ]

        // Threads.
        let mainThread: Draw = { _ in "main" }
        let dispatcher: Draw = { _ in "AsyncDispatcher event handler" }
        let allocator: Draw = { _ in "RMCommunicator Allocator" }
        let handler: Draw = { r in "IPC Server handler \(r.int(30)) on \(ephemeral(&r))" }
        let launcher: Draw = { r in "ContainerLauncher #\(r.int(12))" }
        let committer: Draw = { r in "CommitterEvent Processor #\(r.int(4))" }
        let historyThread: Draw = { _ in "eventHandlingThread" }
        let requests: Draw = { r in "Thread-\(40 + r.int(30))" }
        let speculator: Draw = { _ in "DefaultSpeculator background processing" }
        let dataStreamer: @Sendable (inout Random, String) -> String = { r, block in
            let id = job(&r)
            return "DataStreamer for file \(staging(&r, id))/\(id)_\(r.int(6) == 0 ? 2 : 1).jhist block \(block)"
        }

        // Loggers.
        let app = "org.apache.hadoop.mapreduce.v2.app"
        let appMaster = "\(app).MRAppMaster", jobImpl = "\(app).job.impl.JobImpl", taskImpl = "\(app).job.impl.TaskImpl"
        let attemptImpl = "\(app).job.impl.TaskAttemptImpl", allocatorLog = "\(app).rm.RMContainerAllocator"
        let requestor = "\(app).rm.RMContainerRequestor", launcherImpl = "\(app).launcher.ContainerLauncherImpl"
        let speculatorLog = "\(app).speculate.DefaultSpeculator", committerLog = "\(app).commit.CommitterEventHandler"
        let listener = "org.apache.hadoop.mapred.TaskAttemptListenerImpl", history = "org.apache.hadoop.mapreduce.jobhistory.JobHistoryEventHandler"
        let httpServer = "org.apache.hadoop.http.HttpServer2", mortbay = "org.mortbay.log", webApps = "org.apache.hadoop.yarn.webapp.WebApps"
        let ipcServer = "org.apache.hadoop.ipc.Server", ipcClient = "org.apache.hadoop.ipc.Client", dfsClient = "org.apache.hadoop.hdfs.DFSClient"
        let proxy = "org.apache.hadoop.yarn.client.api.impl.ContainerManagementProtocolProxy", metrics = "org.apache.hadoop.metrics2.impl.MetricsSystemImpl"

        /// A line whose thread, logger and message the body draws together.
        func entry(_ level: String, _ body: @escaping @Sendable (inout Random) -> (thread: String, logger: String, message: String)) -> Template {
            { r, _ in
                let stamp = "2015-10-\(r.day()) \(r.clock()),\(r.digits(3))"
                let line = body(&r)
                return "\(stamp) \(level) [\(line.thread)] \(line.logger): \(line.message)"
            }
        }
        func hadoop(_ level: String, _ thread: @escaping Draw, _ logger: String, _ message: @escaping Draw) -> Template {
            entry(level) { r in
                let name = thread(&r)
                return (name, logger, message(&r))
            }
        }
        func attemptTransition(_ from: String, _ to: String) -> Template {
            hadoop("INFO", dispatcher, attemptImpl) { r in "\(attempt(&r)) TaskAttempt Transitioned from \(from) to \(to)" }
        }
        func jobTransition(_ thread: @escaping Draw, _ from: String, _ to: String) -> Template {
            hadoop("INFO", thread, jobImpl) { r in "\(job(&r))Job Transitioned from \(from) to \(to)" }
        }
        func taskTransition(_ from: String, _ to: String) -> Template {
            hadoop("INFO", dispatcher, taskImpl) { r in "\(task(&r)) Task Transitioned from \(from) to \(to)" }
        }
        func scheduling(_ when: String, _ completedReds: @escaping Draw) -> Template {
            hadoop("INFO", allocator, allocatorLog) { r in
                "\(when) Scheduling: PendingReds:\(r.int(2)) ScheduledMaps:\(r.int(11)) ScheduledReds:\(r.int(2)) AssignedMaps:\(r.int(11)) AssignedReds:\(r.int(2)) CompletedMaps:\(r.int(11)) CompletedReds:\(completedReds(&r)) ContAlloc:\(r.int(14)) ContRel:\(r.int(3)) HostLocal:\(r.int(9)) RackLocal:\(r.int(5))"
            }
        }

        return Style(name: "hadoop", templates: [
            // E1-E10
            hadoop("INFO", requests, requestor) { r in "\(1 + r.int(3)) failures on node \(minint(&r))\(domain)" },
            hadoop("INFO", requests, allocatorLog) { r in "Added \(attempt(&r)) to list of failed maps" },
            hadoop("INFO", mainThread, httpServer) { _ in "Added filter AM_PROXY_FILTER (class=org.apache.hadoop.yarn.server.webproxy.amfilter.AmIpFilter) to context mapreduce" },
            hadoop("INFO", mainThread, httpServer) { _ in "Added filter AM_PROXY_FILTER (class=org.apache.hadoop.yarn.server.webproxy.amfilter.AmIpFilter) to context static" },
            hadoop("INFO", mainThread, httpServer) { _ in "Added global filter 'safety' (class=org.apache.hadoop.http.HttpServer2$QuotingInputFilter)" },
            hadoop("INFO", dispatcher, attemptImpl) { r in "Adding #\(r.int(2)) tokens and #\(1 + r.int(2)) secret keys for NM use for launching container" },
            hadoop("INFO", mainThread, jobImpl) { r in "Adding job token for \(job(&r)) to jobTokenSecretManager" },
            hadoop("INFO", mainThread, httpServer) { r in "adding path spec: /\(r.pick(["mapreduce", "ws"]))/*" },
            hadoop("INFO", mainThread, "org.apache.hadoop.yarn.factories.impl.pb.RpcServerFactoryPBImpl") { _ in "Adding protocol org.apache.hadoop.mapreduce.v2.api.MRClientProtocolPB to the server" },
            entry("WARN") { r in
                let m = master(&r)
                let (thread, port): (String, Int) = switch r.int(8) {
                case 0...3: ("LeaseRenewer:\(user(&r))@\(m.name):9000", 9000)
                case 4, 5: ("RMCommunicator Allocator", 8030)
                case 6: (committer(&r), 9000)
                default: (dataStreamer(&r, blockPool(&r)), 9000)
                }
                return (thread, ipcClient, "Address change detected. Old: \(m.name)/\(m.ip):\(port) New: \(m.name):\(port)")
            },
            // E11-E20
            scheduling("After") { _ in "0" },
            hadoop("INFO", allocator, allocatorLog) { r in "All maps assigned. Ramping up all remaining reduces:\(r.int(4) == 0 ? 2 : 1)" },
            hadoop("INFO", allocator, allocatorLog) { r in
                let app = application(&r)
                return "Assigned container \(containerIn(&r, app)) to \(attemptIn(&r, app))"
            },
            attemptTransition("ASSIGNED", "RUNNING"),
            attemptTransition("FAIL_CONTAINER_CLEANUP", "FAIL_TASK_CLEANUP"),
            attemptTransition("FAIL_TASK_CLEANUP", "FAILED"),
            attemptTransition("NEW", "UNASSIGNED"),
            attemptTransition("RUNNING", "FAIL_CONTAINER_CLEANUP"),
            attemptTransition("RUNNING", "SUCCESS_CONTAINER_CLEANUP"),
            attemptTransition("SUCCESS_CONTAINER_CLEANUP", "SUCCEEDED"),
            // E21-E30
            attemptTransition("UNASSIGNED", "ASSIGNED"),
            hadoop("INFO", dispatcher, speculatorLog) { r in "ATTEMPT_START \(task(&r))" },
            entry("INFO") { r in ("Socket Reader #1 for port \(ephemeral(&r))", "SecurityLogger.org.apache.hadoop.ipc.Server", "Auth successful for \(job(&r)) (auth:SIMPLE)") },
            scheduling("Before") { r in r.int(6) == 0 ? "1" : "0" },
            hadoop("INFO", mainThread, requestor) { r in "blacklistDisablePercent is \(r.pick(["33", "33", "33", "25", "50"]))" },
            hadoop("INFO", allocator, allocatorLog) { r in
                let host = nodeHost(&r), port = nmPort(&r), resource = memory(&r)
                return "Cannot assign container Container: [ContainerId: \(container(&r)), NodeId: \(host):\(port), NodeHttpAddress: \(host):8042, Resource: \(resource), Priority: \(r.pick(["20", "20", "5"])), Token: Token { kind: ContainerToken, service: \(r.int(2) == 0 ? nodeIP(&r) : "172.22.\(r.int(256)).\(1 + r.int(254))"):\(port) }, ] for a map as either  container memory less than required \(resource) or no pending map tasks - maps.isEmpty=true"
            },
            hadoop("INFO", mainThread, "org.apache.hadoop.yarn.client.RMProxy") { r in
                let m = master(&r)
                return "Connecting to ResourceManager at \(m.name)/\(m.ip):\(r.pick(["8030", "8030", "8032"]))"
            },
            hadoop("ERROR", allocator, allocatorLog) { r in "Container complete event for unknown container id \(container(&r))" },
            hadoop("INFO", mainThread, appMaster) { r in "Created MRAppMaster for application appattempt_\(application(&r))_\(padded(r.int(5) == 0 ? 2 : 1, 6))" },
            entry("WARN") { r in (dataStreamer(&r, blockPool(&r)), dfsClient, "DataStreamer Exception") },
            // E31-E40
            hadoop("INFO", mainThread, "org.apache.hadoop.mapreduce.v2.jobhistory.JobHistoryUtils") { r in "Default file system [hdfs://\(master(&r).name):\(r.pick(["9000", "9000", "8020"]))]" },
            hadoop("INFO", speculator, speculatorLog) { r in "DefaultSpeculator.addSpeculativeAttempt -- we are speculating \(task(&r))" },
            entry("WARN") { r in
                let block = blockPool(&r)
                return ("ResponseProcessor for block \(block)", dfsClient, "DFSOutputStream ResponseProcessor exception  for block \(block)")
            },
            hadoop("INFO", dispatcher, attemptImpl) { r in "Diagnostics report from \(attempt(&r)): Container killed by the ApplicationMaster." },
            entry("INFO") { r in
                let (thread, logger) = r.int(2) == 0 ? (handler(&r), listener) : ("AsyncDispatcher event handler", attemptImpl)
                return (thread, logger, "Diagnostics report from \(attempt(&r)): Error: \(noRoute(&r))")
            },
            hadoop("INFO", handler, listener) { r in "Done acknowledgement from \(attempt(&r))" },
            hadoop("INFO", mainThread, history) { _ in "Emitting job history data to the timeline server is not enabled" },
            hadoop("ERROR", allocator, allocatorLog) { _ in "ERROR IN CONTACTING RM. " },
            entry("WARN") { r in
                let block = blockPool(&r), nodes = pipeline(&r)
                return (dataStreamer(&r, block), dfsClient, "Error Recovery for block \(block) in pipeline \(nodes.joined(separator: ", ")): bad datanode \(nodes[r.int(nodes.count)])")
            },
            hadoop("ERROR", historyThread, history) { r in "Error writing History Event: org.apache.hadoop.mapreduce.jobhistory.TaskAttemptUnsuccessfulCompletionEvent@\(String(r.next() & 0x7fff_ffff, radix: 16))" },
            // E41-E50
            hadoop("INFO", historyThread, history) { r in
                let id = job(&r)
                return "Event Writer setup for JobId: \(id), File: hdfs://\(master(&r).name):9000\(staging(&r, id))/\(id)_\(r.int(6) == 0 ? 2 : 1).jhist"
            },
            hadoop("INFO", mainThread, appMaster) { _ in "Executing with tokens:" },
            hadoop("INFO", mainThread, mortbay) { r in
                "Extract jar:file:/\(r.pick(["D:/hadoop-2.6.0-localbox", "C:/hadoop-2.6.0", "D:/hadoop-2.6.0"]))/share/hadoop/yarn/hadoop-yarn-common-2.6.0\(r.int(2) == 0 ? "-SNAPSHOT" : "").jar!/webapps/mapreduce to C:\\Users\\\(user(&r))\\AppData\\Local\\Temp\\Jetty_0_0_0_0_\(ephemeral(&r))_mapreduce____.\(String((0..<6).map { _ in Array("0123456789abcdefghijklmnopqrstuvwxyz")[r.int(36)] }))\\webapp"
            },
            entry("WARN") { r in
                let m = master(&r), client = "DFSClient_NONMAPREDUCE_\(r.int(2) == 0 ? "-" : "")\(r.int(2_147_483_647))_\(1 + r.int(3))"
                return ("LeaseRenewer:\(user(&r))@\(m.name):9000", "org.apache.hadoop.hdfs.LeaseRenewer", "Failed to renew lease for [\(client)] for \(30 + r.int(330)) seconds.  Will retry shortly ...")
            },
            hadoop("INFO", allocator, requestor) { r in
                "getResources() for application_\(application(&r)): ask=\(r.int(6)) release= \(r.int(2)) newContainers=\(r.int(3)) finishedContainers=\(r.int(2)) resourcelimit=\(headroom(&r)) knownNMs=\(r.pick(["4", "4", "3"]))"
            },
            hadoop("INFO", allocator, allocatorLog) { r in "Got allocated containers \(1 + r.int(3))" },
            hadoop("INFO", mainThread, "org.apache.hadoop.http.HttpRequestLog") { _ in "Http request log for http.requests.mapreduce is not defined" },
            hadoop("INFO", mainThread, jobImpl) { r in
                let splits = 1 + r.int(20)
                return "Input size for job \(job(&r)) = \((splits - 1) * 134_217_728 + 1 + r.int(134_217_728)). Number of splits = \(splits)"
            },
            hadoop("INFO", mainThread, "\(app).client.MRClientService") { r in "Instantiated MRClientService at \(minint(&r))\(domain)/\(nodeIP(&r)):\(ephemeral(&r))" },
            entry("INFO") { r in
                let port = ephemeral(&r)
                return ("IPC Server listener on \(port)", ipcServer, "IPC Server listener on \(port): starting")
            },
            // E51-E60
            hadoop("INFO", { _ in "IPC Server Responder" }, ipcServer) { _ in "IPC Server Responder: starting" },
            hadoop("INFO", mainThread, httpServer) { r in "Jetty bound to port \(ephemeral(&r))" },
            hadoop("INFO", mainThread, mortbay) { _ in "jetty-6.1.26" },
            jobTransition(dispatcher, "INITED", "SETUP"),
            jobTransition(mainThread, "NEW", "INITED"),
            jobTransition(dispatcher, "SETUP", "RUNNING"),
            hadoop("INFO", dispatcher, speculatorLog) { r in "JOB_CREATE \(job(&r))" },
            hadoop("INFO", handler, listener) { r in "JVM with ID : jvm_\(application(&r))_\(r.int(8) == 0 ? "r" : "m")_\(padded(2 + r.int(40), 6)) asked for a task" },
            hadoop("INFO", handler, listener) { r in
                let app = application(&r), attempt = attemptIn(&r, app)
                let kind = attempt.split(separator: "_")[3]
                return "JVM with ID: jvm_\(app)_\(kind)_\(padded(2 + r.int(40), 6)) given task: \(attempt)"
            },
            hadoop("INFO", launcher, launcherImpl) { r in "KILLING \(attempt(&r))" },
            // E61-E70
            hadoop("INFO", mainThread, appMaster) { r in
                let app = cluster(&r)
                return "Kind: YARN_AM_RM_TOKEN, Service: , Ident: (appAttemptId { application_id { id: \(app.number) cluster_timestamp: \(app.stamp) } attemptId: \(r.int(5) == 0 ? 2 : 1) } keyId: \(r.int(2) == 0 ? "-" : "")\(r.int(2_147_483_647)))"
            },
            hadoop("INFO", launcher, launcherImpl) { r in "Launching \(attempt(&r))" },
            hadoop("INFO", mainThread, "org.apache.hadoop.metrics2.impl.MetricsConfig") { _ in "loaded properties from hadoop-metrics2.properties" },
            hadoop("INFO", mainThread, mortbay) { r in "Logging to \(r.pick(["org.slf4j.impl.Log4jLoggerAdapter", "org.slf4j.impl.Log4jLoggerAdapter", "org.slf4j.impl.JDK14LoggerAdapter"]))(org.mortbay.log) via org.mortbay.log.Slf4jLog" },
            hadoop("INFO", requests, allocatorLog) { r in "mapResourceRequest:\(memory(&r))" },
            hadoop("INFO", mainThread, allocatorLog) { r in "maxContainerCapability: <memory:\(r.pick(["8192", "8192", "16384"])), vCores:\(r.pick(["32", "32", "8"]))>" },
            hadoop("INFO", mainThread, requestor) { r in "maxTaskFailuresPerNode is \(r.pick(["3", "3", "3", "2", "5"]))" },
            hadoop("INFO", mainThread, appMaster) { r in "MRAppMaster launching normal, non-uberized, multi-container job \(job(&r))." },
            hadoop("INFO", mainThread, metrics) { _ in "MRAppMaster metrics system started" },
            hadoop("INFO", mainThread, requestor) { _ in "nodeBlacklistingEnabled:true" },
            // E71-E80
            hadoop("INFO", mainThread, jobImpl) { r in "Not uberizing \(job(&r)) because: not enabled; too many maps; too much input;" },
            hadoop("INFO", dispatcher, jobImpl) { r in "Num completed Tasks: \(1 + r.int(12))" },
            hadoop("INFO", mainThread, jobImpl) { r in "Number of reduces for job \(job(&r)) = \(r.pick(["1", "1", "1", "2", "4"]))" },
            hadoop("INFO", launcher, proxy) { r in "Opening proxy : \(nodeHost(&r)):\(nmPort(&r))" },
            hadoop("INFO", mainThread, appMaster) { _ in "OutputCommitter is org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter" },
            hadoop("INFO", mainThread, appMaster) { _ in "OutputCommitter set in config null" },
            hadoop("INFO", launcher, launcherImpl) { r in
                let app = application(&r)
                return "Processing the event EventType: CONTAINER_REMOTE_\(r.pick(["LAUNCH", "CLEANUP"])) for container \(containerIn(&r, app)) taskAttempt \(attemptIn(&r, app))"
            },
            hadoop("INFO", committer, committerLog) { _ in "Processing the event EventType: JOB_SETUP" },
            hadoop("INFO", committer, committerLog) { _ in "Processing the event EventType: TASK_ABORT" },
            hadoop("INFO", handler, listener) { r in "Progress of TaskAttempt \(attempt(&r)) is : \(progress(&r))" },
            // E81-E90
            hadoop("INFO", dispatcher, attemptImpl) { _ in "Putting shuffle token in serviceData" },
            hadoop("INFO", mainThread, allocatorLog) { _ in "queue: default" },
            hadoop("INFO", allocator, allocatorLog) { r in "Recalculating schedule, headroom=\(headroom(&r))" },
            hadoop("INFO", allocator, allocatorLog) { r in "Received completed container \(container(&r))" },
            hadoop("INFO", allocator, allocatorLog) { r in "Reduce slow start threshold not met. completedMapsForReduceSlowstart \(1 + r.int(3))" },
            hadoop("INFO", allocator, allocatorLog) { _ in "Reduce slow start threshold reached. Scheduling reduces." },
            hadoop("INFO", requests, allocatorLog) { r in "reduceResourceRequest:\(memory(&r))" },
            hadoop("INFO", mainThread, webApps) { _ in "Registered webapp guice modules" },
            hadoop("INFO", mainThread, "org.apache.hadoop.yarn.event.AsyncDispatcher") { r in
                let (event, target) = dispatchedClasses[r.int(dispatchedClasses.count)]
                return "Registering class org.apache.hadoop.mapreduce.\(event) for class org.apache.hadoop.mapreduce.\(target)"
            },
            hadoop("INFO", { r in r.int(3) == 0 ? "RMCommunicator Allocator" : "AsyncDispatcher event handler" }, "org.apache.hadoop.yarn.util.RackResolver") { r in "Resolved \(nodeHost(&r)) to /default-rack" },
            // E91-E100
            hadoop("INFO", allocator, ipcClient) { r in
                "Retrying connect to server: \(master(&r).name):8030. Already tried \(r.int(4) == 0 ? r.int(10) : 0) time(s); retry policy is RetryUpToMaximumCountWithFixedSleep(maxRetries=\(r.pick(["10", "10", "45"])), sleepTime=\(r.pick(["1000", "1000", "2000"])) MILLISECONDS)"
            },
            hadoop("INFO", mainThread, metrics) { r in "Scheduled snapshot period at \(r.pick(["10", "10", "60"])) second(s)." },
            hadoop("INFO", dispatcher, taskImpl) { r in "Scheduling a redundant attempt for task \(task(&r))" },
            hadoop("INFO", launcher, launcherImpl) { r in "Shuffle port returned by ContainerManager for \(attempt(&r)) : \(r.pick(["13562", "13562", "13563"]))" },
            hadoop("INFO", dispatcher, attemptImpl) { r in "Size of containertokens_dob is \(1 + r.int(2))" },
            entry("WARN") { r in
                // The ack: one status for each datanode up to the one that failed downstream.
                let block = blockPool(&r), nodes = pipeline(&r), bad = 1 + r.int(nodes.count - 1)
                let statuses = (0...bad).map { "status: \($0 == bad ? "ERROR" : "SUCCESS")" }.joined(separator: " ")
                return ("ResponseProcessor for block \(block)", dfsClient, "Slow ReadProcessor read fields took \(30_000 + r.int(60_000))ms (threshold=30000ms); ack: seqno: \(r.int(3) == 0 ? -2 : r.int(5000)) \(statuses) downstreamAckTimeNanos: \(r.int(2) == 0 ? 0 : r.int(5_000_000)), targets: [\(nodes.joined(separator: ", "))]")
            },
            hadoop("INFO", mainThread, mortbay) { r in "Started HttpServer2$SelectChannelConnectorWithSafeStartup@0.0.0.0:\(ephemeral(&r))" },
            entry("INFO") { r in
                let reader = r.int(5) == 0 ? 2 : 1, port = ephemeral(&r)
                return ("Socket Reader #\(reader) for port \(port)", ipcServer, "Starting Socket Reader #\(reader) for port \(port)")
            },
            hadoop("WARN", committer, committerLog) { r in "Task cleanup failed for attempt \(attempt(&r))" },
            hadoop("INFO", dispatcher, taskImpl) { r in "Task succeeded with attempt \(attempt(&r))" },
            // E101-E110
            hadoop("FATAL", handler, listener) { r in "Task: \(attempt(&r)) - exited : \(noRoute(&r))" },
            taskTransition("NEW", "SCHEDULED"),
            taskTransition("RUNNING", "SUCCEEDED"),
            taskTransition("SCHEDULED", "RUNNING"),
            hadoop("INFO", dispatcher, attemptImpl) { r in
                let app = application(&r)
                return "TaskAttempt: [\(attemptIn(&r, app))] using containerId: [\(containerIn(&r, app)) on NM: [\(nodeHost(&r)):\(nmPort(&r))]"
            },
            hadoop("INFO", dispatcher, attemptImpl) { r in
                let id = job(&r)
                return "The job-conf file on the remote FS is \(staging(&r, id))/job.xml"
            },
            hadoop("INFO", dispatcher, attemptImpl) { r in
                let id = job(&r)
                return "The job-jar file on the remote FS is hdfs://\(master(&r).name):9000\(staging(&r, id))/job.jar"
            },
            hadoop("ERROR", historyThread, "org.apache.hadoop.yarn.YarnUncaughtExceptionHandler") { r in "Thread Thread[eventHandlingThread,\(r.pick(["5", "5", "5", "10"])),main] threw an Exception." },
            hadoop("INFO", mainThread, launcherImpl) { r in "Upper limit on the thread pool size is \(r.pick(["500", "500", "100"]))" },
            hadoop("INFO", mainThread, "org.apache.hadoop.ipc.CallQueueManager") { _ in "Using callQueue class java.util.concurrent.LinkedBlockingQueue" },
            // E111-E114
            hadoop("INFO", mainThread, appMaster) { _ in "Using mapred newApiCommitter." },
            hadoop("INFO", speculator, speculatorLog) { r in "We launched \(1 + r.int(2)) speculations.  Sleeping \(r.int(3) == 0 ? 15000 - r.int(50) : 15000) milliseconds." },
            hadoop("INFO", mainThread, webApps) { r in "Web app /mapreduce started at \(ephemeral(&r))" },
            hadoop("INFO", mainThread, proxy) { r in "yarn.client.max-cached-nodemanagers-proxies : \(r.pick(["0", "0", "500"]))" },
        ])
    }()
}
