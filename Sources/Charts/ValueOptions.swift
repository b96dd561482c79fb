import OrderedCollections
import YAML

/// The user's values flags, merged into one tree in Helm's order (helm/helm pkg/cli/values/
/// options.go `MergeValues`): `-f` files, then `--set-json`, `--set`, `--set-string`,
/// `--set-file`, `--set-literal`; within each flag, later occurrences win.
///
/// The result goes on top of the chart's defaults through `ValuesCoalescer`.
public struct ValueOptions: Sendable {
    /// `-f/--values`, already read and parsed (the CLI reads them; tests build them in memory).
    public var valueFiles: [ValuesFile] = []
    public var jsonValues: [String] = []
    public var values: [String] = []
    public var stringValues: [String] = []
    public var fileValues: [String] = []
    public var literalValues: [String] = []

    public init(valueFiles: [ValuesFile] = [], jsonValues: [String] = [], values: [String] = [],
                stringValues: [String] = [], fileValues: [String] = [], literalValues: [String] = [])
    {
        self.valueFiles = valueFiles
        self.jsonValues = jsonValues
        self.values = values
        self.stringValues = stringValues
        self.fileValues = fileValues
        self.literalValues = literalValues
    }

    /// Merges every source; `readFile` supplies `--set-file` contents by path. Errors carry
    /// Helm's wording (`failed parsing --set data: key "a" has no value`).
    public func merge(readFile: @escaping (String) throws -> [UInt8] = { _ in [] }) throws -> OrderedDictionary<String, Value> {
        var base = OrderedDictionary<String, Value>()
        for file in valueFiles { base = Self.mergeMaps(base, file.values) }

        for value in jsonValues {
            let trimmed = value.goTrimSpace
            if trimmed.hasPrefix("{") {
                guard case .object(let map)? = try? JSONParser(numbers: .json).parse(trimmed) else {
                    throw ChartError(.strvals, "failed parsing --set-json data JSON: \(Self.shortened(value))")
                }
                base = Self.mergeMaps(base, map)
            } else {
                do { try StrvalsParser.parse(value, into: &base, mode: .json) } catch {
                    throw ChartError(.strvals, "failed parsing --set-json data \(Self.shortened(value))")
                }
            }
        }
        try apply(values, flag: "--set", mode: .typed, to: &base)
        try apply(stringValues, flag: "--set-string", mode: .string, to: &base)
        let reader: (String) throws -> Value = { path in .string(String(decoding: try readFile(path), as: UTF8.self)) }
        try apply(fileValues, flag: "--set-file", mode: .file(read: reader), to: &base)
        try apply(literalValues, flag: "--set-literal", mode: .literal, to: &base)
        return base
    }

    private func apply(_ arguments: [String], flag: String, mode: StrvalsParser.Mode,
                       to base: inout OrderedDictionary<String, Value>) throws
    {
        for argument in arguments {
            do { try StrvalsParser.parse(argument, into: &base, mode: mode) } catch let e as ChartError {
                throw ChartError(.strvals, "failed parsing \(flag) data: \(e.message)", hint: "in \(flag) \(Self.shortened(argument))")
            }
        }
    }

    /// `loader.MergeMaps`: maps merge recursively, anything else in `b` replaces what `a` has.
    public static func mergeMaps(_ a: OrderedDictionary<String, Value>, _ b: OrderedDictionary<String, Value>)
        -> OrderedDictionary<String, Value>
    {
        var out = a
        for (k, v) in b {
            if case .object(let vm) = v, case .object(let am)? = out[k] {
                out[k] = .object(mergeMaps(am, vm))
            } else {
                out[k] = v
            }
        }
        return out
    }

    /// An argument as an error quotes it: at most 200 characters, so a hostile 120 KB `--set`
    /// does not become a 120 KB error line.
    static func shortened(_ argument: String) -> String {
        argument.count > 200 ? argument.prefix(200) + "… (\(argument.count) characters)" : argument
    }
}
