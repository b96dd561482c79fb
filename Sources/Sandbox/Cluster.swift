import Foundation
import YAML

/// The simulated cluster: the object store, simulated time, the scenario and the controllers.
/// Every API request and every controller pass runs under one lock, so the cluster is a
/// single consistent state machine: deterministic for tests, simple to reason about.
public final class Cluster: @unchecked Sendable {
    let catalog: ResourceCatalog
    let store = ObjectStore()
    var clock: SimClock
    var scenario: Scenario
    let faults = FaultInjector()
    var random: SplitMix64
    /// The randomness of objects the cluster makes for itself in every namespace
    /// (`kube-root-ca.crt`), apart from `random`, so that adding such infrastructure changes
    /// no workload's names, uids or simulated behaviour under a given seed.
    private var infrastructureRandom: SplitMix64
    var uidCounter: UInt64 = 0
    /// Per-pod runtime state the kubelet keeps outside the API objects.
    var kubelet = KubeletState()
    /// HPA recommendations over time, for stabilization windows.
    var hpaHistory: [String: [(time: Double, replicas: Int)]] = [:]
    var hpaLastSync: [String: Double] = [:]
    /// HPA-driven replica changes, for the behavior policies' periods.
    var hpaScaleEvents: [String: [(time: Double, change: Int)]] = [:]
    /// Events by (involved object uid, reason, message), so repeats bump one Event; and the
    /// last event name's timestamp, so names stay unique and in order.
    var eventKeys: [String: ObjectKey] = [:]
    var eventNanos: Int64 = 0
    /// Service-account tokens issued so far (`serviceAccountToken`).
    var tokens = ServiceAccountTokens()
    /// Counters `/metrics` accumulates between scrapes (PrometheusMetrics.swift).
    var scrape = ScrapeState()
    /// When the simulation began: scenario spikes are relative to it.
    let simulationStart: Double
    /// Runs the containers of images the scenario marks `execute`; nil when the Sandbox
    /// executes nothing (such containers then wait in RunContainerError).
    public let runtime: ProcessRuntime?
    /// The cluster's CA, made when the cluster is: it signs the serving certificate of every
    /// HTTPS listener the Sandbox opens (`--tls`, the in-cluster endpoint executed pods use),
    /// and `kube-root-ca.crt` publishes it in every namespace. Without TLS no listener presents
    /// it, but it is still the CA in-cluster clients are told to trust, as on a real cluster.
    public let certificateAuthority: SandboxCertificateAuthority
    /// Where executed containers reach the API server (set by `SandboxServer`).
    var apiEndpoint: InClusterEndpoint? {
        get { withLock { endpoint } }
        set { withLock { endpoint = newValue } }
    }
    private var endpoint: InClusterEndpoint?
    /// The simulated time, published for threads that must not wait on the cluster lock (the
    /// readers stamping executed containers' output lines).
    let publishedNow = PublishedTime()
    private let lock = NSRecursiveLock()

    /// Statistics for benchmarks and the admin endpoint.
    public private(set) var requestCount = 0

    public init(scenario: Scenario = .default, start: Double? = nil, seed: UInt64 = 42,
                catalog: ResourceCatalog = .standard, runtime: ProcessRuntime? = nil) {
        self.catalog = catalog
        self.runtime = runtime
        self.scenario = scenario
        self.clock = SimClock(start: start ?? SimClock.wallNow())
        self.simulationStart = clock.now
        publishedNow.value = clock.now
        self.random = SplitMix64(seed: seed)
        self.infrastructureRandom = SplitMix64(seed: ~seed)
        do { certificateAuthority = try SandboxCertificateAuthority() } catch {
            fatalError("the Sandbox could not generate its CA certificate: \(error)")
        }
        for rule in scenario.faults { faults.add(rule) }
        withLock { bootstrap() }
    }

    @discardableResult
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The current simulated time, seconds since the epoch.
    public var now: Double { withLock { clock.now } }

    /// Simulated seconds since the simulation started (scenario spikes and faults count from it).
    public var elapsed: Double { withLock { clock.now - simulationStart } }

