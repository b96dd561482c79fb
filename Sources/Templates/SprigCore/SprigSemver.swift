/// Sprig's `semver`: a Masterminds/semver v3 `*semver.Version` whose methods templates call
/// (`(semver "1.2.3-beta+b1").Major`, `.Prerelease`, `.Compare`...). It prints as `String()`.
enum SprigSemver {
    static func register(_ add: (TemplateFunction) -> Void) {
        add(TemplateFunction("semver", [.string], returns: "(*semver.Version, error)") { call in
            guard case .string(let text) = call[0].plain, let v = SemverObject(text) else {
                throw FunctionError("Invalid Semantic Version")
            }
            return .object(v)
        })
    }
}

final class SemverObject: TemplateObject, @unchecked Sendable {
    let major: UInt64, minor: UInt64, patch: UInt64
    let prerelease: String, metadata: String, original: String
    /// The same version for ordering, built once. Components above `Int.max` (valid for
    /// semver's uint64) order as `Int.max`.
    let version: SemanticVersion

    /// `semver.NewVersion`: `v?MAJOR[.MINOR[.PATCH]][-PRERELEASE][+METADATA]`.
    init?(_ text: String) {
        original = text
        var t = Substring(text)
        if t.hasPrefix("v") { t = t.dropFirst() }
        var meta: String?, pre: String?
        if let plus = t.firstIndex(of: "+") { meta = String(t[t.index(after: plus)...]); t = t[..<plus] }
        if let dash = t.firstIndex(of: "-") { pre = String(t[t.index(after: dash)...]); t = t[..<dash] }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let nums = parts.map { UInt64($0) }
        guard nums.allSatisfy({ $0 != nil }) else { return nil }
        func identifiers(_ s: String, numericLeadingZero: Bool) -> Bool {
            s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { id in
                guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return false }
                if numericLeadingZero, id.count > 1, id.first == "0", id.allSatisfy(\.isNumber) { return false }
                return true
            }
        }
        if let pre, !identifiers(pre, numericLeadingZero: true) { return nil }
        if let meta, !identifiers(meta, numericLeadingZero: false) { return nil }
        let major = nums[0]!, minor = nums.count > 1 ? nums[1]! : 0, patch = nums.count > 2 ? nums[2]! : 0
        self.major = major
        self.minor = minor
        self.patch = patch
        prerelease = pre ?? ""
        metadata = meta ?? ""
        version = SemanticVersion(Int(clamping: major), Int(clamping: minor), Int(clamping: patch),
                                  prerelease: pre?.split(separator: ".").map(String.init) ?? [])
    }

    var string: String {
        "\(major).\(minor).\(patch)" + (prerelease.isEmpty ? "" : "-" + prerelease) + (metadata.isEmpty ? "" : "+" + metadata)
    }

    /// `Version.Compare`: -1, 0 or 1 by precedence (metadata ignored).
    func compare(_ o: SemverObject) -> Int {
        version < o.version ? -1 : o.version < version ? 1 : 0
    }

    var goTypeName: String { "*semver.Version" }
    var isPointer: Bool { true }
    var formatted: String { string }
    func field(_ name: String) -> TemplateValue? { nil }

    func method(_ name: String) -> TemplateFunction? {
        let other = GoType.named("*semver.Version", kind: .pointer)
        switch name {
        case "Major": return TemplateFunction(name, [], returns: "uint64") { _ in .uint(self.major, .uint64) }
        case "Minor": return TemplateFunction(name, [], returns: "uint64") { _ in .uint(self.minor, .uint64) }
        case "Patch": return TemplateFunction(name, [], returns: "uint64") { _ in .uint(self.patch, .uint64) }
        case "Prerelease": return TemplateFunction(name, [], returns: "string") { _ in .string(self.prerelease) }
        case "Metadata": return TemplateFunction(name, [], returns: "string") { _ in .string(self.metadata) }
        case "Original": return TemplateFunction(name, [], returns: "string") { _ in .string(self.original) }
        case "String": return TemplateFunction(name, [], returns: "string") { _ in .string(self.string) }
        case "Compare", "LessThan", "GreaterThan", "Equal":
            return TemplateFunction(name, [other], returns: name == "Compare" ? "int" : "bool") { call in
                guard case .object(let o) = call[0].plain, let v = o as? SemverObject else { return .null }
                let c = self.compare(v)
                switch name {
                case "Compare": return .goInt(c)
                case "LessThan": return .bool(c < 0)
                case "GreaterThan": return .bool(c > 0)
                default: return .bool(c == 0)
                }
            }
        default: return nil
        }
    }
}
