import Foundation
import TestSupport
import XCTest
import YAML

/// What issue 7 asks of charts/chatbot, read off the manifests `shipshape render` prints.
final class ChatbotChartTests: XCTestCase {
    var chart: String { Repository.chart }

    private func render(_ arguments: [String] = []) throws -> [Value] {
        let r = try ShipshapeBinary.run(["render", chart, "--release-name", "chatbot"] + arguments)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try ValueDecoder.decodeAll(r.stdout).filter { !$0.isNull }
    }

    private func objects(_ all: [Value], _ kind: String) -> [String: Value] {
        var out: [String: Value] = [:]
        for o in all where o["kind"]?.string == kind { out[o[path: ["metadata", "name"]]?.string ?? "?"] = o }
        return out
    }

    func testEachComponentIsProbedResourcedHardenedAndSpread() throws {
        let all = try render()
        let deployments = objects(all, "Deployment")
        XCTAssertEqual(Set(deployments.keys), ["backend-deployment", "frontend-deployment"])
        for (component, port) in [("backend", 8000), ("frontend", 3000)] {
            let d = try XCTUnwrap(deployments["\(component)-deployment"])
            XCTAssertNil(d[path: ["spec", "replicas"]], "the HPA owns \(component)'s replicas")
            let pod = try XCTUnwrap(d[path: ["spec", "template"]])
            let container = try XCTUnwrap(pod[path: ["spec", "containers"]]?.array?.first)
            XCTAssertEqual(container["ports"]?.array?.first?["containerPort"], .int(Int64(port)))
            XCTAssertEqual(container[path: ["livenessProbe", "httpGet", "path"]], "/health")
            XCTAssertEqual(container[path: ["readinessProbe", "httpGet", "path"]], "/ready")
            XCTAssertEqual(container[path: ["startupProbe", "httpGet", "path"]], "/health")
            XCTAssertEqual(container[path: ["livenessProbe", "initialDelaySeconds"]], 30)
            XCTAssertEqual(container[path: ["livenessProbe", "timeoutSeconds"]], 5)
            XCTAssertEqual(container[path: ["readinessProbe", "periodSeconds"]], 5)
            XCTAssertEqual(container[path: ["readinessProbe", "timeoutSeconds"]], 3)
            for key in ["cpu", "memory"] {
                XCTAssertNotNil(container[path: ["resources", "requests", key]])
                XCTAssertNotNil(container[path: ["resources", "limits", key]])
            }
            XCTAssertEqual(container[path: ["securityContext", "readOnlyRootFilesystem"]], true)
            XCTAssertEqual(container[path: ["securityContext", "allowPrivilegeEscalation"]], false)
            XCTAssertEqual(container[path: ["securityContext", "capabilities", "drop"]], ["ALL"])
            XCTAssertEqual(pod[path: ["spec", "securityContext", "runAsNonRoot"]], true)
            XCTAssertEqual(pod[path: ["spec", "topologySpreadConstraints"]]?.array?.first?["topologyKey"], "kubernetes.io/hostname")
            XCTAssertEqual(pod[path: ["metadata", "annotations", "prometheus.io/scrape"]], "true")
            XCTAssertEqual(pod[path: ["metadata", "annotations", "prometheus.io/port"]]?.string, String(port))
            XCTAssertEqual(pod[path: ["metadata", "annotations", "checksum/config"]]?.string?.count, 64)
            let service = try XCTUnwrap(objects(all, "Service")["\(component)-service"])
            XCTAssertEqual(service[path: ["spec", "ports"]]?.array?.first?["port"], .int(Int64(port)))
            XCTAssertNotNil(objects(all, "PodDisruptionBudget")["\(component)-pdb"])
        }
        XCTAssertEqual(try XCTUnwrap(deployments["backend-deployment"])[path: ["spec", "template", "spec", "containers"]]?.array?.first?[
            path: ["resources", "limits", "cpu"]], "1000m", "backend.resources.limits.cpu drives the backend's CPU limit")
    }

