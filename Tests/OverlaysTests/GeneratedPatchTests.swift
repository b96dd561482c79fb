import Foundation
import TestSupport
import XCTest

/// Generated strategic merge patches on the fixture Deployment and Service: seeded random
/// mixes of new and existing list elements (containers, env, ports, volumes, volume mounts),
/// `null` deletions and `$patch` directives, each compared with `kubectl kustomize`.
final class GeneratedPatchTests: XCTestCase {
    static let cases = 40

    func testGeneratedStrategicMergePatchesMatchKubectl() throws {
        // OVERLAY_SEED explores other cases; the default seed is what CI runs.
        var rng = SeededGenerator(seed: ProcessInfo.processInfo.environment["OVERLAY_SEED"].flatMap { UInt64($0) } ?? 0xBA7C4)
        var succeeded = 0
        for n in 0..<Self.cases {
            let files = [
                "app.yaml": Fixtures.app,
                "patch.yaml": Self.patch(&rng),
                "kustomization.yaml": "resources:\n- app.yaml\npatches:\n- path: patch.yaml\n",
            ]
            if try KustomizeOracle.assertAgree(files, "generated patch \(n)") { succeeded += 1 }
        }
        print("generated patches: \(succeeded) of \(Self.cases) accepted by kubectl and compared byte for byte, \(Self.cases - succeeded) rejected by both")
        XCTAssertGreaterThan(succeeded, Self.cases * 2 / 3)
    }

    private static func pick<T>(_ options: [T], _ rng: inout SeededGenerator) -> T { options[Int(rng.next() % UInt64(options.count))] }
    private static func chance(_ rng: inout SeededGenerator, _ percent: UInt64 = 50) -> Bool { rng.next() % 100 < percent }

    static func patch(_ rng: inout SeededGenerator) -> String {
        if chance(&rng, 25) {
            var out = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n"
            if chance(&rng) { out += "  ports:\n  - port: \(pick(["80", "443", "8080"], &rng))\n    name: \(pick(["http", "https", "alt"], &rng))\n" }
            if chance(&rng) { out += "  selector:\n    \(pick(["app", "tier"], &rng)): \(pick(["web", "null", "front"], &rng))\n" }
            if chance(&rng, 30) { out += "  type: \(pick(["NodePort", "ClusterIP"], &rng))\n" }
            return out
        }
        var out = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
        if chance(&rng, 30) { out += "  labels:\n    \(pick(["app", "extra"], &rng)): \(pick(["null", "x"], &rng))\n" }
        out += "spec:\n"
        if chance(&rng, 30) { out += "  replicas: \(pick(["null", "4"], &rng))\n" }
        out += "  template:\n    spec:\n"
        if chance(&rng, 60) {
            out += "      containers:\n"
            // Distinct names, and directives only inside containers that exist: kyaml's handling
            // of duplicate keys and of directives within brand-new elements is not modelled
            // (see docs/overlays.md).
            var names = ["web", "sidecar", "added", "other"]
            for _ in 0..<(1 + rng.next() % 2) {
                let name = names.remove(at: Int(rng.next() % UInt64(names.count)))
                let existing = name == "web" || name == "sidecar"
                out += "      - name: \(name)\n"
                switch existing ? rng.next() % 6 : pick([1, 3, 5], &rng) {
                case 0: out += "        $patch: delete\n"
                case 1: out += "        image: \(pick(["nginx:2", "alpine:3"], &rng))\n"
                case 2:
                    out += "        env:\n"
                    var envNames = ["MODE", "TOKEN", "NEW", "ANOTHER"]
                    for _ in 0..<(1 + rng.next() % 2) {
                        out += "        - name: \(envNames.remove(at: Int(rng.next() % UInt64(envNames.count))))\n"
                        out += chance(&rng, 20) ? "          $patch: delete\n" : "          value: \"\(rng.next() % 9)\"\n"
                    }
                case 3:
                    out += "        ports:\n        - containerPort: \(pick(["80", "81", "9090"], &rng))\n          name: \(pick(["http", "metrics"], &rng))\n"
                case 4:
                    out += "        volumeMounts:\n        - mountPath: \(pick(["/etc/cfg", "/data"], &rng))\n          name: \(pick(["cfg", "data"], &rng))\n"
                    if chance(&rng, 30) { out += "        - $patch: replace\n" }
                default:
                    out += "        resources:\n          limits:\n            memory: \(pick(["64Mi", "1Gi"], &rng))\n        args: [\"\(pick(["--x", "--y"], &rng))\"]\n"
                }
            }
        }
        if chance(&rng, 40) {
            out += "      volumes:\n      - name: \(pick(["cfg", "data"], &rng))\n"
            out += chance(&rng, 30) ? "        $patch: delete\n" : "        emptyDir: {}\n"
        }
        if chance(&rng, 20) { out += "      serviceAccountName: null\n" }
        if chance(&rng, 20) { out += "      initContainers:\n      - $patch: replace\n      - name: fresh\n        image: busybox\n" }
        return out
    }
}
