import Crypto
import Foundation
import YAML

/// Sprig's defaults, flow, encoding, hashing, regular expressions, reflection, semantic
/// versions and random values.
enum SprigMisc {
    static func register(_ add: (TemplateFunction) -> Void) {
        let any = GoType.interface, s = GoType.string
        typealias C = SprigConversion
        @Sendable func str(_ v: TemplateValue) -> String { if case .string(let x) = v.plain { return x }; return C.string(v) }

        add(TemplateFunction("default", [any], variadic: any, returns: "interface {}") { call in
            // `default d given`: the given value unless it is empty.
            guard call.count > 1, !C.isEmpty(call[1]) else { return call[0] }
            return call[1]
        })
        add(TemplateFunction("empty", [any], returns: "bool") { .bool(C.isEmpty($0[0])) })
        add(TemplateFunction("coalesce", [], variadic: any, returns: "interface {}") { call in
            call.arguments.first { !C.isEmpty($0) } ?? .null
        })
        add(TemplateFunction("all", [], variadic: any, returns: "bool") { .bool($0.arguments.allSatisfy { !C.isEmpty($0) }) })
        add(TemplateFunction("any", [], variadic: any, returns: "bool") { .bool($0.arguments.contains { !C.isEmpty($0) }) })
        add(TemplateFunction("ternary", [any, any, GoType.bool], returns: "interface {}") { call in
            if case .bool(true) = call[2].plain { return call[0] }
            return call[1]
        })
        add(TemplateFunction("toPrettyJson", [any], returns: "string") { call in
            guard let data = call[0].dataValue, let text = try? JSONWriter(indent: 2).string(data) else { return .string("") }
            return .string(text)
        })
        add(TemplateFunction("mustToPrettyJson", [any], returns: "(string, error)") { call in
            guard let data = call[0].dataValue else { throw FunctionError("json: unsupported type: \(call[0].goType)") }
            return .string(try JSONWriter(indent: 2).string(data))
        })
        add(TemplateFunction("mustFromJson", [s], returns: "(interface {}, error)") { call in
            do {
                return TemplateValue(try JSONParser(numbers: .json).parse(str(call[0])))
            } catch {
                throw FunctionError("\(error)")
            }
        })
        add(TemplateFunction("hello", [], returns: "string") { _ in .string("Hello!") })
        add(TemplateFunction("b64enc", [s], returns: "string") { .string(Base64.encode(Array(str($0[0]).utf8))) })
        add(TemplateFunction("b64dec", [s], returns: "string") { call in
            guard let bytes = Base64.decode(str(call[0])) else { return .string("illegal base64 data at input byte 0") }
            return .string(String(decoding: bytes, as: UTF8.self))
        })
        add(TemplateFunction("sha256sum", [s], returns: "string") { .string(Hex.encode(Array(SHA256.hash(data: Array(str($0[0]).utf8))))) })
        add(TemplateFunction("sha512sum", [s], returns: "string") { .string(Hex.encode(Array(SHA512.hash(data: Array(str($0[0]).utf8))))) })
        add(TemplateFunction("sha1sum", [s], returns: "string") { .string(Hex.encode(Array(Insecure.SHA1.hash(data: Array(str($0[0]).utf8))))) })
        add(TemplateFunction("adler32sum", [s], returns: "string") { call in
            var a: UInt32 = 1, b: UInt32 = 0
            for byte in str(call[0]).utf8 { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
            return .string(String((b << 16) | a))
        })
        add(TemplateFunction("regexMatch", [s, s], returns: "bool") { call in
            .bool((try? GoRegex(str(call[0])).matches(str(call[1]))) ?? false)
        })
        add(TemplateFunction("mustRegexMatch", [s, s], returns: "(bool, error)") { call in
            .bool(try GoRegex(str(call[0])).matches(str(call[1])))
        })
        add(TemplateFunction("regexFind", [s, s], returns: "string") { call in
            .string((try? GoRegex(str(call[0])).find(str(call[1]))) ?? "")
        })
        add(TemplateFunction("regexFindAll", [s, s, GoType.int], returns: "[]string") { call in
            .stringList((try? GoRegex(str(call[0])).findAll(str(call[1]), limit: Int(C.int64(call[2])))) ?? [])
        })
        add(TemplateFunction("regexReplaceAll", [s, s, s], returns: "string") { call in
            .string((try? GoRegex(str(call[0])).replaceAll(str(call[1]), with: str(call[2]), literal: false)) ?? str(call[1]))
        })
        add(TemplateFunction("regexReplaceAllLiteral", [s, s, s], returns: "string") { call in
            .string((try? GoRegex(str(call[0])).replaceAll(str(call[1]), with: str(call[2]), literal: true)) ?? str(call[1]))
        })
        add(TemplateFunction("regexSplit", [s, s, GoType.int], returns: "[]string") { call in
            .stringList((try? GoRegex(str(call[0])).split(str(call[1]), limit: Int(C.int64(call[2])))) ?? [])
        })
        add(TemplateFunction("mustRegexFind", [s, s], returns: "(string, error)") { call in
            .string(try GoRegex(str(call[0])).find(str(call[1])))
        })
        add(TemplateFunction("mustRegexReplaceAll", [s, s, s], returns: "(string, error)") { call in
            .string(try GoRegex(str(call[0])).replaceAll(str(call[1]), with: str(call[2]), literal: false))
        })
        add(TemplateFunction("mustRegexReplaceAllLiteral", [s, s, s], returns: "(string, error)") { call in
            .string(try GoRegex(str(call[0])).replaceAll(str(call[1]), with: str(call[2]), literal: true))
        })
        add(TemplateFunction("mustRegexFindAll", [s, s, GoType.int], returns: "([]string, error)") { call in
            .stringList(try GoRegex(str(call[0])).findAll(str(call[1]), limit: Int(C.int64(call[2]))))
        })
        add(TemplateFunction("mustRegexSplit", [s, s, GoType.int], returns: "([]string, error)") { call in
            .stringList(try GoRegex(str(call[0])).split(str(call[1]), limit: Int(C.int64(call[2]))))
        })
        add(TemplateFunction("regexQuoteMeta", [s], returns: "string") { .string(NSRegularExpression.escapedPattern(for: str($0[0]))) })
        add(TemplateFunction("typeOf", [any], returns: "string") { call in
            if case .invalid = call[0].plain { return .string("<nil>") }
            if case .null = call[0].plain { return .string("<nil>") }
            return .string(call[0].goType.description)
        })
        add(TemplateFunction("typeIs", [s, any], returns: "bool") { .bool(str($0[0]) == $0[1].goType.description) })
        add(TemplateFunction("typeIsLike", [s, any], returns: "bool") { call in
            let t: String
            switch call[1].plain {
            case .invalid, .null: t = "<nil>"
            default: t = call[1].goType.description
            }
            return .bool(str(call[0]) == t || "*" + str(call[0]) == t)
        })
        add(TemplateFunction("kindOf", [any], returns: "string") { .string(kind($0[0])) })
        add(TemplateFunction("kindIs", [s, any], returns: "bool") { .bool(str($0[0]) == kind($0[1])) })
        add(TemplateFunction("deepEqual", [any, any], returns: "bool") { .bool(SprigCollections.deepEqual($0[0], $0[1])) })
        add(TemplateFunction("semverCompare", [s, s], returns: "(bool, error)") { call in
            guard let version = SemanticVersion(str(call[1])) else { throw FunctionError("Invalid Semantic Version") }
            guard let constraint = VersionConstraint(str(call[0])) else {
                throw FunctionError("improper constraint: \(str(call[0]))")
            }
            return .bool(constraint.allows(version))
        })
        add(TemplateFunction("randInt", [GoType.int, GoType.int], returns: "int") { call in
            // rand.Intn(max-min) + min; Go panics when max <= min.
            let lo = C.int64(call[0]), hi = C.int64(call[1])
            guard hi > lo else { throw FunctionError("invalid argument to Intn") }
            return .goInt(Int(Int64.random(in: lo..<hi)))
        })
        add(TemplateFunction("randBytes", [GoType.int], returns: "(string, error)") { call in
            var rng = SystemRandomNumberGenerator()
            let n = Int(C.int64(call[0]))
            guard n >= 0 else { throw FunctionError("runtime error: makeslice: len out of range") }
            return .string(Base64.encode((0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }))
        })
        add(TemplateFunction("uuidv4", [], returns: "string") { _ in .string(UUID().uuidString.lowercased()) })
        for (name, alphabet) in [("randAlphaNum", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
                                 ("randAlpha", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
                                 ("randNumeric", "0123456789"),
                                 ("randAscii", String((32...126).map { Character(Unicode.Scalar($0)) }))] {
            let chars = Array(alphabet)
            add(TemplateFunction(name, [GoType.int], returns: "string") { call in
                .string(String((0..<max(0, Int(C.int64(call[0])))).map { _ in chars.randomElement()! }))
            })
        }
    }

    /// `reflect.Kind` names as `kindOf` prints them.
    static func kind(_ v: TemplateValue) -> String {
        switch v.plain {
        case .invalid, .null: return "invalid"
        case .bool: return "bool"
        case .int(_, let t), .uint(_, let t): return t.rawValue
        case .float: return "float64"
        case .string: return "string"
        case .list: return "slice"
        case .map: return "map"
        case .object(let o): return o.isPointer ? "ptr" : "struct"
        case .function: return "func"
        case .traced, .namedList: return "invalid"
        }
    }
}

/// Lower-case hexadecimal.
enum Hex {
    static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
