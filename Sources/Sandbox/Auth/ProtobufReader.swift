/// Just enough of the protobuf wire format to read the small requests kubectl sends as
/// `application/vnd.kubernetes.protobuf` that the Sandbox must understand (access reviews for
/// `kubectl auth can-i`): the `k8s\0` envelope around a `runtime.Unknown`, and messages whose
/// fields are strings, nested messages and repeated strings.
struct ProtobufReader {
    struct Malformed: Error, CustomStringConvertible {
        var description: String { "the protobuf request body is malformed" }
    }

    /// Field number → the length-delimited payloads under it, in order (varints are skipped:
    /// none of the fields read here are numbers).
    let fields: [Int: [[UInt8]]]

    init(_ bytes: [UInt8]) throws {
        var fields: [Int: [[UInt8]]] = [:]
        var i = 0
        func varint() throws -> UInt64 {
            var result: UInt64 = 0, shift: UInt64 = 0
            while true {
                guard i < bytes.count, shift < 64 else { throw Malformed() }
                let b = bytes[i]
                i += 1
                result |= UInt64(b & 0x7f) << shift
                if b & 0x80 == 0 { return result }
                shift += 7
            }
        }
        while i < bytes.count {
            let key = try varint()
            let field = Int(key >> 3)
            switch key & 7 {
            case 0: _ = try varint()
            case 1: i += 8
            case 5: i += 4
            case 2:
                // A length past the body (or past Int) is malformed, never a trap.
                guard let length = Int(exactly: try varint()), length <= bytes.count - i else { throw Malformed() }
                fields[field, default: []].append(Array(bytes[i..<i + length]))
                i += length
            default: throw Malformed()
            }
            guard i <= bytes.count else { throw Malformed() }
        }
        self.fields = fields
    }

    /// The object inside a Kubernetes protobuf body: magic `k8s\0`, then `runtime.Unknown`
    /// whose field 2 holds the encoded object.
    static func unwrapEnvelope(_ body: [UInt8]) throws -> ProtobufReader {
        guard body.count >= 4, Array(body[0..<4]) == [0x6b, 0x38, 0x73, 0x00] else { throw Malformed() }
        let unknown = try ProtobufReader(Array(body[4...]))
        return try ProtobufReader(unknown.fields[2]?.first ?? [])
    }

    func string(_ field: Int) -> String { fields[field]?.first.map { String(decoding: $0, as: UTF8.self) } ?? "" }
    func strings(_ field: Int) -> [String] { fields[field]?.map { String(decoding: $0, as: UTF8.self) } ?? [] }
    func message(_ field: Int) throws -> ProtobufReader? { try fields[field]?.first.map(ProtobufReader.init) }
}
