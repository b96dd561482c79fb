import XCTest
import YAML
@testable import Sandbox

/// The OpenAPI v3 documents' schemas, generated from the protobuf field tables: every served
/// kind is found by its group-version-kind, every `$ref` resolves in its own document, and
/// lists carry the merge keys kubectl's client-side apply relies on.
final class OpenAPISchemasTests: XCTestCase {
    private func refs(_ v: Value, into out: inout [String]) {
        switch v {
        case .object(let o):
            if let r = o["$ref"]?.string { out.append(r) }
            for (_, x) in o { refs(x, into: &out) }
        case .array(let a): for x in a { refs(x, into: &out) }
        default: break
        }
    }

    func testEveryServedKindHasASchemaWhoseReferencesResolve() throws {
        let catalog = ResourceCatalog.standard
        let index = OpenAPIDocuments.index(catalog)
        for (key, _) in index["paths"]?.object ?? [:] {
            let doc = try XCTUnwrap(OpenAPIDocuments.groupVersion(catalog, path: key))
            let schemas = doc[path: ["components", "schemas"]]?.object ?? [:]
            var found: [String] = []
            refs(doc, into: &found)
            for ref in found {
                XCTAssertNotNil(schemas[String(ref.dropFirst("#/components/schemas/".count))], "\(key): \(ref) does not resolve")
            }
            for type in catalog.types where type.apiVersion == (key.hasPrefix("api/") ? String(key.dropFirst(4)) : String(key.dropFirst(5)))
                && ProtobufSchema.message(apiVersion: type.apiVersion, kind: type.kind) != nil {
                let match = schemas.values.first {
                    $0["x-kubernetes-group-version-kind"]?.array?.first == ["group": .string(type.group), "kind": .string(type.kind), "version": .string(type.version)]
                }
                XCTAssertNotNil(match, "\(key) has no schema for \(type.kind)")
                XCTAssertEqual(match?[path: ["properties", "kind", "type"]]?.string, "string")
            }
        }
    }

    func testListsCarryTheirMergeKeys() throws {
        let doc = try XCTUnwrap(OpenAPIDocuments.groupVersion(.standard, path: "apis/apps/v1"))
        let podSpec = try XCTUnwrap(doc[path: ["components", "schemas", "io.k8s.api.core.v1.PodSpec", "properties"]])
        XCTAssertEqual(podSpec[path: ["containers", "x-kubernetes-patch-merge-key"]]?.string, "name")
        XCTAssertEqual(podSpec[path: ["containers", "x-kubernetes-list-map-keys"]], ["name"])
        XCTAssertEqual(podSpec[path: ["containers", "items", "allOf"]], [["$ref": "#/components/schemas/io.k8s.api.core.v1.Container"]])
        let container = try XCTUnwrap(doc[path: ["components", "schemas", "io.k8s.api.core.v1.Container", "properties"]])
        XCTAssertEqual(container[path: ["ports", "x-kubernetes-list-map-keys"]], ["containerPort", "protocol"])
        XCTAssertEqual(container[path: ["ports", "x-kubernetes-patch-merge-key"]]?.string, "containerPort")
        XCTAssertNil(container[path: ["command", "x-kubernetes-list-type"]], "a list of strings is atomic")
        let core = try XCTUnwrap(OpenAPIDocuments.groupVersion(.standard, path: "api/v1"))
        XCTAssertEqual(core[path: ["components", "schemas", "io.k8s.api.core.v1.ServiceSpec", "properties", "ports", "x-kubernetes-list-map-keys"]],
                       ["port", "protocol"])
        // An embedded struct's fields are the parent's own (Probe's handler, ConfigMapEnvSource's name).
        XCTAssertNotNil(core[path: ["components", "schemas", "io.k8s.api.core.v1.Probe", "properties", "httpGet"]])
        XCTAssertNotNil(core[path: ["components", "schemas", "io.k8s.api.core.v1.ConfigMapEnvSource", "properties", "name"]])
    }
}
