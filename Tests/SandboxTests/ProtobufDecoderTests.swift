import Foundation
import TestSupport
import XCTest
import YAML
@testable import Sandbox

/// Protobuf bytes written by hand, as Go's generated marshalers lay them out, for the decoder's
/// tests: a field is its key (number << 3 | wire type) and its payload.
enum ProtoBytes {
    static func varint(_ v: UInt64) -> [UInt8] {
        var v = v, out: [UInt8] = []
        repeat {
            var b = UInt8(v & 0x7f)
            v >>= 7
            if v != 0 { b |= 0x80 }
            out.append(b)
        } while v != 0
        return out
    }
    static func message(_ n: Int, _ bytes: [UInt8]) -> [UInt8] { varint(UInt64(n << 3 | 2)) + varint(UInt64(bytes.count)) + bytes }
    static func string(_ n: Int, _ s: String) -> [UInt8] { message(n, Array(s.utf8)) }
    static func number(_ n: Int, _ v: Int64) -> [UInt8] { varint(UInt64(n << 3)) + varint(UInt64(bitPattern: v)) }
    static func entry(_ n: Int, _ key: String, _ value: [UInt8]) -> [UInt8] { message(n, string(1, key) + message(2, value)) }
    /// The `k8s\0` envelope: `runtime.Unknown` with TypeMeta and the object's bytes.
    static func envelope(_ apiVersion: String, _ kind: String, _ object: [UInt8]) -> [UInt8] {
        [0x6b, 0x38, 0x73, 0x00] + message(1, string(1, apiVersion) + string(2, kind)) + message(2, object) + string(3, "") + string(4, "")
    }
}

final class ProtobufDecoderTests: XCTestCase {
    typealias P = ProtoBytes

    private func decode(_ apiVersion: String, _ kind: String, _ object: [UInt8]) throws -> Value {
        try ProtobufDecoder.decodeObject(P.envelope(apiVersion, kind, object))
    }

