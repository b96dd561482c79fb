import YAML

/// Helm's serialisation functions (`pkg/engine/funcs.go`): `toYaml`, `toJson`, `fromYaml`,
/// `fromJson` and their relatives, with Helm's error-swallowing behaviour.
enum DataFunctions {
    static let functions: [String: TemplateFunction] = {
        var f: [String: TemplateFunction] = [:]
        func add(_ fn: TemplateFunction) { f[fn.name] = fn }
        add(TemplateFunction("toYaml", [.interface], returns: "string") { call in
            traced(call[0], (try? yaml(call[0])) ?? "")
        })
        add(TemplateFunction("mustToYaml", [.interface], returns: "(string, error)") { call in
            traced(call[0], try yaml(call[0]))
        })
        add(TemplateFunction("toYamlPretty", [.interface], returns: "string") { call in
            traced(call[0], (try? yaml(call[0], indentSequences: true)) ?? "")
        })
        add(TemplateFunction("toJson", [.interface], returns: "string") { call in
            traced(call[0], (try? json(call[0])) ?? "")
        })
        add(TemplateFunction("mustToJson", [.interface], returns: "(string, error)") { call in
            traced(call[0], try json(call[0]))
        })
        add(TemplateFunction("toRawJson", [.interface], returns: "string") { call in
            traced(call[0], (try? json(call[0], escapeHTML: false)) ?? "")
        })
        add(TemplateFunction("mustToRawJson", [.interface], returns: "(string, error)") { call in
            traced(call[0], try json(call[0], escapeHTML: false))
        })
        add(TemplateFunction("fromYaml", [.string], returns: "map[string]interface {}") { call in
            do {
                let v = try ValueDecoder.decode(text(call[0]), numbers: .json)
                switch v {
                case .object: return TemplateValue(v)
                case .null: return .map(TemplateMap())
                default: return errorMap("error unmarshaling JSON: json: cannot unmarshal \(jsonKind(v)) into Go value of type map[string]interface {}")
                }
            } catch {
                return errorMap("error converting YAML to JSON: \(error)")
            }
        })
        add(TemplateFunction("fromYamlArray", [.string], returns: "[]interface {}") { call in
            do {
                let v = try ValueDecoder.decode(text(call[0]), numbers: .json)
                switch v {
                case .array: return TemplateValue(v)
                case .null: return .anyList([])
                default: return .anyList([.string("error unmarshaling JSON: json: cannot unmarshal \(jsonKind(v)) into Go value of type []interface {}")])
                }
            } catch {
                return .anyList([.string("error converting YAML to JSON: \(error)")])
            }
        })
        add(TemplateFunction("fromJson", [.string], returns: "map[string]interface {}") { call in
            do {
                let v = try JSONParser(numbers: .json).parse(text(call[0]))
                switch v {
                case .object: return TemplateValue(v)
                case .null: return .map(TemplateMap())
                default: return errorMap("json: cannot unmarshal \(jsonKind(v)) into Go value of type map[string]interface {}")
                }
            } catch {
                return errorMap("\(error)")
            }
        })
        add(TemplateFunction("fromJsonArray", [.string], returns: "[]interface {}") { call in
            do {
                let v = try JSONParser(numbers: .json).parse(text(call[0]))
                switch v {
                case .array: return TemplateValue(v)
                case .null: return .anyList([])
                default: return .anyList([.string("json: cannot unmarshal \(jsonKind(v)) into Go value of type []interface {}")])
                }
            } catch {
                return .anyList([.string("\(error)")])
            }
        })
        add(TemplateFunction("toToml", [.interface], returns: "string") { call in
            guard let data = call[0].dataValue else { return .string("") }
            do { return .string(try TOMLEncoder.encode(data)) } catch { return .string("\(error)") }
        })
        add(TemplateFunction("fromToml", [.string], returns: "map[string]interface {}") { call in
            do {
                return TemplateValue(try TOMLDecoder.decode(text(call[0])))
            } catch {
                return errorMap("\(error)")
            }
        })
        return f
    }()

    private static func text(_ v: TemplateValue) -> String {
        if case .string(let s) = v.plain { return s }
        return ""
    }

    private static func errorMap(_ message: String) -> TemplateValue {
        .map(TemplateMap(["Error": .string(message)]))
    }

    private static func jsonKind(_ v: Value) -> String {
        switch v {
        case .string: "string"
        case .bool: "bool"
        case .int, .uint, .float: "number"
        case .array: "array"
        case .object: "object"
        case .null: "null"
        }
    }

    /// A single traced scalar keeps its provenance through serialisation.
    private static func traced(_ argument: TemplateValue, _ result: String) -> TemplateValue {
        if let origin = argument.origin { return .traced(.string(result), origin) }
        return .string(result)
    }

    struct MarshalError: Error, CustomStringConvertible {
        let description: String
    }

    /// `sigs.k8s.io/yaml.Marshal`: JSON first (so numbers and keys behave as in Go), then YAML,
    /// without the final newline.
    static func yaml(_ value: TemplateValue, indentSequences: Bool = false) throws -> String {
        guard let data = value.dataValue else { throw MarshalError(description: "json: unsupported type: \(value.goType)") }
        let json = try JSONWriter().string(data)
        let reparsed = try JSONParser(numbers: .yaml).parse(json)
        var out = indentSequences ? YAMLEmitter.emitIndentingSequences(reparsed) : YAMLEmitter.emit(reparsed)
        if out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    /// `encoding/json.Marshal`, which escapes `<`, `>` and `&` unless told not to.
    static func json(_ value: TemplateValue, escapeHTML: Bool = true) throws -> String {
        guard let data = value.dataValue else { throw MarshalError(description: "json: unsupported type: \(value.goType)") }
        return try JSONWriter(escapeHTML: escapeHTML).string(data)
    }
}
