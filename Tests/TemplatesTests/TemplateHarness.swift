import Templates
import YAML

/// Runs one oracle case through Shipshape's engine, the way the Go oracle runs it.
enum TemplateHarness {
    static func run(_ c: GoTemplateOracle.Case) -> GoTemplateOracle.Result {
        let set = TemplateSet()
        switch c.missingKey {
        case "zero": set.missingKey = .zero
        case "error": set.missingKey = .error
        default: set.missingKey = .invalid
        }
        do {
            try set.parse(name: "t.tpl", text: c.template)
        } catch {
            return .init(output: "", error: "\(error)")
        }
        let data = c.ints ? TemplateValue(intsOf: c.data) : TemplateValue(c.data)
        do {
            var out = try set.execute("t.tpl", data: data).text
            if c.helm { out = out.replacingOccurrences(of: "<no value>", with: "") }
            return .init(output: out, error: "")
        } catch {
            return .init(output: "", error: "\(error)")
        }
    }
}

extension TemplateValue {
    /// JSON data with whole numbers as int64, as Helm's `--set` produces.
    init(intsOf value: Value) {
        switch value {
        case .float(let f) where f == f.rounded() && abs(f) < 9.2e18: self = .int(Int64(f), .int64)
        case .array(let items): self = .list(items.map(TemplateValue.init(intsOf:)), element: .interface)
        case .object(let o):
            var m: [String: TemplateValue] = [:]
            for (k, v) in o { m[k] = TemplateValue(intsOf: v) }
            self = .map(TemplateMap(m))
        default: self = TemplateValue(value)
        }
    }
}