    /// Indented JSON with sorted keys, so objects compare as JSON objects do (and a
    /// difference reads as a diff).
    private func sorted(_ v: Value) throws -> String {
        var out: [UInt8] = []
        try JSONWriter(indent: 2, sortKeys: true).write(v, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func decodingError(_ body: [UInt8]) -> ProtobufDecodingError? {
        do { _ = try ProtobufDecoder.decodeObject(body) } catch { return error }
        return nil
    }

    func testADeploymentDecodesToTheObjectItsJSONWouldBe() throws {
        let container = P.string(1, "app") + P.string(2, "nginx:1.27")
            + P.message(6, P.string(1, "http") + P.number(3, 8080) + P.string(4, "TCP"))
            + P.message(8, P.entry(1, "memory", P.string(1, "512Mi")) + P.entry(2, "cpu", P.string(1, "250m")))
            + P.message(11, P.message(1, P.message(2, P.string(1, "/healthz") + P.message(2, P.number(1, 1) + P.string(3, "http"))))
                + P.number(2, 0) + P.number(4, 10))
            + P.message(7, P.string(1, "MODE") + P.message(3, P.message(3, P.message(1, P.string(1, "settings")) + P.string(2, "mode"))))
            + P.string(13, "") + P.number(16, 0)
        let template = P.message(1, P.message(8, []) + P.entry(11, "app", Array("web".utf8)))
            + P.message(2, P.message(2, container) + P.number(4, 30) + P.message(14, P.number(2, 1000)) + P.number(11, 0))
        let spec = P.number(1, 0) + P.message(2, P.entry(1, "app", Array("web".utf8))) + P.message(3, template)
            + P.message(4, P.string(1, "RollingUpdate") + P.message(2, P.message(1, P.number(1, 1) + P.string(3, "25%")) + P.message(2, P.number(2, 1))))
            + P.number(5, 0)
        let metadata = P.string(1, "web") + P.string(3, "") + P.number(7, 0) + P.message(8, [])
            + P.message(9, P.number(1, 1_767_571_200)) + P.entry(12, "note", Array("x".utf8))
        let object = try decode("apps/v1", "Deployment", P.message(1, metadata) + P.message(2, spec) + P.message(3, []))
        let expected = try ValueDecoder.decode("""
            kind: Deployment
            apiVersion: apps/v1
            metadata:
              name: web
              creationTimestamp: null
              deletionTimestamp: "2026-01-05T00:00:00Z"
              annotations: {note: x}
            spec:
              replicas: 0
              selector: {matchLabels: {app: web}}
              template:
                metadata: {creationTimestamp: null, labels: {app: web}}
                spec:
                  containers:
                  - name: app
                    image: nginx:1.27
                    ports: [{name: http, containerPort: 8080, protocol: TCP}]
                    env: [{name: MODE, valueFrom: {configMapKeyRef: {name: settings, key: mode}}}]
                    resources: {limits: {memory: 512Mi}, requests: {cpu: 250m}}
                    readinessProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 10}
                  terminationGracePeriodSeconds: 30
                  securityContext: {runAsUser: 1000}
              strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 25%, maxSurge: 1}}
            status: {}
            """)
        XCTAssertEqual(try sorted(object), try sorted(expected))
    }

    func testSecretBytesAreBase64AndMicroTimeKeepsMicroseconds() throws {
        let secret = try decode("v1", "Secret", P.message(1, P.string(1, "db")) + P.entry(2, "password", []) + P.string(3, "Opaque"))
        XCTAssertEqual(secret["data"], ["password": ""])
        let withBytes = try decode("v1", "Secret", P.message(2, P.string(1, "k") + P.string(2, "s3cr3t")))
        XCTAssertEqual(withBytes["data"], ["k": "czNjcjN0"])
        let lease = try decode("coordination.k8s.io/v1", "Lease",
                               P.message(2, P.string(1, "me") + P.message(4, P.number(1, 1_767_571_200) + P.number(2, 123_456_789)) + P.number(2, 0)))
        XCTAssertEqual(lease["spec"], ["holderIdentity": "me", "leaseDurationSeconds": 0, "renewTime": "2026-01-05T00:00:00.123456Z"])
    }

    func testNegativeNumbersPackedListsAndRawJSON() throws {
        let pod = try decode("v1", "Pod", P.message(2, P.message(14, P.number(4, 10) + P.message(4, P.varint(20) + P.varint(30)))
                                                         + P.number(25, -5)))
        XCTAssertEqual(pod[path: ["spec", "securityContext", "supplementalGroups"]], [10, 20, 30])
        XCTAssertEqual(pod[path: ["spec", "priority"]], -5)
        let raw = try XCTUnwrap(ProtobufSchema.messages[ProtobufSchema.rawExtension])
        XCTAssertEqual(try ProtobufDecoder.decode(P.string(1, "{\"a\":[1,true]}")[...], as: raw), ["a": [1, true]])
        XCTAssertEqual(try ProtobufDecoder.decode([], as: raw), .null)
        XCTAssertThrowsError(try ProtobufDecoder.decode(P.string(1, "{")[...], as: raw))
    }

    /// A long list and a long map are read whole (they grow in place, one record at a time).
    func testLongListsAndMapsAreReadWhole() throws {
        let verbs = (0..<50_000).flatMap { P.string(1, "v\($0)") }
        let role = try decode("rbac.authorization.k8s.io/v1", "Role", P.message(2, verbs))
        XCTAssertEqual(role["rules"]?.array?.first?["verbs"]?.array?.count, 50_000)
        XCTAssertEqual(role["rules"]?.array?.first?["verbs"]?.array?.last, "v49999")
        let data = (0..<20_000).flatMap { P.entry(2, "k\($0)", Array("x".utf8)) }
        XCTAssertEqual(try decode("v1", "ConfigMap", data)["data"]?.object?.count, 20_000)
    }

    func testAFieldNoTableKnowsIsRefusedNamingTheMessageAndNumber() {
        let container = P.string(1, "app") + P.number(99, 1)
        let error = decodingError(P.envelope("v1", "Pod", P.message(2, P.message(2, container))))
        XCTAssertEqual(error, .unknownField("k8s.io.api.core.v1.Container", 99))
        XCTAssertEqual(error?.isUnsupported, true)
        XCTAssertTrue(error?.description.contains("field 99 of protobuf message k8s.io.api.core.v1.Container") ?? false)
        XCTAssertTrue(error?.description.contains("kubectl apply -f") ?? false)
        // managedFields (ObjectMeta field 17) is refused too: kubectl never sends it.
        XCTAssertEqual(decodingError(P.envelope("v1", "ConfigMap", P.message(1, P.message(17, [])))),
                       .unknownField("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta", 17))
        XCTAssertEqual(decodingError(P.envelope("example.com/v1", "Widget", [])), .unsupportedKind(apiVersion: "example.com/v1", kind: "Widget"))
    }

    func testMalformedBodiesAreErrorsNotCrashes() {
        let cases: [[UInt8]] = [
            [], Array("k8s".utf8), Array("{\"kind\":\"Pod\"}".utf8),
            [0x6b, 0x38, 0x73, 0x00, 0x0a, 0x7f],  // TypeMeta longer than the body
            [0x6b, 0x38, 0x73, 0x00, 0x08] + [UInt8](repeating: 0xff, count: 11),  // a varint of 11 bytes
            P.envelope("v1", "ConfigMap", P.number(1, 5)),  // metadata as a number
            P.envelope("v1", "ConfigMap", [0x0b]),  // wire type 3 (groups)
            P.envelope("v1", "Event", P.message(6, P.number(1, Int64.max))),  // a time past year 9999
            P.envelope("v1", "Pod", P.message(2, [0x12, 0x05, 0x0a])),  // a container cut short
        ]
        for body in cases {
            let error = decodingError(body)
            XCTAssertNotNil(error, "\(body)")
            XCTAssertEqual(error?.isUnsupported, false, "\(body): \(error.map(String.init(describing:)) ?? "")")
        }
    }

    /// The bodies kubectl 1.32 sent (the sandbox-fuzz seeds), mutated byte by byte and cut
    /// short: every one decodes or is refused with a typed error, and the Sandbox answers
    /// each below 500 (sandbox-fuzz explores further; this keeps the property in `swift test`).
    func testMutatedKubectlBodiesAreAnsweredNeverCrash() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fuzz/corpus/sandbox").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasPrefix("protobuf-") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 7)
        var random = SeededGenerator(seed: 23)
        let cluster = Cluster(start: 1_767_571_200, seed: 7)
        var decoded = 0, refused = 0
        for file in files {
            let bytes = Array(try Data(contentsOf: corpus.appendingPathComponent(file)))
            guard let split = bytes.indices.dropLast().first(where: { bytes[$0] == 10 && bytes[$0 + 1] == 10 }) else { continue }
            let head = String(decoding: bytes[..<split], as: UTF8.self).split(separator: "\n")
            let target = String(head[0].split(separator: " ")[1])
            let body = Array(bytes[(split + 2)...])
            XCTAssertNoThrow(try ProtobufDecoder.decodeObject(body), file)
            for round in 0..<300 {
                var mutated = body
                if round % 10 == 0 {
                    mutated = Array(mutated.prefix(Int.random(in: 0..<mutated.count, using: &random)))
                } else {
                    for _ in 0..<Int.random(in: 1...3, using: &random) {
                        mutated[Int.random(in: 4..<mutated.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                    }
                }
                do { _ = try ProtobufDecoder.decodeObject(mutated); decoded += 1 } catch { refused += 1 }
                let request = APIRequest(method: "POST", target: target, headers: ["Content-Type": "application/vnd.kubernetes.protobuf"], body: mutated)
                if case .response(let response) = cluster.handle(request) {
                    XCTAssertLessThan(response.status, 500, "\(file) round \(round): \(String(decoding: response.body, as: UTF8.self))")
                }
            }
        }
        XCTAssertGreaterThan(decoded, 0)
        XCTAssertGreaterThan(refused, 0)
    }

    /// Every message a table names has its own table, no table repeats a number or a name,
    /// and every kind the Sandbox accepts writes for has one.
    func testTheTablesAreCompleteAndConsistent() {
        for message in ProtobufSchema.messages.values {
            XCTAssertEqual(Set(message.fields.map(\.number)).count, message.fields.count, "\(message.name) repeats a field number")
            let names = message.fields.map(\.name).filter { !$0.isEmpty }
            XCTAssertEqual(Set(names).count, names.count, "\(message.name) repeats a field name")
            for field in message.fields {
                if case .message(let name) = field.type { XCTAssertNotNil(ProtobufSchema.messages[name], "\(message.name).\(field.name) names \(name)") }
            }
        }
        for type in ResourceCatalog.standard.types where type.group != "metrics.k8s.io" && type.group != "authentication.k8s.io" {
            XCTAssertNotNil(ProtobufSchema.message(apiVersion: type.apiVersion, kind: type.kind), "no table for \(type.kind)")
        }
    }
}
