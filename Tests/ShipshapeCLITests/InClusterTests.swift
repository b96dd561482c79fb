import Foundation
import Sandbox
import TestSupport
import XCTest
import YAML

/// Shipshape's own jobs, running for real in a cluster: the chart is installed into the Sandbox
/// with `shipshape reconcile`; its CronJobs' pods run the real binary under their own service
/// accounts and Roles, read the configuration repository over HTTPS (nginx + git http-backend,
/// token from the `shipshape-git` Secret), apply what is pushed to it, and push
/// recommendations back.
final class InClusterTests: XCTestCase {
    var work: URL!
    var git: HTTPSGitServer!
    var server: SandboxServer!
    var runtime: ProcessRuntime!
    var kubeconfig: String { work.appendingPathComponent("admin.kubeconfig").path }
    var checkout: URL { work.appendingPathComponent("checkout") }
    let token = HTTPSGitServer.users["x-access-token"]!

    /// 2026-01-05T09:50:00Z: the reconcile CronJob (*/5) first runs at 09:55, the recommend
    /// CronJob (hourly) at 10:00. Simulated time moves only when the test moves it, a second
    /// at a time while processes run (`advance(until:)`), so what happens when is fixed.
    static let start = 1_767_606_600.0

    override func setUpWithError() throws {
        work = try Repository.scratch("shipshape-in-cluster")
        git = try HTTPSGitServer.start(in: work.path)
        // The configuration repository: this repository's chart, overlays and policies, with
        // the dev overlay pointing the jobs at the served repository.
        let repo = work.appendingPathComponent("config")
        let fm = FileManager.default
        try fm.createDirectory(at: repo.appendingPathComponent("charts"), withIntermediateDirectories: true)
        try fm.copyItem(at: Repository.root.appendingPathComponent("charts/chatbot"), to: repo.appendingPathComponent("charts/chatbot"))
        for item in ["overlays", "policies", "shipshape.yaml"] {
            try fm.copyItem(at: Repository.root.appendingPathComponent(item), to: repo.appendingPathComponent(item))
        }
        let values = repo.appendingPathComponent("overlays/dev/values.yaml")
        try (String(contentsOf: values, encoding: .utf8) + """
              repository:
                url: \(git.url("config.git"))
                branch: main
                credentialsSecret: shipshape-git

            """).write(to: values, atomically: true, encoding: .utf8)
        // One sample is history enough here, so the first hourly run has something to push.
        let policy = repo.appendingPathComponent("policies/recommend.yaml")
        try String(contentsOf: policy, encoding: .utf8).replacingOccurrences(of: "minHistoryDays: 1", with: "minHistoryDays: 0")
            .write(to: policy, atomically: true, encoding: .utf8)
        try run("git", ["init", "-q", "-b", "main"], in: repo)
        try run("git", ["add", "-A"], in: repo)
        try run("git", ["commit", "-q", "-m", "chatbot: initial configuration"], in: repo)
        _ = try git.serve(repo.path, as: "config.git")
        try run("git", ["clone", "-q", authenticatedURL, checkout.path], in: work)

        runtime = ProcessRuntime(binary: ShipshapeBinary.path, directory: work.appendingPathComponent("pods").path)
    }

    /// Starts the Sandbox (simulated time stands still at `start` until a test moves it).
    func startCluster(scenario: Scenario) throws {
        server = SandboxServer(cluster: Cluster(scenario: scenario, start: Self.start, seed: 7, runtime: runtime))
        try server.start(port: 0, runClock: false)
        try server.writeKubeconfig(to: kubeconfig)
    }

    override func tearDown() {
        server?.shutdown()
        git?.stop()
        if let work { try? FileManager.default.removeItem(at: work) }
    }

    var authenticatedURL: String { git.url("config.git").replacingOccurrences(of: "https://", with: "https://x-access-token:\(token)@") }

