import ArgumentParser
import Charts
import Environment
import Foundation
import Policies
import YAML

/// `shipshape check`: hold rendered manifests to the policies in `policies/`. Exit status 0
/// when clean, 1 when any error-severity rule fails (as linters do), 2 on usage or input errors
/// (a chart that does not render, a policy file that does not parse).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check rendered manifests against the policies.",
        discussion: """
            One line per finding: SOURCE: OBJECT: MESSAGE [RULE-ID]. Exit status: 0 clean,
            1 error findings (warnings too with --strict), 2 usage or input errors.
            Rules that name environments (match.environments) hold only for --env.

            Examples:
              shipshape check charts/chatbot --overlay overlays/prod
              shipshape check charts/chatbot -f overlays/prod/values.yaml --env prod
              shipshape check --manifests rendered.yaml -o json
              shipshape check charts/chatbot -o sarif > shipshape.sarif
            """)

    @Argument(help: "A chart directory to render and check.") var chart: String?
    @Option(name: .customLong("manifests"), help: "Check these rendered manifests instead ('-' for stdin).") var manifests: String?
    @Option(name: [.customShort("f"), .customLong("values")], help: "Values files for rendering the chart.") var valueFiles: [String] = []
    @Option(name: .customLong("set"), help: "Set values on the command line.") var set: [String] = []
    @Option(name: .shortAndLong, help: "The release namespace when rendering.") var namespace = "default"
    @Option(help: "An overlay folder: its values.yaml and kustomization.yaml are applied before checking.") var overlay: String?
    @Option(help: "The folder (or file) with the policies.") var policies = "policies"
    @Option(name: .customLong("env"), help: "The environment (dev, prod) for environment-specific rules.") var environment: String?
    @Option(name: .shortAndLong, help: "Output format: text, json or sarif.") var output: Format = .text
    @Flag(help: "Fail on warnings too.") var strict = false

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }

    /// What the findings are about, as the engineer named it on the command line.
    var source: String { overlay.map(Self.trimmed) ?? manifests ?? chart ?? "-" }

    /// `--env`, or the overlay folder's name (`overlays/prod` → `prod`), so that
    /// `check CHART --overlay overlays/prod` holds prod to the prod-only rules.
    var effectiveEnvironment: String? {
        environment ?? overlay.map { URL(fileURLWithPath: Self.trimmed($0)).lastPathComponent }
    }

    private static func trimmed(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    func validate() throws {
        if (chart == nil) == (manifests == nil) { throw ValidationError("give either a CHART or --manifests FILE") }
        if overlay != nil && manifests != nil { throw ValidationError("--overlay applies to a CHART's render; it cannot be combined with --manifests") }
    }

    func run() throws {
        let policySet: PolicySet
        let objects: [CheckedObject]
        do {
            policySet = try loadPolicies()
            guard !policySet.rules.isEmpty else { throw ValidationError("no rules in \(policies): expected files with kind: PolicySet") }
            objects = try loadObjects()
            guard !objects.isEmpty else { throw ValidationError("\(source) holds no Kubernetes objects to check") }
        } catch {
            // Input errors exit 2, apart from findings (1): say what and stop.
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let report = PolicyEngine(policies: policySet).check(objects, environment: effectiveEnvironment)
        switch output {
        case .text: print(FindingReport(report, source: source, ruleCount: policySet.rules.count).text, terminator: "")
        case .json: print(try FindingReport(report, source: source, ruleCount: policySet.rules.count).json(), terminator: "")
        case .sarif:
            print(try SARIFReport(report, rules: policySet.rules, source: source, toolVersion: Shipshape.configuration.version).json(),
                  terminator: "")
        }
        let failing = report.findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        if failing { throw ExitCode(1) }
    }

    private func loadPolicies() throws -> PolicySet {
        try PolicyFiles.load(policies, in: WorkTree())
    }

    private func loadObjects() throws -> [CheckedObject] {
        if let manifests {
            let data = manifests == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: manifests)
            guard let data else { throw ValidationError("cannot read \(manifests)") }
            return try CheckedObject.decodeAll(String(decoding: data, as: UTF8.self), file: manifests)
        }
        var options = RenderOptions()
        options.namespace = namespace
        options.values = ValueOptions(values: set)
        let rendered = try EnvironmentRenderer(tree: WorkTree(), chart: chart!, overlay: overlay, valueFiles: valueFiles, options: options).render()
        // Findings name the overlay the engineer gave, or the chart template in the repository.
        return rendered.objects.map { CheckedObject($0.object, file: overlay == nil ? $0.file : source) }
    }
}
