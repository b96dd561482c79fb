import OrderedCollections
import YAML

/// Reads a Kubernetes protobuf request body (`application/vnd.kubernetes.protobuf`, what
/// kubectl's `create` generators, `run`, `expose` and `autoscale` send) into the same `Value`
/// the JSON body of that object decodes to, so the rest of the Sandbox never sees protobuf.
///
/// The body is the magic `k8s\0`, then a `runtime.Unknown`: field 1 TypeMeta (apiVersion 1,
/// kind 2), field 2 the encoded object, field 3 content encoding, field 4 content type. The
/// object is read by the tables in `ProtobufSchema`. Go's JSON rules are followed: a scalar
/// that is not a pointer is always on the wire and its zero value is left out (Go's
/// `omitempty`); a pointer scalar that is present is kept even when zero; an empty nested
/// message is `{}`; a zero `Time` is `null`.
enum ProtobufDecoder {
    static let magic: [UInt8] = [0x6b, 0x38, 0x73, 0x00]

    /// Whether a body starts with the Kubernetes protobuf magic.
    static func isEnvelope(_ body: [UInt8]) -> Bool { body.count >= 4 && Array(body[0..<4]) == magic }

    /// The object in a protobuf request body, with `apiVersion` and `kind` from its TypeMeta.
    static func decodeObject(_ body: [UInt8]) throws(ProtobufDecodingError) -> Value {
        let unknown = "k8s.io.apimachinery.pkg.runtime.Unknown"
        guard isEnvelope(body) else { throw .malformed(unknown, "the body does not start with the protobuf magic k8s\\0") }
        var apiVersion = "", kind = "", raw: ArraySlice<UInt8> = [], encoding = "", contentType = ""
        for record in try ProtobufWire.records(body[4...], message: unknown) {
            switch (record.number, record.payload) {
            case (1, .bytes(let typeMeta)):
                for field in try ProtobufWire.records(typeMeta, message: meta("TypeMeta")) {
                    guard case .bytes(let text) = field.payload else { throw .malformed(meta("TypeMeta"), "field \(field.number) is not a string") }
                    if field.number == 1 { apiVersion = String(decoding: text, as: UTF8.self) }
                    if field.number == 2 { kind = String(decoding: text, as: UTF8.self) }
                }
            case (2, .bytes(let bytes)): raw = bytes
            case (3, .bytes(let bytes)): encoding = String(decoding: bytes, as: UTF8.self)
            case (4, .bytes(let bytes)): contentType = String(decoding: bytes, as: UTF8.self)
            case (1...4, let payload): throw .malformed(unknown, "field \(record.number) is \(payload.wireName), expected length-delimited")
            default: throw .unknownField(unknown, record.number)
            }
        }
        guard encoding.isEmpty else { throw .unsupportedEncoding("content encoding \(encoding)") }
        guard contentType.isEmpty || contentType.contains("protobuf") else { throw .unsupportedEncoding(contentType) }
        guard let message = ProtobufSchema.message(apiVersion: apiVersion, kind: kind) else {
            throw .unsupportedKind(apiVersion: apiVersion, kind: kind)
        }
        var object: OrderedDictionary<String, Value> = ["kind": .string(kind), "apiVersion": .string(apiVersion)]
        if case .object(let fields) = try decode(raw, as: message) {
            for (k, v) in fields { object[k] = v }
        }
        return .object(object)
    }

    /// One message as JSON would carry it.
    static func decode(_ bytes: ArraySlice<UInt8>, as message: ProtoMessage) throws(ProtobufDecodingError) -> Value {
        let records = try ProtobufWire.records(bytes, message: message.name)
        if let special = message.special { return try decodeSpecial(special, records, message) }
        // Lists and maps grow in place (one record per element), so a long list is linear.
        var singles: [Int: Value] = [:]
        var lists: [Int: [Value]] = [:]
        var maps: [Int: OrderedDictionary<String, Value>] = [:]
        for record in records {
            guard let field = message.byNumber[record.number] else { throw .unknownField(message.name, record.number) }
            switch field.cardinality {
            case .single:
                singles[field.number] = try value(record.payload, field, in: message)
            case .repeated:
                if case .scalar(let scalar) = field.type, scalar != .string, scalar != .bytes, case .bytes(let packed) = record.payload {
                    lists[field.number, default: []] += try unpack(packed, scalar, field, in: message)
                } else {
                    lists[field.number, default: []].append(try value(record.payload, field, in: message))
                }
            case .map:
                guard case .bytes(let entry) = record.payload else {
                    throw .malformed(message.name, "map field \(field.number) (\(field.name)) is \(record.payload.wireName)")
                }
                var key = "", item: Value?
                let entryName = "\(message.name).\(field.name) entry"
                for part in try ProtobufWire.records(entry, message: entryName) {
                    switch part.number {
                    case 1:
                        guard case .bytes(let text) = part.payload else { throw .malformed(entryName, "the key is not a string") }
                        key = String(decoding: text, as: UTF8.self)
                    case 2: item = try value(part.payload, field, in: message)
                    default: throw .unknownField(entryName, part.number)
                    }
                }
                if item == nil { item = try zero(field, in: message) }
                maps[field.number, default: [:]][key] = item
            }
        }
        var out: OrderedDictionary<String, Value> = [:]
        for field in message.fields {
            switch field.cardinality {
            case .repeated: if let list = lists[field.number] { out[field.name] = .array(list) }
            case .map: if let map = maps[field.number] { out[field.name] = .object(map) }
            case .single:
                guard let v = singles[field.number] else { continue }
                if field.inline {
                    if case .object(let inner) = v { for (k, x) in inner { out[k] = x } }
                } else if field.pointer || !isZeroScalar(v) {
                    out[field.name] = v
                }
            }
        }
        return .object(out)
    }

