import Foundation
import TestSupport
import XCTest
import YAML
@testable import Sandbox

/// kubectl's generators (`create <kind>`, `run`, `expose`, `autoscale`) and the seeds' own
/// commands against a Sandbox on loopback: kubectl sends most of these as protobuf
/// (`application/vnd.kubernetes.protobuf`), which `ProtobufDecoder` reads into the same object
/// its JSON would be. Each object is read back and its fields compared exactly.
final class KubectlCreateTests: SandboxHTTPTestCase {
    private func jsonpath(_ args: String...) throws -> String {
        try kubectlOK(args)
    }

    private func kubectlOK(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try kubectl(arguments)
        XCTAssertEqual(r.status, 0, "kubectl \(arguments.joined(separator: " ")) failed: \(r.stderr)", file: file, line: line)
        return r.stdout
    }

    /// The live object as JSON.
    private func object(_ args: String...) throws -> Value {
        try JSONParser().parse(bytes: Array(try kubectlOK(["get"] + args + ["-o", "json"]).utf8))
    }

    func testCreateNamespaceConfigMapSecretAndServiceAccount() throws {
        try startServer()
        XCTAssertEqual(try kubectlOK(["create", "namespace", "chatbot"]), "namespace/chatbot created\n")
        XCTAssertEqual(try jsonpath("get", "namespace", "chatbot", "-o", "jsonpath={.metadata.labels.kubernetes\\.io/metadata\\.name}"), "chatbot")

        XCTAssertEqual(try kubectlOK(["create", "configmap", "settings", "-n", "chatbot", "--from-literal=mode=fast", "--from-literal=level=3"]),
                       "configmap/settings created\n")
        let configMap = try object("configmap", "settings", "-n", "chatbot")
        XCTAssertEqual(configMap["data"], ["level": "3", "mode": "fast"])
        XCTAssertEqual(configMap[path: ["metadata", "namespace"]]?.string, "chatbot")

        XCTAssertEqual(try kubectlOK(["create", "secret", "generic", "db", "-n", "chatbot", "--from-literal=password=s3cr3t"]),
                       "secret/db created\n")
        let secret = try object("secret", "db", "-n", "chatbot")
        XCTAssertEqual(secret[path: ["data", "password"]]?.string, "czNjcjN0")
        XCTAssertEqual(secret["type"]?.string, "Opaque")

        XCTAssertEqual(try kubectlOK(["create", "serviceaccount", "agent", "-n", "chatbot"]), "serviceaccount/agent created\n")
        XCTAssertEqual(try jsonpath("get", "serviceaccount", "agent", "-n", "chatbot", "-o", "jsonpath={.metadata.name}"), "agent")
    }

