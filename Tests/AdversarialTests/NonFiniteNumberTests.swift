import Foundation
import TestSupport
import XCTest

/// Numbers a user, a file or a request can hold that Swift's `Int(_: Double)` traps on: NaN,
/// infinities, `1e308`, `1e400`. Each is a clean exit with an error naming the place.
final class NonFiniteNumberTests: HostileTestCase {
    let header = "time,namespace,workload,container,pod,cpu,memory\n"

    func recommend(samples file: String, _ text: String) throws -> Outcome {
        let repo = try makeRepository()
        try text.write(to: repo.appendingPathComponent(file), atomically: true, encoding: .utf8)
        return try shipshape(["recommend", "--env", "dev", "--samples", file, "--dry-run"], in: repo)
    }

    func testCSVSamplesThatAreNotFiniteAreAnError() throws {
        for (cpu, shown) in [("NaN", "nan"), ("inf", "inf"), ("1e308", "1e+308"), ("1e400", "inf"), ("-1", "-1.0")] {
            try? FileManager.default.removeItem(at: work.appendingPathComponent("repo"))
            let r = try recommend(samples: "usage.csv", header + "1795000000,chatbot-dev,backend-deployment,backend,p,\(cpu),300Mi\n")
            XCTAssertFalse(r.timedOut)
            XCTAssertEqual(r.status, 2, "cpu \(cpu): \(r.stderr)")
            XCTAssertEqual(r.stderr, "Error: usage.csv:2: cpu \(shown) is not a finite number between 0 and 1000000\n")
            XCTAssertEqual(r.stdout, "")
        }
    }

    func testSampleTimesOutsideUnixSecondsAreAnError() throws {
        for (time, shown) in [("1e30", "1e+30"), ("NaN", "nan")] {
            try? FileManager.default.removeItem(at: work.appendingPathComponent("repo"))
            let r = try recommend(samples: "usage.csv", header + "\(time),chatbot-dev,backend-deployment,backend,p,1,300Mi\n")
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertEqual(r.stderr, "Error: usage.csv:2: time \(shown) is not a finite number between 0 and 4294967295\n")
        }
    }

    func testJSONSampleOf1e308IsAnError() throws {
        let r = try recommend(samples: "usage.json", """
            [{"time": 1795000000, "namespace": "chatbot-dev", "workload": "backend-deployment", "container": "backend", "cpu": 1e308, "memory": "1"}]
            """)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertEqual(r.stderr, "Error: usage.json: sample 0: cpu 1e+308 is not a finite number between 0 and 1000000\n")
    }

    /// SSU1: a header claiming 0xFFFFFFFF containers ends early (nothing reserved for them);
    /// a Float32 NaN sample is an error naming the sample.
    func testSSU1HugeCountAndNaNSample() throws {
        var bytes: [UInt8] = Array("SSU1".utf8) + [0xFF, 0xFF, 0xFF, 0xFF]
        var r = try recommend(samples: "usage.ssu", "")
        try Data(bytes).write(to: work.appendingPathComponent("repo/usage.ssu"))
        r = try shipshape(["recommend", "--env", "dev", "--samples", "usage.ssu", "--dry-run"], in: work.appendingPathComponent("repo"))
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertEqual(r.stderr, "Error: usage.ssu: the file ends inside its header\n")

        func le<T: FixedWidthInteger>(_ x: T) -> [UInt8] { withUnsafeBytes(of: x.littleEndian, Array.init) }
        let name = Array("chatbot-dev/backend-deployment/backend".utf8)
        bytes = Array("SSU1".utf8) + le(UInt32(1)) + le(UInt16(name.count)) + name
        for _ in 0..<3 { bytes += le(UInt64(0)) }
        bytes += le(UInt32(0)) + le(UInt32(1_795_000_000)) + le(Float.nan.bitPattern) + le(Float(1e8).bitPattern)
        try Data(bytes).write(to: work.appendingPathComponent("repo/usage.ssu"))
        r = try shipshape(["recommend", "--env", "dev", "--samples", "usage.ssu", "--dry-run"], in: work.appendingPathComponent("repo"))
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertEqual(r.stderr, "Error: usage.ssu: sample 0: cpu nan is not a finite number between 0 and 1000000\n")
    }

    /// A checkpoint poisoned with `1e308` is an error naming the ConfigMap key, and the run
    /// does not save it again (the next hourly run would crash on it too).
    func testPoisonedCheckpointIsAnErrorAndIsNotResaved() throws {
        try startSandbox()
        let repo = try makeRepository()
        let usage = #"{"container":"chatbot-dev/backend-deployment/backend","usage":{"version":1,"first":1795000000,"last":1795000000,"samples":1,"covered":0,"oomKills":0,"maxCPU":0.1,"maxMemory":1e308,"maxOOMBumped":0,"cpu":{"reference":0,"total":1,"buckets":[[0,1]]},"memory":{"reference":0,"total":1,"buckets":[[0,1]]},"hours":[]}}"#
        let configMap = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: shipshape-usage-dev, namespace: chatbot-dev}
            data:
              chatbot-dev.backend-deployment.backend: '\(usage)'

