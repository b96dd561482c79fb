/// bcrypt (Provos and Mazières' Blowfish-based password hash) as golang.org/x/crypto/bcrypt
/// produces it: `$2a$`, cost 10 by default, the key's trailing NUL included, 23 of 24 cipher
/// bytes encoded. Sprig's `bcrypt` and `htpasswd` use it.
enum Bcrypt {
    static let defaultCost = 10

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// `bcrypt.GenerateFromPassword` with a fresh random salt.
    static func generate(_ password: [UInt8], cost: Int = defaultCost) throws -> String {
        var rng = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return try hash(password, salt: salt, cost: cost)
    }

    /// The full `$2a$CC$<salt><hash>` string for a 16-byte salt.
    static func hash(_ password: [UInt8], salt: [UInt8], cost: Int) throws -> String {
        if password.count > 72 { throw Failure(description: "bcrypt: password length exceeds 72 bytes") }
        guard (4...31).contains(cost) else { throw Failure(description: "crypto/bcrypt: cost \(cost) is outside allowed inclusive range 4..31") }
        let key = password + [0]
        var bf = Blowfish()
        bf.expand(key: key, salt: salt)
        for _ in 0..<(1 << cost) {
            bf.expand(key: key)
            bf.expand(key: salt)
        }
        var words: [UInt32] = []
        let magic = Array("OrpheanBeholderScryDoubt".utf8)
        for i in stride(from: 0, to: 24, by: 4) {
            words.append(UInt32(magic[i]) << 24 | UInt32(magic[i + 1]) << 16 | UInt32(magic[i + 2]) << 8 | UInt32(magic[i + 3]))
        }
        for i in stride(from: 0, to: 6, by: 2) {
            for _ in 0..<64 { (words[i], words[i + 1]) = bf.encrypt(words[i], words[i + 1]) }
        }
        let bytes = words.flatMap { w in [UInt8(w >> 24), UInt8(w >> 16 & 0xff), UInt8(w >> 8 & 0xff), UInt8(w & 0xff)] }
        let costText = cost < 10 ? "0\(cost)" : "\(cost)"
        return "$2a$" + costText + "$" + encode(salt) + encode(Array(bytes.prefix(23)))
    }

    /// bcrypt's unpadded base64 with the `./A-Za-z0-9` alphabet.
    static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 3) << 4 | b1 >> 4)])
            if i + 1 < bytes.count { out.append(alphabet[Int((b1 & 15) << 2 | b2 >> 6)]) }
            if i + 2 < bytes.count { out.append(alphabet[Int(b2 & 63)]) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The inverse of `encode`, for salts given as text.
    static func decode(_ text: String) -> [UInt8]? {
        let alphabet = Array("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var values: [UInt8] = []
        for c in text.utf8 {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            values.append(UInt8(v))
        }
        var out: [UInt8] = []
        var i = 0
        while i + 1 < values.count {
            out.append(values[i] << 2 | values[i + 1] >> 4)
            if i + 2 < values.count { out.append(values[i + 1] << 4 | values[i + 2] >> 2) }
            if i + 3 < values.count { out.append(values[i + 2] << 6 | values[i + 3]) }
            i += 4
        }
        return out
    }
}

/// Blowfish with bcrypt's expensive key schedule (x/crypto/blowfish `NewSaltedCipher` and
/// `ExpandKey`).
struct Blowfish {
    var p = BlowfishConstants.p
    var s = BlowfishConstants.s

    @inline(__always) private func f(_ x: UInt32) -> UInt32 {
        ((s[Int(x >> 24)] &+ s[256 + Int(x >> 16 & 0xff)]) ^ s[512 + Int(x >> 8 & 0xff)]) &+ s[768 + Int(x & 0xff)]
    }

    func encrypt(_ l: UInt32, _ r: UInt32) -> (UInt32, UInt32) {
        var xl = l ^ p[0], xr = r
        var i = 1
        while i < 17 {
            xr ^= f(xl) ^ p[i]
            xl ^= f(xr) ^ p[i + 1]
            i += 2
        }
        xr ^= p[17]
        return (xr, xl)
    }

    private static func nextWord(_ b: [UInt8], _ j: inout Int) -> UInt32 {
        var w: UInt32 = 0
        for _ in 0..<4 {
            w = w << 8 | UInt32(b[j])
            j += 1
            if j >= b.count { j = 0 }
        }
        return w
    }

    /// `ExpandKey` (salt nil) or `expandKeyWithSalt`.
    mutating func expand(key: [UInt8], salt: [UInt8]? = nil) {
        var j = 0
        for i in 0..<18 { p[i] ^= Self.nextWord(key, &j) }
        var k = 0
        var l: UInt32 = 0, r: UInt32 = 0
        for i in stride(from: 0, to: 18, by: 2) {
            if let salt { l ^= Self.nextWord(salt, &k); r ^= Self.nextWord(salt, &k) }
            (l, r) = encrypt(l, r)
            p[i] = l; p[i + 1] = r
        }
        for i in stride(from: 0, to: 1024, by: 2) {
            if let salt { l ^= Self.nextWord(salt, &k); r ^= Self.nextWord(salt, &k) }
            (l, r) = encrypt(l, r)
            s[i] = l; s[i + 1] = r
        }
    }
}