    func testTheHPAScalesOnCPUAndMemoryWithBehaviour() throws {
        let hpa = try XCTUnwrap(objects(try render(), "HorizontalPodAutoscaler")["backend-hpa"])
        XCTAssertEqual(hpa["apiVersion"], "autoscaling/v2")
        XCTAssertEqual(hpa[path: ["spec", "scaleTargetRef", "name"]], "backend-deployment")
        XCTAssertEqual(hpa[path: ["spec", "minReplicas"]], 2)
        XCTAssertEqual(hpa[path: ["spec", "maxReplicas"]], 10)
        let targets = (hpa[path: ["spec", "metrics"]]?.array ?? []).map {
            [$0[path: ["resource", "name"]] ?? .null, $0[path: ["resource", "target", "averageUtilization"]] ?? .null]
        }
        XCTAssertEqual(targets, [["cpu", 70], ["memory", 80]])
        XCTAssertEqual(hpa[path: ["spec", "behavior", "scaleUp", "stabilizationWindowSeconds"]], 60)
        XCTAssertEqual(hpa[path: ["spec", "behavior", "scaleDown", "stabilizationWindowSeconds"]], 300)
        XCTAssertEqual(hpa[path: ["spec", "behavior", "scaleUp", "policies"]]?.array?.map { $0["type"]?.string ?? "" }, ["Percent", "Pods"])
        XCTAssertEqual(hpa[path: ["spec", "behavior", "scaleDown", "policies"]]?.array?.first?["value"], 10)
    }

    func testAConfigChangeRollsOnlyItsComponent() throws {
        let before = objects(try render(), "Deployment")
        let after = objects(try render(["--set", "backend.config.LOG_LEVEL=debug"]), "Deployment")
        let checksum = { (d: Value?) in d?[path: ["spec", "template", "metadata", "annotations", "checksum/config"]] }
        XCTAssertNotEqual(checksum(before["backend-deployment"]), checksum(after["backend-deployment"]))
        XCTAssertEqual(checksum(before["frontend-deployment"]), checksum(after["frontend-deployment"]))
    }

    func testTheAgentsAreShipshapeCronJobsWithTheirOwnAccounts() throws {
        let all = try render()
        let cronJobs = objects(all, "CronJob")
        let schedules = cronJobs.mapValues { $0[path: ["spec", "schedule"]]?.string ?? "" }
        // Only jobs whose commands exist are deployed.
        XCTAssertEqual(schedules, ["shipshape-reconcile": "*/5 * * * *", "shipshape-recommend": "0 * * * *", "shipshape-logs": "*/5 * * * *",
                                   "shipshape-heal": "* * * * *", "shipshape-report": "0 7 * * 1"])
        for (name, job) in cronJobs {
            XCTAssertEqual(job[path: ["spec", "concurrencyPolicy"]], "Forbid", name)
            let pod = try XCTUnwrap(job[path: ["spec", "jobTemplate", "spec", "template", "spec"]])
            XCTAssertEqual(pod["serviceAccountName"]?.string, name)
            XCTAssertNotNil(objects(all, "ServiceAccount")[name])
            let binding = try XCTUnwrap(objects(all, "RoleBinding")[name])
            XCTAssertEqual(binding[path: ["roleRef", "kind"]], "Role")
            XCTAssertEqual(binding[path: ["subjects"]]?.array?.first?["name"]?.string, name)
        }
        let reconcile = try XCTUnwrap(cronJobs["shipshape-reconcile"]?[path: ["spec", "jobTemplate", "spec", "template", "spec", "containers"]]?.array?.first)
        XCTAssertEqual(reconcile["args"], ["reconcile", "--env", "$(SHIPSHAPE_ENV)"])
        XCTAssertTrue(reconcile["env"]?.array?.contains(["name": "SHIPSHAPE_ENV", "value": "dev"]) == true, "\(reconcile)")
        // One name for the credentials folder (GitStore's), and a cache inside the only writable volume.
        XCTAssertTrue(reconcile["env"]?.array?.contains(["name": "SHIPSHAPE_GIT_CREDENTIALS_DIR", "value": "/var/run/shipshape/git"]) == true, "\(reconcile)")
        XCTAssertTrue(reconcile["env"]?.array?.contains(["name": "SHIPSHAPE_CACHE_DIR", "value": "/work/cache"]) == true, "\(reconcile)")
        let recommend = try XCTUnwrap(cronJobs["shipshape-recommend"]?[path: ["spec", "jobTemplate", "spec", "template", "spec", "containers"]]?.array?.first)
        XCTAssertEqual(recommend["args"], ["recommend", "--env", "$(SHIPSHAPE_ENV)", "--commit", "--push"])
        XCTAssertEqual(objects(all, "ClusterRole").count + objects(all, "ClusterRoleBinding").count, 0, "nothing cluster-wide")
        // The logs job reads the rules from the mounted ConfigMap and exits 0 with findings (they are its output).
        let logsPod = try XCTUnwrap(cronJobs["shipshape-logs"]?[path: ["spec", "jobTemplate", "spec", "template", "spec"]])
        let logs = try XCTUnwrap(logsPod["containers"]?.array?.first)
        XCTAssertEqual(logs["args"], ["logs", "--env", "$(SHIPSHAPE_ENV)", "--alerts", "/var/run/shipshape/alerts/alerts.yaml", "--exit-zero"])
        XCTAssertTrue(logs["volumeMounts"]?.array?.contains(["name": "alerts", "mountPath": "/var/run/shipshape/alerts", "readOnly": true]) == true, "\(logs)")
        XCTAssertTrue(logsPod["volumes"]?.array?.contains(["name": "alerts", "configMap": ["name": "shipshape-alerts"]]) == true, "\(logsPod)")
    }