    /// The seeds' ways of writing a ConfigMap: the generator prints YAML from a file and apply
    /// sends it (the recommendation agent), and a multi-line literal (the Helm values).
    func testConfigMapsTheSeedsWrite() throws {
        try startServer()
        let json = "{\"backend\": {\"cpu\": \"250m\", \"memory\": \"512Mi\"}}\n"
        let file = try write(json, to: "resource_recommendations.json")
        let kubectl = try kubectlPath()
        let base = "'\(kubectl)' --kubeconfig '\(kubeconfigPath)' --cache-dir '\(directory.appendingPathComponent("kube-cache").path)'"
        let r = try Subprocess.run("/bin/sh", ["-c", "\(base) create configmap resource-recommendations --from-file='\(file)' "
                                                   + "--dry-run=client -o yaml | \(base) apply -f -"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "configmap/resource-recommendations created\n")
        XCTAssertEqual(try object("configmap", "resource-recommendations")["data"], ["resource_recommendations.json": .string(json)])

        let values = "\nglobal:\n  namespace: \"chatbot-dev\"\n\nfrontend:\n  replicaCount: 2\n"
        XCTAssertEqual(try kubectlOK(["create", "configmap", "helm-values", "--from-literal=values.yaml=\(values)"]), "configmap/helm-values created\n")
        XCTAssertEqual(try object("configmap", "helm-values")["data"], ["values.yaml": .string(values)])
    }

    func testCreateDeploymentServiceAndExpose() throws {
        try startServer()
        XCTAssertEqual(try kubectlOK(["create", "deployment", "backend-deployment", "--image=nginx:1.27", "--replicas=3", "--port=8080"]),
                       "deployment.apps/backend-deployment created\n")
        let deployment = try object("deployment", "backend-deployment")
        XCTAssertEqual(deployment[path: ["spec", "replicas"]]?.intValue, 3)
        XCTAssertEqual(deployment[path: ["spec", "selector", "matchLabels"]], ["app": "backend-deployment"])
        XCTAssertEqual(deployment[path: ["spec", "template", "metadata", "labels"]], ["app": "backend-deployment"])
        let container = deployment[path: ["spec", "template", "spec", "containers"]]?.array?.first
        XCTAssertEqual(container?["name"]?.string, "nginx")
        XCTAssertEqual(container?["image"]?.string, "nginx:1.27")
        XCTAssertEqual(container?[path: ["ports"]], [["containerPort": 8080, "protocol": "TCP"]])
        XCTAssertEqual(deployment[path: ["spec", "strategy", "type"]]?.string, "RollingUpdate")
        try advance(30)
        XCTAssertEqual(try jsonpath("get", "deployment", "backend-deployment", "-o", "jsonpath={.status.availableReplicas}"), "3")

        XCTAssertEqual(try kubectlOK(["create", "service", "clusterip", "backend", "--tcp=80:8080"]), "service/backend created\n")
        let service = try object("service", "backend")
        XCTAssertEqual(service[path: ["spec", "ports"]], [["name": "80-8080", "port": 80, "protocol": "TCP", "targetPort": 8080]])
        XCTAssertEqual(service[path: ["spec", "selector"]], ["app": "backend"])
        XCTAssertEqual(service[path: ["spec", "type"]]?.string, "ClusterIP")

        XCTAssertEqual(try kubectlOK(["expose", "deployment", "backend-deployment", "--name=backend-public", "--port=80", "--target-port=8080"]),
                       "service/backend-public exposed\n")
        let exposed = try object("service", "backend-public")
        XCTAssertEqual(exposed[path: ["spec", "ports"]], [["port": 80, "protocol": "TCP", "targetPort": 8080]])
        XCTAssertEqual(exposed[path: ["spec", "selector"]], ["app": "backend-deployment"])
    }

    func testCreateCronJobAndAJobFromIt() throws {
        try startServer()
        XCTAssertEqual(try kubectlOK(["create", "cronjob", "recommend", "--image=busybox:1.36", "--schedule=*/15 * * * *", "--", "echo", "hi"]),
                       "cronjob.batch/recommend created\n")
        let cronJob = try object("cronjob", "recommend")
        XCTAssertEqual(cronJob[path: ["spec", "schedule"]]?.string, "*/15 * * * *")
        let template = cronJob[path: ["spec", "jobTemplate", "spec", "template", "spec"]]
        XCTAssertEqual(template?["restartPolicy"]?.string, "OnFailure")
        XCTAssertEqual(template?["containers"]?.array?.first?["command"], ["echo", "hi"])
        XCTAssertEqual(template?["containers"]?.array?.first?["image"]?.string, "busybox:1.36")

        XCTAssertEqual(try kubectlOK(["create", "job", "recommend-now", "--from=cronjob/recommend"]), "job.batch/recommend-now created\n")
        let job = try object("job", "recommend-now")
        XCTAssertEqual(job[path: ["metadata", "annotations", "cronjob.kubernetes.io/instantiate"]]?.string, "manual")
        let owner = job[path: ["metadata", "ownerReferences"]]?.array?.first
        XCTAssertEqual(owner?["kind"]?.string, "CronJob")
        XCTAssertEqual(owner?["name"]?.string, "recommend")
        XCTAssertEqual(owner?["apiVersion"]?.string, "batch/v1")
        XCTAssertEqual(owner?["controller"], .bool(true))
        XCTAssertEqual(owner?["uid"], cronJob[path: ["metadata", "uid"]])
        XCTAssertEqual(job[path: ["spec", "template", "spec", "containers"]]?.array?.first?["command"], ["echo", "hi"])

        // The seeds' `--from=job/...`: kubectl reads the Job from the Sandbox, then refuses it
        // itself (only a CronJob can be instantiated).
        XCTAssertEqual(try kubectlOK(["create", "job", "resource-optimization-report", "--image=busybox", "--", "echo", "report"]),
                       "job.batch/resource-optimization-report created\n")
        let fromJob = try kubectl("create", "job", "resource-optimization-report-1", "--from=job/resource-optimization-report")
        XCTAssertEqual(fromJob.status, 1)
        XCTAssertEqual(fromJob.stderr, "error: unknown object type *v1.Job\n")
    }

    func testCreateRoleRoleBindingQuotaAndPodDisruptionBudget() throws {
        try startServer()
        XCTAssertEqual(try kubectlOK(["create", "role", "pod-reader", "--verb=get,list,watch", "--resource=pods,pods/log"]),
                       "role.rbac.authorization.k8s.io/pod-reader created\n")
        XCTAssertEqual(try object("role", "pod-reader")["rules"],
                       [["apiGroups": [""], "resources": ["pods", "pods/log"], "verbs": ["get", "list", "watch"]]])
        XCTAssertEqual(try kubectlOK(["create", "rolebinding", "read-pods", "--role=pod-reader", "--serviceaccount=default:agent", "--user=alice"]),
                       "rolebinding.rbac.authorization.k8s.io/read-pods created\n")
        let binding = try object("rolebinding", "read-pods")
        XCTAssertEqual(binding["roleRef"], ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "pod-reader"])
        XCTAssertEqual(binding["subjects"], [["apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": "alice"],
                                             ["kind": "ServiceAccount", "name": "agent", "namespace": "default"]])

        XCTAssertEqual(try kubectlOK(["create", "quota", "compute", "--hard=cpu=4,memory=8Gi,pods=20"]), "resourcequota/compute created\n")
        XCTAssertEqual(try object("resourcequota", "compute")[path: ["spec", "hard"]], ["cpu": "4", "memory": "8Gi", "pods": "20"])

        XCTAssertEqual(try kubectlOK(["create", "pdb", "backend-pdb", "--selector=app=backend", "--min-available=2"]),
                       "poddisruptionbudget.policy/backend-pdb created\n")
        let pdb = try object("pdb", "backend-pdb")
        XCTAssertEqual(pdb[path: ["spec", "minAvailable"]], 2)
        XCTAssertEqual(pdb[path: ["spec", "selector"]], ["matchLabels": ["app": "backend"]])
    }