            """
        let namespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: chatbot-dev}\n"
        try (namespace + "---\n" + configMap).write(to: work.appendingPathComponent("cm.yaml"), atomically: true, encoding: .utf8)
        var r = try shipshape(["kube", "apply", "-f", "cm.yaml", "--kubeconfig", kubeconfig])
        XCTAssertEqual(r.status, 0, r.stderr)
        let before = try shipshape(["kube", "get", "configmap", "shipshape-usage-dev", "-n", "chatbot-dev", "-o", "json", "--kubeconfig", kubeconfig]).stdout

        r = try shipshape(["recommend", "--env", "dev", "--kubeconfig", kubeconfig, "--context", "sandbox"], in: repo)
        XCTAssertFalse(r.timedOut)
        XCTAssertEqual(r.status, 2, r.stdout + r.stderr)
        XCTAssertEqual(r.stderr, "Error: ConfigMap chatbot-dev/shipshape-usage-dev key chatbot-dev.backend-deployment.backend: maxMemory 1e+308 is not a finite number between 0 and 1000000000000000\n")
        let after = try shipshape(["kube", "get", "configmap", "shipshape-usage-dev", "-n", "chatbot-dev", "-o", "json", "--kubeconfig", kubeconfig]).stdout
        XCTAssertEqual(after, before, "the poisoned checkpoint is left as it was, not re-saved")
        XCTAssertEqual(try git(["status", "--porcelain"]), "")
    }

    func testScenarioNumbersOutOfRangeAreAnError() throws {
        let cases: [(String, String)] = [
            ("images:\n- match: x\n  crashExitCode: 99999999999999999999\n", "images[0].crashExitCode: 100000000000000000000 is not a number between 0 and 255"),
            ("images:\n- match: x\n  memory: {baselineMi: 1e308}\n", "images[0].memory.baselineMi: 1e+308 is not a number between 0 and 1000000000"),
            ("faults:\n- {status: .inf}\n", "faults[0].status: .inf is not a number between 0 and 999"),
            ("faults:\n- {status: 503, retryAfter: 1e20}\n", "faults[0].retryAfter: 100000000000000000000 is not a number between 0 and 86400"),
            ("faults:\n- {status: 503, count: .nan}\n", "faults[0].count: .nan is not a number between 0 and 2147483647"),
        ]
        for (text, message) in cases {
            try text.write(to: work.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
            let r = try shipshape(["sandbox", "--scenario", "scenario.yaml"], timeout: 20)
            XCTAssertFalse(r.timedOut, "a bad scenario is refused at start-up: \(text)")
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertTrue(r.stderr.hasPrefix("Error: scenario.yaml: \(message)\n"), r.stderr)
        }
    }

    /// `POST /sandbox/faults` and `/sandbox/advance` with numbers no server should act on:
    /// 400 naming the field, and the server still answers afterwards.
    func testSandboxAdminRequestsWithHostileNumbersAre400AndTheServerLives() throws {
        let base = try startSandbox()
        let cases: [(String, String)] = [
            ("{status: .inf}", "fault.status: .inf is not a number between 0 and 999"),
            ("{status: .nan}", "fault.status: .nan is not a number between 0 and 999"),
            ("{status: 1e20}", "fault.status: 100000000000000000000 is not a number between 0 and 999"),
            ("{status: 503, retryAfter: 1e20}", "fault.retryAfter: 100000000000000000000 is not a number between 0 and 86400"),
            ("{status: 503, count: .inf}", "fault.count: .inf is not a number between 0 and 2147483647"),
            ("{status: 503, count: 1.5}", "fault.count: 1.5 is not a whole number"),
            ("{status: 503, delay: 1e12}", "fault.delay: 1000000000000 is not a number between 0 and 315360000"),
        ]
        for (body, message) in cases {
            let r = try request("POST", base + "/sandbox/faults", body: body)
            XCTAssertEqual(r.status, 400, body)
            XCTAssertTrue(r.body.contains("\"message\":\"\(message)\""), r.body)
        }
        for seconds in ["inf", "nan", "1e20", "-1"] {
            let r = try request("POST", base + "/sandbox/advance?seconds=\(seconds)")
            XCTAssertEqual(r.status, 400, seconds)
            XCTAssertTrue(r.body.contains("advance needs ?seconds=N with N between 0 and 86400 (a day); got \(seconds)"), r.body)
        }
        XCTAssertEqual(try request("GET", base + "/sandbox/status").status, 200, "the server is still up")
        XCTAssertTrue(sandbox!.isRunning)
    }

    /// `replicas: 100000` would have the Sandbox simulate 100000 pods: 422 with the field path.
    func testHugeReplicaCountIs422WithTheFieldPath() throws {
        let base = try startSandbox()
        let deployment = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"big","namespace":"default"},
             "spec":{"replicas":100000,"selector":{"matchLabels":{"app":"big"}},
                     "template":{"metadata":{"labels":{"app":"big"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}}
            """
        let r = try request("POST", base + "/apis/apps/v1/namespaces/default/deployments", body: deployment, contentType: "application/json")
        XCTAssertEqual(r.status, 422, r.body)
        XCTAssertTrue(r.body.contains("spec.replicas: Invalid value: 100000: must be less than or equal to 1000 (the Sandbox simulates at most 1000 pods per workload)"), r.body)
        XCTAssertEqual(try request("GET", base + "/sandbox/status").status, 200)
    }

    func testSandboxExitsZeroOnSIGTERMAndSIGINT() throws {
        for signal in [SIGTERM, SIGINT] {
            try? FileManager.default.removeItem(atPath: kubeconfig)
            try startSandbox()
            kill(sandbox!.processIdentifier, signal)
            let deadline = Date().addingTimeInterval(20)
            while sandbox!.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            XCTAssertFalse(sandbox!.isRunning, "signal \(signal) stops the sandbox")
            if sandbox!.isRunning { sandbox!.terminate() } else { XCTAssertEqual(sandbox!.terminationStatus, 0) }
        }
    }
}