    /// Moves simulated time forward in controller-sized steps, running every controller at
    /// each step, so a test can say "two minutes later" and get what a cluster would show.
    public func advance(by seconds: Double, step: Double = 1) {
        var remaining = seconds
        while remaining > 0 {
            let dt = min(step, remaining)
            withLock {
                clock.advance(by: dt)
                publishedNow.value = clock.now
                runControllers()
            }
            remaining -= dt
        }
    }

    /// Handles one API request; watch requests return a stream the server pumps. The request is
    /// authenticated and authorized first (`authorizeRequest`): 401 or 403 before any routing.
    /// `applyFaults` is false when the HTTP layer has already consulted the fault injector.
    public func handle(_ request: APIRequest, applyFaults: Bool = true) -> APIResult {
        if applyFaults, let fault = faults.decide(request, elapsed: elapsed).error {
            return .response(.error(fault))
        }
        return withLock {
            requestCount += 1
            do {
                var request = request
                request.user = try authorizeRequest(request)
                return try route(request)
            } catch let error as APIError {
                return .response(.error(error))
            } catch {
                return .response(.error(APIError(code: 500, reason: "InternalError", message: "\(error)")))
            }
        }
    }

    /// A fresh uid in the UUID text form, deterministic for a given seed.
    func newUID() -> String {
        uidCounter += 1
        let a = random.next(), b = random.next()
        let hex = String(format: "%016llx%016llx", a, b ^ uidCounter)
        let c = Array(hex)
        return "\(String(c[0..<8]))-\(String(c[8..<12]))-4\(String(c[13..<16]))-a\(String(c[17..<20]))-\(String(c[20..<32]))"
    }

    /// Runs `body` with `infrastructureRandom` in place of `random` (and the uid counter left
    /// as it was), for objects that must not shift the workloads' random stream.
    func withInfrastructureRandomness<T>(_ body: () throws -> T) rethrows -> T {
        swap(&random, &infrastructureRandom)
        let counter = uidCounter
        defer {
            swap(&random, &infrastructureRandom)
            uidCounter = counter
        }
        return try body()
    }

    /// `length` characters from Kubernetes' name-suffix alphabet (no vowels, no look-alikes).
    func randomSuffix(_ length: Int = 5) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }

    private func bootstrap() {
        for ns in ["default", "kube-system", "kube-public", "kube-node-lease"] {
            _ = try? createObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(ns)]], manager: "sandbox")
        }
        let node: Value = [
            "apiVersion": "v1", "kind": "Node",
            "metadata": ["name": "sandbox", "labels": ["kubernetes.io/hostname": "sandbox", "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64"]],
            "status": [
                "capacity": ["cpu": .string(scenario.node.cpu), "memory": .string(scenario.node.memory), "ephemeral-storage": "100Gi", "pods": "2500"],
                "allocatable": ["cpu": .string(scenario.node.cpu), "memory": .string(scenario.node.memory), "ephemeral-storage": "100Gi", "pods": "2500"],
                "conditions": [["type": "Ready", "status": "True", "reason": "KubeletReady", "message": "kubelet is posting ready status"]],
                "nodeInfo": ["kubeletVersion": .string(APIServerVersion.gitVersion), "operatingSystem": "linux", "architecture": "amd64"],
            ],
        ]
        // With its status, as the kubelet registers it (conditions and capacity are what monitoring reads).
        _ = try? createObject(node, manager: "sandbox", keepStatus: true)
        // The API server's own Service, as every cluster has it.
        let kubernetes: Value = [
            "apiVersion": "v1", "kind": "Service",
            "metadata": ["name": "kubernetes", "namespace": "default", "labels": ["component": "apiserver", "provider": "kubernetes"]],
            "spec": ["type": "ClusterIP", "clusterIP": "10.96.0.1", "clusterIPs": ["10.96.0.1"],
                     "ports": [["name": "https", "port": 443, "protocol": "TCP", "targetPort": 6443]]],
        ]
        _ = try? createObject(kubernetes, manager: "kube-apiserver")
        runServiceAccounts()
        runRootCAPublisher()
        for object in BootstrapPolicy.objects { _ = try? createObject(object, manager: "kube-apiserver") }
    }
}

/// A small, fast, seedable generator (SplitMix64): the Sandbox's randomness is reproducible.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// A time value written under the cluster lock and read without it.
final class PublishedTime: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds = 0.0
    var value: Double {
        get { lock.withLock { seconds } }
        set { lock.withLock { seconds = newValue } }
    }
}
