import Kubernetes
import YAML

/// Rules about each container of a workload: probes, resources, images, hardening.
enum ContainerRules {
    /// `containerProbes`: params `probes` (default liveness and readiness) and `distinct`
    /// (liveness and readiness must not be the same check).
    static func probes(_ params: Value, _ target: CheckedObject) -> [[String: String]] {
        guard Workload.longRunning.contains(target.kind) else { return [] }
        let required = (params["probes"]?.array ?? ["livenessProbe", "readinessProbe"]).compactMap(\.string)
        var out: [[String: String]] = []
        for container in Workload.containers(target.object) {
            let name = container["name"]?.string ?? "?"
            for probe in required where container[probe] == nil || container[probe]?.isNull == true {
                let word = probe.hasSuffix("Probe") ? String(probe.dropLast(5)) : probe
                out.append(["container": name, "probe": probe, "probeName": word,
                            "detail": "container \"\(name)\" has no \(word) probe"])
            }
            if params.flag("distinct", true), let l = container["livenessProbe"], let r = container["readinessProbe"], l == r {
                out.append(["container": name, "probe": "readinessProbe", "probeName": "readiness",
                            "detail": "container \"\(name)\" uses the same check for liveness and readiness; a failing dependency would restart it instead of taking it out of rotation"])
            }
        }
        return out
    }

    /// `containerResources`: `require` (paths under resources), `memoryLimitAtLeastRequest`,
    /// `maxLimitRequestRatio` ({cpu: N, memory: N}).
    static func resources(_ params: Value, _ target: CheckedObject) -> [[String: String]] {
        guard Workload.kinds.contains(target.kind) else { return [] }
        let required = (params["require"]?.array ?? ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]).compactMap(\.string)
        var out: [[String: String]] = []
        for container in Workload.containers(target.object, includeInit: true) {
            let name = container["name"]?.string ?? "?"
            let resources = container["resources"]
            func quantity(_ path: String) -> Quantity? {
                guard let dot = path.firstIndex(of: "."),
                      let v = resources?[String(path[..<dot])]?[String(path[path.index(after: dot)...])] else { return nil }
                switch v {
                case .string(let s): return try? Quantity(parsing: s)
                case .int(let i): return Quantity(units: i)
                case .float(let f): return try? Quantity(parsing: GoFloatFormat.json(f))
                default: return nil
                }
            }
            for path in required where quantity(path) == nil {
                out.append(["container": name, "resource": path, "detail": "container \"\(name)\" sets no resources.\(path)"])
            }
            if params.flag("memoryLimitAtLeastRequest", true), let limit = quantity("limits.memory"),
               let request = quantity("requests.memory"), limit < request {
                out.append(["container": name, "resource": "limits.memory",
                            "detail": "container \"\(name)\": memory limit \(limit) is below its request \(request)"])
            }
            for resource in ["cpu", "memory"] {
                guard let bound = params["maxLimitRequestRatio"]?.number(resource),
                      let limit = quantity("limits.\(resource)"), let request = quantity("requests.\(resource)"),
                      !request.isZero else { continue }
                let ratio = limit.doubleValue / request.doubleValue
                if ratio > bound {
                    out.append(["container": name, "resource": resource,
                                "detail": "container \"\(name)\": \(resource) limit \(limit) is \(String(format1: ratio))× its request \(request) (at most \(String(format1: bound))×)"])
                }
            }
        }
        return out
    }

    /// `imageTag`: no untagged images and none of the `forbiddenTags` (default `latest`);
    /// digests are always fine.
    static func imageTag(_ params: Value, _ target: CheckedObject) -> [[String: String]] {
        let forbidden = (params["forbiddenTags"]?.array ?? ["latest"]).compactMap(\.string)
        var out: [[String: String]] = []
        for container in Workload.containers(target.object, includeInit: true) {
            let name = container["name"]?.string ?? "?"
            guard let image = container["image"]?.string else {
                out.append(["container": name, "image": "", "detail": "container \"\(name)\" has no image"])
                continue
            }
            if image.contains("@sha256:") { continue }
            let lastSegment = image.split(separator: "/").last.map(String.init) ?? image
            if let colon = lastSegment.lastIndex(of: ":") {
                let tag = String(lastSegment[lastSegment.index(after: colon)...])
                if forbidden.contains(tag) {
                    out.append(["container": name, "image": image, "detail": "container \"\(name)\" uses image \(image); pin a version tag or digest"])
                }
            } else {
                out.append(["container": name, "image": image, "detail": "container \"\(name)\" uses untagged image \(image) (that means :latest); pin a version"])
            }
        }
        return out
    }

    /// `securityContext`: `runAsNonRoot`, `readOnlyRootFilesystem`, `noPrivilegeEscalation`,
    /// `dropAllCapabilities` (each default true). Pod-level `runAsNonRoot` counts.
    static func securityContext(_ params: Value, _ target: CheckedObject) -> [[String: String]] {
        guard let spec = Workload.podSpec(target.object) else { return [] }
        var out: [[String: String]] = []
        let podNonRoot = spec["securityContext"]?["runAsNonRoot"] == .bool(true)
        for container in Workload.containers(target.object, includeInit: true) {
            let name = container["name"]?.string ?? "?"
            let sc = container["securityContext"]
            func add(_ setting: String, _ text: String) {
                out.append(["container": name, "setting": setting, "detail": "container \"\(name)\": \(text)"])
            }
            if params.flag("runAsNonRoot", true) && !(podNonRoot || sc?["runAsNonRoot"] == .bool(true)) {
                add("runAsNonRoot", "runAsNonRoot is not true (pod or container securityContext)")
            }
            if params.flag("readOnlyRootFilesystem", true) && sc?["readOnlyRootFilesystem"] != .bool(true) {
                add("readOnlyRootFilesystem", "readOnlyRootFilesystem is not true")
            }
            if params.flag("noPrivilegeEscalation", true) && sc?["allowPrivilegeEscalation"] != .bool(false) {
                add("allowPrivilegeEscalation", "allowPrivilegeEscalation is not false")
            }
            if params.flag("dropAllCapabilities", true)
                && !((sc?["capabilities"]?["drop"]?.array ?? []).contains { $0.string?.uppercased() == "ALL" }) {
                add("capabilities", "capabilities.drop does not include ALL")
            }
        }
        return out
    }
}

extension String {
    /// One decimal, without Foundation.
    init(format1 value: Double) {
        let tenths = Int(clamping: value * 10, to: Int.min / 2...Int.max / 2, rounding: .toNearestOrAwayFromZero)
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
