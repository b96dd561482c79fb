/// Hand-written field tables for the Kubernetes protobuf messages the Sandbox decodes: for
/// each message, its fields' numbers, JSON names and types, as Kubernetes' `generated.proto`
/// files define them. One table per message drives decoding (and nothing else may guess a
/// field): a number a table lacks is refused, never dropped.
struct ProtoMessage: Sendable {
    /// The protobuf name, e.g. `k8s.io.api.core.v1.Container`.
    let name: String
    let fields: [ProtoField]
    /// Messages with their own JSON form (timestamps, quantities, int-or-string, raw JSON).
    let special: Special?
    let byNumber: [Int: ProtoField]

    enum Special: Sendable {
        /// `meta.v1.Time`: seconds, nanos → RFC 3339 in whole seconds (zero → null).
        case time
        /// `meta.v1.MicroTime`: seconds, nanos → RFC 3339 with microseconds (zero → null).
        case microTime
        /// `resource.Quantity`: field 1, the quantity's string.
        case quantity
        /// `intstr.IntOrString`: type (0 int, 1 string), intVal, strVal → a JSON number or string.
        case intOrString
        /// `runtime.RawExtension`: field 1, the raw JSON bytes of an embedded object.
        case rawExtension
        /// A Go named slice (`authorization.v1.ExtraValue`): JSON is the list in field 1.
        case stringList
    }

