import Foundation
import YAML

/// `.Capabilities`: what `helm template` assumes about the cluster (`chartutil.Capabilities`).
public final class Capabilities: TemplateObject, @unchecked Sendable {
    /// The Kubernetes version `helm template` assumes without `--kube-version`: Helm derives it
    /// from the client-go it is built with (`v0.36.x` → `v1.36.0`); Helm 4.2 is built against
    /// the Kubernetes 1.36 client libraries.
    public static let defaultKubeVersion = "v1.36.0"

    public let kubeVersion: KubeVersion
    public let apiVersions: [String]
    public let helmVersion: String

    public init(kubeVersion: KubeVersion = KubeVersion(defaultKubeVersion)!, extraAPIVersions: [String] = [],
                helmVersion: String = "v4.2.0") {
        self.kubeVersion = kubeVersion
        self.apiVersions = KnownAPIVersions.all + extraAPIVersions
        self.helmVersion = helmVersion
    }

    public var goTypeName: String { "*common.Capabilities" }
    public var isPointer: Bool { true }
    public var formatted: String { "&{\(kubeVersion.formatted) \(GoFormatter.string(.stringList(apiVersions))) {\(helmVersion)   }}" }

    public func field(_ name: String) -> TemplateValue? {
        switch name {
        case "KubeVersion": .object(kubeVersion)
        case "APIVersions": .namedList(.stringList(apiVersions), VersionSet(apiVersions))
        case "HelmVersion": .object(HelmBuildInfo(version: helmVersion))
        default: nil
        }
    }
}

/// `.Capabilities.KubeVersion`: `Version`, `Major`, `Minor`, and `String`/`GitVersion`, as
/// Helm 4's `common.ParseKubeVersion` builds them from `--kube-version`: the text is read by
/// Kubernetes' `version.ParseGeneric` (an optional `v`, two or more dot-separated numbers, and
/// any suffix, which is ignored), `Version` keeps the text as given (with a `v` in front when
/// it has none, so `v1.33.4-gke.1245000` stays whole), and `String()` is the numbers alone
/// (`v1.33.4`), which is what printing it and the chart's `kubeVersion` constraint use.
public final class KubeVersion: TemplateObject, @unchecked Sendable {
    /// `Version`/`GitVersion`: the text as given, `v`-prefixed.
    public let version: String
    /// `String()`: `v` and the numeric components (`v1.33.4`, `v1.30`).
    public let normalized: String
    public let major: String
    public let minor: String

