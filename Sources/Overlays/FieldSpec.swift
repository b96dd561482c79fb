import Kubernetes
import YAML

/// Where a transformer writes: a slash-separated path (`spec/template/metadata/labels`) in
/// objects of a group/version/kind, and whether missing fields along it are created — kustomize's
/// `fieldSpecs` entries.
struct FieldSpec: Sendable, Equatable {
    var group: String?
    var version: String?
    var kind: String?
    /// Path segments; `[]` markers are dropped because sequences are always walked into.
    var path: [String]
    var create: Bool

    init(_ path: String, group: String? = nil, version: String? = nil, kind: String? = nil, create: Bool = false) {
        self.group = group
        self.version = version
        self.kind = kind
        self.path = FieldSpec.segments(path)
        self.create = create
    }

    /// Splits on `/` but not on `\/` (annotation keys such as `nginx.ingress.kubernetes.io\/auth-secret`).
    static func segments(_ path: String) -> [String] {
        var out: [String] = []
        var current = ""
        var escaped = false
        for ch in path {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; continue }
            if ch == "/" { out.append(current); current = ""; continue }
            current.append(ch)
        }
        out.append(current)
        return out.map { $0.hasSuffix("[]") ? String($0.dropLast(2)) : $0 }.filter { !$0.isEmpty }
    }

    /// Empty group, version or kind match anything, as in kustomize.
    func matches(_ gvk: GroupVersionKind) -> Bool {
        if let group, !group.isEmpty, group != gvk.group { return false }
        if let version, !version.isEmpty, version != gvk.version { return false }
        if let kind, !kind.isEmpty, kind != gvk.kind { return false }
        return true
    }
}

extension Value {
    /// Calls `body` with every field at `path`, walking into each element of the sequences met
    /// on the way. A missing field is passed as nil when `create` is set (and intermediate maps
    /// are created); otherwise it is skipped.
    mutating func visitFields(_ path: ArraySlice<String>, create: Bool, _ body: (inout Value?) throws -> Void) rethrows {
        switch self {
        case .array(var items):
            for i in items.indices { try items[i].visitFields(path, create: create, body) }
            self = .array(items)
        case .object(var map):
            guard let key = path.first else { return }
            var child: Value? = map[key]
            if child == .null { child = nil }
            if path.count == 1 {
                if child == nil && !create { return }
                try body(&child)
                if let child { map[key] = child }
            } else {
                if child == nil {
                    guard create else { return }
                    child = .object([:])
                }
                try child!.visitFields(path.dropFirst(), create: create, body)
                map[key] = child!
            }
            self = .object(map)
        default:
            return
        }
    }
}