    /// The users' thresholds (alerts.rules) become rules as data in the ConfigMap the logs job
    /// mounts; LogsScanCommandTests runs the job against exactly this text.
    func testTheAlertRulesAreRenderedAsDataForTheLogsJob() throws {
        let alerts = try XCTUnwrap(objects(try render(), "ConfigMap")["shipshape-alerts"])
        XCTAssertEqual(alerts[path: ["data", "alerts.yaml"]]?.string, """
            # Rendered from values alerts.rules; rates are events a minute, per workload.
            slowRequestMilliseconds: 1000
            rules:
              - {alert: HighErrorRate, series: errors, perMinuteAbove: 5, severity: critical}
              - {alert: HighWarningRate, series: warnings, perMinuteAbove: 10, severity: warning}
              - {alert: PerformanceDegradation, series: slowRequests, perMinuteAbove: 5, severity: warning}

            """)
        let changed = try XCTUnwrap(objects(try render(["--set", "alerts.rules.highErrorRate=2", "--set", "alerts.slowRequestMilliseconds=500"]),
                                            "ConfigMap")["shipshape-alerts"]?[path: ["data", "alerts.yaml"]]?.string)
        XCTAssertTrue(changed.contains("slowRequestMilliseconds: 500\n"), changed)
        XCTAssertTrue(changed.contains("{alert: HighErrorRate, series: errors, perMinuteAbove: 2, severity: critical}"), changed)
        let disabled = try XCTUnwrap(objects(try render(["--set", "alerts.enabled=false"]), "ConfigMap")["shipshape-alerts"]?[path: ["data", "alerts.yaml"]]?.string)
        XCTAssertTrue(disabled.hasSuffix("rules: []\n"), disabled)
        XCTAssertNil(objects(try render(["--set", "monitoring.jobs.logs.enabled=false"]), "ConfigMap")["shipshape-alerts"])
    }

    /// (group, resource, verb, name or "") for every permission a Role grants.
    private func grants(_ role: Value) -> Set<[String]> {
        var out: Set<[String]> = []
        for rule in role["rules"]?.array ?? [] {
            let names = (rule["resourceNames"]?.array ?? []).compactMap(\.string)
            for group in (rule["apiGroups"]?.array ?? []).compactMap(\.string) {
                for resource in (rule["resources"]?.array ?? []).compactMap(\.string) {
                    for verb in (rule["verbs"]?.array ?? []).compactMap(\.string) {
                        for name in names.isEmpty ? [""] : names { out.insert([group, resource, verb, name]) }
                    }
                }
            }
        }
        return out
    }

