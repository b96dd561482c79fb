import ArgumentParser
import Charts
import Foundation
import Overlays
import Policies
import YAML

/// `shipshape check`: hold rendered manifests to the policies in `policies/`. Exit status 1
/// when any error-severity rule fails, as linters do.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check rendered manifests against the policies.",
        discussion: """
            Examples:
              shipshape check charts/chatbot -f overlays/prod/values.yaml
              shipshape check --manifests rendered.yaml -o json
            """)

    @Argument(help: "A chart directory to render and check.") var chart: String?
    @Option(name: .customLong("manifests"), help: "Check these rendered manifests instead ('-' for stdin).") var manifests: String?
    @Option(name: [.customShort("f"), .customLong("values")], help: "Values files for rendering the chart.") var valueFiles: [String] = []
    @Option(name: .customLong("set"), help: "Set values on the command line.") var set: [String] = []
    @Option(name: .shortAndLong, help: "The release namespace when rendering.") var namespace = "default"
    @Option(help: "An overlay folder: its values.yaml and kustomization.yaml are applied before checking.") var overlay: String?
    @Option(help: "The folder (or file) with the policies.") var policies = "policies"
    @Option(name: .shortAndLong, help: "Output format: text or json.") var output: Format = .text
    @Flag(help: "Fail on warnings too.") var strict = false

    enum Format: String, ExpressibleByArgument { case text, json }

    func validate() throws {
        if (chart == nil) == (manifests == nil) { throw ValidationError("give either a CHART or --manifests FILE") }
        if overlay != nil && manifests != nil { throw ValidationError("--overlay applies to a CHART's render; it cannot be combined with --manifests") }
    }

    func run() throws {
        let policySet = try loadPolicies()
        let objects = try loadObjects()
        let report = PolicyEngine(policies: policySet).check(objects)
        switch output {
        case .json:
            let findings: [Value] = report.findings.map { f in
                ["rule": .string(f.rule), "severity": .string(f.severity.rawValue), "object": .string(f.object),
                 "file": f.file.map { .string($0) } ?? .null, "message": .string(f.message)]
            }
            let exemptions: [Value] = report.exemptions.map { ["rule": .string($0.rule), "object": .string($0.object), "reason": .string($0.reason)] }
            print(try JSONWriter(indent: 2, sortKeys: false).string(
                ["checked": .int(Int64(report.checkedObjects)), "findings": .array(findings), "exemptions": .array(exemptions)]))
        case .text:
            for finding in report.findings { print(finding) }
            for e in report.exemptions { print("exempt: \(e.object): \(e.rule): \(e.reason)") }
            let warnings = report.findings.filter { $0.severity == .warning }.count
            print("\(report.checkedObjects) objects checked against \(policySet.rules.count) rules: \(report.errors) errors, \(warnings) warnings, \(report.exemptions.count) exemptions")
        }
        let failing = report.findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        if failing { throw ExitCode(1) }
    }

    private func loadPolicies() throws -> PolicySet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: policies, isDirectory: &isDirectory) else {
            throw ValidationError("no policies at \(policies) (pass --policies DIR)")
        }
        let files = isDirectory.boolValue
            ? try FileManager.default.contentsOfDirectory(atPath: policies).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { policies + "/" + $0 }
            : [policies]
        var rules: [Rule] = []
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            guard text.contains("PolicySet") else { continue }
            rules += try PolicySet(yaml: text, file: file).rules
        }
        return PolicySet(rules: rules)
    }

    private func loadObjects() throws -> [CheckedObject] {
        if let manifests {
            let data = manifests == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: manifests)
            guard let data else { throw ValidationError("cannot read \(manifests)") }
            return try ValueDecoder.decodeAll(String(decoding: data, as: UTF8.self), file: manifests)
                .filter { !$0.isNull }.map { CheckedObject($0, file: manifests) }
        }
        let overlay = try self.overlay.map { try OverlayRender(directory: $0) }
        let loaded = try ChartLoader.load(directory: chart!)
        var options = RenderOptions()
        options.namespace = namespace
        options.functions = TemplateFunctions.all
        options.values = ValueOptions(valueFiles: try ((overlay?.valuesFiles ?? []) + valueFiles).map { path in
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
            return try Charts.ValuesFile(path: path, text: String(decoding: data, as: UTF8.self))
        }, values: set)
        let result = try ChartRenderer.render(loaded, options: options)
        if let overlay {
            let templates = result.rendered.keys.sorted().filter { !$0.hasSuffix("/NOTES.txt") }
            return try overlay.apply(toRendered: templates.map { result.rendered[$0]!.text }, origin: chart!)
                .map { CheckedObject($0, file: overlay.directory) }
        }
        var objects: [CheckedObject] = []
        for name in result.rendered.keys.sorted() where !name.hasSuffix("/NOTES.txt") {
            for document in ManifestSplitter.split(result.rendered[name]!.text) {
                let value = try ValueDecoder.decode(document, file: name)
                if !value.isNull { objects.append(CheckedObject(value, file: name)) }
            }
        }
        return objects
    }
}
