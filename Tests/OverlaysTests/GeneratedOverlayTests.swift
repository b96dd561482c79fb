import Foundation
import TestSupport
import XCTest

/// Generated kustomizations: seeded random combinations of every supported field over the
/// fixture application, each compared byte for byte with `kubectl kustomize`. A failure names
/// the case number; the seed makes it replayable.
final class GeneratedOverlayTests: XCTestCase {
    static let cases = 60

    func testGeneratedKustomizationsMatchKubectl() throws {
        // OVERLAY_SEED explores other cases; the default seed is what CI runs.
        var rng = SeededGenerator(seed: ProcessInfo.processInfo.environment["OVERLAY_SEED"].flatMap { UInt64($0) } ?? 0x5EED_0_7)
        var succeeded = 0
        for n in 0..<Self.cases {
            var files = ["app.yaml": Fixtures.app]
            files["kustomization.yaml"] = Self.kustomization(&rng, files: &files)
            if try KustomizeOracle.assertAgree(files, "generated case \(n)") { succeeded += 1 }
        }
        print("generated kustomizations: \(succeeded) of \(Self.cases) accepted by kubectl and compared byte for byte, \(Self.cases - succeeded) rejected by both")
        // Most generated cases must be valid, or the comparison proves little.
        XCTAssertGreaterThan(succeeded, Self.cases * 2 / 3)
    }

    private static func pick<T>(_ options: [T], _ rng: inout SeededGenerator) -> T { options[Int(rng.next() % UInt64(options.count))] }
    private static func chance(_ rng: inout SeededGenerator, _ percent: UInt64 = 40) -> Bool { rng.next() % 100 < percent }

    static func kustomization(_ rng: inout SeededGenerator, files: inout [String: String]) -> String {
        var out = "resources:\n- app.yaml\n"
        if chance(&rng) { out += "namespace: \(pick(["dev", "prod", "chatbot-dev"], &rng))\n" }
        if chance(&rng) { out += "namePrefix: \(pick(["a-", "team-", "x"], &rng))\n" }
        if chance(&rng, 25) { out += "nameSuffix: \(pick(["-z", "-v1"], &rng))\n" }
        if chance(&rng) {
            out += "commonLabels:\n  \(pick(["env", "app.kubernetes.io/part-of", "tier"], &rng)): \(pick(["dev", "chatbot", "\"1\""], &rng))\n"
        }
        if chance(&rng) {
            out += "labels:\n- pairs:\n    \(pick(["owner", "cost-center"], &rng)): \(pick(["me", "\"42\""], &rng))\n"
            if chance(&rng, 50) { out += "  includeSelectors: true\n" }
            if chance(&rng, 50) { out += "  includeTemplates: true\n" }
        }
        if chance(&rng) { out += "commonAnnotations:\n  \(pick(["note", "example.com/owner"], &rng)): \(pick(["hi", "\"true\"", "a b"], &rng))\n" }
        if chance(&rng) {
            out += "images:\n- name: \(pick(["nginx", "busybox", "postgres", "ngi.*"], &rng))\n"
            if chance(&rng, 60) { out += "  newName: \(pick(["mirror.local/nginx", "ghcr.io/x/y"], &rng))\n" }
            if chance(&rng, 60) { out += "  newTag: \"\(pick(["2", "1.2.3", "latest"], &rng))\"\n" }
            if chance(&rng, 30) { out += "  digest: sha256:\(pick(["aaaa", "0123"], &rng))\n" }
        }
        if chance(&rng) { out += "replicas:\n- name: \(pick(["web", "db", "tick"], &rng))\n  count: \(rng.next() % 6)\n" }
        if chance(&rng) {
            out += "configMapGenerator:\n- name: \(pick(["settings", "gen", "web"], &rng))\n"
            let behavior = pick(["", "merge", "replace"], &rng)
            let name = out.split(separator: "\n").last!.split(separator: " ").last!
            if name == "settings", !behavior.isEmpty { out += "  behavior: \(behavior)\n" }
            out += "  literals:\n  - k\(rng.next() % 9)=v\(rng.next() % 99)\n"
            if chance(&rng, 30) { out += "  options:\n    disableNameSuffixHash: true\n" }
        }
        if chance(&rng, 30) {
            out += "secretGenerator:\n- name: s\(rng.next() % 3)\n  literals:\n  - password=\(pick(["p@ss", "x", "&<>"], &rng))\n"
        }
        var patches: [String] = []
        if chance(&rng) {
            patches.append("""
                - target:
                    kind: \(pick(["Deployment", "StatefulSet", "CronJob"], &rng))
                  patch: |-
                    - op: add
                      path: /metadata/annotations
                      value:
                        patched: "\(rng.next() % 10)"
                """)
        }
        if chance(&rng) {
            patches.append("""
                - patch: |-
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: web
                    spec:
                      template:
                        spec:
                          containers:
                          - name: \(pick(["web", "sidecar", "new"], &rng))
                            image: \(pick(["nginx:2", "alpine:3"], &rng))
                """)
        }
        if chance(&rng, 30) {
            files["svc-patch.yaml"] = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: \(pick(["80", "8080"], &rng))\n    name: \(pick(["http", "alt"], &rng))\n"
            patches.append("- path: svc-patch.yaml")
        }
        if !patches.isEmpty { out += "patches:\n" + patches.joined(separator: "\n") + "\n" }
        return out
    }
}
