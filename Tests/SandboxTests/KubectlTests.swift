import Foundation
import TestSupport
import XCTest
import YAML
@testable import Sandbox

/// kubectl, the reference client, against a Sandbox on loopback HTTP: every command the issue
/// lists. Where kubectl disagrees with the Sandbox, the Sandbox is wrong.
final class KubectlTests: SandboxHTTPTestCase {
    private func applyDeployment(name: String = "web", image: String = "nginx:1.27", replicas: Int = 3,
                                 manager: String? = nil, extra: [String] = []) throws -> Subprocess.Result {
        let path = try write(Self.deployment(name: name, image: image, replicas: replicas), to: "\(name)-\(replicas)-\(UUID().uuidString.prefix(6)).yaml")
        var args = ["apply", "--server-side", "-f", path]
        if let manager { args += ["--field-manager", manager] }
        return try kubectl(args + extra)
    }

    func testAPIResourcesListsEveryKindTheSandboxServes() throws {
        try startServer()
        let out = try kubectlOK("api-resources")
        let expected: [(String, String, String)] = [
            ("deployments", "apps/v1", "Deployment"), ("replicasets", "apps/v1", "ReplicaSet"), ("pods", "v1", "Pod"),
            ("horizontalpodautoscalers", "autoscaling/v2", "HorizontalPodAutoscaler"), ("cronjobs", "batch/v1", "CronJob"),
            ("jobs", "batch/v1", "Job"), ("poddisruptionbudgets", "policy/v1", "PodDisruptionBudget"),
            ("roles", "rbac.authorization.k8s.io/v1", "Role"), ("clusterrolebindings", "rbac.authorization.k8s.io/v1", "ClusterRoleBinding"),
            ("leases", "coordination.k8s.io/v1", "Lease"), ("events", "v1", "Event"), ("secrets", "v1", "Secret"),
            ("serviceaccounts", "v1", "ServiceAccount"), ("namespaces", "v1", "Namespace"), ("configmaps", "v1", "ConfigMap"),
            ("services", "v1", "Service"),
        ]
        for (resource, apiVersion, kind) in expected {
            let line = out.split(separator: "\n").first { $0.hasPrefix(resource + " ") && $0.contains(" \(apiVersion) ") }
            XCTAssertNotNil(line, "api-resources lacks \(resource) \(apiVersion):\n\(out)")
            XCTAssertTrue(line?.hasSuffix(kind) ?? false, "\(resource) should be \(kind)")
        }
        XCTAssertTrue(out.contains("metrics.k8s.io/v1beta1"), "metrics API missing")
        let namespaced = try kubectlOK("api-resources", "--namespaced=false", "-o", "name")
        XCTAssertTrue(namespaced.contains("namespaces\n"))
        XCTAssertFalse(namespaced.contains("pods\n"))
    }

