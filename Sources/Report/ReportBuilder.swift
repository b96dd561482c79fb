import Foundation
import GitStore
import Heal
import Insights
import Kubernetes
import LogMining
import Logs
import Reconcile

/// Builds a `Report` from `ReportInputs`. Pure: the same inputs give the same report.
public enum ReportBuilder {
    public static let hoursPerMonth = ContainerResult.hoursPerMonth
    public static let gib = 1_073_741_824.0
    /// Templates shown in the Errors section.
    public static let topTemplates = 10

    public static func build(_ i: ReportInputs) -> Report {
        let health = self.health(i)
        let healing = selfHealing(i)
        let errors = self.errors(i)
        let autoscaling = self.autoscaling(i)
        let optimisation = self.optimisation(i)
        var report = Report(environment: i.environment, namespace: i.namespace, start: i.start, end: i.end, health: health,
                            selfHealing: healing, errors: errors, autoscaling: autoscaling, optimisation: optimisation, anomalies: [])
        report.anomalies = anomalies(i, report)
        return report
    }

    // MARK: Health

    /// Classes that make a workload unavailable (not capacity, job or node reports).
    static func countsAsDowntime(_ c: FaultClass) -> Bool {
        ![.hpaAtMax, .hpaMetricsUnavailable, .nodePressure, .nodeNotReady, .jobFailed].contains(c)
    }

