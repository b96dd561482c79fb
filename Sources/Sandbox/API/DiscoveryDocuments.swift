import OrderedCollections
import YAML

/// The version the Sandbox reports, matching the kubectl on these machines so clients see no
/// version skew.
public enum APIServerVersion {
    public static let major = "1"
    public static let minor = "32"
    public static let gitVersion = "v1.32.4"
}

/// Legacy discovery documents (`/api`, `/apis`, `/apis/{group}`, per group-version resource
/// lists): what `kubectl api-resources` and every RESTMapper read.
enum DiscoveryDocuments {
    static func version() -> Value {
        [
            "major": .string(APIServerVersion.major), "minor": .string(APIServerVersion.minor),
            "emulationMajor": .string(APIServerVersion.major), "emulationMinor": .string(APIServerVersion.minor),
            "gitVersion": .string(APIServerVersion.gitVersion), "gitCommit": "sandbox", "gitTreeState": "clean",
            "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1.23.0", "compiler": "gc", "platform": "linux/amd64",
        ]
    }

    static func coreVersions(serverAddress: String) -> Value {
        [
            "kind": "APIVersions", "versions": ["v1"],
            "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)]],
        ]
    }

    static func group(_ name: String, versions: [String]) -> Value {
        let list: [Value] = versions.map { ["groupVersion": .string("\(name)/\($0)"), "version": .string($0)] }
        return ["name": .string(name), "versions": .array(list), "preferredVersion": list[0]]
    }

    static func groupList(_ catalog: ResourceCatalog) -> Value {
        var groups: OrderedDictionary<String, [String]> = [:]
        for gv in catalog.groupVersions { groups[gv.group, default: []].append(gv.version) }
        return [
            "kind": "APIGroupList", "apiVersion": "v1",
            "groups": .array(groups.map { group($0.key, versions: $0.value) }),
        ]
    }

    static func resourceList(_ catalog: ResourceCatalog, group: String, version: String) -> Value? {
        let types = catalog.types.filter { $0.group == group && $0.version == version }
        guard !types.isEmpty else { return nil }
        var resources: [Value] = []
        for t in types {
            var r: OrderedDictionary<String, Value> = [
                "name": .string(t.resource), "singularName": .string(t.singular), "namespaced": .bool(t.namespaced),
                "kind": .string(t.kind), "verbs": .array(t.verbs.map(Value.string)),
            ]
            if !t.shortNames.isEmpty { r["shortNames"] = .array(t.shortNames.map(Value.string)) }
            if !t.categories.isEmpty { r["categories"] = .array(t.categories.map(Value.string)) }
            resources.append(.object(r))
            for sub in t.subresources {
                var s: OrderedDictionary<String, Value> = [
                    "name": .string("\(t.resource)/\(sub)"), "singularName": "", "namespaced": .bool(t.namespaced),
                ]
                switch sub {
                case "scale":
                    s["group"] = "autoscaling"
                    s["version"] = "v1"
                    s["kind"] = "Scale"
                    s["verbs"] = ["get", "patch", "update"]
                case "log":
                    s["kind"] = "Pod"
                    s["verbs"] = ["get"]
                case "ephemeralcontainers":
                    s["kind"] = "Pod"
                    s["verbs"] = ["get", "patch", "update"]
                case "exec", "attach", "portforward":
                    s["kind"] = .string(["exec": "PodExecOptions", "attach": "PodAttachOptions", "portforward": "PodPortForwardOptions"][sub]!)
                    s["verbs"] = ["create", "get"]
                case "token":
                    s["group"] = "authentication.k8s.io"
                    s["version"] = "v1"
                    s["kind"] = "TokenRequest"
                    s["verbs"] = ["create"]
                default:
                    s["kind"] = .string(t.kind)
                    s["verbs"] = ["get", "patch", "update"]
                }
                resources.append(.object(s))
            }
        }
        return [
            "kind": "APIResourceList", "apiVersion": "v1",
            "groupVersion": .string(group.isEmpty ? version : "\(group)/\(version)"),
            "resources": .array(resources),
        ]
    }
}
