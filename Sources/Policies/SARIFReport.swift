import YAML

/// A check's outcome as a SARIF 2.1.0 log (OASIS), the format code-scanning UIs read: one run,
/// the rules as `tool.driver.rules`, each finding a `result` located at the template file that
/// rendered the object and, logically, at the object itself.
public struct SARIFReport: Sendable {
    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    public let report: PolicyEngine.Report
    public let rules: [Rule]
    /// What was checked (`overlays/prod`); it names the run (`automationDetails.id`).
    public let source: String
    public let toolVersion: String

    public init(_ report: PolicyEngine.Report, rules: [Rule], source: String, toolVersion: String) {
        self.report = report
        self.rules = rules
        self.source = source
        self.toolVersion = toolVersion
    }

    /// SARIF's level for a severity: error, warning, note.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    public var log: Value {
        var index: [String: Int] = [:]
        var descriptors: [Value] = []
        for rule in rules where index[rule.id] == nil {
            index[rule.id] = descriptors.count
            let text = rule.description.isEmpty ? "\(rule.kind.rawValue) rule \(rule.id)" : rule.description
            descriptors.append([
                "id": .string(rule.id),
                "shortDescription": ["text": .string(text)],
                "defaultConfiguration": ["level": .string(Self.level(rule.severity))],
                "properties": ["kind": .string(rule.kind.rawValue), "definedAt": .string(rule.source)],
            ])
        }
        let results: [Value] = report.findings.map { finding in
            var location: Value = [:]
            if let file = finding.file { location[path: ["physicalLocation"]] = ["artifactLocation": ["uri": .string(file)]] }
            location[path: ["logicalLocations"]] = [["fullyQualifiedName": .string(finding.object), "kind": "resource"]]
            var result: Value = ["ruleId": .string(finding.rule)]
            if let i = index[finding.rule] { result[path: ["ruleIndex"]] = .int(Int64(i)) }
            result[path: ["level"]] = .string(Self.level(finding.severity))
            result[path: ["message"]] = ["text": .string("\(finding.object): \(finding.message)")]
            result[path: ["locations"]] = [location]
            result[path: ["partialFingerprints"]] = ["shipshapeFinding/v1": .string("\(finding.rule)|\(finding.object)|\(finding.message)")]
            return result
        }
        var run: Value = [
            "tool": ["driver": [
                "name": "shipshape",
                "version": .string(toolVersion),
                "rules": .array(descriptors),
            ]],
            "automationDetails": ["id": .string("shipshape-check/\(source)/")],
            "results": .array(results),
        ]
        if let environment = report.environment { run[path: ["properties"]] = ["environment": .string(environment)] }
        return ["$schema": .string(Self.schema), "version": "2.1.0", "runs": [run]]
    }

    public func json() throws -> String {
        try JSONWriter(indent: 2, sortKeys: false).string(log) + "\n"
    }
}
