import YAML

/// One rendered resource document and the file it came from.
public struct Manifest: Sendable, Equatable {
    /// The template path (`chatbot/templates/backend.yaml`).
    public var name: String
    public var content: String
    public var kind: String
    public var apiVersion: String
}

/// A document annotated `helm.sh/hook`, held apart from the release manifest.
public struct Hook: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var path: String
    public var manifest: String
    /// Lower-cased events (`pre-install`, `test`, ...).
    public var events: [String]
    public var weight: Int

    public var isTest: Bool { events.contains("test") }
}

/// Sorts rendered templates into manifests and hooks as helm/helm
/// pkg/release/v1/util/manifest_sorter.go `SortManifests` does: files in path order, partials
/// (`_*`) and blank files skipped, each file split into documents, documents with a known
/// `helm.sh/hook` annotation become hooks (unknown hook names are dropped), and both lists are
/// stably sorted by `InstallOrder`.
public enum ManifestSorter {
    static let hookEvents: Set<String> = [
        "pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade", "post-upgrade",
        "pre-rollback", "post-rollback", "test", "test-success",
    ]

    public static func sort(_ files: [String: String]) throws -> (hooks: [Hook], manifests: [Manifest]) {
        var hooks: [Hook] = []
        var generic: [Manifest] = []
        for path in files.keys.sorted() {
            let content = files[path]!
            if ChartMetadata.goBase(path).hasPrefix("_") || content.goTrimSpace.isEmpty { continue }
            for doc in ManifestSplitter.split(content) {
                let head = try Head(doc, path: path)
                guard let hookTypes = head.annotations["helm.sh/hook"] else {
                    generic.append(Manifest(name: path, content: doc, kind: head.kind, apiVersion: head.apiVersion))
                    continue
                }
                var events: [String] = []
                var unknown = false
                for event in hookTypes.split(separator: ",", omittingEmptySubsequences: false) {
                    let e = String(event).goTrimSpace.lowercased()
                    guard hookEvents.contains(e) else {
                        unknown = true
                        break
                    }
                    events.append(e == "test-success" ? "test" : e)
                }
                if unknown { continue }
                let weight = Int(head.annotations["helm.sh/hook-weight"] ?? "") ?? 0
                hooks.append(Hook(name: head.name, kind: head.kind, path: path, manifest: doc, events: events, weight: weight))
            }
        }
        return (InstallOrder.sorted(hooks, kind: \.kind), InstallOrder.sorted(generic, kind: \.kind))
    }

    /// `SimpleHead`: apiVersion, kind, metadata.name and metadata.annotations.
    struct Head {
        var apiVersion = "", kind = "", name = ""
        var annotations: [String: String] = [:]

        init(_ doc: String, path: String) throws {
            func fail(_ message: String, _ mark: Mark? = nil) -> ChartError {
                ChartError(.manifest, "YAML parse error on \(path): \(message)", file: path, at: mark)
            }
            let value: Value
            // Helm reads the head with sigs.k8s.io/yaml (go-yaml v2): a repeated key is no error
            // there, the later value wins, and the document is printed as rendered.
            do { value = try ValueDecoder.decode(doc, file: path, duplicateKeys: .lastWins) } catch let e as YAMLError {
                throw fail(e.message, e.mark)
            }
            func string(_ v: Value?, _ field: String) throws -> String {
                switch v {
                case nil, .null?: return ""
                case .string(let s)?: return s
                case let other?:
                    throw fail("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(GoTypeName.jsonKind(other)) into Go struct field SimpleHead.\(field) of type string")
                }
            }
            switch value {
            case .null: return
            case .object: break
            default:
                throw fail("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(GoTypeName.jsonKind(value)) into Go value of type util.SimpleHead")
            }
            apiVersion = try string(value["apiVersion"], "apiVersion")
            kind = try string(value["kind"], "kind")
            name = try string(value["metadata"]?["name"], "metadata.name")
            if case .object(let entries)? = value["metadata"]?["annotations"] {
                for (k, v) in entries { annotations[k] = try string(v, "metadata.annotations") }
            }
        }
    }
}
