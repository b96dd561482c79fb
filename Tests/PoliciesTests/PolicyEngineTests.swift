import Foundation
import XCTest
import YAML
@testable import Policies

/// The guardrails in policies/guardrails.yaml, applied to small manifests that break one
/// rule at a time.
final class PolicyEngineTests: XCTestCase {
    static let policiesFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("policies/guardrails.yaml").path

    private func guardrails() throws -> PolicySet {
        let text = try String(contentsOfFile: Self.policiesFile, encoding: .utf8)
        return try PolicySet(yaml: text, file: "policies/guardrails.yaml")
    }

    private func check(_ yaml: String, environment: String? = nil) throws -> PolicyEngine.Report {
        let objects = try ValueDecoder.decodeAll(yaml).filter { !$0.isNull }.map { CheckedObject($0, file: "test.yaml") }
        return PolicyEngine(policies: try guardrails()).check(objects, environment: environment)
    }

    /// A workload that passes every guardrail; tests change one thing in it.
    static func compliant(namespace: String = "chatbot-dev", replicas: Int? = 2, image: String = "todo-chatbot/backend:1.4.0",
                          readinessPath: String? = "/ready", memoryLimit: String = "1Gi", extraAnnotations: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: backend-deployment
          namespace: \(namespace)
          annotations: {\(extraAnnotations)}
        spec:
          \(replicas.map { "replicas: \($0)" } ?? "")
          selector: {matchLabels: {app: backend}}
          template:
            metadata: {labels: {app: backend}}
            spec:
              securityContext: {runAsNonRoot: true}
              containers:
                - name: backend
                  image: \(image)
                  livenessProbe: {httpGet: {path: /health, port: 8000}}
                  \(readinessPath.map { "readinessProbe: {httpGet: {path: \($0), port: 8000}}" } ?? "")
                  resources:
                    requests: {cpu: 200m, memory: 256Mi}
                    limits: {cpu: "1", memory: \(memoryLimit)}
                  securityContext:
                    readOnlyRootFilesystem: true
                    allowPrivilegeEscalation: false
                    capabilities: {drop: [ALL]}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: backend-pdb, namespace: \(namespace)}
        spec:
          minAvailable: 1
          selector: {matchLabels: {app: backend}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: backend-service, namespace: \(namespace)}
        spec:
          selector: {app: backend}
          ports: [{port: 8000}]
        """
    }

    func testCompliantWorkloadPasses() throws {
        let report = try check(Self.compliant())
        XCTAssertEqual(report.findings, [], report.findings.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(report.checkedObjects, 3)
    }

    func testIdenticalProbesAreFlagged() throws {
        let report = try check(Self.compliant(readinessPath: "/health"))
        XCTAssertEqual(report.findings.map(\.rule), ["probes.distinct"])
        XCTAssertTrue(report.findings[0].message.contains("same check for liveness and readiness"))
        XCTAssertEqual(report.findings[0].object, "apps/v1 Deployment chatbot-dev/backend-deployment")
        XCTAssertEqual(report.findings[0].file, "test.yaml")
    }

    func testMemoryLimitBelowRequestAndRatio() throws {
        XCTAssertEqual(try check(Self.compliant(memoryLimit: "128Mi")).findings.map(\.message),
                       ["container \"backend\": memory limit 128Mi is below its request 256Mi"])
        XCTAssertEqual(try check(Self.compliant(memoryLimit: "2Gi")).findings.map(\.message),
                       ["container \"backend\": memory limit 2Gi is 8.0× its request 256Mi (at most 4.0×)"])
    }

    func testLatestAndUntaggedImagesAreRejected() throws {
        XCTAssertEqual(try check(Self.compliant(image: "todo-chatbot/backend:latest")).findings.map(\.rule), ["images.pinned"])
        XCTAssertEqual(try check(Self.compliant(image: "registry:5000/todo-chatbot/backend")).findings.map(\.rule), ["images.pinned"])
        XCTAssertEqual(try check(Self.compliant(image: "registry:5000/backend@sha256:abc")).findings, [])
    }

    func testPDBRequiredCountsTheHPAsMinimum() throws {
        let withoutPDB = Self.compliant(replicas: 1).components(separatedBy: "---")[0]
        XCTAssertEqual(try check(withoutPDB).findings.map(\.rule), [], "one replica needs no PDB")
        XCTAssertEqual(try check(Self.compliant(replicas: nil).components(separatedBy: "---")[0] + Self.backendHPA(minReplicas: 3)).findings.map(\.rule),
                       ["pdb.required"])
    }

    func testHPABoundsAndProductionFloor() throws {
        let hpa = { (ns: String, min: Int, max: Int, target: Int) in
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: h, namespace: \(ns)}
            spec:
              scaleTargetRef: {kind: Deployment, name: x}
              minReplicas: \(min)
              maxReplicas: \(max)
              metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: \(target)}}}]
            """
        }
        XCTAssertEqual(try check(hpa("chatbot-dev", 1, 5, 70), environment: "dev").findings, [])
        let prod = try check(hpa("chatbot-prod", 1, 5, 70), environment: "prod")
        XCTAssertEqual(prod.findings.map(\.rule), ["hpa.prod-min-replicas"])
        XCTAssertEqual(prod.findings.map(\.message), ["minReplicas 1 is below 2; one pod is no redundancy (production)"])
        XCTAssertEqual(prod.skippedRules, [])
        // Without an environment the production rule is skipped, and the report says so.
        let unknown = try check(hpa("chatbot-prod", 1, 5, 70))
        XCTAssertEqual(unknown.findings, [])
        XCTAssertEqual(unknown.skippedRules, ["hpa.prod-min-replicas"])
        XCTAssertEqual(try check(hpa("chatbot-dev", 6, 5, 95)).findings.map(\.message),
                       ["minReplicas 6 is above maxReplicas 5", "cpu target utilization 95% is outside 50–90%"])
    }

    func testServiceWithoutPodsAndRBAC() throws {
        let yaml = """
            apiVersion: v1
            kind: Service
            metadata: {name: orphan, namespace: chatbot-dev}
            spec: {selector: {app: nothing}}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: kagent-cluster-role}
            rules:
              - apiGroups: [""]
                resources: [pods, secrets]
                verbs: ["*"]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: b, namespace: chatbot-dev}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: kagent-cluster-role}
            subjects: [{kind: ServiceAccount, name: kagent, namespace: chatbot-dev}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: admin}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: ServiceAccount, name: kagent, namespace: chatbot-dev}]
            """
        let messages = try check(yaml).findings.map { "\($0.rule): \($0.message)" }
        XCTAssertEqual(messages, [
            "service.selects-workload: selector app=nothing matches no workload's pods; the Service has no endpoints",
            "rbac.no-wildcards: rules[0] uses a wildcard; list the verbs and resources the job needs",
            "rbac.no-secrets: rules[0] grants access to Secrets (*)",
            "rbac.no-cluster-admin: binds cluster-admin",
            "rbac.prefer-roles: ClusterRole kagent-cluster-role is only bound in namespace chatbot-dev; a Role there grants less",
        ])
    }

    func testExemptionsNeedAReason() throws {
        let exempt = Self.compliant(image: "x/y:latest", extraAnnotations: "shipshape.dev/exempt.images.pinned: \"vendor ships only latest (CHAT-112)\"")
        let report = try check(exempt)
        XCTAssertEqual(report.findings, [])
        XCTAssertEqual(report.exemptions.map(\.reason), ["vendor ships only latest (CHAT-112)"])
        let empty = Self.compliant(image: "x/y:latest", extraAnnotations: "shipshape.dev/exempt.images.pinned: \"\"")
        XCTAssertEqual(try check(empty).findings.map(\.message),
                       ["exemption shipshape.dev/exempt.images.pinned has no reason; say why the rule does not apply"])
    }

    func testPolicyFileErrorsNameThePlace() {
        XCTAssertThrowsError(try PolicySet(yaml: "apiVersion: shipshape.dev/v1\nkind: PolicySet\nrules:\n  - id: x\n    kind: nope\n", file: "p.yaml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("p.yaml:4:5: rule x: unknown kind nope; known kinds: containerProbes"), "\(error)")
        }
        XCTAssertThrowsError(try PolicySet(yaml: "kind: PolicySet\nrules:\n  - {id: a, kind: field}\n  - {id: a, kind: field}\n", file: "p.yaml")) { error in
            XCTAssertEqual("\(error)", "p.yaml:4:5: rule id a is used twice")
        }
    }

    func testTheChartsJobsAndWorkloadsFollowTheShapeTheRulesExpect() throws {
        // The agents of the old setup had a ClusterRole with delete on secrets; the same
        // objects, checked, say why that is not allowed.
        let old = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: kagent-cluster-role}
            rules:
              - apiGroups: [""]
                resources: [pods, services, secrets]
                verbs: [get, list, delete]
            """
        XCTAssertEqual(try check(old).findings.map(\.message), ["rules[0] grants access to Secrets (get,list,delete)"])
        // Bound cluster-wide, as it was, it also deletes in every namespace.
        let bound = old + """

            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: kagent-cluster-binding}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: kagent-cluster-role}
            subjects: [{kind: ServiceAccount, name: kagent, namespace: chatbot-dev}]
            """
        XCTAssertEqual(try check(bound).findings.map { "\($0.rule): \($0.message)" }, [
            "rbac.no-secrets: rules[0] grants access to Secrets (get,list,delete)",
            "rbac.no-cluster-wide-delete: rules[0] grants delete in every namespace (ClusterRoleBinding kagent-cluster-binding); bind a Role in the namespace instead",
        ])
    }

    func testReadinessFindingReadsAsTheIssueShowsIt() throws {
        let report = try check(Self.compliant(readinessPath: nil))
        XCTAssertEqual(report.findings.map(\.description),
                       [#"apps/v1 Deployment chatbot-dev/backend-deployment: container "backend" has no readiness probe [probes.readiness]"#])
        let text = FindingReport(report, source: "overlays/prod", ruleCount: try guardrails().rules.count).text
        XCTAssertTrue(text.hasPrefix(#"overlays/prod: apps/v1 Deployment chatbot-dev/backend-deployment: container "backend" has no readiness probe [probes.readiness]"# + "\n"), text)
        XCTAssertTrue(text.contains("overlays/prod: 3 objects checked against"), text)
    }

    /// An HPA scaling backend-deployment, as a document to append.
    static func backendHPA(minReplicas: Int) -> String {
        """

        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: backend-hpa, namespace: chatbot-dev}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: backend-deployment}
          minReplicas: \(minReplicas)
          maxReplicas: 10
          metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
        """
    }

    func testAnHPAOwnsTheReplicasOfItsTarget() throws {
        XCTAssertEqual(try check(Self.compliant(replicas: 2) + Self.backendHPA(minReplicas: 2)).findings.map(\.message),
                       ["sets spec.replicas 2 but HorizontalPodAutoscaler backend-hpa owns the replica count; every apply would reset what the autoscaler chose"])
        XCTAssertEqual(try check(Self.compliant(replicas: nil) + Self.backendHPA(minReplicas: 2)).findings, [])
    }

    func testAnUnsetFieldTakesItsKubernetesDefault() throws {
        let cronJob = { (policy: String) in
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: shipshape-heal, namespace: chatbot-dev}
            spec:
              schedule: "* * * * *"
              \(policy)
              jobTemplate: {spec: {template: {spec: {restartPolicy: Never, securityContext: {runAsNonRoot: true}, containers: [{name: shipshape, image: "shipshape/shipshape:0.3.0", resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {cpu: 200m, memory: 256Mi}}, securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}]}}}}
            """
        }
        XCTAssertEqual(try check(cronJob("concurrencyPolicy: Forbid")).findings, [])
        XCTAssertEqual(try check(cronJob("")).findings.map(\.description),
                       ["batch/v1 CronJob chatbot-dev/shipshape-heal: warning: CronJobs should not overlap: spec.concurrencyPolicy is Allow [cronjobs.no-overlap]"])
    }

    func testEveryRuleHasADescriptionAndAUniqueDottedID() throws {
        let rules = try guardrails().rules
        XCTAssertGreaterThanOrEqual(rules.count, 20)
        for rule in rules {
            XCTAssertFalse(rule.description.isEmpty, rule.id)
            XCTAssertNotNil(rule.id.range(of: #"^[a-z]+\.[a-z-]+$"#, options: .regularExpression), rule.id)
        }
    }

    /// The cross-object rules look selectors up through indexes; selectors of every shape
    /// still find their pods, among many that share common labels.
    func testSelectorsOfEveryShapeFindTheirPodsAmongMany() throws {
        var yaml = ""
        for i in 0..<50 {
            yaml += """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: other-\(i), namespace: chatbot-dev}
                spec: {minAvailable: 1, selector: {matchLabels: {app: other-\(i), part-of: chatbot}}}
                ---

                """
        }
        let deployment = Self.compliant().components(separatedBy: "---")[0]
        let covered = { (selector: String) in
            try self.check(yaml + deployment + """
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: backend-pdb, namespace: chatbot-dev}
                spec: {minAvailable: 1, selector: \(selector)}
                """).findings.filter { $0.rule == "pdb.required" }.isEmpty
        }
        XCTAssertTrue(try covered("{matchLabels: {app: backend}}"))
        XCTAssertTrue(try covered("{matchExpressions: [{key: app, operator: In, values: [backend, api]}]}"))
        XCTAssertTrue(try covered("{matchExpressions: [{key: app, operator: In, values: [backend]}]}"))
        XCTAssertTrue(try covered("{matchExpressions: [{key: app, operator: Exists}]}"))
        XCTAssertFalse(try covered("{matchLabels: {app: backend, tier: web}}"))
        XCTAssertFalse(try covered("{matchExpressions: [{key: app, operator: NotIn, values: [backend]}]}"))
        XCTAssertFalse(try covered("{matchLabels: {app: backend}}".replacingOccurrences(of: "backend", with: "other-1")))
    }
}
