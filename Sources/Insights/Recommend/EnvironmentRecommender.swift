import Foundation
import Kubernetes
import YAML

/// One rendered field a recommendation changes: `spec.template.spec.containers[name=backend].resources.requests.cpu`
/// of `apps/v1 Deployment backend-deployment`, from 200m to 130m.
public struct FieldChange: Sendable, Equatable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var field: String
    /// What a person calls it, for the subject: `cpu request`.
    public var label: String
    /// Who it belongs to, for the subject: the container (or the HPA's workload).
    public var owner: String
    public var old: String
    public var new: String

    /// A values entry no rendered field traces back to, written directly: the chart renders
    /// `hpa.schedules` as JSON into an annotation, so the list is written under `key` beside
    /// the values line that drives `besideField` of the same object (`spec.maxReplicas`).
    public struct ValuesEdit: Sendable, Equatable {
        public var besideField: String
        public var key: String
        public var value: EditValue
    }
    public var valuesEdit: ValuesEdit?

    public init(apiVersion: String, kind: String, name: String, field: String, label: String, owner: String, old: String, new: String,
                valuesEdit: ValuesEdit? = nil) {
        self.valuesEdit = valuesEdit
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.field = field
        self.label = label
        self.owner = owner
        self.old = old
        self.new = new
    }

    /// `apps/v1/Deployment/backend-deployment:spec.replicas`, the `--trace` form.
    public var traceQuery: String { "\(apiVersion)/\(kind)/\(name):\(field)" }
}

/// Everything recommended for one container of a rendered workload.
public struct ContainerResult: Sendable {
    public var workload: RenderedWorkload
    public var container: RenderedWorkload.Container
    public var resources: ResourceRecommender.Recommendation
    public var probes: [ProbeRecommender.Finding]
    public var hpa: HPARecommender.Recommendation?
    /// Scaling windows and the forecast behind them (a week and a day of history needed).
    public var schedule: ScheduleRecommender.Recommendation? = nil
    /// Mean replicas over the window (from the samples; the rendered count without them).
    public var replicas: Double
    /// Requests saved across the replicas (negative: added), in cores and bytes.
    public var savedCPUCores: Double
    public var savedMemoryBytes: Double

    /// `backend-deployment/backend`.
    public var key: String { "\(workload.name)/\(container.name)" }
    public static let hoursPerMonth = 730.0
}