    /// Why `ParseGeneric` refused a version, in its words (`could not parse "x" as version`).
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public let message: String
        public var description: String { message }
    }

    /// Parses `--kube-version` text as Helm 4 does; nil if Helm would refuse it.
    public convenience init?(_ text: String) {
        guard let parsed = try? KubeVersion(parsing: text) else { return nil }
        self.init(version: parsed.version, normalized: parsed.normalized, major: parsed.major, minor: parsed.minor)
    }

    private init(version: String, normalized: String, major: String, minor: String) {
        self.version = version
        self.normalized = normalized
        self.major = major
        self.minor = minor
    }

    /// k8s.io/apimachinery `version.ParseGeneric`: `^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)*$` (`.` does
    /// not match a newline), at least two components, no leading zero in the first, each a
    /// `uint64`.
    public init(parsing text: String) throws {
        let quoted = GoQuote.quote(text)
        var i = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        while i < scalars.endIndex, [" ", "\t", "\n", "\u{0C}", "\r"].contains(scalars[i]) { i = scalars.index(after: i) }
        if i < scalars.endIndex, scalars[i] == "v" { i = scalars.index(after: i) }
        var numbers = ""
        while i < scalars.endIndex {
            let c = scalars[i]
            if ("0"..."9").contains(c) {
                numbers.unicodeScalars.append(c)
            } else if c == ".", let last = numbers.unicodeScalars.last, last != ".",
                      scalars.index(after: i) < scalars.endIndex, ("0"..."9").contains(scalars[scalars.index(after: i)]) {
                numbers.unicodeScalars.append(c)
            } else {
                break
            }
            i = scalars.index(after: i)
        }
        if numbers.isEmpty || scalars[i...].contains("\n") {
            throw ParseError(message: "could not parse \(quoted) as version")
        }
        let components = numbers.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard components.count >= 2 else { throw ParseError(message: "illegal version string \(quoted)") }
        var values: [UInt64] = []
        for (n, comp) in components.enumerated() {
            if n == 0, comp.hasPrefix("0"), comp != "0" {
                throw ParseError(message: "illegal zero-prefixed version component \(GoQuote.quote(comp)) in \(quoted)")
            }
            guard let value = UInt64(comp) else {
                throw ParseError(message: "illegal non-numeric version component \(GoQuote.quote(comp)) in \(quoted): strconv.ParseUint: parsing \(GoQuote.quote(comp)): value out of range")
            }
            values.append(value)
        }
        version = text.hasPrefix("v") ? text : "v" + text
        normalized = "v" + values.map(String.init).joined(separator: ".")
        major = String(values[0])
        minor = String(values[1])
    }

    public var goTypeName: String { "common.KubeVersion" }
    /// Printed as Go's template printer prints it: through `(*KubeVersion).String`.
    public var formatted: String { normalized }

    public func field(_ name: String) -> TemplateValue? {
        switch name {
        case "Version": .string(version)
        case "Major": .string(major)
        case "Minor": .string(minor)
        default: nil
        }
    }

    public func method(_ name: String) -> TemplateFunction? {
        switch name {
        case "String":
            let v = normalized
            return TemplateFunction(name, [], returns: "string") { _ in .string(v) }
        case "GitVersion":
            let v = version
            return TemplateFunction(name, [], returns: "string") { _ in .string(v) }
        default:
            return nil
        }
    }
}

/// The type of `.Capabilities.APIVersions`: Helm's `common.VersionSet`, a `[]string` with `Has`.
/// Templates get it as `.namedList` over the strings, so list functions see a plain slice.
final class VersionSet: TemplateObject, @unchecked Sendable {
    let versions: [String]
    init(_ versions: [String]) { self.versions = versions }
    var goTypeName: String { "common.VersionSet" }
    var formatted: String { GoFormatter.string(.stringList(versions)) }
    func field(_ name: String) -> TemplateValue? { nil }
    func method(_ name: String) -> TemplateFunction? {
        guard name == "Has" else { return nil }
        let set = Set(versions)
        return TemplateFunction("Has", [.string], returns: "bool") { call in
            guard case .string(let v) = call[0].plain else { return .bool(false) }
            return .bool(set.contains(v))
        }
    }
}

/// `.Capabilities.HelmVersion`.
final class HelmBuildInfo: TemplateObject, @unchecked Sendable {
    let version: String
    init(version: String) { self.version = version }
    var goTypeName: String { "version.BuildInfo" }
    var formatted: String { "{\(version)   }" }
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "Version": .string(version)
        case "GitCommit", "GitTreeState", "GoVersion": .string("")
        default: nil
        }
    }
}

/// `.Files`: the chart's non-template files, with Helm's accessors.
public final class ChartFiles: TemplateObject, @unchecked Sendable {
    /// Path inside the chart → contents.
    public let files: [String: [UInt8]]
    public init(_ files: [String: [UInt8]]) { self.files = files }

    public var goTypeName: String { "engine.files" }
    public var mapEntries: TemplateMap? {
        TemplateMap(files.mapValues { .list($0.map { .uint(UInt64($0), .uint8) }, element: .integer(.uint8)) })
    }
    public var formatted: String {
        "map[" + files.keys.sorted().map { "\($0):" + GoFormatter.string(.list(files[$0]!.map { .uint(UInt64($0), .uint8) }, element: .integer(.uint8))) }.joined(separator: " ") + "]"
    }
    public func field(_ name: String) -> TemplateValue? { nil }

