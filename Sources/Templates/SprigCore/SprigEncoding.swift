/// Sprig's base32 functions (`b32enc`, `b32dec`): Go's `base32.StdEncoding`, padding and its
/// `illegal base32 data at input byte N` errors included (Sprig prints the error as the value).
enum SprigEncoding {
    static func register(_ add: (TemplateFunction) -> Void) {
        add(TemplateFunction("b32enc", [.string], returns: "string") { call in
            .string(Base32.encode(Array(SprigConversion.string(call[0]).utf8)))
        })
        add(TemplateFunction("b32dec", [.string], returns: "string") { call in
            switch Base32.decode(SprigConversion.string(call[0])) {
            case .success(let bytes): return .string(String(decoding: bytes, as: UTF8.self))
            case .failure(let error): return .string(error.description)
            }
        })
    }
}

/// RFC 4648 base32 with `=` padding, decoding as Go's encoding/base32 does.
enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    struct CorruptInput: Error, CustomStringConvertible {
        let offset: Int
        var description: String { "illegal base32 data at input byte \(offset)" }
    }

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let chunk = Array(bytes[i..<min(i + 5, bytes.count)])
            var b = [UInt8](repeating: 0, count: 5)
            for (j, v) in chunk.enumerated() { b[j] = v }
            let digits: [UInt8] = [
                b[0] >> 3, (b[0] << 2 | b[1] >> 6) & 31, (b[1] >> 1) & 31, (b[1] << 4 | b[2] >> 4) & 31,
                (b[2] << 1 | b[3] >> 7) & 31, (b[3] >> 2) & 31, (b[3] << 3 | b[4] >> 5) & 31, b[4] & 31,
            ]
            let used = [0, 2, 4, 5, 7, 8][chunk.count]
            for j in 0..<8 { out.append(j < used ? alphabet[Int(digits[j])] : UInt8(ascii: "=")) }
            i += 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Go's `StdEncoding.DecodeString` (newlines ignored).
    static func decode(_ text: String) -> Result<[UInt8], CorruptInput> {
        var decodeMap = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { decodeMap[Int(c)] = UInt8(i) }
        var src = Array(text.utf8.filter { $0 != 10 && $0 != 13 })[...]
        let olen = src.count
        var out: [UInt8] = []
        var end = false
        let pad = UInt8(ascii: "=")
        while !src.isEmpty && !end {
            var dbuf = [UInt8](repeating: 0, count: 8)
            var dlen = 8
            var j = 0
            while j < 8 {
                guard let c = src.first else { return .failure(CorruptInput(offset: olen - src.count - j)) }
                src = src.dropFirst()
                if c == pad && j >= 2 && src.count < 8 {
                    if src.count + j < 7 { return .failure(CorruptInput(offset: olen)) }
                    for k in 0..<(7 - j) where src.count > k && src[src.startIndex + k] != pad {
                        return .failure(CorruptInput(offset: olen - src.count + k - 1))
                    }
                    dlen = j
                    end = true
                    if dlen == 1 || dlen == 3 || dlen == 6 { return .failure(CorruptInput(offset: olen - src.count - 1)) }
                    break
                }
                dbuf[j] = decodeMap[Int(c)]
                if dbuf[j] == 0xFF { return .failure(CorruptInput(offset: olen - src.count - 1)) }
                j += 1
            }
            var quantum: [UInt8] = []
            if dlen >= 2 { quantum.append(dbuf[0] << 3 | dbuf[1] >> 2) }
            if dlen >= 4 { quantum.append(dbuf[1] << 6 | dbuf[2] << 1 | dbuf[3] >> 4) }
            if dlen >= 5 { quantum.append(dbuf[3] << 4 | dbuf[4] >> 1) }
            if dlen >= 7 { quantum.append(dbuf[4] << 7 | dbuf[5] << 2 | dbuf[6] >> 3) }
            if dlen >= 8 { quantum.append(dbuf[6] << 5 | dbuf[7]) }
            out += quantum
        }
        return .success(out)
    }
}
