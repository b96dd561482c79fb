import XCTest
@testable import Templates

/// Completeness: every function in Sprig v3.3's `genericMap` (functions.go), except `env` and
/// `expandenv` which Helm removes, exists either in `SprigCore.functions` or among the functions
/// Helm's engine provides itself (its serialisation functions and the late-bound `include`,
/// `tpl`, `required`, `fail`, `lookup`).
final class SprigCompletenessTests: XCTestCase {
    static let sprigGenericMap: [String] = [
            "hello", "ago", "date", "date_in_zone", "date_modify", "dateInZone", "dateModify", "duration",
            "durationRound", "htmlDate", "htmlDateInZone", "must_date_modify", "mustDateModify",
            "mustToDate", "now", "toDate", "unixEpoch", "abbrev", "abbrevboth", "trunc", "trim", "upper",
            "lower", "title", "untitle", "substr", "repeat", "trimall", "trimAll", "trimSuffix",
            "trimPrefix", "nospace", "initials", "randAlphaNum", "randAlpha", "randAscii", "randNumeric",
            "swapcase", "shuffle", "snakecase", "camelcase", "kebabcase", "wrap", "wrapWith", "contains",
            "hasPrefix", "hasSuffix", "quote", "squote", "cat", "indent", "nindent", "replace", "plural",
            "sha1sum", "sha256sum", "sha512sum", "adler32sum", "toString", "atoi", "int64", "int",
            "float64", "seq", "toDecimal", "split", "splitList", "splitn", "toStrings", "until",
            "untilStep", "add1", "add", "sub", "div", "mod", "mul", "randInt", "add1f", "addf", "subf",
            "divf", "mulf", "biggest", "max", "min", "maxf", "minf", "ceil", "floor", "round", "join",
            "sortAlpha", "default", "empty", "coalesce", "all", "any", "compact", "mustCompact", "fromJson",
            "toJson", "toPrettyJson", "toRawJson", "mustFromJson", "mustToJson", "mustToPrettyJson",
            "mustToRawJson", "ternary", "deepCopy", "mustDeepCopy", "typeOf", "typeIs", "typeIsLike",
            "kindOf", "kindIs", "deepEqual", "getHostByName", "base", "dir", "clean", "ext", "isAbs",
            "osBase", "osClean", "osDir", "osExt", "osIsAbs", "b64enc", "b64dec", "b32enc", "b32dec",
            "tuple", "list", "dict", "get", "set", "unset", "hasKey", "pluck", "keys", "pick", "omit",
            "merge", "mergeOverwrite", "mustMerge", "mustMergeOverwrite", "values", "append", "push",
            "mustAppend", "mustPush", "prepend", "mustPrepend", "first", "mustFirst", "rest", "mustRest",
            "last", "mustLast", "initial", "mustInitial", "reverse", "mustReverse", "uniq", "mustUniq",
            "without", "mustWithout", "has", "mustHas", "slice", "mustSlice", "concat", "dig", "chunk",
            "mustChunk", "bcrypt", "htpasswd", "genPrivateKey", "derivePassword", "buildCustomCert",
            "genCA", "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert",
            "genSignedCertWithKey", "encryptAES", "decryptAES", "randBytes", "uuidv4", "semver",
            "semverCompare", "fail", "regexMatch", "mustRegexMatch", "regexFindAll", "mustRegexFindAll",
            "regexFind", "mustRegexFind", "regexReplaceAll", "mustRegexReplaceAll",
            "regexReplaceAllLiteral", "mustRegexReplaceAllLiteral", "regexSplit", "mustRegexSplit",
            "regexQuoteMeta", "urlParse", "urlJoin",
    ]

    /// Functions each render session adds (RenderSession.lateBound).
    static let helmLateBound: Set<String> = ["include", "tpl", "required", "fail", "lookup"]

    func testEverySprigFunctionIsAvailable() {
        XCTAssertEqual(Self.sprigGenericMap.count, 209)
        XCTAssertEqual(Set(Self.sprigGenericMap).count, Self.sprigGenericMap.count)
        let engine = HelmEngine(functions: SprigCore.functions)
        var missing: [String] = []
        for name in Self.sprigGenericMap where SprigCore.functions[name] == nil && engine.functions[name] == nil && !Self.helmLateBound.contains(name) {
            missing.append(name)
        }
        XCTAssertEqual(missing, [], "Sprig functions not provided")
        XCTAssertNil(engine.functions["env"])
        XCTAssertNil(engine.functions["expandenv"])
    }

    func testRegisteredNamesMatchTheirKeys() {
        for (key, f) in SprigCore.functions { XCTAssertEqual(key, f.name) }
    }
}
