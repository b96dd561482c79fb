import Foundation

/// How figures read in the Markdown and HTML reports (one place, so both say the same).
enum ReportFormat {
    static func percent(_ x: Double?, digits: Int = 1) -> String {
        guard let x else { return "–" }
        return String(format: "%.\(digits)f%%", x * 100)
    }

    static func num(_ x: Double?, _ digits: Int = 1) -> String {
        guard let x else { return "–" }
        let s = String(format: "%.\(digits)f", x)
        return Double(s) == 0 ? String(format: "%.\(digits)f", 0.0) : s
    }

    /// `4m 30s`, `2h 5m`, `3d 4h`.
    static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return "–" }
        // From state a person may have edited: clamped, never a trap on NaN or 1e300.
        let s = Int(clamping: seconds, to: Int(Int32.min)...Int(Int32.max), rounding: .toNearestOrAwayFromZero)
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m \(s % 60)s" }
        if s < 86400 { return "\(s / 3600)h \(s % 3600 / 60)m" }
        return "\(s / 86400)d \(s % 86400 / 3600)h"
    }

    static func time(_ t: Double?) -> String {
        guard let t else { return "–" }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date(timeIntervalSince1970: t))
    }

    static func cores(_ x: Double?) -> String {
        guard let x else { return "–" }
        return "\(Int((x * 1000).rounded()))m"
    }

    static func orDash(_ s: String?) -> String { s ?? "–" }

    /// `250m → 180m`, or the current value alone when nothing changes.
    static func change(_ current: String?, _ recommended: String?) -> String {
        guard let recommended else { return orDash(current) }
        return "\(orDash(current)) → \(recommended)"
    }

    /// Table rows for both outputs: the header, then the cells.
    static func tables(_ r: Report) -> [(id: String, title: String, intro: String, header: [String], rows: [[String]])] {
        let h = r.health, s = r.selfHealing, o = r.optimisation
        return [
            ("health", "Health",
             "Rollouts \(h.rollouts), rollbacks \(h.rollbacks), drift corrected \(h.driftCorrected.count)"
                + (h.failedRevisions.isEmpty ? "." : "; failed revisions: \(h.failedRevisions.joined(separator: "; ")).")
                + " Availability is the share of the period with no open heal fault on the workload.",
             ["workload", "availability", "fault time", "faults", "restarts"],
             h.workloads.map { [$0.workload, percent($0.availability, digits: 3), duration($0.faultSeconds), "\($0.faults)", "\($0.restarts)"] }),
            ("self-healing", "Self-healing",
             "Faults detected \(s.detected), resolved \(s.resolved), \(s.resolvedWithoutPerson) without a person (\(percent(s.autoResolutionRate))). "
                + "Median time to detect \(duration(s.medianTimeToDetect)), to resolve \(duration(s.medianTimeToResolve)). "
                + "Actions: \(s.actions.isEmpty ? "none" : s.actions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")). "
                + "Escalations: \(s.escalations.isEmpty ? "none" : s.escalations.joined(separator: "; ")).",
             ["class", "detected", "resolved without a person", "escalated"],
             s.classes.map { [$0.faultClass, "\($0.detected)", "\($0.resolvedWithoutPerson)", "\($0.escalated)"] }),
            ("errors", "Errors",
             "Top log templates by lines; new templates \(r.errors.newTemplates.count), surges \(r.errors.surges.count), other alerts \(r.errors.alerts.count).",
             ["workload", "template", "lines", "baseline/min"],
             r.errors.top.map { [$0.workload, $0.template, "\($0.count)", num($0.baselinePerMinute, 2)] }
                + (r.errors.newTemplates + r.errors.surges + r.errors.alerts).map {
                    [$0.workload, "\($0.name) (\($0.job)): \($0.detail); fired \(time($0.firedAt)), "
                        + ($0.resolvedAt.map { "resolved \(time($0))" } ?? "open"), "–", "–"]
                }),
            ("autoscaling", "Autoscaling", "Replicas per sampled hour against the HPA's bounds.",
             ["workload", "HPA", "min", "max", "hours sampled", "hours at max", "time at max"],
             r.autoscaling.map { [$0.workload, $0.hpa, "\($0.minReplicas)", "\($0.maxReplicas)", "\($0.hoursSampled)", "\($0.hoursAtMax)",
                                  percent($0.hoursSampled > 0 ? Double($0.hoursAtMax) / Double($0.hoursSampled) : nil)] }),
            ("optimisation", "Optimisation",
             "Projected savings if every recommendation is merged: \(num(o.projectedCoreHours, 0)) core-hours and \(num(o.projectedGiBHours, 0)) GiB-hours a month.",
             ["container", "cpu request", "cpu limit", "memory request", "memory limit", "replicas", "core-h/month", "GiB-h/month"],
             o.containers.map { [$0.container, change($0.current.cpuRequest, $0.recommended.cpuRequest), change($0.current.cpuLimit, $0.recommended.cpuLimit),
                                 change($0.current.memoryRequest, $0.recommended.memoryRequest), change($0.current.memoryLimit, $0.recommended.memoryLimit),
                                 num($0.replicas), num($0.coreHoursPerMonth, 0), num($0.gibHoursPerMonth, 0)] }),
            ("realized", "Realized savings", "Recommendations merged in the period: the request before and after, and what the pods used after the merge.",
             ["commit", "merged", "container", "request", "replicas after", "CPU used after (per pod)", "of new request", "saved/month"],
             o.realized.map { x in
                 [x.commit, time(x.mergedAt), x.container, "\(x.resource) \(x.before) → \(x.after)", num(x.replicasAfter, 2),
                  x.resource == "cpu" ? cores(x.usageAfter) : "–", percent(x.utilisationAfter),
                  x.savedPerMonth.map { "\(num($0, 1)) \(x.resource == "cpu" ? "core-h" : "GiB-h")" } ?? "–"]
             }),
            ("anomalies", "Anomalies", r.anomalies.isEmpty ? "None in the period." : "Out of the ordinary, with where the evidence is.",
             ["when", "kind", "subject", "detail", "evidence"],
             r.anomalies.map { [time($0.at), $0.kind, $0.subject, $0.detail, $0.evidence] }),
        ]
    }
}
