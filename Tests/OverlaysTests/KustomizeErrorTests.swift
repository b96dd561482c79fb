import Foundation
import Overlays
import XCTest

/// Inputs kustomize rejects must be rejected here too, with errors that name the kustomization
/// file, the line and column, the field and what to do.
final class KustomizeErrorTests: XCTestCase {
    private let base = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: b\n"

    private func bothFail(_ kustomization: String, extra: [String: String] = [:], expecting fragments: [String],
                          _ name: String = #function, file: StaticString = #filePath, line: UInt = #line) throws {
        var files = extra
        files["cm.yaml"] = base
        files["kustomization.yaml"] = kustomization
        let message = try KustomizeOracle.assertBothFail(files, name, file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(message.contains(fragment), "\(name): \"\(message)\" should mention \(fragment)", file: file, line: line)
        }
    }

    func testMissingResourceFileNamesTheEntry() throws {
        try bothFail("resources:\n- cm.yaml\n- missing.yaml\n", expecting: ["kustomization.yaml:3:3", "resources[1]", "missing.yaml does not exist"])
    }

    func testUnknownFieldIsAnErrorNotIgnored() throws {
        try bothFail("resources:\n- cm.yaml\nnameSufix: -x\n", expecting: ["kustomization.yaml:3:1", "nameSufix", "not supported"])
    }

    func testDuplicateResourceIsRejected() throws {
        try bothFail("resources:\n- cm.yaml\n- again.yaml\n", extra: ["again.yaml": base], expecting: ["v1 ConfigMap cm", "already present"])
    }

    func testStrategicMergePatchWithoutTargetObject() throws {
        try bothFail("resources:\n- cm.yaml\npatches:\n- patch: |-\n    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: nope\n    data:\n      x: y\n",
                     expecting: ["kustomization.yaml:4:3", "patches[0]", "no resource matches"])
    }

    func testJSONPatchRemovingMissingField() throws {
        try bothFail("resources:\n- cm.yaml\npatches:\n- target:\n    kind: ConfigMap\n  patch: |-\n    - op: remove\n      path: /data/missing\n",
                     expecting: ["patches[0]", "v1 ConfigMap cm", "missing"])
    }

    func testJSONPatchWithUnknownOperation() throws {
        try bothFail("resources:\n- cm.yaml\npatches:\n- target:\n    kind: ConfigMap\n  patch: |-\n    - op: frobnicate\n      path: /data/a\n",
                     expecting: ["patches[0]", "frobnicate"])
    }

    func testLegacyJSONPatchNeedsTarget() throws {
        try bothFail("resources:\n- cm.yaml\npatchesJson6902:\n- patch: |-\n    - op: add\n      path: /data/x\n      value: y\n",
                     expecting: ["patchesJson6902[0]", "target"])
    }

    func testGeneratorCollidingWithResource() throws {
        try bothFail("resources:\n- cm.yaml\nconfigMapGenerator:\n- name: cm\n  literals:\n  - a=b\n",
                     expecting: ["configMapGenerator[0]", "already exists", "behavior: merge"])
    }

    func testGeneratorMergeWithoutBase() throws {
        try bothFail("resources:\n- cm.yaml\nconfigMapGenerator:\n- name: other\n  behavior: merge\n  literals:\n  - a=b\n",
                     expecting: ["configMapGenerator[0]", "merge"])
    }

    func testGeneratorRepeatedKey() throws {
        try bothFail("configMapGenerator:\n- name: g\n  literals:\n  - a=b\n  - a=c\n", expecting: ["configMapGenerator[0]", "\"a\""])
    }

    func testGeneratorMalformedLiteral() throws {
        try bothFail("configMapGenerator:\n- name: g\n  literals:\n  - novalue\n", expecting: ["configMapGenerator[0]", "KEY=VALUE"])
    }

    func testGeneratorMissingFile() throws {
        try bothFail("configMapGenerator:\n- name: g\n  files:\n  - absent.txt\n", expecting: ["configMapGenerator[0]", "absent.txt"])
    }

    func testEnvFileKeysAreTakenAsWritten() throws {
        try KustomizeOracle.assertSame([
            "kustomization.yaml": "configMapGenerator:\n- name: g\n  envs:\n  - odd.env\n",
            "odd.env": "\u{FEFF}GOOD=1\r\n1BAD=2\n  sp ace=3 \n\n# c\nb@d==x\n",
        ], #function)
    }

    func testResourceOutsideTheKustomizationFolder() throws {
        try bothFail("resources:\n- ../outside.yaml\n", expecting: ["resources[0]", "outside"])
    }

    func testInvalidYAMLInKustomization() throws {
        try bothFail("resources:\n- cm.yaml\nnamespace: [unclosed\n", expecting: ["kustomization.yaml:"])
    }

    func testResourceWithoutName() throws {
        try bothFail("resources:\n- noname.yaml\n", extra: ["noname.yaml": "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n"],
                     expecting: ["noname.yaml", "metadata.name"])
    }

    func testReplicasForAKindWithoutReplicas() throws {
        try bothFail("resources:\n- cm.yaml\nreplicas:\n- name: cm\n  count: 2\n", expecting: ["kustomization.yaml:4:3", "replicas[0]", "\"cm\""])
    }

    func testUnquotedNumberWhereAStringBelongs() throws {
        try bothFail("resources:\n- cm.yaml\nimages:\n- name: nginx\n  newTag: 1.20\n", expecting: ["kustomization.yaml:5:11", "images[0].newTag", "quote"])
        try bothFail("resources:\n- cm.yaml\ncommonLabels:\n  enabled: true\n", expecting: ["kustomization.yaml:4:12", "commonLabels.enabled", "quote"])
    }

    func testBadLabelSelectorInTarget() throws {
        try bothFail("resources:\n- cm.yaml\npatches:\n- target:\n    labelSelector: \"a in (b\"\n  patch: |-\n    - op: add\n      path: /data/x\n      value: y\n",
                     expecting: ["patches[0].target.labelSelector"])
    }

}

/// Where Shipshape deliberately refuses what kustomize accepts: the error must say why.
final class OverlayRefusalTests: XCTestCase {
    private func refused(_ files: [String: String], expecting fragments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = try KustomizeOracle.write(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertThrowsError(try OverlayBuild.render(directory: dir.path), file: file, line: line) { error in
            let message = String(describing: error)
            for fragment in fragments {
                XCTAssertTrue(message.contains(fragment), "\"\(message)\" should mention \(fragment)", file: file, line: line)
            }
        }
    }

    func testComponentsAreRefused() throws {
        try refused(["kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"],
                    expecting: ["kustomization.yaml:1:", "apiVersion"])
    }

    func testEnvLineWithoutValueIsRefusedRatherThanReadFromOurEnvironment() throws {
        try refused(["kustomization.yaml": "configMapGenerator:\n- name: g\n  envs:\n  - a.env\n", "a.env": "A=1\nHOME\n"],
                    expecting: ["configMapGenerator[0]", "a.env:2", "HOME", "KEY=VALUE"])
    }

    func testRemoteResourcesAreRefused() throws {
        try refused(["kustomization.yaml": "resources:\n- https://github.com/example/repo//base?ref=v1\n"],
                    expecting: ["kustomization.yaml:2:3", "resources[0]", "remote"])
    }

    func testUnsupportedNestedFieldIsNamed() throws {
        try refused(["kustomization.yaml": "images:\n- name: nginx\n  tagSuffix: -x\n"], expecting: ["kustomization.yaml:3:14", "images[0].tagSuffix", "not supported"])
    }
}