/// Recommends resources, probes and HPA bounds for every rendered workload of an environment
/// from its usage history, and lists the rendered fields that change.
public enum EnvironmentRecommender {
    public static func recommend(workloads: [RenderedWorkload], history: UsageHistory, policy: RecommendPolicy,
                                 sinceLastRecommendation: [String: Double] = [:]) -> (results: [ContainerResult], changes: [FieldChange]) {
        var results: [ContainerResult] = []
        var changes: [FieldChange] = []
        for w in workloads {
            let usages = history.workload(w.namespace, w.name)
            for c in w.containers {
                guard let usage = usages[c.name] else { continue }
                // An HPA memory metric that pins replicas is dropped, and memory is then sized
                // as for a workload the HPA does not scale on memory.
                let pinning = Self.memoryMetricPinning(w, c, usage)
                var r = ResourceRecommender.recommend(container: c.name, usage: usage, current: c.resources, policy: policy,
                                                      containersInPod: w.containers.count, hpaCPUUtilization: w.hpa?.current.targetCPUUtilization,
                                                      hpaMemoryUtilization: pinning == nil ? w.hpa?.targetMemoryUtilization : nil,
                                                      sinceLastRecommendation: sinceLastRecommendation["\(w.namespace)/\(w.name)"])
                let gated = r.notes.first.map { $0.hasPrefix("too little history") || $0.hasPrefix("cooldown:") } == true
                var memoryMetricChange: FieldChange?
                if let pinning, !gated, let h = w.hpa, let target = h.targetMemoryUtilization {
                    r.notes.append(pinning.note)
                    memoryMetricChange = FieldChange(apiVersion: h.apiVersion, kind: "HorizontalPodAutoscaler", name: h.name,
                                                     field: "spec.metrics[resource.name=memory]", label: "memory metric", owner: "\(w.name) hpa",
                                                     old: "\(target)", new: "null",
                                                     valuesEdit: .init(besideField: "spec.maxReplicas", key: "memoryThreshold", value: .null))
                }
                let owner = w.containers.count == 1 ? c.name : "\(w.name)/\(c.name)"
                let base = "spec.template.spec.containers[name=\(c.name)]"
                func change(_ field: String, _ label: String, _ old: Quantity?, _ new: Quantity?) {
                    guard let new else { return }
                    let rendered = c.resourceTexts[String(field.dropFirst("resources.".count))]
                    changes.append(FieldChange(apiVersion: w.apiVersion, kind: w.kind, name: w.name, field: "\(base).\(field)", label: label,
                                               owner: owner, old: rendered ?? old?.description ?? "unset", new: new.description))
                }
                change("resources.requests.cpu", "cpu request", c.resources.cpuRequest, r.cpuRequest)
                change("resources.limits.cpu", "cpu limit", c.resources.cpuLimit, r.cpuLimit)
                change("resources.requests.memory", "memory request", c.resources.memoryRequest, r.memoryRequest)
                change("resources.limits.memory", "memory limit", c.resources.memoryLimit, r.memoryLimit)
                if let memoryMetricChange { changes.append(memoryMetricChange) }

                let probes = ProbeRecommender.recommend(startupSeconds: usage.startupSeconds, startup: c.startupProbe, liveness: c.livenessProbe,
                                                        readiness: c.readinessProbe, probeFailures: usage.probeFailures, policy: policy)
                for f in probes {
                    guard let field = f.field, let new = f.recommended else { continue }
                    changes.append(FieldChange(apiVersion: w.apiVersion, kind: w.kind, name: w.name, field: "\(base).\(field)",
                                               label: "startup failureThreshold", owner: owner, old: f.current.map(String.init) ?? "unset", new: String(new)))
                }

                var hpa: HPARecommender.Recommendation?
                var schedule: ScheduleRecommender.Recommendation?
                // HPA bounds and scaling windows keep the workload's history and cooldown rules:
                // without the cooldown, windows re-fitted every hour made a commit every hour.
                if let h = w.hpa, w.containers.first?.name == c.name, !gated {
                    let request = (r.cpuRequest ?? c.resources.cpuRequest)?.doubleValue ?? 0
                    var rec = HPARecommender.recommend(hours: usage.hours, cpuRequestCores: request, current: h.current, policy: policy)
                    let hpaOwner = "\(w.name) hpa"
                    // Scaling windows need a week to backtest on and at least a day before it.
                    if let first = usage.hours.keys.min(), let last = usage.hours.keys.max(), last - first + 1 >= ScheduleRecommender.minHours {
                        let rs = ScheduleRecommender.recommend(hours: usage.hours, cpuRequestCores: request, current: h.current, policy: policy)
                        schedule = rs
                        rec.notes += rs.notes
                        rec.notes += rs.windows.map { "scaling window proposed for hpa.schedules: {cron: \"\($0.cron)\", duration: \($0.duration), minReplicas: \($0.minReplicas)}" }
                    }
                    hpa = rec
                    if let n = rec.minReplicas {
                        changes.append(FieldChange(apiVersion: h.apiVersion, kind: "HorizontalPodAutoscaler", name: h.name, field: "spec.minReplicas",
                                                   label: "minReplicas", owner: hpaOwner, old: String(h.current.minReplicas), new: String(n)))
                    }
                    if let n = rec.maxReplicas {
                        changes.append(FieldChange(apiVersion: h.apiVersion, kind: "HorizontalPodAutoscaler", name: h.name, field: "spec.maxReplicas",
                                                   label: "maxReplicas", owner: hpaOwner, old: String(h.current.maxReplicas), new: String(n)))
                    }
                    if let rs = schedule, let change = Self.scheduleChange(rs, hpa: h, owner: hpaOwner) { changes.append(change) }
                }
                let hours = usage.hours.values.filter { $0.instants > 0 }
                let replicas = hours.isEmpty ? Double(w.replicas) : Double(hours.map(\.replicas).reduce(0, +)) / Double(hours.count)
                let cpuSaved = r.cpuRequest.flatMap { new in c.resources.cpuRequest.map { $0.doubleValue - new.doubleValue } } ?? 0
                let memSaved = r.memoryRequest.flatMap { new in c.resources.memoryRequest.map { $0.doubleValue - new.doubleValue } } ?? 0
                results.append(ContainerResult(workload: w, container: c, resources: r, probes: probes, hpa: hpa, schedule: schedule, replicas: replicas,
                                               savedCPUCores: cpuSaved * replicas, savedMemoryBytes: memSaved * replicas))
            }
        }
        return (results, changes)
    }

    /// The memory-metric finding for a one-container workload whose HPA scales on memory
    /// (pod utilisation is the sum over containers, so only then is the container the pod).
    static func memoryMetricPinning(_ w: RenderedWorkload, _ c: RenderedWorkload.Container, _ usage: ContainerUsage) -> MemoryMetricCheck.Finding? {
        guard let h = w.hpa, let memoryTarget = h.targetMemoryUtilization, w.containers.count == 1,
              let cpu = c.resources.cpuRequest?.doubleValue, let memory = c.resources.memoryRequest?.doubleValue else { return nil }
        return MemoryMetricCheck.check(hours: usage.hours, cpuRequestCores: cpu, memoryRequestBytes: memory, cpuTarget: h.current.targetCPUUtilization,
                                       memoryTarget: memoryTarget, minReplicas: h.current.minReplicas)
    }

    /// The `hpa.schedules` change for proposed windows; nil when none are proposed (the MAPE
    /// bound, no period: the notes say why) or the rendered annotation already holds them.
    static func scheduleChange(_ rs: ScheduleRecommender.Recommendation, hpa h: RenderedWorkload.Autoscaler, owner: String) -> FieldChange? {
        guard !rs.windows.isEmpty else { return nil }
        let value = EditValue.flowMappings(rs.windows.map {
            [.init("cron", .string($0.cron)), .init("duration", .string($0.duration)), .init("minReplicas", .int(Int64($0.minReplicas)))]
        })
        let proposed: Value = .array(rs.windows.map { .object(["cron": .string($0.cron), "duration": .string($0.duration), "minReplicas": .int(Int64($0.minReplicas))]) })
        if let current = h.schedules, (try? ValueDecoder.decode(current)) == proposed { return nil }
        return FieldChange(apiVersion: h.apiVersion, kind: "HorizontalPodAutoscaler", name: h.name,
                           field: "metadata.annotations[shipshape.dev/schedules]", label: "schedules", owner: owner,
                           old: h.schedules ?? "[]", new: ScheduleRecommender.text(rs.windows),
                           valuesEdit: .init(besideField: "spec.maxReplicas", key: "schedules", value: value))
    }
}
