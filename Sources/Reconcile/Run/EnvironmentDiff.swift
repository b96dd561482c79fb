import YAML

/// `shipshape diff`: what a reconcile of a revision would change, per object and per field,
/// with a unified diff like `kubectl diff` prints. Secret values never appear in clear.
public struct EnvironmentDiff: Sendable {
    public struct ObjectDiff: Sendable {
        public enum Action: String, Sendable { case create, update, prune }
        /// `apps/v1 Deployment chatbot-dev/backend`.
        public var object: String
        public var action: Action
        /// The fields that differ (Secret values masked).
        public var fields: [DriftDetector.FieldDrift]
        /// The unified diff, `live/…` against `desired/…`.
        public var unified: String
    }

    public var revision: String
    public var objects: [ObjectDiff]
    public var warnings: [String]
    public var isInSync: Bool { objects.isEmpty }

    /// As JSON for `-o json`.
    public var json: Value {
        .object([
            "revision": .string(revision), "inSync": .bool(isInSync),
            "objects": .array(objects.map { o in
                .object(["object": .string(o.object), "action": .string(o.action.rawValue),
                         "fields": .array(o.fields.map { f in
                             .object(["path": .string(f.path), "live": f.live ?? .null, "desired": f.desired ?? .null])
                         })])
            }),
        ])
    }
}

extension Reconciler {
    /// Renders `revision` (default: the branch head) and compares it with the cluster, reading
    /// one LIST per kind. Writes nothing and takes no lease.
    public func diff(revision: String? = nil) throws -> EnvironmentDiff {
        let commit = try revision.map { try source.resolve($0) } ?? source.head()
        let rendered = try render(commit: commit)
        let desired = try scheduled(DesiredState.prepare(rendered.values, namespace: namespace))
        let state = try store.load()
        let live = try LiveState(cluster: cluster, namespace: namespace).read(desired: desired, inventory: state.inventory)
        let plan = ApplyPlan(desired: desired, live: live, namespace: namespace)
        var objects: [EnvironmentDiff.ObjectDiff] = []
        for item in plan.changes {
            let isSecret = item.object["kind"]?.string == "Secret"
            let ignore: Set<String> = item.handover || item.live?["spec"]?["replicas"] != nil && item.object["spec"]?["replicas"] == nil
                ? ["spec.replicas"] : []
            let unified = DiffReport.unified(desired: item.object, live: item.live, ignore: ignore) ?? ""
            let fields = item.drift.map { isSecret ? Self.masked($0) : $0 } + (item.schedule.map { [$0] } ?? [])
            objects.append(.init(object: item.name, action: item.action == .create ? .create : .update, fields: fields, unified: unified))
        }
        if environment.prune {
            for key in PrunePlan.prune(inventory: state.inventory, desired: desired, live: live) {
                guard let object = live[key] else { continue }
                var before = DiffReport.clean(object)
                if object["kind"]?.string == "Secret" { before = DiffReport.mask(before, .null).0 }
                let unified = LineDiff.unified(old: YAMLEmitter.emit(before), new: "", oldName: "live/\(DiffReport.fileName(object))",
                                               newName: "desired/\(DiffReport.fileName(object))")
                objects.append(.init(object: ObjectName.of(object), action: .prune, fields: [], unified: unified))
            }
        }
        return EnvironmentDiff(revision: commit.hex, objects: objects, warnings: rendered.warnings)
    }

    /// A Secret field with its values replaced by `***`.
    static func masked(_ field: DriftDetector.FieldDrift) -> DriftDetector.FieldDrift {
        var f = field
        f.desired = f.desired.map { _ in "***" }
        f.live = f.live.map { _ in "***" }
        return f
    }
}
