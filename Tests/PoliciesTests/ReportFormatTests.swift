import Foundation
import XCTest
import YAML
@testable import Policies

/// The JSON and SARIF forms of a report carry what the text does, in the shapes their readers
/// expect (the SARIF log is also validated against the OASIS schema in ShipshapeCLITests).
final class ReportFormatTests: XCTestCase {
    private func report(environment: String? = "prod") throws -> (PolicyEngine.Report, PolicySet) {
        let policies = try PolicySet(yaml: """
            apiVersion: shipshape.dev/v1
            kind: PolicySet
            rules:
              - id: images.pinned
                kind: imageTag
                severity: error
                description: Images carry a version tag.
                message: "{detail}"
              - id: cronjobs.no-overlap
                kind: field
                severity: warning
                match: {kinds: [CronJob]}
                params: {path: spec.concurrencyPolicy, op: in, values: [Forbid], default: Allow}
              - id: hpa.prod-min-replicas
                kind: hpaBounds
                severity: error
                match: {environments: [prod]}
                params: {minAtMostMax: false, minReplicasAtLeast: 2}
            """, file: "p.yaml")
        let objects = try ValueDecoder.decodeAll("""
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: heal, namespace: chatbot-prod}
            spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: shipshape, image: "shipshape/shipshape:latest"}]}}}}}
            """).map { CheckedObject($0, file: "charts/chatbot/templates/jobs.yaml") }
        return (PolicyEngine(policies: policies).check(objects, environment: environment), policies)
    }

    func testSARIFCarriesRulesResultsAndLocations() throws {
        let (report, policies) = try report()
        let log = SARIFReport(report, rules: policies.rules, source: "overlays/prod", toolVersion: "0.1.0").log
        XCTAssertEqual(log["version"], "2.1.0")
        XCTAssertEqual(log["$schema"]?.string, SARIFReport.schema)
        let run = try XCTUnwrap(log["runs"]?.array?.first)
        XCTAssertEqual(run["tool"]?["driver"]?["name"], "shipshape")
        let rules = try XCTUnwrap(run["tool"]?["driver"]?["rules"]?.array)
        XCTAssertEqual(rules.map { $0["id"]?.string }, ["images.pinned", "cronjobs.no-overlap", "hpa.prod-min-replicas"])
        XCTAssertEqual(rules[0]["shortDescription"]?["text"], "Images carry a version tag.")
        XCTAssertEqual(rules[1]["defaultConfiguration"]?["level"], "warning")
        let results = try XCTUnwrap(run["results"]?.array)
        XCTAssertEqual(results.map { $0["ruleId"]?.string }, ["images.pinned", "cronjobs.no-overlap"])
        XCTAssertEqual(results.map { $0["ruleIndex"] }, [.int(0), .int(1)])
        XCTAssertEqual(results.map { $0["level"]?.string }, ["error", "warning"])
        let location = try XCTUnwrap(results[0]["locations"]?.array?.first)
        XCTAssertEqual(location["physicalLocation"]?["artifactLocation"]?["uri"], "charts/chatbot/templates/jobs.yaml")
        XCTAssertEqual(location["logicalLocations"]?.array?.first?["fullyQualifiedName"], "batch/v1 CronJob chatbot-prod/heal")
        XCTAssertEqual(results[0]["message"]?["text"]?.string,
                       #"batch/v1 CronJob chatbot-prod/heal: container "shipshape" uses image shipshape/shipshape:latest; pin a version tag or digest"#)
        XCTAssertEqual(run["automationDetails"]?["id"], "shipshape-check/overlays/prod/")
        XCTAssertEqual(run["properties"]?["environment"], "prod")
        // The document is JSON that parses back to the same value.
        XCTAssertEqual(try JSONParser().parse(try SARIFReport(report, rules: policies.rules, source: "overlays/prod", toolVersion: "0.1.0").json()), log)
    }

    func testJSONAndTextAgree() throws {
        let (report, policies) = try report(environment: nil)
        let formatted = FindingReport(report, source: "charts/chatbot", ruleCount: policies.rules.count)
        let json = try JSONParser().parse(try formatted.json())
        XCTAssertEqual(json["source"], "charts/chatbot")
        XCTAssertEqual(json["environment"], .null)
        XCTAssertEqual(json["errors"], .int(1))
        XCTAssertEqual(json["warnings"], .int(1))
        XCTAssertEqual(json["skippedRules"], ["hpa.prod-min-replicas"])
        XCTAssertEqual(json["findings"]?.array?.map { $0["rule"]?.string }, ["images.pinned", "cronjobs.no-overlap"])
        XCTAssertEqual(formatted.text.split(separator: "\n").map(String.init), [
            #"charts/chatbot: batch/v1 CronJob chatbot-prod/heal: container "shipshape" uses image shipshape/shipshape:latest; pin a version tag or digest [images.pinned]"#,
            "charts/chatbot: batch/v1 CronJob chatbot-prod/heal: warning: spec.concurrencyPolicy is Allow [cronjobs.no-overlap]",
            "charts/chatbot: 1 objects checked against 2 rules: 1 errors, 1 warnings, 0 exemptions; 1 environment rules skipped (no environment: pass --env)",
        ])
    }
}