    @discardableResult
    func run(_ tool: String, _ arguments: [String], in directory: URL? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var path = try XCTUnwrap(Subprocess.find(tool), "\(tool) is not installed")
        var args = arguments
        if tool == "git" {
            // GIT_SSL_CAINFO (set on some machines) would win over http.sslCAInfo.
            args = ["GIT_SSL_CAINFO=\(git.caFile)", path, "-c", "user.name=Engineer", "-c", "user.email=engineer@example.com"] + args
            path = "/usr/bin/env"
        }
        let r = try Subprocess.run(path, args, in: directory)
        XCTAssertEqual(r.status, 0, "\(tool) \(arguments.joined(separator: " ")): \(r.stderr)", file: file, line: line)
        return r.stdout
    }

    func kubectl(_ arguments: String...) throws -> Subprocess.Result {
        try Subprocess.run(try XCTUnwrap(Subprocess.find("kubectl"), "kubectl is not installed"),
                           ["--kubeconfig", kubeconfig, "--cache-dir", work.appendingPathComponent("kube-cache").path] + arguments)
    }

    func kubectlOK(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try Subprocess.run(try XCTUnwrap(Subprocess.find("kubectl"), "kubectl is not installed"),
                                   ["--kubeconfig", kubeconfig, "--cache-dir", work.appendingPathComponent("kube-cache").path] + arguments)
        XCTAssertEqual(r.status, 0, "kubectl \(arguments.joined(separator: " ")): \(r.stderr)", file: file, line: line)
        return r.stdout
    }

    /// Moves simulated time a second at a time (every 50 ms of wall time, while the jobs' real
    /// processes run) until `done` holds, asking every `every` seconds; fails after 3,000 steps.
    func advance(until what: String, every: Int = 1, file: StaticString = #filePath, line: UInt = #line, _ done: () throws -> Bool) throws {
        for step in 0..<3_000 {
            if step % every == 0, try done() { return }
            server.cluster.advance(by: 1)
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("gave up waiting for \(what)", file: file, line: line)
        throw Timeout(what: what)
    }

    struct Timeout: Error { var what: String }

    /// Runs the binary while simulated time moves (a reconcile waits for health).
    func runAdvancing(_ arguments: [String]) throws -> Subprocess.Result {
        nonisolated(unsafe) var outcome: Result<Subprocess.Result, Error>?
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            outcome = Result { try ShipshapeBinary.run(arguments) }
            done.signal()
        }
        try advance(until: "shipshape \(arguments.first ?? "")") { done.wait(timeout: .now()) == .success }
        return try XCTUnwrap(outcome).get()
    }

    /// The Job a CronJob starts for the schedule time `time`: `<cronjob>-<minutes since epoch>`.
    func jobName(_ cronJob: String, at time: Double) -> String { "\(cronJob)-\(Int(time) / 60)" }

    /// The condition type a Job finished with ("Complete", "Failed"), or "" while it runs.
    func finished(_ job: String) throws -> String {
        let conditions = try kubectl("get", "job", job, "-n", "chatbot-dev", "-o", "jsonpath={.status.conditions[*].type}").stdout
        return conditions.split(separator: " ").last { $0 == "Complete" || $0 == "Failed" }.map(String.init) ?? ""
    }

    /// `(service account, exit code, log)` of the Job's one pod.
    func outcome(_ job: String) throws -> (account: String, exitCode: String, log: String) {
        let pod = try kubectlOK("get", "pods", "-n", "chatbot-dev", "-l", "job-name=\(job)", "-o", "jsonpath={.items[0].metadata.name}")
        let account = try kubectlOK("get", "pod", pod, "-n", "chatbot-dev", "-o", "jsonpath={.spec.serviceAccountName}")
        let code = try kubectlOK("get", "pod", pod, "-n", "chatbot-dev", "-o", "jsonpath={.status.containerStatuses[0].state.terminated.exitCode}")
        return (account, code, try kubectlOK("logs", pod, "-n", "chatbot-dev"))
    }

