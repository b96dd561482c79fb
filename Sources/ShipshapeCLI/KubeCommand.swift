import ArgumentParser
import Foundation
import KubeClient
import YAML

/// `shipshape kube get|apply`: talk to the cluster exactly as the reconciler does (same
/// kubeconfig rules, TLS and credentials), with kubectl's flag names, to check connectivity
/// and access before trusting a job to it.
struct KubeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kube",
        abstract: "Read and apply objects with the reconciler's own Kubernetes client.",
        subcommands: [Get.self, Apply.self])

    /// kubectl's connection flags.
    struct Connection: ParsableArguments {
        @Option(help: "Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then in-cluster).")
        var kubeconfig: String?

        @Option(help: "The kubeconfig context to use.")
        var context: String?

        @Option(name: .shortAndLong, help: "The namespace (default: the context's).")
        var namespace: String?

        @Option(name: .customLong("v"), help: Verbosity.help)
        var verbosity = 0

        func api() throws -> KubeAPI {
            let config = try ClientConfig.load(kubeconfig: kubeconfig, context: context, namespace: namespace)
            let api = try KubeAPI(config: config)
            Verbosity.enable(verbosity, on: api)
            return api
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show objects of a kind, as kubectl get does.",
            discussion: "Examples:\n  shipshape kube get deployments -n chatbot-dev\n  shipshape kube get deploy backend-deployment -o yaml")

        @Argument(help: "The kind or resource: deployments, deploy, Deployment, hpa, ...") var kind: String
        @Argument(help: "An object name.") var name: String?
        @OptionGroup var connection: Connection
        @Option(name: [.customShort("l"), .long], help: "A label selector, e.g. app=backend.") var selector: String?
        @Option(name: .shortAndLong, help: "Output format: yaml or json (default: a table).") var output: String?

        func run() throws {
            let api = try connection.api()
            guard let resource = try api.mapping().resource(named: kind) else {
                throw ValidationError("the server doesn't have a resource type \"\(kind)\"")
            }
            let namespace = connection.namespace ?? api.defaultNamespace
            let plural = resource.group.isEmpty ? resource.name : "\(resource.name).\(resource.group)"
            if output == nil {
                // The server prints the table, as it does for kubectl.
                if let table = try api.table(resource, namespace: namespace, name: name, labelSelector: selector) {
                    if table.rows.isEmpty {
                        FileHandle.standardError.write(Data((resource.namespaced ? "No resources found in \(namespace) namespace.\n"
                                                                                 : "No resources found\n").utf8))
                    } else {
                        print(table.render())
                    }
                    return
                }
            }
            var objects: [Value]
            if let name {
                guard let object = try api.get(resource, name: name, namespace: namespace) else {
                    throw ExitMessage("Error from server (NotFound): \(plural) \"\(name)\" not found")
                }
                objects = [object]
            } else {
                objects = try api.list(resource, namespace: namespace, labelSelector: selector)
            }
            switch output {
            case "yaml", "json":
                let document: Value = name != nil ? objects[0]
                    : ["apiVersion": "v1", "items": .array(objects), "kind": "List", "metadata": ["resourceVersion": ""]]
                print(output == "json" ? try JSONWriter(indent: 4, sortKeys: false).string(document) : YAMLEmitter.emit(document),
                      terminator: output == "json" ? "\n" : "")
            case nil:
                if objects.isEmpty {
                    FileHandle.standardError.write(Data("No resources found in \(namespace) namespace.\n".utf8))
                    return
                }
                print(Self.table(objects))
            default:
                throw ValidationError("--output must be yaml or json")
            }
        }

        static func table(_ objects: [Value]) -> String {
            let rows = objects.map { o -> [String] in
                [o["metadata"]?["name"]?.string ?? "", age(o["metadata"]?["creationTimestamp"]?.string)]
            }
            let width = max(4, rows.map { $0[0].count }.max() ?? 0) + 3
            var lines = ["NAME".padding(toLength: width, withPad: " ", startingAt: 0) + "AGE"]
            for row in rows { lines.append(row[0].padding(toLength: width, withPad: " ", startingAt: 0) + row[1]) }
            return lines.joined(separator: "\n")
        }

        static func age(_ stamp: String?) -> String {
            guard let stamp, let date = ISO8601DateFormatter().date(from: stamp) else { return "<unknown>" }
            let s = Int(Date().timeIntervalSince(date))
            if s < 120 { return "\(s)s" }
            if s < 7200 { return "\(s / 60)m" }
            if s < 172_800 { return "\(s / 3600)h" }
            return "\(s / 86400)d"
        }
    }

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Server-side apply the objects in a file, as kubectl apply --server-side does.",
            discussion: "Example:\n  shipshape kube apply -f rendered.yaml --dry-run=server")

        @Option(name: .shortAndLong, help: "A YAML or JSON file of one or more objects ('-' for stdin).") var filename: String
        @OptionGroup var connection: Connection
        @Option(name: .customLong("dry-run"), help: "none or server.") var dryRun = "none"
        @Flag(name: .customLong("force-conflicts"), help: "Take ownership of fields other managers own.") var forceConflicts = false
        @Option(name: .customLong("field-manager"), help: "The field manager name.") var fieldManager = "shipshape"

        func run() throws {
            guard dryRun == "none" || dryRun == "server" else { throw ValidationError("--dry-run must be none or server") }
            let data = filename == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: filename)
            guard let data else { throw ValidationError("cannot read \(filename): \(FileProblem.reason(filename))") }
            // A `kind: List` (or any `…List` with items), as kubectl accepts, applies its items.
            let documents = try ValueDecoder.decodeAll(String(decoding: data, as: UTF8.self), file: filename).filter { !$0.isNull }
                .flatMap { doc -> [Value] in
                    guard doc["kind"]?.string?.hasSuffix("List") == true, let items = doc["items"]?.array else { return [doc] }
                    return items.filter { !$0.isNull }
                }
            let api = try connection.api()
            for var object in documents {
                if object["metadata"]?["namespace"] == nil, let r = try? api.resource(for: object), r.namespaced,
                   case .object(var o) = object, case .object(var meta)? = o["metadata"] {
                    meta["namespace"] = .string(connection.namespace ?? api.defaultNamespace)
                    o["metadata"] = .object(meta)
                    object = .object(o)
                }
                let r = try api.resource(for: object)
                let name = object["metadata"]?["name"]?.string ?? ""
                do {
                    _ = try api.apply(object, fieldManager: fieldManager, force: forceConflicts, dryRun: dryRun == "server")
                } catch let error as KubeAPIError where error.isApplyConflict {
                    throw ExitMessage("error: \(error)")
                }
                let kindName = r.group.isEmpty ? r.kind.lowercased() : "\(r.kind.lowercased()).\(r.group)"
                print("\(kindName)/\(name) serverside-applied\(dryRun == "server" ? " (server dry run)" : "")")
            }
        }
    }
}

/// A failure already worded for the user: printed as is, exit status 1.
struct ExitMessage: Error, CustomStringConvertible {
    let description: String
    /// ArgumentParser prints `Error: ` before the description: a message that already starts
    /// so loses its own, so no error reads `Error: Error:`.
    init(_ message: String) {
        var text = Substring(message)
        while text.hasPrefix("Error: ") { text = text.dropFirst("Error: ".count) }
        description = String(text)
    }
}