    /// `kubectl run` from the seeds (kubectl sends this one as JSON): a pod that exits with an
    /// error and is not restarted.
    func testRunThePodTheSeedsCrash() throws {
        try startServer()
        XCTAssertEqual(try kubectlOK(["create", "namespace", "chatbot-dev"]), "namespace/chatbot-dev created\n")
        XCTAssertEqual(try kubectlOK(["run", "test-crash-pod", "--image=busybox", "--namespace=chatbot-dev", "--restart=Never",
                                      "--", "/bin/sh", "-c", "exit 1"]),
                       "pod/test-crash-pod created\n")
        let pod = try object("pod", "test-crash-pod", "-n", "chatbot-dev")
        XCTAssertEqual(pod[path: ["spec", "restartPolicy"]]?.string, "Never")
        XCTAssertEqual(pod[path: ["metadata", "labels"]], ["run": "test-crash-pod"])
        let container = pod[path: ["spec", "containers"]]?.array?.first
        XCTAssertEqual(container?["image"]?.string, "busybox")
        XCTAssertEqual(container?["args"], ["/bin/sh", "-c", "exit 1"])
    }

    /// The seeds write `kubectl create hpa`, which kubectl does not have; `kubectl autoscale`
    /// is the command, and its HorizontalPodAutoscaler targets 70% CPU.
    func testAutoscaleDeploymentAndTheSeedsCreateHPA() throws {
        try startServer()
        XCTAssertEqual(try kubectlOK(["create", "namespace", "chatbot-dev"]), "namespace/chatbot-dev created\n")
        XCTAssertEqual(try kubectlOK(["create", "deployment", "backend-deployment", "-n", "chatbot-dev", "--image=nginx:1.27"]),
                       "deployment.apps/backend-deployment created\n")
        let wrong = try kubectl("create", "hpa", "backend-hpa", "--namespace=chatbot-dev", "--cpu-percent=70", "--min=2", "--max=10",
                                "--deployment=backend-deployment")
        XCTAssertEqual(wrong.status, 1)
        XCTAssertEqual(wrong.stderr, "Error: unknown flag: --cpu-percent\nSee 'kubectl create --help' for usage.\n")

        XCTAssertEqual(try kubectlOK(["autoscale", "deployment", "backend-deployment", "--name=backend-hpa", "--namespace=chatbot-dev",
                                      "--cpu-percent=70", "--min=2", "--max=10"]),
                       "horizontalpodautoscaler.autoscaling/backend-hpa autoscaled\n")
        let hpa = try object("hpa", "backend-hpa", "-n", "chatbot-dev")
        XCTAssertEqual(hpa[path: ["spec", "minReplicas"]], 2)
        XCTAssertEqual(hpa[path: ["spec", "maxReplicas"]], 10)
        XCTAssertEqual(hpa[path: ["spec", "scaleTargetRef"]], ["apiVersion": "apps/v1", "kind": "Deployment", "name": "backend-deployment"])
        XCTAssertEqual(hpa[path: ["spec", "metrics"]],
                       [["resource": ["name": "cpu", "target": ["averageUtilization": 70, "type": "Utilization"]], "type": "Resource"]])
        // The same object through the autoscaling/v1 view kubectl wrote it with.
        let v1 = try JSONParser().parse(bytes: Array(try jsonpath("get", "--raw", "/apis/autoscaling/v1/namespaces/chatbot-dev/horizontalpodautoscalers/backend-hpa").utf8))
        XCTAssertEqual(v1["apiVersion"]?.string, "autoscaling/v1")
        XCTAssertEqual(v1[path: ["spec", "targetCPUUtilizationPercentage"]], 70)
        XCTAssertNil(v1[path: ["spec", "metrics"]])
    }

