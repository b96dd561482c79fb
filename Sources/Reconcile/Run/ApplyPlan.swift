import YAML

/// What a run will write: for each desired object (in apply order) whether it is missing,
/// drifted (and in which fields) or already as git says. Only missing and drifted objects are
/// applied. Pure: the caller lists the live objects (one LIST per kind) and passes them in.
public struct ApplyPlan: Sendable {
    public enum Action: String, Sendable { case create, update, unchanged }

    public struct Item: Sendable {
        public var object: Value
        public var key: String
        public var action: Action
        /// The fields that differ (empty for create and unchanged).
        public var drift: [DriftDetector.FieldDrift]
        /// The workload is an HPA target whose `spec.replicas` Shipshape still owns: hand it
        /// over before applying (see `ReplicaHandover`).
        public var handover: Bool
        public var live: Value?
        /// A scheduled HPA whose `spec.minReplicas` is not yet the floor of the window active
        /// now (`HPASchedule`): applied like drift, but it is the schedule working, not drift.
        public var schedule: DriftDetector.FieldDrift? = nil

        public var name: String { ObjectName.of(object) }
    }

    public var items: [Item]

    public var changes: [Item] { items.filter { $0.action != .unchanged } }
    public var isInSync: Bool { changes.isEmpty }

    /// `desired` must already be prepared (`DesiredState.prepare`); `live` is keyed by
    /// `Inventory.key`.
    public init(desired: [Value], live: [String: Value], namespace: String) {
        let targets = DesiredState.hpaTargets(desired, defaultNamespace: namespace)
        items = ApplyOrder.sorted(desired).map { object in
            let key = Inventory.key(object)
            guard let current = live[key] else {
                return Item(object: object, key: key, action: .create, drift: [], handover: false, live: nil)
            }
            let kind = object["kind"]?.string ?? ""
            let ns = object["metadata"]?["namespace"]?.string ?? ""
            let name = object["metadata"]?["name"]?.string ?? ""
            let isTarget = targets.contains("\(kind)/\(ns)/\(name)")
            let scheduled = HPASchedule.isScheduled(object)
            var ignore: Set<String> = isTarget ? ["spec.replicas"] : []
            if scheduled { ignore.insert("spec.minReplicas") }
            let drift = DriftDetector.drift(desired: object, live: current, ignore: ignore)
            let handover = isTarget && ReplicaHandover.ownsReplicas(current, manager: Reconciler.fieldManager)
            var schedule: DriftDetector.FieldDrift?
            if scheduled, let want = object["spec"]?["minReplicas"], want.intValue != current["spec"]?["minReplicas"]?.intValue {
                schedule = DriftDetector.FieldDrift(path: "spec.minReplicas", desired: want, live: current["spec"]?["minReplicas"])
            }
            return Item(object: object, key: key, action: drift.isEmpty && !handover && schedule == nil ? .unchanged : .update,
                        drift: drift, handover: handover, live: current, schedule: schedule)
        }
    }
}

/// The server-side-apply handover of `spec.replicas` to an HPA, as the Kubernetes docs
/// describe it ("Transferring ownership"): first apply only the current replica count under a
/// separate field manager, so that field has a second owner; then apply the configuration
/// without `spec.replicas`. Shipshape gives up the field, the handover manager keeps it, and
/// the Deployment keeps its replicas instead of dropping back to the default of 1.
public enum ReplicaHandover {
    public static let fieldManager = "handover-to-hpa"

    /// Whether `manager` holds `spec.replicas` of `live` through an Apply operation.
    public static func ownsReplicas(_ live: Value, manager: String) -> Bool {
        for entry in live["metadata"]?["managedFields"]?.array ?? [] {
            guard entry["manager"]?.string == manager, entry["operation"]?.string == "Apply" else { continue }
            if entry["fieldsV1"]?["f:spec"]?["f:replicas"] != nil { return true }
        }
        return false
    }

    /// The object the handover manager applies: identity and the live replica count only.
    public static func handoverObject(_ live: Value) -> Value? {
        guard let replicas = live["spec"]?["replicas"] else { return nil }
        let meta = live["metadata"]
        var metadata: Value = ["name": meta?["name"] ?? .null]
        if let ns = meta?["namespace"] { metadata = ["name": meta?["name"] ?? .null, "namespace": ns] }
        return ["apiVersion": live["apiVersion"] ?? .null, "kind": live["kind"] ?? .null, "metadata": metadata,
                "spec": ["replicas": replicas]]
    }
}