    /// A cluster playing `scenario`; the namespace and the git credentials, made before the
    /// chart as an operator makes them; then the engineer's one install: `shipshape reconcile`
    /// from a checkout.
    func install(scenario: Scenario = .default) throws {
        try startCluster(scenario: scenario)
        try kubectlOK("apply", "-f", try write("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: chatbot-dev}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: shipshape-git, namespace: chatbot-dev}
            stringData:
              token: \(token)
              ca.crt: |
            \(try String(contentsOfFile: git.caFile, encoding: .utf8).split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            """, to: "bootstrap.yaml"))
        let install = try runAdvancing(["reconcile", "--env", "dev", "--config", checkout.appendingPathComponent("shipshape.yaml").path,
                                        "--kubeconfig", kubeconfig, "--context", "sandbox"])
        XCTAssertEqual(install.status, 0, install.stdout + install.stderr)
    }

    func testTheChartsJobsRunForRealUnderTheirOwnAccounts() throws {
        try install()
        // RBAC answers as the Roles say (the Sandbox's admin may impersonate).
        XCTAssertEqual(try kubectl("auth", "can-i", "--as", "system:serviceaccount:chatbot-dev:shipshape-reconcile", "list", "secrets", "-n", "chatbot-dev").stdout, "no\n")
        XCTAssertEqual(try kubectl("auth", "can-i", "--as", "system:serviceaccount:chatbot-dev:shipshape-reconcile", "patch", "deployments", "-n", "chatbot-dev").stdout, "yes\n")
        XCTAssertEqual(try kubectl("auth", "can-i", "--as", "system:serviceaccount:chatbot-dev:shipshape-recommend", "delete", "pods", "-n", "chatbot-dev").stdout, "no\n")
        let head = try run("git", ["rev-parse", "--short=7", "HEAD"], in: checkout).trimmingCharacters(in: .whitespacesAndNewlines)

        // 09:55: the reconcile CronJob's pod runs `shipshape reconcile` in the cluster.
        let first = jobName("shipshape-reconcile", at: Self.start + 300)
        try advance(until: "the 09:55 reconcile job") { try finished(first) != "" }
        let reconciled = try outcome(first)
        XCTAssertEqual(try finished(first), "Complete", reconciled.log)
        XCTAssertEqual(reconciled.account, "shipshape-reconcile")
        XCTAssertEqual(reconciled.exitCode, "0")
        XCTAssertEqual(reconciled.log, """
            revision \(head) "chatbot: initial configuration"
            in sync: nothing to apply
            result: in sync

            """)

        // 09:55 too: the logs CronJob reads the pods' logs under its own account; its first run learns.
        let firstLogs = jobName("shipshape-logs", at: Self.start + 300)
        try advance(until: "the 09:55 logs job") { try finished(firstLogs) != "" }
        let learned = try outcome(firstLogs)
        XCTAssertEqual(try finished(firstLogs), "Complete", learned.log)
        XCTAssertEqual(learned.account, "shipshape-logs")
        XCTAssertEqual(learned.exitCode, "0")
        XCTAssertTrue(learned.log.contains("(first run: learning); checkpoint shipshape-logs-dev updated"), learned.log)
        XCTAssertTrue(learned.log.contains("no findings\n"), learned.log)

        // A commit pushed now is applied by the next scheduled run (10:00), within one period.
        let values = checkout.appendingPathComponent("overlays/dev/values.yaml")
        try String(contentsOf: values, encoding: .utf8).replacingOccurrences(of: "LOG_LEVEL: debug", with: "LOG_LEVEL: warning")
            .write(to: values, atomically: true, encoding: .utf8)
        try run("git", ["commit", "-q", "-am", "backend: log warnings only"], in: checkout)
        try run("git", ["push", "-q", "origin", "main"], in: checkout)
        let second = jobName("shipshape-reconcile", at: Self.start + 600)
        try advance(until: "the 10:00 reconcile job") { try finished(second) != "" }
        let applied = try outcome(second)
        XCTAssertEqual(try finished(second), "Complete", applied.log)
        XCTAssertEqual(try kubectlOK("get", "configmap", "backend-config", "-n", "chatbot-dev", "-o", "jsonpath={.data.LOG_LEVEL}"), "warning")
        XCTAssertTrue(applied.log.hasSuffix("result: applied 2, pruned 0, healthy\n"), applied.log)

        // 10:00: the recommend CronJob samples the cluster and pushes its branch for review.
        let recommend = jobName("shipshape-recommend", at: Self.start + 600)
        try advance(until: "the 10:00 recommend job") { try finished(recommend) != "" }
        let recommended = try outcome(recommend)
        XCTAssertEqual(try finished(recommend), "Complete", recommended.log)
        XCTAssertEqual(recommended.account, "shipshape-recommend")
        XCTAssertTrue(recommended.log.contains("pushed shipshape/recommendations/dev to origin"), recommended.log)
        let branches = try run("git", ["ls-remote", "--heads", authenticatedURL], in: work)
        XCTAssertTrue(branches.contains("refs/heads/shipshape/recommendations/dev"), branches)
    }

    /// Each job's Role is the least it needs: the job, run with its service account's token,
    /// succeeds with the whole Role, and without any one rule fails with the 403 that names a
    /// verb and resource of that rule (for reconcile, which applies its own Role, possibly the
    /// escalation check's: it cannot grant itself back what it does not hold).
    func testRemovingAnyRuleOfAJobsRoleMakesTheJobFailWithThe403() throws {
        try install()
        for cronJob in ["shipshape-reconcile", "shipshape-recommend", "shipshape-logs", "shipshape-heal"] {
            try kubectlOK("patch", "cronjob", cronJob, "-n", "chatbot-dev", "-p", #"{"spec":{"suspend":true}}"#)
        }
        let config = checkout.appendingPathComponent("shipshape.yaml").path
        // The logs job reads its rules from the mounted ConfigMap in the cluster; here, from a file.
        let alerts = try write("rules: [{alert: HighErrorRate, series: errors, perMinuteAbove: 5, severity: critical}]\n", to: "alerts.yaml")
        for job in ["reconcile", "recommend", "logs"] {
            let account = "shipshape-\(job)"
            let accountConfig = try kubeconfig(as: account)
            let extra = job == "logs" ? ["--alerts", alerts, "--exit-zero"] : []
            let runJob = { try self.runAdvancing([job, "--env", "dev", "--config", config, "--kubeconfig", accountConfig, "--context", "sandbox"] + extra) }
            let original = try role(account)
            let rules = try XCTUnwrap(original["rules"]?.array)
            for (index, rule) in rules.enumerated() {
                var fewer = rules
                fewer.remove(at: index)
                try replaceRole(original, rules: fewer)
                let r = try runJob()
                let output = r.stdout + r.stderr
                XCTAssertNotEqual(r.status, 0, "\(job) without rule \(index) \(rule) succeeded:\n\(output)")
                let verbs = (rule["verbs"]?.array ?? []).compactMap(\.string)
                let resources = (rule["resources"]?.array ?? []).compactMap(\.string)
                let named = resources.contains { resource in
                    verbs.contains { verb in
                        output.contains("cannot \(verb) resource \"\(resource)\"")
                            || (output.contains("attempting to grant RBAC permissions not currently held")
                                && output.contains("Resources:[\"\(resource)\"]") && output.contains("\"\(verb)\""))
                    }
                }
                XCTAssertTrue(named, "\(job) without rule \(index) \(rule) did not fail with its 403:\n\(output)")
                try replaceRole(original, rules: rules)
            }
            let whole = try runJob()
            XCTAssertEqual(whole.status, 0, "\(job) with its whole Role: \(whole.stdout + whole.stderr)")
        }
    }

    /// The default scenario with one fault: the first backend pod the kubelet admits hangs a
    /// minute after its container starts (readiness probes time out, liveness passes), so only
    /// a new pod cures it. The rule sits just before the generic backend rule, whose profile
    /// it otherwise keeps, as FaultLab adds its images.
    static func stuckBackendScenario() throws -> Scenario {
        var scenario = Scenario.default
        let stuck = try ScenarioLoader.parse("""
            images:
              - match: "todo-chatbot/backend:*"
                startup: 8s
                stuck: {after: 1m, pods: 1}
                cpu: {baseMillicores: 20, perRequestMillicores: 8}
                memory: {baselineMi: 180, perRequestMi: 2}
            """, file: "stuck-backend.yaml")
        let generic = try XCTUnwrap(scenario.images.firstIndex { $0.match == "todo-chatbot/backend:*" })
        scenario.images.insert(contentsOf: stuck.images, at: generic)
        return scenario
    }

    /// heal's CronJob fixes a stuck pod for real: every simulated minute its Job's pod runs
    /// `shipshape heal` under the shipshape-heal service account and Role; the first run that
    /// sees the hung backend pod not ready for the policy's `stuckAfter` deletes it (the bounded
    /// restart) and records a ShipshapeRestart Event; the Deployment replaces it; the next run
    /// finds the fault gone and records it resolved in the ConfigMap shipshape-dev-heal.
    func testTheHealJobRestartsAStuckPodUnderItsOwnAccount() throws {
        // The environment's policy, tuned as an engineer would: two minutes not ready is stuck.
        let policy = checkout.appendingPathComponent("policies/remediation.yaml")
        let tuned = try String(contentsOf: policy, encoding: .utf8).replacingOccurrences(of: "stuckAfter: 5m ", with: "stuckAfter: 2m ")
        XCTAssertTrue(tuned.contains("stuckAfter: 2m "), tuned)
        try tuned.write(to: policy, atomically: true, encoding: .utf8)
        try run("git", ["commit", "-q", "-am", "heal: a pod not ready for 2 minutes is stuck"], in: checkout)
        try run("git", ["push", "-q", "origin", "main"], in: checkout)
        try install(scenario: try Self.stuckBackendScenario())
        // Heal alone runs here (reconcile and recommend are proven above), so nothing else holds
        // the Lease heal takes to act and every heal run starts on its minute.
        for cronJob in ["shipshape-reconcile", "shipshape-recommend"] {
            try kubectlOK("patch", "cronjob", cronJob, "-n", "chatbot-dev", "-p", #"{"spec":{"suspend":true}}"#)
        }
        // The backend HPA has scaled the Deployment up under the scenario's load; every pod is ready.
        let installed = try pods("backend")
        XCTAssertGreaterThanOrEqual(installed.count, 2)
        XCTAssertEqual(Set(installed.map { ready($0)?.status }), ["True"])

        // A minute after it started, the first backend pod hangs: three readiness timeouts later it is not ready.
        var stuck = Value.null
        try advance(until: "a backend pod stops being ready", every: 5) {
            stuck = try pods("backend").first { ready($0)?.status == "False" } ?? .null
            return stuck != .null
        }
        let stuckName = try XCTUnwrap(stuck["metadata"]?["name"]?.string)
        XCTAssertTrue(installed.contains { $0["metadata"]?["name"]?.string == stuckName }, "\(stuckName) is not an installed pod")
        let notReadySince = try XCTUnwrap(ready(stuck)?.since)

        // The first heal run that finds it not ready for 2 minutes deletes it and says why.
        var event = Value.null
        try advance(until: "heal records a restart", every: 5) {
            let events = try JSONParser().parse(bytes: Array(try kubectlOK("get", "events", "-n", "chatbot-dev", "-o", "json").utf8))
            event = events["items"]?.array?.first { $0["reason"]?.string == "ShipshapeRestart" } ?? .null
            return event != .null
        }
        let healedAt = try XCTUnwrap(event["firstTimestamp"]?.string.flatMap(Self.seconds))
        let id = "not-ready/Deployment/backend-deployment/backend"
        let summary = "pod \(stuckName) stopped being ready \(Int((healedAt - notReadySince) / 60)) min ago while its container runs (stuck)"
        XCTAssertEqual(event["type"]?.string, "Normal")
        XCTAssertEqual(event["message"]?.string, "shipshape heal deleted the pod to restart it: \(summary)")
        XCTAssertEqual(event["involvedObject"]?["kind"]?.string, "Pod")
        XCTAssertEqual(event["involvedObject"]?["name"]?.string, stuckName)
        XCTAssertEqual(event["involvedObject"]?["uid"]?.string, stuck["metadata"]?["uid"]?.string)
        XCTAssertEqual(event["source"]?["component"]?.string, "shipshape-heal")
        XCTAssertGreaterThanOrEqual(healedAt - notReadySince, 120)

        // The Job that did it: the last one scheduled at or before the restart (Forbid: jobs never overlap).
        var scheduled = healedAt - healedAt.truncatingRemainder(dividingBy: 60)
        while try kubectl("get", "job", jobName("shipshape-heal", at: scheduled), "-n", "chatbot-dev").status != 0 {
            scheduled -= 60
            XCTAssertGreaterThan(scheduled, Self.start, "no heal Job ran before \(healedAt)")
        }
        let healJob = jobName("shipshape-heal", at: scheduled)
        try advance(until: "the heal job \(healJob)") { try finished(healJob) != "" }
        let healed = try outcome(healJob)
        XCTAssertEqual(try finished(healJob), "Complete", healed.log)
        XCTAssertEqual(healed.account, "shipshape-heal")
        XCTAssertEqual(healed.exitCode, "0")
        let startedAt = try XCTUnwrap(stuck["status"]?["containerStatuses"]?.array?.first?["state"]?["running"]?["startedAt"]?.string)
        let ip = try XCTUnwrap(stuck["status"]?["podIP"]?.string)
        XCTAssertEqual(healed.log, """
            restarted pod \(stuckName) (\(id))
            heal dev (namespace chatbot-dev) at \(try XCTUnwrap(event["firstTimestamp"]?.string))
            FINDING                                          SEVERITY  VERDICT  ACTION
            \(id)  warning   new      restart pod \(stuckName)

            \(id): \(summary)
              - pod \(stuckName): running since \(startedAt), not ready since \(Self.rfc3339(notReadySince))
              - event Unhealthy: Readiness probe failed: Get "http://\(ip):8000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)
            note: could not read v1 Node: forbidden

            """)

        // The Deployment replaces it with a pod that is not stuck.
        try advance(until: "the stuck pod is replaced", every: 5) {
            let now = try pods("backend")
            let replicas = try kubectlOK("get", "deployment", "backend-deployment", "-n", "chatbot-dev", "-o", "jsonpath={.spec.replicas}")
            return String(now.count) == replicas && !now.contains { $0["metadata"]?["name"]?.string == stuckName }
                && now.allSatisfy { ready($0)?.status == "True" }
        }
        let gone = try kubectl("get", "pod", stuckName, "-n", "chatbot-dev")
        XCTAssertEqual(gone.stderr, "Error from server (NotFound): pods \"\(stuckName)\" not found\n")

        // A later run finds the fault gone and records it resolved, after the restart.
        var state = Value.null
        try advance(until: "heal records the fault resolved", every: 5) {
            let text = try kubectlOK("get", "configmap", "shipshape-dev-heal", "-n", "chatbot-dev", "-o", "jsonpath={.data.heal\\.json}")
            state = try JSONParser().parse(bytes: Array(text.utf8))
            return state["resolutions"]?.array?.contains { $0["id"]?.string == id } ?? false
        }
        XCTAssertNil(state["faults"]?[id])
        let resolution = try XCTUnwrap(state["resolutions"]?.array?.first { $0["id"]?.string == id })
        XCTAssertEqual(resolution["faultClass"]?.string, "not-ready")
        XCTAssertEqual(resolution["action"]?.string, "restart")
        XCTAssertEqual(resolution["escalated"]?.boolValue, false)
        // The rule is met once the pod has been unready for the policy's stuckAfter (2m).
        XCTAssertEqual(resolution["since"]?.doubleValue, notReadySince + 120)
        XCTAssertEqual(resolution["detectedAt"]?.doubleValue, healedAt)
        let resolvedAt = try XCTUnwrap(resolution["resolvedAt"]?.doubleValue)
        XCTAssertGreaterThan(resolvedAt, healedAt)
        XCTAssertEqual(state["restartsDone"]?["Deployment/backend-deployment"]?.array?.compactMap(\.doubleValue), [healedAt])
        let runs = state["runs"]?.array ?? []
        XCTAssertEqual(runs.first { $0["at"]?.doubleValue == healedAt }?["actions"]?.array?.compactMap(\.string), ["restart \(id)"])
        XCTAssertEqual(runs.first { $0["at"]?.doubleValue == resolvedAt }?["resolved"]?.array?.compactMap(\.string), [id])
        let verifyJob = jobName("shipshape-heal", at: resolvedAt - resolvedAt.truncatingRemainder(dividingBy: 60))
        try advance(until: "the heal job \(verifyJob)") { try finished(verifyJob) != "" }
        let verified = try outcome(verifyJob)
        XCTAssertEqual(try finished(verifyJob), "Complete", verified.log)
        XCTAssertEqual(verified.account, "shipshape-heal")
        XCTAssertEqual(verified.exitCode, "0")
        XCTAssertEqual(verified.log, """
            heal dev (namespace chatbot-dev) at \(Self.rfc3339(resolvedAt))

            resolved:
              \(id): after restart; detected \(Int(healedAt - notReadySince - 120)) s after it began, resolved \(Int(resolvedAt - healedAt)) s after detection
            note: could not read v1 Node: forbidden

            """)
    }

    /// heal's Role is the least it needs: no Secrets, no writes to workloads, and a run whose
    /// Role lacks `pods delete` fails with the 403 that names the pod it had to restart.
    func testTheHealRoleCannotReadSecretsOrDeleteWorkloadsAndWithoutPodDeleteHealFailsWithThe403() throws {
        try install(scenario: try Self.stuckBackendScenario())
        for cronJob in ["shipshape-reconcile", "shipshape-recommend", "shipshape-heal"] {
            try kubectlOK("patch", "cronjob", cronJob, "-n", "chatbot-dev", "-p", #"{"spec":{"suspend":true}}"#)
        }
        let account = "system:serviceaccount:chatbot-dev:shipshape-heal"
        for (verb, resource, answer) in [("get", "secrets", "no"), ("list", "secrets", "no"), ("delete", "deployments.apps", "no"),
                                         ("patch", "deployments.apps", "no"), ("delete", "pods", "yes")] {
            XCTAssertEqual(try kubectl("auth", "can-i", "--as", account, verb, resource, "-n", "chatbot-dev").stdout, "\(answer)\n", "\(verb) \(resource)")
        }

        // Without `delete` on pods, a run that must restart the stuck pod fails and names it.
        let original = try role("shipshape-heal")
        var rules = try XCTUnwrap(original["rules"]?.array)
        let podRule = try XCTUnwrap(rules.firstIndex { $0["resources"]?.array == ["pods"] })
        rules[podRule][path: ["verbs"]] = ["get", "list"]
        try replaceRole(original, rules: rules)
        XCTAssertEqual(try kubectl("auth", "can-i", "--as", account, "delete", "pods", "-n", "chatbot-dev").stdout, "no\n")
        // No job runs now, so time can leap: the pod hangs at 1 min and is stuck 5 min (the policy's default) later.
        server.cluster.advance(by: 7 * 60)
        let stuck = try XCTUnwrap(try pods("backend").first { ready($0)?.status == "False" }?["metadata"]?["name"]?.string)
        let r = try runAdvancing(["heal", "--env", "dev", "--config", checkout.appendingPathComponent("shipshape.yaml").path,
                                  "--kubeconfig", try kubeconfig(as: "shipshape-heal"), "--context", "sandbox"])
        XCTAssertEqual(r.status, 2, r.stdout + r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, """
            Error: v1 Pod chatbot-dev/\(stuck): Error from server (Forbidden): pods "\(stuck)" is forbidden: \
            User "\(account)" cannot delete resource "pods" in API group "" in the namespace "chatbot-dev"

            """)
        // The pod is still there, and no Event claims heal deleted it.
        XCTAssertEqual(try kubectl("get", "pod", stuck, "-n", "chatbot-dev").status, 0)
        XCTAssertEqual(try kubectlOK("get", "events", "-n", "chatbot-dev", "-o", "jsonpath={.items[?(@.reason==\"ShipshapeRestart\")].message}"), "")
    }

    /// The pods labelled `app=APP` in chatbot-dev, as kubectl lists them.
    func pods(_ app: String) throws -> [Value] {
        try JSONParser().parse(bytes: Array(try kubectlOK("get", "pods", "-n", "chatbot-dev", "-l", "app=\(app)", "-o", "json").utf8))["items"]?.array ?? []
    }

    /// A pod's Ready condition: its status and when it last changed (seconds since the epoch).
    func ready(_ pod: Value) -> (status: String, since: Double)? {
        guard let c = pod["status"]?["conditions"]?.array?.first(where: { $0["type"]?.string == "Ready" }),
              let status = c["status"]?.string, let since = c["lastTransitionTime"]?.string.flatMap(Self.seconds) else { return nil }
        return (status, since)
    }

    /// An RFC 3339 time as the API server writes it, in seconds since the epoch.
    static func seconds(_ text: String) -> Double? { ISO8601DateFormatter().date(from: text)?.timeIntervalSince1970 }

    static func rfc3339(_ seconds: Double) -> String { ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: seconds)) }

    /// A kubeconfig that authenticates as the service account `account` of chatbot-dev, with a
    /// token from the TokenRequest API, as the account's pods do.
    func kubeconfig(as account: String) throws -> String {
        let token = try kubectlOK("create", "token", account, "-n", "chatbot-dev").trimmingCharacters(in: .whitespacesAndNewlines)
        return try write("""
            apiVersion: v1
            kind: Config
            clusters: [{name: sandbox, cluster: {server: "\(server.url)"}}]
            users: [{name: \(account), user: {token: "\(token)"}}]
            contexts: [{name: sandbox, context: {cluster: sandbox, user: \(account), namespace: chatbot-dev}}]
            current-context: sandbox
            """, to: "\(account).kubeconfig")
    }

    /// The Role `name` of chatbot-dev, as kubectl reads it.
    func role(_ name: String) throws -> Value {
        try JSONParser().parse(bytes: Array(try kubectlOK("get", "role", name, "-n", "chatbot-dev", "-o", "json").utf8))
    }

    /// Replaces the rules of the Role `original` (read by `role(_:)`) with `rules`.
    func replaceRole(_ original: Value, rules: [Value]) throws {
        var role = original
        role[path: ["rules"]] = .array(rules)
        role[path: ["metadata", "resourceVersion"]] = nil
        role[path: ["metadata", "managedFields"]] = nil
        var json: [UInt8] = []
        try JSONWriter(indent: nil, sortKeys: false, escapeHTML: false).write(role, into: &json)
        try kubectlOK("replace", "-f", try write(String(decoding: json, as: UTF8.self), to: "role.json"))
    }

    func write(_ text: String, to name: String) throws -> String {
        let url = work.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
