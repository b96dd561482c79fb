import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Sandbox

/// sandbox-bench: the Sandbox API server over loopback HTTP, and its simulation under load.
/// Prints figures; never fails on time.
///
///   swift run -c release sandbox-bench [--objects 5000] [--deployments 20] [--replicas 100] [--seconds 60]
///
/// (a) server-side apply throughput creating N ConfigMaps, and LIST latency of all N:
///     server time (the X-Sandbox-Handler-Seconds header: routing, store, JSON encoding) and
///     client time (the whole HTTP round trip). Target: LIST of 5,000 under 100 ms server time.
/// (b) D Deployments × R replicas (each with an HPA, under a diurnal load with a spike, beside
///     a per-minute CronJob) with every controller running at --speed 60 for S wall seconds:
///     CPU share of this process (getrusage user+sys over wall) and peak RSS.
///     Target: under one core.
struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox-bench",
        abstract: "The Sandbox API server over loopback HTTP, and its simulation under load.")

    @Option(help: "ConfigMaps created by server-side apply, then listed.")
    var objects = 5000
    @Option(help: "Deployments in the simulation, each with an HPA.")
    var deployments = 20
    @Option(help: "Replicas of each Deployment.")
    var replicas = 100
    @Option(help: "Wall seconds the simulation runs at --speed 60.")
    var seconds = 60
}
let options = Options.parseOrExit()
let objects = options.objects
let deployments = options.deployments
let replicas = options.replicas
let seconds = options.seconds

func monotonic() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

func peakRSSMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func currentRSSMB() -> Double {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
          let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

struct Reply {
    var status: Int
    var serverSeconds: Double
    var body: Data
}

/// One synchronous request over URLSession (libcurl underneath on Linux), keep-alive.
func send(_ session: URLSession, _ method: String, _ url: String, body: String? = nil,
          contentType: String = "application/json", accept: String = "application/json") -> Reply {
    var request = URLRequest(url: URL(string: url)!)
    request.httpMethod = method
    request.timeoutInterval = 120
    request.setValue(accept, forHTTPHeaderField: "Accept")
    if let body {
        request.httpBody = Data(body.utf8)
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
    }
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var reply = Reply(status: 0, serverSeconds: 0, body: Data())
    session.dataTask(with: request) { data, response, error in
        if let http = response as? HTTPURLResponse {
            let server = (http.value(forHTTPHeaderField: "X-Sandbox-Handler-Seconds")).flatMap(Double.init) ?? 0
            reply = Reply(status: http.statusCode, serverSeconds: server, body: data ?? Data())
        } else if let error {
            FileHandle.standardError.write(Data("sandbox-bench: \(method) \(url): \(error)\n".utf8))
        }
        done.signal()
    }.resume()
    done.wait()
    return reply
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? 0 : s[s.count / 2]
}

func deploymentManifest(_ name: String, replicas: Int) -> String {
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: \(name), namespace: bench}
    spec:
      replicas: \(replicas)
      selector: {matchLabels: {app: \(name)}}
      template:
        metadata: {labels: {app: \(name), app.kubernetes.io/component: load}}
        spec:
          containers:
          - name: main
            image: nginx:1.27
            ports: [{containerPort: 80}]
            resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 64Mi}}
    """
}

/// An HPA holding each Deployment at its replica count (min = max), so the HPA controller
/// and the metrics it reads run every pass without changing the pod count.
func hpaManifest(_ name: String, replicas: Int) -> String {
    """
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: \(name), namespace: bench}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: \(name)}
      minReplicas: \(replicas)
      maxReplicas: \(replicas)
      metrics:
      - type: Resource
        resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
    """
}

/// A CronJob every minute, so the CronJob and Job controllers have work too.
let cronJob = """
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: tick, namespace: bench}
    spec:
      schedule: "* * * * *"
      successfulJobsHistoryLimit: 3
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: tick, image: busybox:1.36}]
    """

/// The default scenario plus traffic for the load Deployments: a diurnal curve and a spike.
func benchScenario() throws -> Scenario {
    var scenario = Scenario.default
    let extra = try ScenarioLoader.parse("""
        traffic:
          - {target: load, baseRPS: 2000, diurnalAmplitude: 0.5, spikes: [{at: 20m, duration: 10m, multiplier: 3}]}
        """)
    scenario.traffic += extra.traffic
    return scenario
}

let namespace = #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"bench"}}"#
let session = URLSession(configuration: .ephemeral)
print("sandbox-bench")

// (a0) A cluster's start: bootstrap objects, its CA (two P-256 keys, two signatures) and a
// first controller pass; every test that makes a Cluster pays it.
do {
    var starts: [Double] = []
    for seed in 0..<21 {
        let t0 = Date()
        let cluster = Cluster(seed: UInt64(seed))
        cluster.advance(by: 1)
        starts.append(Date().timeIntervalSince(t0))
    }
    var authorities: [Double] = []
    for _ in 0..<21 {
        let t0 = Date()
        _ = try SandboxCertificateAuthority()
        authorities.append(Date().timeIntervalSince(t0))
    }
    print(String(format: "  cluster start (bootstrap, CA, kube-root-ca.crt, one controller pass): %.2f ms, of which the CA %.2f ms (medians of 21)",
                 median(starts) * 1000, median(authorities) * 1000))
}

// (b) The simulation: done first, so peak RSS is the simulation's own.
do {
    let server = SandboxServer(cluster: Cluster(scenario: try benchScenario(), seed: 1), speed: 60)
    let url = try server.start(port: 0, runClock: true)
    _ = send(session, "POST", url + "/api/v1/namespaces", body: namespace)
    for d in 0..<deployments {
        let name = "load-\(d)"
        let r = send(session, "PATCH", url + "/apis/apps/v1/namespaces/bench/deployments/\(name)?fieldManager=bench",
                     body: deploymentManifest(name, replicas: replicas), contentType: "application/apply-patch+yaml")
        if r.status >= 300 { print("  apply \(name): HTTP \(r.status)") }
        let h = send(session, "PATCH", url + "/apis/autoscaling/v2/namespaces/bench/horizontalpodautoscalers/\(name)?fieldManager=bench",
                     body: hpaManifest(name, replicas: replicas), contentType: "application/apply-patch+yaml")
        if h.status >= 300 { print("  apply HPA \(name): HTTP \(h.status) \(String(decoding: h.body, as: UTF8.self))") }
    }
    let c = send(session, "PATCH", url + "/apis/batch/v1/namespaces/bench/cronjobs/tick?fieldManager=bench",
                 body: cronJob, contentType: "application/apply-patch+yaml")
    if c.status >= 300 { print("  apply CronJob: HTTP \(c.status) \(String(decoding: c.body, as: UTF8.self))") }
    let cpu0 = cpuSeconds(), wall0 = monotonic(), sim0 = server.cluster.now
    var pods = 0
    while monotonic() - wall0 < Double(seconds) {
        Thread.sleep(forTimeInterval: 1)
    }
    let cpu1 = cpuSeconds(), wall1 = monotonic(), sim1 = server.cluster.now
    let list = send(session, "GET", url + "/api/v1/namespaces/bench/pods?fieldSelector=status.phase%3DRunning")
    if let json = try? JSONSerialization.jsonObject(with: list.body) as? [String: Any], let items = json["items"] as? [Any] {
        pods = items.count
    }
    print(String(format: "  simulation: %d Deployments x %d replicas at --speed 60 for %.0f s wall (%.0f min simulated)",
                 deployments, replicas, wall1 - wall0, (sim1 - sim0) / 60))
    let jobs = send(session, "GET", url + "/apis/batch/v1/namespaces/bench/jobs")
    let jobCount = ((try? JSONSerialization.jsonObject(with: jobs.body)) as? [String: Any]).flatMap { $0["items"] as? [Any] }?.count ?? 0
    let statusReply = send(session, "GET", url + "/sandbox/status")
    let requests = ((try? JSONSerialization.jsonObject(with: statusReply.body)) as? [String: Any])?["resourceVersion"] ?? "?"
    print("    running pods at the end: \(pods) (plus \(deployments) HPAs, a CronJob every minute: \(jobCount) Jobs kept); resourceVersion \(requests)")
    print(String(format: "    CPU share: %.2f cores (user+sys %.1f s over %.1f s wall)   target: under 1 core",
                 (cpu1 - cpu0) / (wall1 - wall0), cpu1 - cpu0, wall1 - wall0))
    print(String(format: "    peak RSS: %.0f MB; RSS now: %.0f MB", peakRSSMB(), currentRSSMB()))
    server.shutdown()
}

// (a) Apply throughput and LIST latency.
do {
    let server = SandboxServer(cluster: Cluster(seed: 2), speed: 1)
    let url = try server.start(port: 0, runClock: false)
    _ = send(session, "POST", url + "/api/v1/namespaces", body: namespace)
    let workers = 4
    let start = monotonic()
    nonisolated(unsafe) var failures = 0
    let failureLock = NSLock()
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        let own = URLSession(configuration: .ephemeral)
        for i in stride(from: w, to: objects, by: workers) {
            let body = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: config-\(i), namespace: bench, labels: {app: bench, shard: s\(i % 10)}}
                data: {index: "\(i)", greeting: hello from config \(i), settings.yaml: "replicas: 3\\nimage: nginx:1.27\\n"}
                """
            let r = send(own, "PATCH", url + "/api/v1/namespaces/bench/configmaps/config-\(i)?fieldManager=bench",
                         body: body, contentType: "application/apply-patch+yaml")
            if r.status != 201 { failureLock.lock(); failures += 1; failureLock.unlock() }
        }
    }
    let elapsed = monotonic() - start
    print(String(format: "  server-side apply: %d ConfigMaps in %.2f s over loopback HTTP, %d clients: %.0f objects/s (%d failed)",
                 objects, elapsed, workers, Double(objects) / elapsed, failures))

    for (label, accept) in [("JSON", "application/json"), ("Table (kubectl get)", "application/json;as=Table;v=v1;g=meta.k8s.io")] {
        var server = [Double](), client = [Double]()
        var bytes = 0
        for _ in 0..<11 {
            let t0 = monotonic()
            let r = send(session, "GET", url + "/api/v1/namespaces/bench/configmaps", accept: accept)
            client.append(monotonic() - t0)
            server.append(r.serverSeconds)
            bytes = r.body.count
        }
        print(String(format: "  LIST %d ConfigMaps as %@: server %.1f ms, client %.1f ms (median of 11; %.1f MB)   target: server under 100 ms",
                     objects, label, median(server) * 1000, median(client) * 1000, Double(bytes) / 1e6))
    }
    var selected = [Double]()
    for _ in 0..<11 {
        selected.append(send(session, "GET", url + "/api/v1/namespaces/bench/configmaps?labelSelector=shard%3Ds3").serverSeconds)
    }
    print(String(format: "  LIST with labelSelector (1/10 match): server %.1f ms", median(selected) * 1000))
    var page = [Double]()
    for _ in 0..<11 {
        page.append(send(session, "GET", url + "/api/v1/namespaces/bench/configmaps?limit=500").serverSeconds)
    }
    print(String(format: "  LIST limit=500 (first page): server %.1f ms", median(page) * 1000))
    print(String(format: "  peak RSS of this process: %.0f MB", peakRSSMB()))
    server.shutdown()
}