    func testTheRolesAreLeastPrivilegeAndReconcileCanGrantThem() throws {
        let roles = objects(try render(), "Role")
        XCTAssertEqual(Set(roles.keys), ["shipshape-reconcile", "shipshape-recommend", "shipshape-logs", "shipshape-heal", "shipshape-report"])
        let reconcile = grants(try XCTUnwrap(roles["shipshape-reconcile"]))
        for (name, role) in roles {
            let granted = grants(role)
            XCTAssertFalse(granted.contains { $0.contains("*") }, "\(name) uses a wildcard")
            XCTAssertFalse(granted.contains { $0[1] == "secrets" }, "\(name) reaches Secrets")
            // Kubernetes refuses a Role that grants more than its creator holds.
            let missing = granted.filter { g in !reconcile.contains(g) && !reconcile.contains([g[0], g[1], g[2], ""]) }
            XCTAssertEqual(missing, [], "reconcile cannot create \(name)")
        }
        // Exactly what each job needs (docs/chart.md says why).
        let recommend = grants(try XCTUnwrap(roles["shipshape-recommend"]))
        XCTAssertTrue(recommend.isSuperset(of: [["metrics.k8s.io", "pods", "get", ""], ["metrics.k8s.io", "pods", "list", ""],
                                                ["", "configmaps", "create", ""], ["", "configmaps", "patch", ""]]))
        XCTAssertFalse(recommend.contains { $0[2] == "delete" }, "recommend deletes nothing")
        // logs: pods and their logs, and its own checkpoint by name; nothing else.
        XCTAssertEqual(grants(try XCTUnwrap(roles["shipshape-logs"])),
                       [["", "pods", "get", ""], ["", "pods", "list", ""], ["", "pods/log", "get", ""],
                        ["", "configmaps", "get", "shipshape-logs-dev"], ["", "configmaps", "create", "shipshape-logs-dev"],
                        ["", "configmaps", "patch", "shipshape-logs-dev"]])
        // heal: reads the namespace, deletes pods (one stuck pod at a time) and records Events,
        // writes its own state and reconcile's by name; no workload writes, no Secrets, no Nodes.
        let heal = grants(try XCTUnwrap(roles["shipshape-heal"]))
        XCTAssertEqual(Set(heal.filter { !["get", "list"].contains($0[2]) }),
                       Set([["", "pods", "delete", ""], ["", "events", "create", ""],
                        ["coordination.k8s.io", "leases", "create", ""], ["coordination.k8s.io", "leases", "update", ""],
                        ["", "configmaps", "create", "shipshape-dev-heal"], ["", "configmaps", "patch", "shipshape-dev-heal"],
                        ["", "configmaps", "update", "shipshape-dev-heal"], ["", "configmaps", "create", "shipshape-dev-state"],
                        ["", "configmaps", "patch", "shipshape-dev-state"], ["", "configmaps", "update", "shipshape-dev-state"]]))
        XCTAssertFalse(heal.contains { $0[1] == "nodes" }, "heal reads no Nodes through its Role")
        // report: the other jobs' state and checkpoints read by name, its own ConfigMap written by name.
        XCTAssertEqual(grants(try XCTUnwrap(roles["shipshape-report"])),
                       Set(["shipshape-dev-state", "shipshape-dev-heal", "shipshape-logs-dev", "shipshape-usage-dev", "shipshape-dev-report"].map { ["", "configmaps", "get", $0] })
                        .union([["", "configmaps", "create", "shipshape-dev-report"], ["", "configmaps", "patch", "shipshape-dev-report"]]))
        for kind in ["deployments", "services", "configmaps", "horizontalpodautoscalers", "poddisruptionbudgets", "cronjobs", "roles",
                     "rolebindings", "serviceaccounts"] {
            for verb in ["get", "list", "create", "patch", "delete"] {
                XCTAssertTrue(reconcile.contains { $0[1] == kind && $0[2] == verb && $0[3] == "" }, "reconcile cannot \(verb) \(kind)")
            }
        }
        XCTAssertTrue(reconcile.isSuperset(of: [["coordination.k8s.io", "leases", "get", ""], ["coordination.k8s.io", "leases", "create", ""],
                                                ["coordination.k8s.io", "leases", "update", ""], ["", "configmaps", "update", "shipshape-dev-state"]]))
    }
}
