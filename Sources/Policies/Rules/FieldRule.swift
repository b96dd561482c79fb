import Foundation
import Kubernetes
import YAML

/// `field`: a generic check on one field, so new rules need only YAML. Params: `path`
/// (`spec.template.spec.hostNetwork`, `[*]` for every list element), `op` (exists, absent,
/// equals, notEquals, in, notIn, matches), `value`/`values`, and `default` (the value Kubernetes
/// assumes when the field is unset).
enum FieldRule {
    static func check(_ params: Value, _ target: CheckedObject) -> [[String: String]] {
        guard let path = params["path"]?.string else { return [["detail": "rule has no params.path"]] }
        let op = params["op"]?.string ?? "exists"
        var found = values(at: path.split(separator: ".").map(String.init), in: target.object)
        // What Kubernetes assumes when the field is unset (concurrencyPolicy: Allow).
        if found.isEmpty, let fallback = params["default"] { found = [fallback] }
        func raw(_ v: Value) -> String { v.string ?? (try? JSONWriter().string(v)) ?? "?" }
        // A Secret's values never reach a finding (text, JSON or SARIF): they read `***`.
        let masked = SecretMasking.isSecret(target.object) && !SecretMasking.isShowable(secretPath: path)
        func text(_ v: Value) -> String { masked ? SecretMasking.marker : raw(v) }
        switch op {
        case "exists":
            return found.isEmpty ? [["path": path, "detail": "\(path) is not set"]] : []
        case "absent":
            return found.isEmpty ? [] : [["path": path, "detail": "\(path) is set to \(text(found[0]))"]]
        case "equals", "notEquals", "in", "notIn", "matches":
            let allowed = params["values"]?.array ?? params["value"].map { [$0] } ?? []
            var out: [[String: String]] = []
            for v in found {
                let hit: Bool
                switch op {
                case "matches":
                    let pattern = allowed.first?.string ?? ""
                    hit = raw(v).range(of: pattern, options: .regularExpression) != nil
                default:
                    hit = allowed.contains(v) || allowed.contains { $0.string != nil && $0.string == v.string }
                }
                let ok = (op == "equals" || op == "in" || op == "matches") ? hit : !hit
                if !ok { out.append(["path": path, "value": text(v), "detail": "\(path) is \(text(v))"]) }
            }
            return out
        default:
            return [["detail": "unknown op \(op) (use exists, absent, equals, notEquals, in, notIn, matches)"]]
        }
    }

    static func values(at path: [String], in value: Value) -> [Value] {
        guard let first = path.first else { return [value] }
        let rest = Array(path.dropFirst())
        if first.hasSuffix("[*]") {
            let key = String(first.dropLast(3))
            return (value[key]?.array ?? []).flatMap { values(at: rest, in: $0) }
        }
        guard let next = value[first] else { return [] }
        return values(at: rest, in: next)
    }
}
