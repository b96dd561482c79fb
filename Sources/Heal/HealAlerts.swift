import Alerts
import Foundation

/// Heal's findings as alerts: one per finding, re-sent while it shows, resolved when heal sees
/// it cleared — `fixed` when an action of heal's came before (heal verified it: the fault is
/// gone after the fix), `cleared` when it went away without one (or a person had it).
extension HealReport {
    /// Fault classes about a resource running out raise the users' `ResourceExhaustion`
    /// alert (their rule's name); the others an alert named after the class.
    public static func alertname(_ c: FaultClass) -> String {
        switch c {
        case .oomKilled, .memoryLeak, .hpaAtMax, .nodePressure: return "ResourceExhaustion"
        case .restartStorm: return "RestartStorm"
        case .crashLoop: return "CrashLoop"
        case .livenessStartup: return "LivenessProbeKillsStartup"
        case .misconfiguration: return "Misconfiguration"
        case .imagePull: return "ImagePullFailing"
        case .failedRollout: return "RolloutFailed"
        case .notReady: return "PodsNotReady"
        case .unschedulable: return "PodsUnschedulable"
        case .jobFailed: return "JobFailed"
        case .hpaMetricsUnavailable: return "HPAMetricsUnavailable"
        case .nodeNotReady: return "NodeNotReady"
        }
    }

    /// The alert for a finding: identifying labels only (alertname, namespace, workload,
    /// container, severity, fault); the summary, evidence, verdict and action as annotations.
    public func alert(_ item: Item, generatorURL: String, runbookBase: String? = nil) -> Alert {
        let f = item.finding
        var annotations = [
            "summary": f.summary,
            "description": f.evidence.joined(separator: "\n"),
            "workload_kind": f.workload.kind,
            "verdict": item.verdict,
            "action": item.actionKind == "none" ? "" : item.action,
            "pods": f.pods.joined(separator: " "),
        ]
        if let since = f.since { annotations["since"] = AlertTime.format(since) }
        if let runbookBase, !runbookBase.isEmpty {
            annotations["runbook_url"] = (runbookBase.hasSuffix("/") ? runbookBase : runbookBase + "/") + "heal.md#" + f.faultClass.rawValue
        }
        return Alert(alertname: Self.alertname(f.faultClass), severity: f.severity.rawValue, namespace: namespace, workload: f.workload.name,
                     container: f.container, fault: f.faultClass.rawValue, annotations: annotations,
                     startsAt: min(f.since ?? now, now), generatorURL: generatorURL, source: f.id)
    }

    /// The run as an alert update: every finding fires; the faults heal resolved resolve with
    /// why; those it could not see stay as they were.
    public func alertUpdate(runbookBase: String? = nil) -> AlertState.Update {
        let url = Alert.generatorURL(environment: environment, job: "heal", run: now)
        var resolutions: [String: AlertResolution] = [:]
        for r in resolved {
            if r.escalated {
                resolutions[r.id] = .cleared("cleared after heal escalated it to a person (\(r.action))")
            } else if r.action.isEmpty {
                resolutions[r.id] = .cleared("cleared on its own: heal took no action")
            } else {
                resolutions[r.id] = .fixed("heal verified its fix: after the \(r.action), the fault no longer shows")
            }
        }
        return AlertState.Update(firing: items.map { alert($0, generatorURL: url, runbookBase: runbookBase) }, resolved: resolutions,
                                 unseen: Set(unseen), otherwise: .cleared("heal no longer follows this fault"))
    }
}