    private static func meta(_ name: String) -> String { ProtobufSchema.meta + name }

    private static func isZeroScalar(_ v: Value) -> Bool {
        switch v {
        case .string(let s): s.isEmpty
        case .int(let i): i == 0
        case .bool(let b): !b
        case .float(let d): d == 0
        default: false
        }
    }

    private static func nested(_ field: ProtoField, in message: ProtoMessage) throws(ProtobufDecodingError) -> ProtoMessage? {
        guard case .message(let name) = field.type else { return nil }
        // A missing table is a gap in the Sandbox's tables, not a client error.
        guard let nested = ProtobufSchema.messages[name] else { throw .unknownField(message.name, field.number) }
        return nested
    }

    /// The value of one record (one element of a repeated field, one map value).
    private static func value(_ payload: ProtobufWire.Payload, _ field: ProtoField, in message: ProtoMessage) throws(ProtobufDecodingError) -> Value {
        func mismatch(_ expected: String) -> ProtobufDecodingError {
            .malformed(message.name, "field \(field.number) (\(field.name.isEmpty ? "inline" : field.name)) is \(payload.wireName), expected \(expected)")
        }
        switch field.type {
        case .message:
            guard case .bytes(let bytes) = payload else { throw mismatch("a message") }
            guard let nested = try nested(field, in: message) else { throw mismatch("a message") }
            return try decode(bytes, as: nested)
        case .scalar(let scalar):
            switch (scalar, payload) {
            case (.string, .bytes(let b)): return .string(String(decoding: b, as: UTF8.self))
            case (.bytes, .bytes(let b)): return .string(Base64.encode(b))
            case (.int32, .varint(let v)): return .int(Int64(Int32(truncatingIfNeeded: v)))
            case (.int64, .varint(let v)): return .int(Int64(bitPattern: v))
            case (.bool, .varint(let v)): return .bool(v != 0)
            case (.double, .fixed64(let v)):
                let d = Double(bitPattern: v)
                guard d.isFinite else { throw .malformed(message.name, "field \(field.number) (\(field.name)) is not a finite number") }
                return .float(d)
            case (.string, _), (.bytes, _): throw mismatch("length-delimited")
            case (.double, _): throw mismatch("64-bit")
            default: throw mismatch("varint")
            }
        }
    }

    /// A packed repeated number field (proto3 style; Kubernetes' proto2 messages send one
    /// record per element, but a packed list is read too).
    private static func unpack(_ bytes: ArraySlice<UInt8>, _ scalar: ProtoField.Scalar, _ field: ProtoField,
                               in message: ProtoMessage) throws(ProtobufDecodingError) -> [Value] {
        var out: [Value] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if scalar == .double {
                guard bytes.endIndex - i >= 8 else { throw .malformed(message.name, "packed field \(field.number) is cut short") }
                var v: UInt64 = 0
                for k in 0..<8 { v |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
                i += 8
                out.append(try value(.fixed64(v), field, in: message))
                continue
            }
            out.append(try value(.varint(try ProtobufWire.varint(bytes, &i, message: message.name)), field, in: message))
        }
        return out
    }

    /// A map value whose entry has no value field: the value type's zero.
    private static func zero(_ field: ProtoField, in message: ProtoMessage) throws(ProtobufDecodingError) -> Value {
        switch field.type {
        case .scalar(.string), .scalar(.bytes): return .string("")
        case .scalar(.bool): return .bool(false)
        case .scalar(.double): return .float(0)
        case .scalar: return .int(0)
        case .message:
            guard let nested = try nested(field, in: message) else { return .null }
            return try decode([], as: nested)
        }
    }

    private static func decodeSpecial(_ special: ProtoMessage.Special, _ records: [ProtobufWire.Record],
                                      _ message: ProtoMessage) throws(ProtobufDecodingError) -> Value {
        var fields: [Int: Value] = [:]
        var lists: [Int: [Value]] = [:]
        for record in records {
            guard let field = message.byNumber[record.number] else { throw .unknownField(message.name, record.number) }
            let v = try value(record.payload, field, in: message)
            fields[field.number] = v
            lists[field.number, default: []].append(v)
        }
        func int(_ n: Int) -> Int64 { if case .int(let i)? = fields[n] { return i }; return 0 }
        func string(_ n: Int) -> String? { fields[n]?.string }
        switch special {
        case .time, .microTime:
            guard !records.isEmpty else { return .null }
            let seconds = int(1), nanos = int(2)
            // Go's time range that RFC 3339 can print: years 0001 to 9999.
            guard seconds >= -62_135_596_800, seconds <= 253_402_300_799, nanos >= 0, nanos < 1_000_000_000 else {
                throw .malformed(message.name, "the time \(seconds)s \(nanos)ns is outside years 0001-9999")
            }
            let text = Timestamp.format(Double(seconds))
            guard special == .microTime else { return .string(text) }
            let micros = String(nanos / 1000)
            return .string(String(text.dropLast()) + "." + String(repeating: "0", count: 6 - micros.count) + micros + "Z")
        case .quantity:
            return .string(string(1) ?? "0")
        case .intOrString:
            return int(1) == 1 ? .string(string(3) ?? "") : .int(int(2))
        case .rawExtension:
            guard case .bytes(let bytes)? = records.last(where: { $0.number == 1 })?.payload, !bytes.isEmpty else { return .null }
            do { return try JSONParser().parse(bytes: Array(bytes)) } catch {
                throw .malformed(message.name, "the embedded object is not JSON: \(error)")
            }
        case .stringList:
            return .array(lists[1] ?? [])
        }
    }
}