    init(_ name: String, _ fields: [ProtoField], special: Special? = nil) {
        self.name = name
        self.fields = fields
        self.special = special
        self.byNumber = Dictionary(fields.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// One field of a message.
struct ProtoField: Sendable {
    enum Scalar: Sendable { case string, int32, int64, bool, double, bytes }
    enum ValueType: Sendable {
        case scalar(Scalar)
        /// A nested message, by its protobuf name.
        case message(String)
    }
    enum Cardinality: Sendable {
        case single
        case repeated
        /// `map<string, V>`: entries are messages with the key in field 1 and the value in field 2.
        case map
    }

    let number: Int
    /// The JSON name; empty for an inlined (embedded) message.
    let name: String
    let type: ValueType
    let cardinality: Cardinality
    /// A Go pointer field (`*int32`, `*bool`...): present means set, even to zero. Other
    /// scalars are always on the wire and their zero value is omitted, as Go's JSON omits it.
    let pointer: Bool
    /// An embedded Go struct whose fields JSON flattens into the parent
    /// (`Probe.handler`, `Volume.volumeSource`, `ConfigMapEnvSource.localObjectReference`).
    var inline: Bool { name.isEmpty }

    static func string(_ n: Int, _ name: String, pointer: Bool = false) -> ProtoField {
        ProtoField(number: n, name: name, type: .scalar(.string), cardinality: .single, pointer: pointer)
    }
    static func strings(_ n: Int, _ name: String) -> ProtoField {
        ProtoField(number: n, name: name, type: .scalar(.string), cardinality: .repeated, pointer: false)
    }
    static func int32(_ n: Int, _ name: String, pointer: Bool = false) -> ProtoField {
        ProtoField(number: n, name: name, type: .scalar(.int32), cardinality: .single, pointer: pointer)
    }
    static func int64(_ n: Int, _ name: String, pointer: Bool = false) -> ProtoField {
        ProtoField(number: n, name: name, type: .scalar(.int64), cardinality: .single, pointer: pointer)
    }
    static func int32s(_ n: Int, _ name: String) -> ProtoField {
        ProtoField(number: n, name: name, type: .scalar(.int32), cardinality: .repeated, pointer: false)
    }
    static func int64s(_ n: Int, _ name: String) -> ProtoField {
        ProtoField(number: n, name: name, type: .scalar(.int64), cardinality: .repeated, pointer: false)
    }
    static func bool(_ n: Int, _ name: String, pointer: Bool = false) -> ProtoField {
        ProtoField(number: n, name: name, type: .scalar(.bool), cardinality: .single, pointer: pointer)
    }
    static func double(_ n: Int, _ name: String, pointer: Bool = false) -> ProtoField {
        ProtoField(number: n, name: name, type: .scalar(.double), cardinality: .single, pointer: pointer)
    }
    static func bytes(_ n: Int, _ name: String) -> ProtoField {
        ProtoField(number: n, name: name, type: .scalar(.bytes), cardinality: .single, pointer: false)
    }
    static func message(_ n: Int, _ name: String, _ type: String) -> ProtoField {
        ProtoField(number: n, name: name, type: .message(type), cardinality: .single, pointer: true)
    }
    static func messages(_ n: Int, _ name: String, _ type: String) -> ProtoField {
        ProtoField(number: n, name: name, type: .message(type), cardinality: .repeated, pointer: false)
    }
    static func inline(_ n: Int, _ type: String) -> ProtoField {
        ProtoField(number: n, name: "", type: .message(type), cardinality: .single, pointer: true)
    }
    static func stringMap(_ n: Int, _ name: String) -> ProtoField {
        ProtoField(number: n, name: name, type: .scalar(.string), cardinality: .map, pointer: false)
    }
    static func bytesMap(_ n: Int, _ name: String) -> ProtoField {
        ProtoField(number: n, name: name, type: .scalar(.bytes), cardinality: .map, pointer: false)
    }
    static func messageMap(_ n: Int, _ name: String, _ type: String) -> ProtoField {
        ProtoField(number: n, name: name, type: .message(type), cardinality: .map, pointer: false)
    }
}

/// Every table, and which message an `apiVersion`/`kind` is encoded as.
enum ProtobufSchema {
    static let meta = "k8s.io.apimachinery.pkg.apis.meta.v1."
    static let core = "k8s.io.api.core.v1."
    static let apps = "k8s.io.api.apps.v1."
    static let batch = "k8s.io.api.batch.v1."
    static let autoscaling = "k8s.io.api.autoscaling.v2."
    static let autoscalingV1 = "k8s.io.api.autoscaling.v1."
    static let policy = "k8s.io.api.policy.v1."
    static let rbac = "k8s.io.api.rbac.v1."
    static let coordination = "k8s.io.api.coordination.v1."
    static let authorization = "k8s.io.api.authorization.v1."
    static let quantity = "k8s.io.apimachinery.pkg.api.resource.Quantity"
    static let intOrString = "k8s.io.apimachinery.pkg.util.intstr.IntOrString"
    static let rawExtension = "k8s.io.apimachinery.pkg.runtime.RawExtension"
    static let time = meta + "Time"
    static let microTime = meta + "MicroTime"

    /// The protobuf package of each API version the Sandbox serves.
    static let packages: [String: String] = [
        "v1": core, "apps/v1": apps, "batch/v1": batch, "autoscaling/v2": autoscaling, "autoscaling/v1": autoscalingV1,
        "policy/v1": policy, "rbac.authorization.k8s.io/v1": rbac, "coordination.k8s.io/v1": coordination,
        "authorization.k8s.io/v1": authorization,
    ]

    static let messages: [String: ProtoMessage] = Dictionary(
        (metaMessages + coreMessages + podMessages + volumeMessages + workloadMessages + accessMessages).map { ($0.name, $0) },
        uniquingKeysWith: { first, _ in first })

    /// The message an object of this apiVersion and kind is encoded as, if a table covers it.
    static func message(apiVersion: String, kind: String) -> ProtoMessage? {
        guard let package = packages[apiVersion] else { return nil }
        return messages[package + kind]
    }

    /// Tables shared by every group: object metadata and the special types.
    static let metaMessages: [ProtoMessage] = [
        ProtoMessage(meta + "ObjectMeta", [
            .string(1, "name"), .string(2, "generateName"), .string(3, "namespace"), .string(4, "selfLink"),
            .string(5, "uid"), .string(6, "resourceVersion"), .int64(7, "generation"),
            .message(8, "creationTimestamp", time), .message(9, "deletionTimestamp", time),
            .int64(10, "deletionGracePeriodSeconds", pointer: true),
            .stringMap(11, "labels"), .stringMap(12, "annotations"),
            .messages(13, "ownerReferences", meta + "OwnerReference"), .strings(14, "finalizers"),
        ]),
        ProtoMessage(meta + "OwnerReference", [
            .string(5, "apiVersion"), .string(1, "kind"), .string(3, "name"), .string(4, "uid"),
            .bool(6, "controller", pointer: true), .bool(7, "blockOwnerDeletion", pointer: true),
        ]),
        ProtoMessage(meta + "LabelSelector", [
            .stringMap(1, "matchLabels"), .messages(2, "matchExpressions", meta + "LabelSelectorRequirement"),
        ]),
        ProtoMessage(meta + "LabelSelectorRequirement", [.string(1, "key"), .string(2, "operator"), .strings(3, "values")]),
        ProtoMessage(meta + "Condition", [
            .string(1, "type"), .string(2, "status"), .int64(3, "observedGeneration"), .message(4, "lastTransitionTime", time),
            .string(5, "reason"), .string(6, "message"),
        ]),
        ProtoMessage(time, [.int64(1, "seconds"), .int32(2, "nanos")], special: .time),
        ProtoMessage(microTime, [.int64(1, "seconds"), .int32(2, "nanos")], special: .microTime),
        ProtoMessage(quantity, [.string(1, "string")], special: .quantity),
        ProtoMessage(intOrString, [.int64(1, "type"), .int32(2, "intVal"), .string(3, "strVal")], special: .intOrString),
        ProtoMessage(rawExtension, [.bytes(1, "raw")], special: .rawExtension),
    ]
}
