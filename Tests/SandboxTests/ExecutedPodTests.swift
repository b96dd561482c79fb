import Foundation
import OrderedCollections
import TestSupport
import XCTest
import YAML
@testable import Sandbox

/// Pods of executed images run the real `shipshape` binary: environment and argv as the
/// kubelet builds them, volumes at their mount paths, a read-only root, the exit code as the
/// container's termination state, output as `kubectl logs`, deadlines that kill.
final class ExecutedPodTests: SandboxHTTPTestCase {
    // MARK: Pure: expansion and environment

    /// k8s.io/kubernetes third_party/forked/golang/expansion/expand_test.go, doExpansionTest.
    func testVariableExpansionMatchesKubernetesTable() {
        let context = ["VAR_A": "A", "VAR_B": "B", "VAR_C": "C", "VAR_REF": "$(VAR_A)", "VAR_EMPTY": ""]
        let cases: [(String, String)] = [
            ("$(VAR_A)", "A"), ("$(VAR_A)-$(VAR_A)", "A-A"), ("$(VAR_A)-1", "A-1"), ("___$(VAR_B)___", "___B___"),
            ("___$(VAR_C)", "___C"), ("$(VAR_A)_$(VAR_B)_$(VAR_C)", "A_B_C"), ("$$(VAR_B)_$(VAR_A)", "$(VAR_B)_A"),
            ("$$(VAR_A)_$$(VAR_B)", "$(VAR_A)_$(VAR_B)"), ("f000-$$VAR_A", "f000-$VAR_A"), (#"foo\$(VAR_C)bar"#, #"foo\Cbar"#),
            (#"foo\\$(VAR_C)bar"#, #"foo\\Cbar"#), (#"foo\\\\$(VAR_A)bar"#, #"foo\\\\Abar"#),
            ("$(VAR_A$(VAR_B))", "$(VAR_A$(VAR_B))"), ("$(VAR_A$(VAR_B)", "$(VAR_A$(VAR_B)"), ("$(VAR_REF)", "$(VAR_A)"),
            ("%%$(VAR_REF)--$(VAR_REF)%%", "%%$(VAR_A)--$(VAR_A)%%"), ("foo$(VAR_EMPTY)bar", "foobar"),
            ("foo$(VAR_Awhoops!", "foo$(VAR_Awhoops!"), ("f00__(VAR_A)__", "f00__(VAR_A)__"), ("$?_boo_$!", "$?_boo_$!"),
            ("$VAR_A", "$VAR_A"), ("$(VAR_DNE)", "$(VAR_DNE)"), ("$$$$$$(BIG_MONEY)", "$$$(BIG_MONEY)"),
            ("$$$$$$(VAR_A)", "$$$(VAR_A)"), ("$$$$$$$(GOOD_ODDS)", "$$$$(GOOD_ODDS)"), ("$$$$$$$(VAR_A)", "$$$A"),
            ("$VAR_A)", "$VAR_A)"), ("${VAR_A}", "${VAR_A}"), ("$(VAR_B)_______$(A", "B_______$(A"),
            ("$(VAR_C)_______$(", "C_______$("), ("$(VAR_A)foobarzab$", "Afoobarzab$"), (#"foo-\$(VAR_A"#, #"foo-\$(VAR_A"#),
            ("--$($($($($--", "--$($($($($--"), ("$($($($($--foo$(", "$($($($($--foo$("), ("foo0--$($($($(", "foo0--$($($($("),
            ("$(foo$$var)", "$(foo$$var)"), ("\n", "\n"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(VariableExpansion.expand(input) { context[$0] }, expected, input)
        }
    }

    func testEnvironmentFollowsKubeletOrderAndResolvesReferences() throws {
        let pod = try ValueDecoder.decode("""
            metadata: {name: job-abc, namespace: chatbot-dev, uid: u-1, labels: {app: shipshape}}
            spec: {nodeName: sandbox, serviceAccountName: shipshape-reconcile}
            status: {podIP: 10.244.0.9}
            """)
        let container = try ValueDecoder.decode("""
            name: shipshape
            resources: {limits: {cpu: 200m, memory: 256Mi}}
            envFrom:
              - {configMapRef: {name: settings}, prefix: CFG_}
              - {secretRef: {name: missing, optional: true}}
            env:
              - {name: SHIPSHAPE_ENV, value: dev}
              - {name: TARGET, value: "$(SHIPSHAPE_ENV)-$(CFG_MODE)-$(UNSET)-$$(SHIPSHAPE_ENV)"}
              - {name: API, value: "$(KUBERNETES_SERVICE_HOST):$(KUBERNETES_SERVICE_PORT)"}
              - {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
              - {name: NS, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}
              - {name: APP, valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}}
              - {name: SA, valueFrom: {fieldRef: {fieldPath: spec.serviceAccountName}}}
              - {name: IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
              - {name: CPU, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}
              - {name: MEM_MI, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}}
              - {name: TOKEN, valueFrom: {secretKeyRef: {name: git, key: token}}}
              - {name: MODE, valueFrom: {configMapKeyRef: {name: settings, key: MODE}}}
              - {name: KUBERNETES_SERVICE_PORT, value: "8443"}
            args: ["reconcile", "--env", "$(SHIPSHAPE_ENV)", "$$(SHIPSHAPE_ENV)"]
            """)
        let objects: [String: Value] = [
            "ConfigMap/settings": ["data": ["MODE": "fast"]],
            "Secret/git": ["data": ["token": .string(Data("s3cret".utf8).base64EncodedString())]],
        ]
        let environment = ContainerEnvironment(
            pod: pod, container: container,
            serviceVariables: ["KUBERNETES_SERVICE_HOST": "127.0.0.1", "KUBERNETES_SERVICE_PORT": "6443"],
            lookup: { objects["\($0)/\($1)"] })
        let variables = try environment.variables()
        XCTAssertEqual(Array(variables.keys), ["CFG_MODE", "SHIPSHAPE_ENV", "TARGET", "API", "POD", "NS", "APP", "SA", "IP", "CPU", "MEM_MI",
                                               "TOKEN", "MODE", "KUBERNETES_SERVICE_PORT", "KUBERNETES_SERVICE_HOST"])
        XCTAssertEqual(Array(variables.values), ["fast", "dev", "dev-fast-$(UNSET)-$(SHIPSHAPE_ENV)", "127.0.0.1:6443", "job-abc", "chatbot-dev",
                                                 "shipshape", "shipshape-reconcile", "10.244.0.9", "1", "256", "s3cret", "fast", "8443", "127.0.0.1"])
        XCTAssertEqual(environment.argv(image: .shipshape, environment: variables),
                       ["/usr/local/bin/shipshape", "reconcile", "--env", "dev", "$(SHIPSHAPE_ENV)"])

        func failure(_ env: String) throws -> ContainerEnvironment.ConfigError? {
            let c = try ValueDecoder.decode("env: [\(env)]")
            do { _ = try ContainerEnvironment(pod: pod, container: c, serviceVariables: [:], lookup: { objects["\($0)/\($1)"] }).variables() } catch { return error }
            return nil
        }
        XCTAssertEqual(try failure("{name: A, valueFrom: {secretKeyRef: {name: nope, key: token}}}")?.message, #"secret "nope" not found"#)
        XCTAssertEqual(try failure("{name: A, valueFrom: {secretKeyRef: {name: git, key: password}}}")?.message,
                       "couldn't find key password in Secret chatbot-dev/git")
        XCTAssertEqual(try failure("{name: A, valueFrom: {configMapKeyRef: {name: settings, key: X}}}")?.message,
                       "couldn't find key X in ConfigMap chatbot-dev/settings")
        XCTAssertNil(try failure("{name: A, valueFrom: {configMapKeyRef: {name: nope, key: X, optional: true}}}"))
    }

    // MARK: Real processes

    /// A fixed start, so creation times and names are the same on every run.
    static let startTime = 1_767_225_600.0 // 2026-01-01T00:00:00Z

    private func startExecuting(binary: String = ShipshapeBinary.path) throws -> ProcessRuntime {
        let runtime = ProcessRuntime(binary: binary, directory: directory.appendingPathComponent("runtime").path)
        try startServer(runtime: runtime, start: Self.startTime)
        return runtime
    }

    /// Advances simulated time a second at a time until `done` holds, for at most 60 wall
    /// seconds (processes run in wall time).
    private func advanceUntil(_ what: String, file: StaticString = #filePath, line: UInt = #line, _ done: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if try done() { return }
            try advance(1)
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("timed out waiting for \(what)", file: file, line: line)
    }

    /// A one-pod Job of Shipshape's image; `container` and `pod` are extra YAML lines for the
    /// container and the pod spec.
    private func job(_ name: String, args: [String], container: [String] = [], pod: [String] = [], deadline: Int? = nil) -> String {
        var lines = [
            "apiVersion: batch/v1", "kind: Job", "metadata: {name: \(name), namespace: default}", "spec:", "  backoffLimit: 0",
        ]
        if let deadline { lines.append("  activeDeadlineSeconds: \(deadline)") }
        lines += ["  template:", "    spec:", "      restartPolicy: Never"]
        lines += pod.map { "      " + $0 }
        lines += ["      containers:", "        - name: shipshape", "          image: shipshape/shipshape:0.3.0",
                  "          args: [\(args.map { "\"\($0)\"" }.joined(separator: ", "))]"]
        lines += container.map { "          " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The pods of Job `name`, as `{jsonpath}` prints them (no waiting, unlike `kubectl logs`).
    private func jobPods(_ name: String, _ jsonpath: String) throws -> String {
        try kubectl("get", "pods", "-l", "job-name=\(name)", "-o", "jsonpath=\(jsonpath)").stdout
    }

    private func jobStatus(_ name: String) throws -> String {
        try kubectl("get", "job", name, "-o", "jsonpath={.status.conditions[-1:].type}").stdout
    }

    func testJobRunsTheRealBinaryUnderItsServiceAccountAndItsOutputIsTheLog() throws {
        _ = try startExecuting()
        try kubectlOK("apply", "-f", try write("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: probe, namespace: default}
            data: {greeting: hello}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: reader, namespace: default}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: reader, namespace: default}
            rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: reader, namespace: default}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
            subjects: [{kind: ServiceAccount, name: reader, namespace: default}]
            """, to: "reader.yaml"))
        let args = ["kube", "get", "configmap", "probe", "-n", "$(NS)", "-o", "yaml"]
        let env = "env: [{name: NS, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}]"
        try kubectlOK("apply", "--server-side", "-f", try write(job("reader", args: args, container: [env], pod: ["serviceAccountName: reader"]), to: "job.yaml"))
        try kubectlOK("apply", "--server-side", "-f", try write(job("nobody", args: args, container: [env]), to: "nobody.yaml"))
        try advanceUntil("the jobs to finish") { try jobStatus("reader") == "Complete" && jobStatus("nobody") == "Failed" }
        // The pod read the ConfigMap through the in-cluster endpoint, with its own token, exactly as kubectl reads it.
        let expected = try kubectlOK("get", "configmap", "probe", "-o", "yaml", "--show-managed-fields")
        XCTAssertEqual(try kubectlOK("logs", "job/reader"), expected)
        XCTAssertEqual(try jobPods("reader", "{.items[0].status.containerStatuses[0].state.terminated.exitCode} {.items[0].status.containerStatuses[0].state.terminated.reason} {.items[0].status.phase}"),
                       "0 Completed Succeeded")
        // The namespace's default account may not: RBAC answers its token as a cluster would.
        XCTAssertEqual(try kubectlOK("logs", "job/nobody"), #"Error: v1 ConfigMap default/probe: Error from server (Forbidden): configmaps "probe" is forbidden: User "system:serviceaccount:default:default" cannot get resource "configmaps" in API group "" in the namespace "default""# + "\n")
        XCTAssertEqual(try jobPods("nobody", "{.items[0].status.containerStatuses[0].state.terminated.exitCode}"), "1")
    }

    func testReadOnlyRootRefusesWritesOutsideTheEmptyDir() throws {
        _ = try startExecuting()
        try kubectlOK("create", "-f", try write("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: chart, namespace: default}
            data:
              chart: "apiVersion: v2\\nname: probe\\nversion: 0.1.0\\n"
              template: "apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: {{ .Release.Name }}\\n"
            """, to: "chart.yaml"))
        let mounts = ["securityContext: {readOnlyRootFilesystem: true}", "volumeMounts: [{name: chart, mountPath: /chart}, {name: work, mountPath: /work}]"]
        let volumes = ["volumes:", "  - {name: work, emptyDir: {}}",
                       "  - {name: chart, configMap: {name: chart, items: [{key: chart, path: Chart.yaml}, {key: template, path: templates/cm.yaml}]}}"]
        try kubectlOK("apply", "--server-side", "-f", try write(job("inside", args: ["render", "/chart", "--output-dir", "/work/out"], container: mounts, pod: volumes), to: "a.yaml"))
        try kubectlOK("apply", "--server-side", "-f", try write(job("outside", args: ["render", "/chart", "--output-dir", "/out"], container: mounts, pod: volumes), to: "b.yaml"))
        try advanceUntil("both jobs to finish") { try jobStatus("inside") == "Complete" && jobStatus("outside") == "Failed" }
        XCTAssertEqual(try kubectlOK("logs", "job/inside"), "wrote /work/out/probe/templates/cm.yaml\n\n")
        let failed = try kubectl("logs", "job/outside").stdout
        XCTAssertTrue(failed.contains("Read-only file system"), failed)
        XCTAssertEqual(try jobPods("outside", "{.items[0].status.containerStatuses[0].state.terminated.exitCode}"), "1")
    }

    func testMissingSecretWaitsInCreateContainerConfigErrorUntilItExists() throws {
        _ = try startExecuting()
        try kubectlOK("apply", "--server-side", "-f", try write(job("needs-secret", args: ["--version"],
                                                                  container: ["env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: git, key: token}}}]"]), to: "job.yaml"))
        try advance(3)
        let waiting = "{.items[0].status.containerStatuses[0].state.waiting.reason}: {.items[0].status.containerStatuses[0].state.waiting.message}"
        XCTAssertEqual(try jobPods("needs-secret", waiting),
                       #"CreateContainerConfigError: secret "git" not found"#)
        try kubectlOK("apply", "-f", try write("""
            apiVersion: v1
            kind: Secret
            metadata: {name: git, namespace: default}
            stringData: {token: abc}
            """, to: "secret.yaml"))
        try advanceUntil("the job to finish") { try jobStatus("needs-secret") == "Complete" }
        XCTAssertEqual(try kubectlOK("logs", "job/needs-secret"), try ShipshapeBinary.run(["--version"]).stdout)
    }

    func testDeadlinesKillTheProcess() throws {
        let runtime = try startExecuting()
        // `shipshape sandbox` serves until it is stopped: only the deadline ends it.
        try kubectlOK("apply", "--server-side", "-f", try write(job("forever", args: ["sandbox", "--port", "0"], deadline: 30), to: "job.yaml"))
        try advanceUntil("the sandbox in the pod to serve") {
            let pod = try jobPods("forever", "{.items[0].metadata.name}")
            return try !pod.isEmpty && (kubectl("logs", pod).stdout.contains("sandbox: serving the Kubernetes API at http://127.0.0.1:"))
        }
        XCTAssertEqual(runtime.runningCount, 1)
        try advanceUntil("the deadline") { try jobStatus("forever") == "Failed" }
        XCTAssertEqual(try kubectlOK("get", "job", "forever", "-o", "jsonpath={.status.conditions[-1:].reason}"), "DeadlineExceeded")
        try advanceUntil("the process to be killed") { runtime.runningCount == 0 }

        try kubectlOK("apply", "-f", try write("""
            apiVersion: v1
            kind: Pod
            metadata: {name: bounded, namespace: default}
            spec:
              activeDeadlineSeconds: 20
              restartPolicy: Never
              containers: [{name: shipshape, image: "shipshape/shipshape:0.3.0", args: [sandbox, --port, "0"]}]
            """, to: "pod.yaml"))
        try advanceUntil("the pod's deadline") { try kubectlOK("get", "pod", "bounded", "-o", "jsonpath={.status.phase}") == "Failed" }
        XCTAssertEqual(try kubectlOK("get", "pod", "bounded", "-o", "jsonpath={.status.reason} {.status.containerStatuses[0].state.terminated.exitCode}"),
                       "DeadlineExceeded 137")
        try advanceUntil("the process to be killed") { runtime.runningCount == 0 }
    }

    func testAnImageThatCannotBeExecutedIsRefusedNotPretended() throws {
        _ = try startExecuting(binary: "/nonexistent/shipshape")
        try kubectlOK("apply", "--server-side", "-f", try write(job("refused", args: ["--version"]), to: "job.yaml"))
        try advance(5)
        let waiting = "{.items[0].status.phase} {.items[0].status.containerStatuses[0].state.waiting.reason}: {.items[0].status.containerStatuses[0].state.waiting.message}"
        XCTAssertEqual(try jobPods("refused", waiting),
                       "Pending RunContainerError: the executable /nonexistent/shipshape does not exist or is not executable (pass --exec-binary PATH)")
        XCTAssertEqual(try jobStatus("refused"), "")
    }
}
