/// The protobuf wire format, as far as Kubernetes objects use it: a message is a sequence of
/// (field number, wire type, payload) records. Reading is total: every length and varint is
/// checked against the bytes left, so a hostile body is a `ProtobufDecodingError`, never a trap.
struct ProtobufWire {
    /// One record of a message: its field number and its payload.
    enum Payload: Equatable {
        case varint(UInt64)
        case fixed64(UInt64)
        case fixed32(UInt32)
        case bytes(ArraySlice<UInt8>)

        /// The wire type's name, for error messages.
        var wireName: String {
            switch self {
            case .varint: "varint"
            case .fixed64: "64-bit"
            case .fixed32: "32-bit"
            case .bytes: "length-delimited"
            }
        }
    }

    struct Record: Equatable {
        let number: Int
        let payload: Payload
    }

    /// The base-128 varint at `i`, which moves past it.
    static func varint(_ bytes: ArraySlice<UInt8>, _ i: inout Int, message: String) throws(ProtobufDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard i < bytes.endIndex, shift < 64 else { throw .malformed(message, "a varint runs past the end of its field") }
            let b = bytes[i]
            i += 1
            result |= UInt64(b & 0x7f) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// The records of one message, in wire order (a repeated field has one record per element).
    static func records(_ bytes: ArraySlice<UInt8>, message: String) throws(ProtobufDecodingError) -> [Record] {
        var out: [Record] = []
        var i = bytes.startIndex
        func varint() throws(ProtobufDecodingError) -> UInt64 { try Self.varint(bytes, &i, message: message) }
        func fixed(_ width: Int) throws(ProtobufDecodingError) -> UInt64 {
            guard bytes.endIndex - i >= width else { throw .malformed(message, "a fixed-width field runs past the end of the body") }
            var v: UInt64 = 0
            for k in 0..<width { v |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
            i += width
            return v
        }
        while i < bytes.endIndex {
            let key = try varint()
            guard let number = Int(exactly: key >> 3), number > 0, number < 1 << 29 else {
                throw .malformed(message, "field number \(key >> 3) is out of range")
            }
            switch key & 7 {
            case 0: out.append(Record(number: number, payload: .varint(try varint())))
            case 1: out.append(Record(number: number, payload: .fixed64(try fixed(8))))
            case 5: out.append(Record(number: number, payload: .fixed32(UInt32(truncatingIfNeeded: try fixed(4)))))
            case 2:
                let length = try varint()
                guard length <= UInt64(bytes.endIndex - i) else { throw .malformed(message, "field \(number) is longer than the body") }
                let end = i + Int(length)
                out.append(Record(number: number, payload: .bytes(bytes[i..<end])))
                i = end
            default:
                throw .malformed(message, "field \(number) has wire type \(key & 7), which Kubernetes objects do not use")
            }
        }
        return out
    }
}