    /// The other generators that reach served kinds: typed secrets (binary data), cluster-wide
    /// roles with an aggregation rule, NodePort services, server-side dry runs.
    func testTheOtherGeneratorsOfServedKinds() throws {
        try startServer()
        let key = try write("-----BEGIN KEY-----\nAAEC\n-----END KEY-----\n", to: "key.pem")
        XCTAssertEqual(try kubectlOK(["create", "secret", "generic", "keys", "--from-file=\(key)"]), "secret/keys created\n")
        XCTAssertEqual(try object("secret", "keys")[path: ["data", "key.pem"]]?.string,
                       Base64.encode(Array("-----BEGIN KEY-----\nAAEC\n-----END KEY-----\n".utf8)))
        XCTAssertEqual(try kubectlOK(["create", "secret", "docker-registry", "pull", "--docker-server=registry.example",
                                      "--docker-username=u", "--docker-password=p"]), "secret/pull created\n")
        XCTAssertEqual(try object("secret", "pull")["type"]?.string, "kubernetes.io/dockerconfigjson")

        XCTAssertEqual(try kubectlOK(["create", "clusterrole", "aggregated", "--aggregation-rule=rbac.example/aggregate=true"]),
                       "clusterrole.rbac.authorization.k8s.io/aggregated created\n")
        XCTAssertEqual(try object("clusterrole", "aggregated")["aggregationRule"],
                       ["clusterRoleSelectors": [["matchLabels": ["rbac.example/aggregate": "true"]]]])
        XCTAssertEqual(try kubectlOK(["create", "clusterrolebinding", "readers", "--clusterrole=aggregated", "--group=readers"]),
                       "clusterrolebinding.rbac.authorization.k8s.io/readers created\n")
        XCTAssertEqual(try object("clusterrolebinding", "readers")["subjects"],
                       [["apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": "readers"]])

        XCTAssertEqual(try kubectlOK(["create", "service", "nodeport", "edge", "--tcp=80:8080", "--node-port=30080"]), "service/edge created\n")
        XCTAssertEqual(try jsonpath("get", "service", "edge", "-o", "jsonpath={.spec.type} {.spec.ports[0].nodePort}"), "NodePort 30080")

        XCTAssertEqual(try kubectlOK(["create", "serviceaccount", "ghost", "--dry-run=server"]), "serviceaccount/ghost created (server dry run)\n")
        XCTAssertEqual(try kubectl("get", "serviceaccount", "ghost").status, 1, "a dry run stores nothing")
    }
}