    public func method(_ name: String) -> TemplateFunction? {
        let files = self.files
        switch name {
        case "Get":
            return TemplateFunction("Get", [.string], returns: "string") { call in
                .string(String(decoding: files[Self.text(call[0])] ?? [], as: UTF8.self))
            }
        case "GetBytes":
            return TemplateFunction("GetBytes", [.string], returns: "[]uint8") { call in
                .list((files[Self.text(call[0])] ?? []).map { .uint(UInt64($0), .uint8) }, element: .integer(.uint8))
            }
        case "Lines":
            return TemplateFunction("Lines", [.string], returns: "[]string") { call in
                guard let data = files[Self.text(call[0])] else { return .stringList([]) }
                var s = String(decoding: data, as: UTF8.self)
                if s.hasSuffix("\n") { s.removeLast() }
                return .stringList(s.components(separatedBy: "\n"))
            }
        case "Glob":
            return TemplateFunction("Glob", [.string], returns: "engine.files") { call in
                let matcher = GlobPattern(Self.text(call[0]))
                return .object(ChartFiles(files.filter { matcher.matches($0.key) }))
            }
        case "AsConfig":
            return TemplateFunction("AsConfig", [], returns: "string") { _ in
                var m: [String: TemplateValue] = [:]
                for (k, v) in files { m[(k as NSString).lastPathComponent] = .string(String(decoding: v, as: UTF8.self)) }
                return .string((try? DataFunctions.yaml(.map(TemplateMap(m)))) ?? "")
            }
        case "AsSecrets":
            return TemplateFunction("AsSecrets", [], returns: "string") { _ in
                var m: [String: TemplateValue] = [:]
                for (k, v) in files { m[(k as NSString).lastPathComponent] = .string(Base64.encode(v)) }
                return .string((try? DataFunctions.yaml(.map(TemplateMap(m)))) ?? "")
            }
        default:
            return nil
        }
    }

    private static func text(_ v: TemplateValue) -> String {
        if case .string(let s) = v.plain { return s }
        return ""
    }
}

/// `.Chart`: Chart.yaml's metadata plus `IsRoot`, fields named as Go names them.
public final class ChartObject: TemplateObject, @unchecked Sendable {
    /// Go field name → value.
    public let fields: [String: TemplateValue]
    public init(fields: [String: TemplateValue]) { self.fields = fields }
    public var goTypeName: String { "struct { *chart.Metadata; IsRoot bool }" }
    public var formatted: String { "{" + (fields["Name"].map { GoFormatter.string($0) } ?? "") + "}" }
    public func field(_ name: String) -> TemplateValue? { fields[name] }
}

/// gobwas/glob patterns with `/` as separator, as `.Files.Glob` uses them: `*` and `?` stay
/// within a path segment, `**` crosses segments, `[...]` and `{a,b}` as usual.
struct GlobPattern {
    private let regex: NSRegularExpression?

    init(_ pattern: String) {
        var re = "^"
        var chars = Array(pattern)
        var i = 0
        var inBraces = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "*":
                if i + 1 < chars.count && chars[i + 1] == "*" {
                    re += ".*"
                    i += 1
                } else {
                    re += "[^/]*"
                }
            case "?": re += "[^/]"
            case "[":
                var j = i + 1
                var cls = "["
                if j < chars.count && chars[j] == "!" { cls += "^"; j += 1 }
                while j < chars.count && chars[j] != "]" { cls += chars[j] == "\\" ? "\\\\" : String(chars[j]); j += 1 }
                re += cls + "]"
                i = j
            case "{": re += "(?:"; inBraces += 1
            case "}" where inBraces > 0: re += ")"; inBraces -= 1
            case "," where inBraces > 0: re += "|"
            case "\\":
                if i + 1 < chars.count { i += 1; re += NSRegularExpression.escapedPattern(for: String(chars[i])) }
            default: re += NSRegularExpression.escapedPattern(for: String(c))
            }
            i += 1
        }
        chars.removeAll()
        regex = try? NSRegularExpression(pattern: re + "$")
    }

    func matches(_ path: String) -> Bool {
        guard let regex else { return false }
        return regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
    }
}