    func testGetPrintsServerSideTablesAndYAML() throws {
        try startServer()
        XCTAssertEqual(try applyDeployment().status, 0)
        try advance(30)
        let deployments = try kubectlOK("get", "deployments")
        XCTAssertTrue(deployments.hasPrefix("NAME "), deployments)
        XCTAssertEqual(row(deployments, "web")?[1...3].joined(separator: " "), "3/3 3 3", deployments)
        let pods = try kubectlOK("get", "pods", "-l", "app=web")
        let podRows = pods.split(separator: "\n").dropFirst().map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(podRows.count, 3, pods)
        for r in podRows { XCTAssertEqual(Array(r[1...3]), ["1/1", "Running", "0"], pods) }

        let yaml = try ValueDecoder.decode(try kubectlOK("get", "deployment", "web", "-o", "yaml"))
        XCTAssertEqual(yaml[path: ["spec", "strategy", "type"]]?.string, "RollingUpdate")
        XCTAssertEqual(yaml[path: ["spec", "template", "spec", "containers"]]?.array?.first?["imagePullPolicy"]?.string, "IfNotPresent")
        XCTAssertEqual(yaml[path: ["status", "availableReplicas"]]?.intValue, 3)
        XCTAssertEqual(yaml[path: ["metadata", "annotations", "deployment.kubernetes.io/revision"]]?.string, "1")

        let accounts = try kubectlOK("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].spec.serviceAccountName}")
        XCTAssertEqual(accounts, "default default default")
        let wide = try kubectlOK("get", "pods", "-o", "wide")
        XCTAssertTrue(wide.split(separator: "\n")[0].contains("NODE"), wide)
        let missing = try kubectl("get", "pod", "nope")
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("Error from server (NotFound): pods \"nope\" not found"), missing.stderr)
        let names = try kubectlOK("get", "pods", "-o", "name", "--field-selector", "status.phase=Running")
        XCTAssertEqual(names.split(separator: "\n").count, 3, names)
        // --sort-by asks for whole objects in the table rows (includeObject=Object).
        let events = try kubectlOK("get", "events", "--sort-by=.lastTimestamp")
        XCTAssertTrue(events.hasPrefix("LAST SEEN"), events)
        XCTAssertTrue(events.contains("ScalingReplicaSet"), events)
        let sorted = try kubectlOK("get", "pods", "--sort-by=.metadata.name", "-o", "name")
        XCTAssertEqual(sorted.split(separator: "\n").map(String.init), names.split(separator: "\n").map(String.init).sorted())
    }

    func testDescribeDeploymentAndPod() throws {
        try startServer()
        XCTAssertEqual(try applyDeployment().status, 0)
        try advance(30)
        let deployment = try kubectlOK("describe", "deployment", "web")
        XCTAssertTrue(deployment.contains("Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable"), deployment)
        XCTAssertTrue(deployment.contains("RollingUpdateStrategy:  25% max unavailable, 25% max surge"), deployment)
        XCTAssertTrue(deployment.contains("Available      True    MinimumReplicasAvailable"), deployment)
        XCTAssertTrue(deployment.contains("NewReplicaSet:   web-"), deployment)
        XCTAssertTrue(deployment.contains("ScalingReplicaSet"), deployment)

        let pod = try kubectlOK("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[0].metadata.name}")
        let described = try kubectlOK("describe", "pod", pod)
        XCTAssertTrue(described.contains("Controlled By:  ReplicaSet/web-"), described)
        let fields = described.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        XCTAssertTrue(fields.contains("Status: Running"), described)
        XCTAssertTrue(fields.contains("Service Account: default"), described)
        XCTAssertTrue(fields.contains("QoS Class: Burstable"), described)
        // Events are listed in the order they happened: scheduled, pulled, created, started.
        let reasons = described.split(separator: "\n").drop { !$0.hasPrefix("Events:") }.dropFirst(3)
            .compactMap { $0.split(separator: " ").dropFirst().first.map(String.init) }
        XCTAssertEqual(reasons, ["Scheduled", "Pulled", "Created", "Started"], described)
    }

    func testServerSideApplyConflictsWithASecondFieldManagerOnlyOverChangedFields() throws {
        try startServer()
        let first = try applyDeployment()
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, "deployment.apps/web serverside-applied\n")
        let conflict = try applyDeployment(replicas: 5, manager: "other")
        XCTAssertEqual(conflict.status, 1)
        XCTAssertTrue(conflict.stderr.contains("Apply failed with 1 conflict: conflict with \"kubectl\" using apps/v1: .spec.replicas\n"), conflict.stderr)
        XCTAssertTrue(conflict.stderr.contains("--force-conflicts"), conflict.stderr)
        // The same configuration from another manager is co-ownership, not a conflict; then
        // both owners of .spec.replicas are named.
        XCTAssertEqual(try applyDeployment(manager: "helm").status, 0)
        let two = try applyDeployment(replicas: 5, manager: "other")
        XCTAssertEqual(two.status, 1)
        XCTAssertTrue(two.stderr.contains("Apply failed with 2 conflicts: "), two.stderr)
        XCTAssertTrue(two.stderr.contains("conflict with \"helm\" using apps/v1: .spec.replicas"), two.stderr)
        XCTAssertTrue(two.stderr.contains("conflict with \"kubectl\" using apps/v1: .spec.replicas"), two.stderr)
        XCTAssertFalse(two.stderr.contains("containers"), "list elements applied alike are co-owned: \(two.stderr)")
        let forced = try applyDeployment(replicas: 5, manager: "other", extra: ["--force-conflicts"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        let live = try ValueDecoder.decode(try kubectlOK("get", "deployment", "web", "-o", "yaml", "--show-managed-fields"))
        XCTAssertEqual(live[path: ["spec", "replicas"]]?.intValue, 5)
        let managers = live[path: ["metadata", "managedFields"]]?.array?.compactMap { $0["manager"]?.string } ?? []
        XCTAssertEqual(Set(managers), ["kubectl", "helm", "other"])
        let unchanged = try applyDeployment(replicas: 3)
        XCTAssertEqual(unchanged.status, 1, "kubectl no longer owns replicas, and 3 differs from the live 5")
        XCTAssertTrue(unchanged.stderr.contains("conflict with \"other\""), unchanged.stderr)
    }

    func testDiffServerSideExitsZeroWhenEqualAndOneWithTheChange() throws {
        try startServer()
        XCTAssertEqual(try applyDeployment().status, 0)
        try advance(10)
        let same = try write(Self.deployment(), to: "same.yaml")
        let equal = try kubectl("diff", "--server-side", "-f", same)
        XCTAssertEqual(equal.status, 0, equal.stdout + equal.stderr)
        XCTAssertEqual(equal.stdout, "")
        let changed = try write(Self.deployment(replicas: 4), to: "changed.yaml")
        let diff = try kubectl("diff", "--server-side", "-f", changed)
        XCTAssertEqual(diff.status, 1, diff.stderr)
        XCTAssertTrue(diff.stdout.contains("-  replicas: 3\n+  replicas: 4\n"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("-  generation: 1\n+  generation: 2\n"), diff.stdout)
        XCTAssertEqual(try kubectlOK("get", "deployment", "web", "-o", "jsonpath={.spec.replicas}"), "3", "diff is a dry run")
    }

    func testScaleChangesReplicasThroughTheScaleSubresource() throws {
        try startServer()
        XCTAssertEqual(try applyDeployment().status, 0)
        try advance(10)
        XCTAssertEqual(try kubectlOK("scale", "deployment/web", "--replicas=5"), "deployment.apps/web scaled\n")
        try advance(10)
        XCTAssertEqual(row(try kubectlOK("get", "deployment", "web"), "web")?[1], "5/5")
        let stale = try kubectl("scale", "deployment/web", "--replicas=2", "--current-replicas=3")
        XCTAssertNotEqual(stale.status, 0, "the precondition should fail: \(stale.stdout)")
        XCTAssertEqual(try kubectlOK("get", "deployment", "web", "-o", "jsonpath={.spec.replicas}"), "5")
    }

    func testDeleteCascadesToReplicaSetsAndPods() throws {
        try startServer()
        XCTAssertEqual(try applyDeployment().status, 0)
        XCTAssertEqual(try applyDeployment(name: "api", replicas: 2).status, 0)
        try advance(10)
        XCTAssertEqual(try kubectlOK("delete", "deployment", "web"), "deployment.apps \"web\" deleted\n")
        try advance(2)
        XCTAssertEqual(try kubectlOK("get", "replicasets,pods", "-l", "app=web", "-o", "name"), "")
        XCTAssertEqual(try kubectlOK("delete", "deployment", "api", "--cascade=foreground"), "deployment.apps \"api\" deleted\n")
        try advance(2)
        XCTAssertEqual(try kubectlOK("get", "deployments,replicasets,pods", "-l", "app=api", "-o", "name"), "")
        let again = try kubectl("delete", "deployment", "web")
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("deployments.apps \"web\" not found"), again.stderr)
    }

    func testRolloutStatusFollowsTheWatchUntilTheRolloutCompletes() throws {
        try startServer(speed: 20, runClock: true)
        XCTAssertEqual(try applyDeployment(replicas: 4).status, 0)
        let status = try kubectl("rollout", "status", "deployment/web", "--timeout=120s")
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertTrue(status.stdout.hasSuffix("deployment \"web\" successfully rolled out\n"), status.stdout)
        XCTAssertEqual(try applyDeployment(image: "nginx:1.28", replicas: 4).status, 0)
        let update = try kubectl("rollout", "status", "deployment/web", "--timeout=120s")
        XCTAssertEqual(update.status, 0, update.stderr)
        XCTAssertTrue(update.stdout.contains("Waiting for deployment \"web\" rollout to finish"), update.stdout)
        XCTAssertEqual(row(try kubectlOK("get", "deployment", "web"), "web")?[1...2].joined(separator: " "), "4/4 4")
    }

    func testRolloutStatusFailsWhenTheProgressDeadlinePasses() throws {
        try startServer(speed: 30, runClock: true)
        let manifest = try write(Self.deployment(name: "stuck", image: "registry.example.com/unknown:1", replicas: 2)
            .replacingOccurrences(of: "  replicas: 2\n", with: "  replicas: 2\n  progressDeadlineSeconds: 60\n"), to: "stuck.yaml")
        XCTAssertEqual(try kubectlOK("apply", "--server-side", "-f", manifest), "deployment.apps/stuck serverside-applied\n")
        let status = try kubectl("rollout", "status", "deployment/stuck", "--timeout=120s")
        XCTAssertEqual(status.status, 1, status.stdout)
        XCTAssertTrue(status.stderr.contains("deployment \"stuck\" exceeded its progress deadline"), status.stderr)
        let pods = try kubectlOK("get", "pods", "-l", "app=stuck", "--no-headers")
        XCTAssertTrue(pods.contains("ImagePullBackOff") || pods.contains("ErrImagePull"), pods)
    }

    func testRolloutUndoReturnsToThePreviousTemplate() throws {
        try startServer()
        XCTAssertEqual(try applyDeployment().status, 0)
        try advance(20)
        XCTAssertEqual(try kubectlOK("set", "image", "deployment/web", "main=nginx:1.28"), "deployment.apps/web image updated\n")
        try advance(60)
        let history = try kubectlOK("rollout", "history", "deployment/web")
        XCTAssertTrue(history.contains("1         <none>") && history.contains("2         <none>"), history)
        XCTAssertEqual(try kubectlOK("rollout", "undo", "deployment/web"), "deployment.apps/web rolled back\n")
        try advance(60)
        let image = try kubectlOK("get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image} {.metadata.annotations.deployment\\.kubernetes\\.io/revision}")
        XCTAssertEqual(image, "nginx:1.27 3")
        let images = try kubectlOK("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].spec.containers[0].image}")
        XCTAssertEqual(images, "nginx:1.27 nginx:1.27 nginx:1.27")
        let rs = try kubectlOK("get", "replicasets", "-l", "app=web", "-o", "jsonpath={range .items[*]}{.spec.replicas}{\"\\n\"}{end}")
        XCTAssertEqual(rs.split(separator: "\n").sorted(), ["0", "3"])
    }

    func testLogsAndPreviousLogsOfACrashingImage() throws {
        try startServer()
        XCTAssertEqual(try applyDeployment().status, 0)
        XCTAssertEqual(try applyDeployment(name: "backend", image: "todo-chatbot/backend:1.4.0-crash", replicas: 1).status, 0)
        try advance(120)
        let pod = try kubectlOK("get", "pods", "-l", "app=backend", "-o", "jsonpath={.items[0].metadata.name}")
        let table = try kubectlOK("get", "pod", pod)
        XCTAssertEqual(row(table, pod)?[2], "CrashLoopBackOff", table)
        let previous = try kubectlOK("logs", pod, "--previous")
        XCTAssertTrue(previous.contains("starting todo-chatbot backend on :8000"), previous)
        XCTAssertTrue(previous.contains("exiting with code 1"), previous)
        let tail = try kubectlOK("logs", "deployment/web", "--tail=2")
        XCTAssertEqual(tail.split(separator: "\n").count, 2, tail)
        XCTAssertTrue(tail.contains("GET / 200"), tail)
        let none = try kubectl("logs", "nope")
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.contains("pods \"nope\" not found"), none.stderr)
        let missingContainer = try kubectl("logs", pod, "-c", "sidecar")
        XCTAssertEqual(missingContainer.status, 1)
        XCTAssertTrue(missingContainer.stderr.contains("sidecar"), missingContainer.stderr)
    }

    func testTopPodsShowsTheLoadModelsUsage() throws {
        try startServer()
        XCTAssertEqual(try applyDeployment().status, 0)
        try advance(60)
        let top = try kubectlOK("top", "pods")
        XCTAssertTrue(top.hasPrefix("NAME"), top)
        XCTAssertTrue(top.split(separator: "\n")[0].contains("CPU(cores)"), top)
        let rows = top.split(separator: "\n").dropFirst().map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(rows.count, 3, top)
        for r in rows {
            XCTAssertTrue(r[0].hasPrefix("web-"))
            XCTAssertTrue(r[1].hasSuffix("m"), "cpu in millicores: \(r)")
            XCTAssertTrue(r[2].hasSuffix("Mi"), "memory in Mi: \(r)")
        }
        let sorted = try kubectlOK("top", "pods", "--sort-by=memory", "--no-headers")
        XCTAssertEqual(sorted.split(separator: "\n").count, 3)
    }

    func testWaitForConditionAvailable() throws {
        try startServer(speed: 20, runClock: true)
        XCTAssertEqual(try applyDeployment().status, 0)
        let wait = try kubectl("wait", "--for=condition=Available", "deployment/web", "--timeout=120s")
        XCTAssertEqual(wait.status, 0, wait.stderr)
        XCTAssertEqual(wait.stdout, "deployment.apps/web condition met\n")
        let gone = try kubectl("wait", "--for=delete", "pod/nope", "--timeout=5s")
        XCTAssertEqual(gone.status, 0, gone.stderr)
    }

    func testNamespacesGetTheirDefaultServiceAccountAndDefaultHasTheKubernetesService() throws {
        try startServer()
        let namespace = try write("apiVersion: v1\nkind: Namespace\nmetadata: {name: demo}\n", to: "ns.yaml")
        XCTAssertEqual(try kubectlOK("apply", "--server-side", "-f", namespace), "namespace/demo serverside-applied\n")
        try advance(1)
        XCTAssertEqual(try kubectlOK("get", "serviceaccounts", "-n", "demo", "-o", "name"), "serviceaccount/default\n")
        XCTAssertEqual(try kubectlOK("delete", "serviceaccount", "default", "-n", "demo"), "serviceaccount \"default\" deleted\n")
        try advance(1)
        XCTAssertEqual(try kubectlOK("get", "serviceaccounts", "-n", "demo", "-o", "name"), "serviceaccount/default\n", "re-created")
        let services = try kubectlOK("get", "services", "-n", "default")
        XCTAssertEqual(row(services, "kubernetes")?[1...4].joined(separator: " "), "ClusterIP 10.96.0.1 <none> 443/TCP", services)
    }

    func testJobsSelectTheirOwnPodsForLogsAndDescribe() throws {
        // The Job's image is executed: its pod runs the real `shipshape --version`.
        try startServer(runtime: ProcessRuntime(binary: ShipshapeBinary.path, directory: directory.appendingPathComponent("runtime").path))
        XCTAssertEqual(try applyDeployment().status, 0)
        let job = try write("""
            apiVersion: batch/v1
            kind: Job
            metadata: {name: once, namespace: default}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: once, image: "shipshape/shipshape:0.1.0", args: ["--version"]}]
            """, to: "job.yaml")
        XCTAssertEqual(try kubectlOK("apply", "--server-side", "-f", job), "job.batch/once serverside-applied\n")
        for _ in 0..<100 where try kubectl("get", "job", "once", "-o", "jsonpath={.status.succeeded}").stdout != "1" {
            try advance(1)
            Thread.sleep(forTimeInterval: 0.1)
        }
        let selector = try kubectlOK("get", "job", "once", "-o", "jsonpath={.spec.selector.matchLabels}")
        XCTAssertTrue(selector.contains("batch.kubernetes.io/controller-uid"), selector)
        let jobs = try kubectlOK("get", "jobs")
        XCTAssertEqual(row(jobs, "once")?[1...2].joined(separator: " "), "Complete 1/1", jobs)
        let logs = try kubectl("logs", "job/once")
        XCTAssertEqual(logs.status, 0, logs.stderr)
        XCTAssertEqual(logs.stdout, try ShipshapeBinary.run(["--version"]).stdout)
        XCTAssertFalse(logs.stderr.contains("Found"), "only the Job's own pod matches: \(logs.stderr)")
        let described = try kubectlOK("describe", "job", "once")
        XCTAssertTrue(described.contains("Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed"), described)
    }

    /// kubectl's generators send protobuf (KubectlCreateTests); a field the Sandbox's tables
    /// do not know is refused with advice, never dropped, and a broken body is a 400.
    func testProtobufBodiesWithAnUnknownFieldAreRefusedWithAdvice() throws {
        try startServer()
        typealias P = ProtoBytes
        let protobuf = "application/vnd.kubernetes.protobuf"
        let unknown = P.envelope("v1", "ConfigMap", P.message(1, P.string(1, "settings")) + P.number(42, 1))
        let refused = try http("POST", "/api/v1/namespaces/default/configmaps", bytes: unknown, contentType: protobuf)
        XCTAssertEqual(refused.status, 415, refused.text)
        XCTAssertEqual(refused.json["reason"]?.string, "UnsupportedMediaType")
        XCTAssertEqual(refused.json["message"]?.string,
                       "the Sandbox cannot decode field 42 of protobuf message k8s.io.api.core.v1.ConfigMap: it is not in the Sandbox's field table; "
                       + "write the object as YAML and use `kubectl apply -f` (JSON and YAML bodies are read in full)")
        let broken = try http("POST", "/api/v1/namespaces/default/configmaps", bytes: Array(unknown.dropLast(3)), contentType: protobuf)
        XCTAssertEqual(broken.status, 400, broken.text)
        XCTAssertTrue(broken.json["message"]?.string?.hasPrefix("the protobuf request body is malformed: ") ?? false, broken.text)
        XCTAssertEqual(try kubectl("get", "configmap", "settings").status, 1, "nothing was stored")

        let known = P.envelope("v1", "ConfigMap", P.message(1, P.string(1, "settings")) + P.entry(2, "a", Array("b".utf8)))
        let created = try http("POST", "/api/v1/namespaces/default/configmaps", bytes: known, contentType: protobuf)
        XCTAssertEqual(created.status, 201, created.text)
        XCTAssertEqual(try kubectlOK("get", "configmap", "settings", "-o", "jsonpath={.data.a}"), "b")
        // An update (PUT) reads protobuf the same way.
        let changed = P.envelope("v1", "ConfigMap", P.message(1, P.string(1, "settings")) + P.entry(2, "a", Array("c".utf8)))
        let updated = try http("PUT", "/api/v1/namespaces/default/configmaps/settings", bytes: changed, contentType: protobuf)
        XCTAssertEqual(updated.status, 200, updated.text)
        XCTAssertEqual(try kubectlOK("get", "configmap", "settings", "-o", "jsonpath={.data.a}"), "c")
        let yamlCreate = try kubectl("create", "-f", try write(Self.deployment(name: "made"), to: "made.yaml"))
        XCTAssertEqual(yamlCreate.status, 0, yamlCreate.stderr)
        XCTAssertEqual(yamlCreate.stdout, "deployment.apps/made created\n")
    }

    /// `kubectl explain` reads the OpenAPI v3 schemas generated from the protobuf field tables.
    func testExplainPrintsFieldsFromTheGeneratedSchemas() throws {
        try startServer()
        XCTAssertEqual(try kubectlOK("explain", "deployment.spec.replicas"),
                       "GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\n"
                       + "DESCRIPTION:\n    Number of desired pods. Defaults to 1.\n    \n\n")
        let minAvailable = try kubectlOK("explain", "pdb.spec.minAvailable")
        XCTAssertTrue(minAvailable.contains("FIELD: minAvailable <IntOrString>\n"), minAvailable)
        XCTAssertTrue(minAvailable.contains("    Pods that must stay available, a number or a percentage.\n"), minAvailable)
        let resources = try kubectlOK("explain", "pod.spec.containers.resources")
        XCTAssertTrue(resources.contains("  limits\t<map[string]Quantity>\n    The most of each resource the container may use.\n"), resources)
        let configMap = try kubectlOK("explain", "configmap")
        XCTAssertTrue(configMap.hasPrefix("KIND:       ConfigMap\nVERSION:    v1\n\nDESCRIPTION:\n    Non-secret configuration data"), configMap)
        XCTAssertTrue(configMap.contains("  data\t<map[string]string>\n"), configMap)
    }

}
