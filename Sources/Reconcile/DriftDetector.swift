import Foundation
import Kubernetes
import YAML

/// Finds drift between what git wants and what the cluster has, looking only at the fields the
/// desired object sets: server defaults and fields other managers add are not drift.
/// Quantities compare by value (`500m` == `0.5`), numbers by value, and list-maps by key.
public enum DriftDetector {
    /// One field that differs.
    public struct FieldDrift: Sendable, Equatable, CustomStringConvertible {
        /// `spec.template.spec.containers[name=backend].image`.
        public var path: String
        public var desired: Value?
        public var live: Value?

        public var description: String {
            "\(path): \(live.map(Self.show) ?? "(missing)") → \(desired.map(Self.show) ?? "(removed)")"
        }

        static func show(_ v: Value) -> String {
            if case .string(let s) = v { return s }
            return (try? JSONWriter().string(v)) ?? "?"
        }
    }

    /// The fields of `desired` that `live` does not have as desired. Paths under `ignore`
    /// (e.g. `spec.replicas` when an HPA owns it) are skipped.
    public static func drift(desired: Value, live: Value, ignore: Set<String> = []) -> [FieldDrift] {
        var out: [FieldDrift] = []
        let kind = desired["kind"]?.string ?? ""
        compare(desired, live, path: [], display: "", kind: kind, ignore: ignore, into: &out)
        // A Secret's values never leave here in clear: every printer of drift shows `***`.
        if kind == "Secret" {
            out = out.map { f in
                guard !SecretMasking.isShowable(secretPath: f.path) else { return f }
                var masked = f
                masked.desired = f.desired.map { _ in .string("\(SecretMasking.marker) (after)") }
                masked.live = f.live.map { _ in .string("\(SecretMasking.marker) (before)") }
                return masked
            }
        }
        return out
    }

    /// Metadata the server owns; never drift.
    static let serverOwned: Set<String> = [
        "metadata.resourceVersion", "metadata.uid", "metadata.generation", "metadata.creationTimestamp",
        "metadata.managedFields", "metadata.selfLink", "status",
    ]

    private static func compare(_ desired: Value, _ live: Value?, path: [String], display: String, kind: String,
                                ignore: Set<String>, into out: inout [FieldDrift]) {
        if serverOwned.contains(display) || ignore.contains(display) { return }
        switch desired {
        case .object(let entries):
            guard case .object? = live else {
                out.append(FieldDrift(path: display, desired: desired, live: live))
                return
            }
            for (key, value) in entries {
                let child = display.isEmpty ? escape(key) : display + "." + escape(key)
                compare(value, live?[key], path: path + [key], display: child, kind: kind, ignore: ignore, into: &out)
            }
        case .array(let items):
            guard case .array(let liveItems)? = live else {
                if items.isEmpty && (live == nil || live == .null) { return }
                out.append(FieldDrift(path: display, desired: desired, live: live))
                return
            }
            if let keys = ListMapKeys.keys(for: path, kind: kind), items.allSatisfy({ if case .object = $0 { return true }; return false }) {
                for item in items {
                    let id = ListMapKeys.identity(of: item, keys: keys)
                    let match = liveItems.first { ListMapKeys.identity(of: $0, keys: keys) == id }
                    let selector = "[" + zip(keys, id).map { "\($0)=\($1)" }.joined(separator: ",") + "]"
                    guard let match else {
                        out.append(FieldDrift(path: display + selector, desired: item, live: nil))
                        continue
                    }
                    compare(item, match, path: path, display: display + selector, kind: kind, ignore: ignore, into: &out)
                }
            } else {
                // Atomic list: same length, and each desired element contained in the live one.
                if items.count != liveItems.count {
                    out.append(FieldDrift(path: display, desired: desired, live: live))
                    return
                }
                var inner: [FieldDrift] = []
                for (i, item) in items.enumerated() {
                    compare(item, liveItems[i], path: path + ["[]"], display: display + "[\(i)]", kind: kind, ignore: ignore, into: &inner)
                }
                if !inner.isEmpty { out.append(FieldDrift(path: display, desired: desired, live: live)) }
            }
        default:
            if !scalarEqual(desired, live, path: path) {
                out.append(FieldDrift(path: display, desired: desired, live: live))
            }
        }
    }

    private static func escape(_ key: String) -> String {
        key.replacingDotsForPath()
    }

    /// Scalars compare by meaning: numbers by value, quantities by value where the field holds
    /// one, `null` desired matches a missing field.
    static func scalarEqual(_ a: Value, _ b: Value?, path: [String]) -> Bool {
        guard let b else { return a == .null }
        if a == b { return true }
        if let x = number(a), let y = number(b) { return x == y }
        if isQuantityField(path), let x = quantity(a), let y = quantity(b) { return x == y }
        return false
    }

    private static func number(_ v: Value) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .uint(let u): return Double(u)
        case .float(let f): return f
        default: return nil
        }
    }

    private static func quantity(_ v: Value) -> Quantity? {
        switch v {
        case .string(let s): return try? Quantity(parsing: s)
        case .int(let i): return Quantity(units: i)
        case .float(let f): return try? Quantity(parsing: GoFloatFormat.json(f))
        default: return nil
        }
    }

    /// Fields whose values are `resource.Quantity`: resource requests/limits, HPA targets,
    /// storage sizes, emptyDir limits.
    static func isQuantityField(_ path: [String]) -> Bool {
        if path.contains("resources") && (path.contains("limits") || path.contains("requests")) { return true }
        if let last = path.last, ["averageValue", "value", "sizeLimit", "storage"].contains(last) { return true }
        return false
    }
}

extension String {
    /// A map key as it appears in a dotted path (`prometheus\.io/scrape`).
    func replacingDotsForPath() -> String {
        contains(".") ? replacingOccurrences(of: ".", with: "\\.") : self
    }
}
