import Foundation
import Kubernetes
import YAML

/// Drift shown as `kubectl diff` shows it: a unified diff per object between the live object
/// and the live object with the desired fields applied. Secret values never appear: they are
/// `***`, or `*** (before)` / `*** (after)` where they differ.
public enum DiffReport {
    /// The unified diff for one object, or nil when there is no drift.
    public static func unified(desired: Value, live: Value?, ignore: Set<String> = []) -> String? {
        let name = fileName(desired)
        let cleanedLive = live.map(clean)
        let merged = overlay(cleanedLive ?? .object([:]), with: clean(desired), path: [], kind: desired["kind"]?.string ?? "", ignore: ignore, display: "")
        var before = cleanedLive ?? .null
        var after = merged
        if desired["kind"]?.string == "Secret" { (before, after) = mask(before, after) }
        let old = before == .null ? "" : YAMLEmitter.emit(before)
        let new = YAMLEmitter.emit(after)
        guard old != new else { return nil }
        return LineDiff.unified(old: old, new: new, oldName: "live/\(name)", newName: "desired/\(name)")
    }

    /// `apps.v1.Deployment.chatbot-dev.backend-deployment`, kubectl diff's file naming.
    static func fileName(_ object: Value) -> String {
        let apiVersion = (object["apiVersion"]?.string ?? "").replacingOccurrences(of: "/", with: ".")
        let ns = object["metadata"]?["namespace"]?.string.map { $0 + "." } ?? ""
        return "\(apiVersion).\(object["kind"]?.string ?? "").\(ns)\(object["metadata"]?["name"]?.string ?? "")"
    }

    /// Without the fields the server owns, which only add noise.
    static func clean(_ object: Value) -> Value {
        guard case .object(var o) = object else { return object }
        o.removeValue(forKey: "status")
        if case .object(var meta)? = o["metadata"] {
            for key in ["managedFields", "resourceVersion", "uid", "generation", "creationTimestamp", "selfLink"] {
                meta.removeValue(forKey: key)
            }
            if case .object(var annotations)? = meta["annotations"] {
                annotations.removeValue(forKey: "deployment.kubernetes.io/revision")
                annotations.removeValue(forKey: "kubectl.kubernetes.io/last-applied-configuration")
                meta["annotations"] = annotations.isEmpty ? nil : .object(annotations)
            }
            o["metadata"] = .object(meta)
        }
        return .object(o)
    }

    /// `live` with every field `desired` sets replaced, list-maps merged by key.
    static func overlay(_ live: Value, with desired: Value, path: [String], kind: String, ignore: Set<String>, display: String) -> Value {
        if ignore.contains(display) { return live }
        switch (live, desired) {
        case (.object(var l), .object(let d)):
            for (k, v) in d {
                let child = display.isEmpty ? k : display + "." + k
                l[k] = overlay(l[k] ?? .null, with: v, path: path + [k], kind: kind, ignore: ignore, display: child)
            }
            return .object(l)
        case (.array(let l), .array(let d)):
            guard let keys = ListMapKeys.keys(for: path, kind: kind) else { return desired }
            var out = l
            for item in d {
                let id = ListMapKeys.identity(of: item, keys: keys)
                if let i = out.firstIndex(where: { ListMapKeys.identity(of: $0, keys: keys) == id }) {
                    out[i] = overlay(out[i], with: item, path: path, kind: kind, ignore: ignore, display: display)
                } else {
                    out.append(item)
                }
            }
            return .array(out)
        default:
            if DriftDetector.scalarEqual(desired, live == .null ? nil : live, path: path) { return live }
            return desired
        }
    }

    /// Secret `data`/`stringData` values replaced by `***`, marking which changed.
    static func mask(_ before: Value, _ after: Value) -> (Value, Value) {
        SecretMasking.maskedPair(before, after)
    }
}