    /// The workload name of a finding id (`class/Kind/name/container`).
    static func workload(ofFault id: String) -> String {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[2]) : id
    }

    static func time(_ iso: String) -> Double? { ISO8601DateFormatter().date(from: iso)?.timeIntervalSince1970 }

    static func health(_ i: ReportInputs) -> Report.Health {
        // Fault intervals per workload, clipped to the period.
        var intervals: [String: [(Double, Double)]] = [:]
        var faults: [String: Int] = [:]
        func add(_ id: String, _ c: FaultClass, from: Double, to: Double) {
            guard countsAsDowntime(c) else { return }
            let a = max(from, i.start), b = min(to, i.end)
            guard b > a else { return }
            intervals[workload(ofFault: id), default: []].append((a, b))
            faults[workload(ofFault: id), default: 0] += 1
        }
        for r in i.heal?.resolutions ?? [] { add(r.id, r.faultClass, from: r.since ?? r.detectedAt, to: r.resolvedAt) }
        for f in (i.heal?.faults ?? [:]).values { add(f.id, f.faultClass, from: f.since ?? f.detectedAt, to: i.end) }
        var restarts: [String: Int] = [:]
        for c in (i.heal?.containers ?? [:]).values {
            restarts[c.workload.name, default: 0] += c.restarts.filter { $0 >= i.start && $0 < i.end }.count
        }
        var names = Set(i.recommendations.map(\.workload.name))
        names.formUnion(intervals.keys)
        names.formUnion(restarts.keys)
        let workloads = names.sorted().map { name -> Report.WorkloadHealth in
            let down = union(intervals[name] ?? [])
            return Report.WorkloadHealth(workload: name, availability: i.end > i.start ? 1 - down / (i.end - i.start) : 1,
                                         faultSeconds: down, restarts: restarts[name] ?? 0, faults: faults[name] ?? 0)
        }
        let runs = (i.reconcile?.runs ?? []).filter { r in time(r.at).map { $0 >= i.start && $0 < i.end } ?? false }
        let failures = (i.reconcile?.failures ?? []).filter { f in time(f.at).map { $0 >= i.start && $0 < i.end } ?? false }
        return Report.Health(workloads: workloads, rollouts: runs.filter { $0.outcome == "applied" }.count,
                             rollbacks: runs.filter { $0.outcome == "rolled-back" }.count,
                             failedRevisions: failures.map { "\($0.revision.prefix(7)): \($0.reason)" },
                             driftCorrected: runs.flatMap(\.driftCorrected))
    }

    /// Seconds covered by the union of intervals.
    static func union(_ xs: [(Double, Double)]) -> Double {
        var total = 0.0
        var current: (Double, Double)?
        for x in xs.sorted(by: { $0.0 < $1.0 }) {
            if let c = current, x.0 <= c.1 { current = (c.0, max(c.1, x.1)); continue }
            if let c = current { total += c.1 - c.0 }
            current = x
        }
        if let c = current { total += c.1 - c.0 }
        return total
    }

    // MARK: Self-healing

    static func median(_ xs: [Double]) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    static func selfHealing(_ i: ReportInputs) -> Report.SelfHealing {
        let inPeriod = { (t: Double) in t >= i.start && t < i.end }
        let resolutions = (i.heal?.resolutions ?? []).filter { inPeriod($0.resolvedAt) }
        let open = (i.heal?.faults ?? [:]).values.sorted { $0.id < $1.id }
        // Detected in the period: resolved or still open, each (id, detection) once.
        var detected: [(id: String, c: FaultClass, since: Double?, at: Double)] = []
        var seen = Set<String>()
        for r in i.heal?.resolutions ?? [] where inPeriod(r.detectedAt) && seen.insert("\(r.id)@\(r.detectedAt)").inserted {
            detected.append((r.id, r.faultClass, r.since, r.detectedAt))
        }
        for f in open where inPeriod(f.detectedAt) && seen.insert("\(f.id)@\(f.detectedAt)").inserted {
            detected.append((f.id, f.faultClass, f.since, f.detectedAt))
        }
        let escalatedOpen = open.filter { $0.escalated && ($0.actions.last.map { inPeriod($0.at) } ?? inPeriod($0.detectedAt)) }
        var classes: [String: Report.FaultClassCount] = [:]
        func bump(_ c: FaultClass, _ change: (inout Report.FaultClassCount) -> Void) {
            var x = classes[c.rawValue] ?? Report.FaultClassCount(faultClass: c.rawValue, detected: 0, resolvedWithoutPerson: 0, escalated: 0)
            change(&x)
            classes[c.rawValue] = x
        }
        for d in detected { bump(d.c) { $0.detected += 1 } }
        for r in resolutions { bump(r.faultClass) { r.escalated ? ($0.escalated += 1) : ($0.resolvedWithoutPerson += 1) } }
        for f in escalatedOpen { bump(f.faultClass) { $0.escalated += 1 } }
        let withoutPerson = resolutions.filter { !$0.escalated }.count
        var actions: [String: Int] = [:]
        for run in i.heal?.runs ?? [] where inPeriod(run.at) {
            for a in run.actions { actions[String(a.split(separator: " ").first ?? ""), default: 0] += 1 }
        }
        return Report.SelfHealing(
            classes: classes.values.sorted { $0.faultClass < $1.faultClass }, detected: detected.count, resolved: resolutions.count,
            resolvedWithoutPerson: withoutPerson, autoResolutionRate: resolutions.isEmpty ? nil : Double(withoutPerson) / Double(resolutions.count),
            medianTimeToDetect: median(detected.compactMap { d in d.since.map { d.at - $0 } }),
            medianTimeToResolve: median(resolutions.map { $0.resolvedAt - $0.detectedAt }),
            escalations: resolutions.filter(\.escalated).map { "\($0.id) (resolved)" } + escalatedOpen.map { "\($0.id): \($0.summary)" },
            actions: actions)
    }

    // MARK: Errors

    static func errors(_ i: ReportInputs) -> Report.Errors {
        var rows: [Report.LogTemplateRow] = []
        for (workload, w) in (i.logs?.workloads ?? [:]).sorted(by: { $0.key < $1.key }) {
            // A miner the checkpoint cannot restore counts nothing (the logs job relearns it).
            guard let miner = try? TemplateMiner(serialized: w.templates) else { continue }
            for t in miner.templates {
                rows.append(Report.LogTemplateRow(workload: workload, id: t.id, count: t.count, template: t.text,
                                                  baselinePerMinute: w.baseline.rates[LogBaseline.key(template: t.id)]))
            }
        }
        let top = rows.sorted { ($0.count, $1.workload, $1.id) > ($1.count, $0.workload, $0.id) }.prefix(topTemplates)
        // Fired in the period, or fired before it and resolved in it (or still open).
        let alerts = i.alerts.filter { $0.firedAt < i.end && ($0.firedAt >= i.start || ($0.resolvedAt ?? i.end) >= i.start) }
            .sorted { ($0.firedAt, $0.name, $0.workload, $0.detail) < ($1.firedAt, $1.name, $1.workload, $1.detail) }
        let series = (i.logs?.workloads ?? [:]).sorted { $0.key < $1.key }.compactMap { workload, w -> Report.ErrorSeries? in
            let points = w.errorsPerHour.filter { Double($0.key) >= i.start && Double($0.key) < i.end }.sorted { $0.key < $1.key }
                .map { Report.Point(t: Double($0.key), v: Double($0.value)) }
            return points.isEmpty ? nil : Report.ErrorSeries(workload: workload, points: points)
        }
        return Report.Errors(top: Array(top), newTemplates: alerts.filter { $0.name == "NewLogPattern" },
                             surges: alerts.filter { $0.name == "LogSurge" },
                             alerts: alerts.filter { $0.name != "NewLogPattern" && $0.name != "LogSurge" }, errorsPerHour: series)
    }

    // MARK: Autoscaling and usage

    /// Hours of `usage` within the period, oldest first.
    static func hours(_ usage: ContainerUsage, _ i: ReportInputs) -> [(start: Double, hour: ContainerUsage.Hour)] {
        usage.hours.map { (Double($0.key) * 3600, $0.value) }.filter { $0.0 >= i.start && $0.0 < i.end }.sorted { $0.0 < $1.0 }
    }

    static func usage(_ i: ReportInputs, _ r: ContainerResult) -> ContainerUsage? {
        i.usage.containers["\(r.workload.namespace)/\(r.workload.name)/\(r.container.name)"]
    }

    static func autoscaling(_ i: ReportInputs) -> [Report.Autoscaling] {
        var out: [Report.Autoscaling] = []
        var done = Set<String>()
        for r in i.recommendations {
            guard let h = r.workload.hpa, done.insert(r.workload.name).inserted, let u = usage(i, r) else { continue }
            let hs = hours(u, i)
            out.append(Report.Autoscaling(workload: r.workload.name, hpa: h.name, minReplicas: h.current.minReplicas, maxReplicas: h.current.maxReplicas,
                                          replicas: hs.map { Report.Point(t: $0.start, v: Double($0.hour.replicas)) }, hoursSampled: hs.count,
                                          hoursAtMax: hs.filter { $0.hour.replicas >= h.current.maxReplicas }.count))
        }
        return out.sorted { $0.workload < $1.workload }
    }

    // MARK: Optimisation

    static func optimisation(_ i: ReportInputs) -> Report.Optimisation {
        let rows = i.recommendations.map { r -> Report.ContainerSizing in
            let c = r.resources.current
            // As the chart writes them (`1000m`, not the canonical `1`).
            let text = { (key: String, q: Quantity?) in r.container.resourceTexts[key] ?? q?.description }
            return Report.ContainerSizing(
                container: r.key,
                current: .init(cpuRequest: text("requests.cpu", c.cpuRequest), cpuLimit: text("limits.cpu", c.cpuLimit),
                               memoryRequest: text("requests.memory", c.memoryRequest), memoryLimit: text("limits.memory", c.memoryLimit)),
                recommended: .init(cpuRequest: r.resources.cpuRequest?.description, cpuLimit: r.resources.cpuLimit?.description,
                                   memoryRequest: r.resources.memoryRequest?.description, memoryLimit: r.resources.memoryLimit?.description),
                replicas: r.replicas, coreHoursPerMonth: r.savedCPUCores * hoursPerMonth, gibHoursPerMonth: r.savedMemoryBytes / gib * hoursPerMonth,
                notes: r.resources.notes)
        }.sorted { $0.container < $1.container }
        let series = i.recommendations.compactMap { r -> Report.UsageSeries? in
            guard let u = usage(i, r) else { return nil }
            return Report.UsageSeries(container: r.key, cpu: hours(u, i).map { Report.Point(t: $0.start, v: perPod($0.hour)) },
                                      cpuRequest: r.container.resources.cpuRequest?.doubleValue, cpuLimit: r.container.resources.cpuLimit?.doubleValue)
        }.sorted { $0.container < $1.container }
        return Report.Optimisation(containers: rows, projectedCoreHours: rows.reduce(0) { $0 + $1.coreHoursPerMonth },
                                   projectedGiBHours: rows.reduce(0) { $0 + $1.gibHoursPerMonth }, realized: realized(i), usage: series)
    }

    /// Mean CPU per pod of an hour: the hour's mean workload load over its most pods.
    static func perPod(_ h: ContainerUsage.Hour) -> Double { h.replicas > 0 ? h.meanCPU / Double(h.replicas) : 0 }

    /// A `Shipshape-Change` trailer of a request: `Deployment/NAME spec.template.spec.containers[name=C].resources.requests.cpu OLD→NEW`.
    struct RequestChange {
        var workload: String
        var container: String
        var resource: String
        var old: String
        var new: String

        init?(_ trailer: String) {
            let parts = trailer.split(separator: " ", maxSplits: 2).map(String.init)
            guard parts.count == 3, let slash = parts[0].firstIndex(of: "/"),
                  let open = parts[1].range(of: "containers[name="), let close = parts[1][open.upperBound...].firstIndex(of: "]"),
                  parts[1].hasSuffix(".resources.requests.cpu") || parts[1].hasSuffix(".resources.requests.memory") else { return nil }
            let values = parts[2].components(separatedBy: "→")
            guard values.count == 2 else { return nil }
            workload = String(parts[0][parts[0].index(after: slash)...])
            container = String(parts[1][open.upperBound..<close])
            resource = parts[1].hasSuffix(".cpu") ? "cpu" : "memory"
            old = values[0]
            new = values[1]
        }
    }

    /// Request changes of recommendation commits merged in the period, each measured after
    /// its merge with the usage checkpoint's hours.
    static func realized(_ i: ReportInputs) -> [Report.RealizedSaving] {
        var out: [Report.RealizedSaving] = []
        for c in i.commits.reversed() where c.message.value(for: "Shipshape-Recommend") != nil {
            guard let t = c.committer.time.map({ Double($0.seconds) }), t >= i.start, t < i.end else { continue }
            for trailer in c.message.values(for: "Shipshape-Change") {
                guard let change = RequestChange(trailer) else { continue }
                let key = i.usage.containers.keys.first { $0.hasSuffix("/\(change.workload)/\(change.container)") }
                let after = key.flatMap { i.usage.containers[$0] }.map { u in hours(u, i).filter { $0.start >= t } } ?? []
                let replicas = after.isEmpty ? nil : after.reduce(0.0) { $0 + Double($1.hour.replicas) } / Double(after.count)
                let before = try? Quantity(parsing: change.old), now = try? Quantity(parsing: change.new)
                var saved: Double?
                if let replicas, let before, let now {
                    let delta = before.doubleValue - now.doubleValue
                    saved = (change.resource == "cpu" ? delta : delta / gib) * replicas * hoursPerMonth
                }
                var usageAfter: Double?
                if change.resource == "cpu", !after.isEmpty {
                    usageAfter = after.reduce(0.0) { $0 + perPod($1.hour) } / Double(after.count)
                }
                out.append(Report.RealizedSaving(
                    commit: c.id.short, subject: c.message.subject, mergedAt: t, container: "\(change.workload)/\(change.container)",
                    resource: change.resource, before: change.old, after: change.new, replicasAfter: replicas, usageAfter: usageAfter,
                    savedPerMonth: saved,
                    utilisationAfter: usageAfter.flatMap { u in now.flatMap { $0.doubleValue > 0 ? u / $0.doubleValue : nil } }))
            }
        }
        return out
    }

    // MARK: Anomalies

    static func anomalies(_ i: ReportInputs, _ r: Report) -> [Report.Anomaly] {
        var out: [Report.Anomaly] = []
        let healCommits = i.commits.filter { $0.message.value(for: "Shipshape-Heal") != nil }
        for e in (i.heal?.faults ?? [:]).values.sorted(by: { $0.id < $1.id }) where e.escalated {
            let commit = healCommits.first { $0.message.values(for: "Shipshape-Fault").contains(e.id) }
            out.append(.init(kind: "escalation", at: e.actions.last?.at ?? e.detectedAt, subject: e.id, detail: e.summary,
                             evidence: commit.map { "commit \($0.id.short)" } ?? "ConfigMap \(HealState.configMapName(environment: i.environment)) heal.json faults",
                             link: "#self-healing"))
        }
        for f in i.reconcile?.failures ?? [] {
            guard let t = time(f.at), t >= i.start, t < i.end else { continue }
            out.append(.init(kind: "failed-revision", at: t, subject: String(f.revision.prefix(7)), detail: f.reason,
                             evidence: "commit \(f.revision.prefix(7)); ConfigMap \(ReconcileState.configMapName(environment: i.environment)) state.json failures",
                             link: "#health"))
        }
        for a in r.errors.surges + r.errors.newTemplates {
            out.append(.init(kind: a.name == "LogSurge" ? "log-surge" : "new-template", at: a.firedAt, subject: a.workload, detail: a.detail,
                             evidence: "ConfigMap shipshape-logs-\(i.environment)", link: "#errors"))
        }
        for a in r.autoscaling where a.hoursAtMax > 0 {
            out.append(.init(kind: "hpa-at-max", at: a.replicas.first { $0.v >= Double(a.maxReplicas) }?.t, subject: a.hpa,
                             detail: "\(a.hoursAtMax) of \(a.hoursSampled) sampled hours at maxReplicas \(a.maxReplicas)",
                             evidence: "ConfigMap shipshape-usage-\(i.environment)", link: "#autoscaling"))
        }
        return out.sorted { ($0.at ?? 0, $0.kind, $0.subject) < ($1.at ?? 0, $1.kind, $1.subject) }
    }
}
