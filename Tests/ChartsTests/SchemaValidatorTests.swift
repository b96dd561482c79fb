import Charts
import XCTest
import YAML

/// Expected messages follow santhosh-tekuri/jsonschema v6 kind/kind.go, wrapped as helm/helm
/// pkg/chart/common/util/jsonschema.go and values.go (ToRenderValuesWithSchemaValidation) do.
final class SchemaValidatorTests: XCTestCase {
    private let schema = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "required": ["image"],
      "properties": {
        "replicaCount": {"type": "integer", "minimum": 1},
        "image": {"$ref": "#/$defs/image"},
        "mode": {"enum": ["a", "b"]},
        "ports": {"type": "array", "items": {"type": "integer"}, "uniqueItems": true, "maxItems": 3},
        "name": {"type": "string", "pattern": "^[a-z]+$", "maxLength": 5},
        "extra": {"type": "object", "additionalProperties": false, "properties": {"ok": {"type": "boolean"}}},
        "kind": {"oneOf": [{"const": "x"}, {"const": "y"}]},
        "tls": {"if": {"properties": {"enabled": {"const": true}}}, "then": {"required": ["secret"]}}
      },
      "$defs": {"image": {"type": "object", "required": ["repo"], "properties": {"repo": {"type": "string"}}}}
    }
    """#

    private func chart(_ values: String) throws -> (Chart, ValuesFile) {
        var md = ChartMetadata()
        md.name = "backend"
        var c = Chart(metadata: md)
        c.schema = try JSONParser(numbers: .json).parse(schema)
        c.schemaFile = "backend/values.schema.json"
        let file = try ValuesFile(path: "backend/values.yaml", text: values)
        c.values = file.values
        return (c, file)
    }

    func testValidValuesPass() throws {
        let (c, file) = try chart("image: {repo: r}\nreplicaCount: 2\nports: [80, 443]\nkind: x\n")
        XCTAssertEqual(SchemaValidator.validate(chart: c, values: file.values), [])
    }

    func testViolationsNameThePathTheFileAndWhatWasExpected() throws {
        let (c, file) = try chart("""
            replicaCount: 0.5
            image: {}
            mode: c
            ports: [1, 1]
            name: ABCDEFG
            extra: {ok: true, nope: 1}
            kind: z
            tls: {enabled: true}
            """)
        let violations = SchemaValidator.validate(chart: c, values: file.values) { path in
            file.location(of: path).map { "\(file.path):\($0)" }
        }
        let lines = violations.map { "\($0.path) | \($0.pointer) | \($0.message)" }
        XCTAssertEqual(lines, [
            "replicaCount | /replicaCount | got number, want integer",
            "image | /image | missing property 'repo'",
            "mode | /mode | value must be one of 'a', 'b'",
            "ports | /ports | items at 0 and 1 are equal",
            "name | /name | maxLength: got 7, want 5",
            "name | /name | 'ABCDEFG' does not match pattern '^[a-z]+$'",
            "extra | /extra | additional properties 'nope' not allowed",
            "kind | /kind | oneOf failed, none matched",
            "kind | /kind | value must be 'x'",
            "kind | /kind | value must be 'y'",
            "tls | /tls | missing property 'secret'",
        ])
        XCTAssertEqual(violations.first?.source, "backend/values.yaml:1:15")
    }

    func testHelmsErrorTextAndRecursionIntoSubcharts() throws {
        let (sub, _) = try chart("image: {repo: r}\n")
        var md = ChartMetadata()
        md.name = "shop"
        var top = Chart(metadata: md)
        top.dependencies = [sub]
        top.schema = try JSONParser(numbers: .json).parse(#"{"required": ["backend", "region"]}"#)
        XCTAssertThrowsError(try SchemaValidator.check(chart: top, values: ["backend": ["replicaCount": .int(0)]])) { e in
            XCTAssertEqual((e as? ChartError)?.message, """
                values don't meet the specifications of the schema(s) in the following chart(s):
                shop:
                - at '': missing property 'region'
                backend:
                - at '': missing property 'image'
                - at '/replicaCount': minimum: got 0, want 1

                """)
        }
        let violations = SchemaValidator.validate(chart: top, values: ["backend": "off", "region": "eu"])
        XCTAssertEqual(violations.map(\.message), ["invalid type for values: expected object (map), got string"])
    }
}
