import Crypto
import _CryptoExtras
import Foundation
import YAML

/// Sprig's crypto functions (crypto.go): `bcrypt`, `htpasswd`, `derivePassword` (Master
/// Password: scrypt then HMAC-SHA256), `encryptAES`/`decryptAES` (AES-256-CBC, the password's
/// bytes zero-padded or cut to 32, a random IV in front, base64) and `randBytes`'s siblings.
/// Keys and certificates are in SprigCertificates.swift.
enum SprigCrypto {
    static func register(_ add: (TemplateFunction) -> Void) {
        let s = GoType.string
        @Sendable func str(_ v: TemplateValue) -> String { if case .string(let x) = v.plain { return x }; return SprigConversion.string(v) }
        @Sendable func bcrypt(_ input: String) -> String {
            do { return try Bcrypt.generate(Array(input.utf8)) } catch { return "failed to encrypt string with bcrypt: \(error)" }
        }
        add(TemplateFunction("bcrypt", [s], returns: "string") { .string(bcrypt(str($0[0]))) })
        add(TemplateFunction("htpasswd", [s, s], returns: "string") { call in
            let user = str(call[0])
            if user.contains(":") { return .string("invalid username: \(user)") }
            return .string(user + ":" + bcrypt(str(call[1])))
        })
        add(TemplateFunction("derivePassword", [.integer(.uint32), s, s, s, s], returns: "string") { call in
            var counter: UInt32 = 0
            switch call[0].plain {
            case .uint(let u, _): counter = UInt32(truncatingIfNeeded: u)
            case .int(let i, _): counter = UInt32(truncatingIfNeeded: i)
            default: break
            }
            return .string(derivePassword(counter, str(call[1]), str(call[2]), str(call[3]), str(call[4])))
        })
        add(TemplateFunction("encryptAES", [s, s], returns: "(string, error)") { call in
            .string(try encryptAES(str(call[0]), str(call[1])))
        })
        add(TemplateFunction("decryptAES", [s, s], returns: "(string, error)") { call in
            .string(try decryptAES(str(call[0]), str(call[1])))
        })
    }

    // MARK: Master Password

    private static let templates: [String: [String]] = [
        "maximum": ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long": ["CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
                 "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
                 "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
                 "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
                 "CvccCvcvCvccno"],
        "medium": ["CvcnoCvc", "CvcCvcno"],
        "short": ["Cvcn"],
        "basic": ["aaanaaan", "aannaaan", "aaannaaa"],
        "pin": ["nnnn"],
    ]

    private static let characters: [Character: String] = [
        "V": "AEIOU", "C": "BCDFGHJKLMNPQRSTVWXYZ", "v": "aeiou", "c": "bcdfghjklmnpqrstvwxyz",
        "A": "AEIOUBCDFGHJKLMNPQRSTVWXYZ", "a": "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
        "n": "0123456789", "o": "@&%?,=[]_:-+*$#!'^~;()/.",
        "x": "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
    ]

    static func derivePassword(_ counter: UInt32, _ type: String, _ password: String, _ user: String, _ site: String) -> String {
        guard let temps = templates[type] else { return "cannot find password template \(type)" }
        func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff)] }
        let seed = Array("com.lyndir.masterpassword".utf8)
        let salt = seed + be32(UInt32(user.utf8.count)) + Array(user.utf8)
        let key: SymmetricKey
        do {
            key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: 64, rounds: 32768,
                                           blockSize: 8, parallelism: 2, maxMemory: 64 * 1024 * 1024)
        } catch {
            return "failed to derive password: \(error)"
        }
        let message = seed + be32(UInt32(site.utf8.count)) + Array(site.utf8) + be32(counter)
        let mac = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        let template = Array(temps[Int(mac[0]) % temps.count])
        var out = ""
        for (i, element) in template.enumerated() {
            let chars = Array(characters[element]!.utf8)
            out.append(Character(UnicodeScalar(chars[Int(mac[i + 1]) % chars.count])))
        }
        return out
    }

    // MARK: AES

    private static func aesKey(_ password: String) -> SymmetricKey {
        var key = [UInt8](repeating: 0, count: 32)
        for (i, b) in password.utf8.prefix(32).enumerated() { key[i] = b }
        return SymmetricKey(data: key)
    }

    static func encryptAES(_ password: String, _ plaintext: String) throws -> String {
        if plaintext.isEmpty { return "" }
        var content = Array(plaintext.utf8)
        let padding = 16 - content.count % 16
        content += [UInt8](repeating: UInt8(padding), count: padding)
        var rng = SystemRandomNumberGenerator()
        let iv = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let sealed = try AES._CBC.encrypt(content, using: aesKey(password), iv: AES._CBC.IV(ivBytes: iv), noPadding: true)
        return Base64.encode(iv + Array(sealed))
    }

    static func decryptAES(_ password: String, _ crypt64: String) throws -> String {
        if crypt64.isEmpty { return "" }
        guard let crypt = Base64.decode(crypt64) else { throw FunctionError("illegal base64 data at input byte 0") }
        guard crypt.count >= 16 else { throw FunctionError("runtime error: slice bounds out of range [:16] with capacity \(crypt.count)") }
        let body = Array(crypt[16...])
        guard body.count % 16 == 0 else { throw FunctionError("crypto/cipher: input not full blocks") }
        if body.isEmpty { throw FunctionError("runtime error: index out of range [-1]") }
        let plain = Array(try AES._CBC.decrypt(body, using: aesKey(password), iv: AES._CBC.IV(ivBytes: crypt[0..<16]), noPadding: true))
        let pad = Int(plain[plain.count - 1])
        guard pad <= plain.count else { throw FunctionError("runtime error: slice bounds out of range [:\(plain.count - pad)]") }
        return String(decoding: plain[..<(plain.count - pad)], as: UTF8.self)
    }
}
