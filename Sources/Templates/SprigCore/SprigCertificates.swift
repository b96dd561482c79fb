import Crypto
import _CryptoExtras
import Foundation
import SwiftASN1
import X509
import YAML

#if canImport(Glibc)
import Glibc
#endif

/// Sprig's key and certificate functions (crypto.go): `genPrivateKey` (rsa 4096, ecdsa P-256,
/// ed25519), `genCA`, `genSelfSignedCert`, `genSignedCert`, their `WithKey` forms and
/// `buildCustomCert`, over swift-crypto and swift-certificates. Keys are PEM-encoded as Go
/// encodes them: PKCS#1 `RSA PRIVATE KEY`, SEC1 `EC PRIVATE KEY`, PKCS#8 `PRIVATE KEY`
/// (ed25519). Certificates carry Go's template: CN subject, 128-bit random serial, now to now
/// plus the days given, key usage digitalSignature+keyEncipherment (+certSign for CAs), extended
/// key usage serverAuth+clientAuth, SANs from the IPs and DNS names. DSA keys are not supported:
/// swift-crypto has no DSA (FIPS 186-5 withdrew it).
enum SprigCertificates {
    static let certificateType = GoType.named("sprig.certificate", kind: .struct)

    static func register(_ add: (TemplateFunction) -> Void) {
        let s = GoType.string, i = GoType.int, list = GoType.slice(.interface)
        @Sendable func str(_ v: TemplateValue) -> String { if case .string(let x) = v.plain { return x }; return SprigConversion.string(v) }
        @Sendable func days(_ v: TemplateValue) -> Int { Int(SprigConversion.int64(v)) }
        @Sendable func wrap(_ body: () throws -> GoCertificate) throws -> TemplateValue {
            do { return .object(try body()) } catch let e as FunctionError { throw e } catch { throw FunctionError("\(error)") }
        }

        add(TemplateFunction("genPrivateKey", [s], returns: "string") { call in
            let type = str(call[0])
            switch type {
            case "", "rsa", "ecdsa", "ed25519":
                do { return .string(try SigningKey.generate(type).pem) } catch { return .string("failed to generate private key: \(error)") }
            case "dsa":
                throw FunctionError("genPrivateKey \"dsa\" is not supported by shipshape: swift-crypto has no DSA (withdrawn in FIPS 186-5); use rsa, ecdsa or ed25519")
            default:
                return .string("Unknown type " + type)
            }
        })
        add(TemplateFunction("buildCustomCert", [s, s], returns: "(sprig.certificate, error)") { call in
            try wrap {
                guard let cert = Base64.decode(str(call[0])) else { throw FunctionError("unable to decode base64 certificate") }
                guard let key = Base64.decode(str(call[1])) else { throw FunctionError("unable to decode base64 private key") }
                let certText = String(decoding: cert, as: UTF8.self), keyText = String(decoding: key, as: UTF8.self)
                guard let block = PEMBlock.decode(certText) else { throw FunctionError("unable to decode certificate") }
                do { _ = try Certificate(derEncoded: block.bytes) } catch {
                    throw FunctionError("error parsing certificate: decodedCert.Bytes: \(error)")
                }
                do { _ = try SigningKey(pem: keyText) } catch { throw FunctionError("error parsing private key: \(error)") }
                return GoCertificate(cert: certText, key: keyText)
            }
        })
        add(TemplateFunction("genCA", [s, i], returns: "(sprig.certificate, error)") { call in
            try wrap { try create(cn: str(call[0]), ips: nil, dns: nil, days: days(call[1]), key: try SigningKey.generate("rsa", bits: 2048), ca: nil, isCA: true) }
        })
        add(TemplateFunction("genCAWithKey", [s, i, s], returns: "(sprig.certificate, error)") { call in
            try wrap { try create(cn: str(call[0]), ips: nil, dns: nil, days: days(call[1]), key: try parseKey(str(call[2])), ca: nil, isCA: true) }
        })
        add(TemplateFunction("genSelfSignedCert", [s, list, list, i], returns: "(sprig.certificate, error)") { call in
            try wrap { try create(cn: str(call[0]), ips: call[1], dns: call[2], days: days(call[3]), key: try SigningKey.generate("rsa", bits: 2048), ca: nil, isCA: false) }
        })
        add(TemplateFunction("genSelfSignedCertWithKey", [s, list, list, i, s], returns: "(sprig.certificate, error)") { call in
            try wrap { try create(cn: str(call[0]), ips: call[1], dns: call[2], days: days(call[3]), key: try parseKey(str(call[4])), ca: nil, isCA: false) }
        })
        add(TemplateFunction("genSignedCert", [s, list, list, i, certificateType], returns: "(sprig.certificate, error)") { call in
            try wrap { try create(cn: str(call[0]), ips: call[1], dns: call[2], days: days(call[3]), key: try SigningKey.generate("rsa", bits: 2048), ca: call[4], isCA: false) }
        })
        add(TemplateFunction("genSignedCertWithKey", [s, list, list, i, certificateType, s], returns: "(sprig.certificate, error)") { call in
            try wrap { try create(cn: str(call[0]), ips: call[1], dns: call[2], days: days(call[3]), key: try parseKey(str(call[5])), ca: call[4], isCA: false) }
        })
    }

    private static func parseKey(_ pem: String) throws -> SigningKey {
        do { return try SigningKey(pem: pem) } catch { throw FunctionError("parsing private key: \(error)") }
    }

    /// Go's `getBaseCertTemplate` + `x509.CreateCertificate` + PEM encoding.
    static func create(cn: String, ips: TemplateValue?, dns: TemplateValue?, days: Int, key: SigningKey,
                       ca: TemplateValue?, isCA: Bool) throws -> GoCertificate {
        var names: [GeneralName] = []
        for dnsName in try strings(dns, "error processing alternate dns name: %v is not a string") { names.append(.dnsName(dnsName)) }
        var ipNames: [GeneralName] = []
        for ip in try strings(ips, "error parsing ip: %v is not a string") {
            guard let bytes = ipBytes(ip) else { throw FunctionError("error parsing ip: \(ip)") }
            ipNames.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice(bytes))))
        }
        names += ipNames
        let subject = try DistinguishedName { CommonName(cn) }
        var issuer = subject
        var signer = key
        var authorityKeyID: ArraySlice<UInt8>?
        if let ca {
            guard case .object(let o) = ca.plain, let parent = o as? GoCertificate else { throw FunctionError("unable to decode certificate") }
            guard let block = PEMBlock.decode(parent.cert) else { throw FunctionError("unable to decode certificate") }
            let parentCert: Certificate
            do { parentCert = try Certificate(derEncoded: block.bytes) } catch {
                throw FunctionError("error parsing certificate: decodedSignerCert.Bytes: \(error)")
            }
            do { signer = try SigningKey(pem: parent.key) } catch { throw FunctionError("error parsing private key: \(error)") }
            issuer = parentCert.subject
            authorityKeyID = try parentCert.extensions.subjectKeyIdentifier?.keyIdentifier
        }
        var rng = SystemRandomNumberGenerator()
        var serial = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
        serial[0] &= 0x7f
        if serial[0] == 0 { serial[0] = 1 }
        // Whole seconds, as Go's x509 writes them: a fraction rounded up would put notBefore in
        // the future, and a verifier reading the certificate at once would call it not yet valid.
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let publicKey = key.certificateKey.publicKey
        let subjectKeyID = Array(Insecure.SHA1.hash(data: Array(publicKey.subjectPublicKeyInfoBytes)))
        let extensions = try Certificate.Extensions {
            Critical(KeyUsage(digitalSignature: true, keyEncipherment: true, keyCertSign: isCA))
            try ExtendedKeyUsage([.serverAuth, .clientAuth])
            Critical(isCA ? BasicConstraints.isCertificateAuthority(maxPathLength: nil) : BasicConstraints.notCertificateAuthority)
            if isCA { SubjectKeyIdentifier(keyIdentifier: ArraySlice(subjectKeyID)) }
            if let authorityKeyID, !isCA { AuthorityKeyIdentifier(keyIdentifier: authorityKeyID) }
            if !names.isEmpty { SubjectAlternativeNames(names) }
        }
        let cert = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(bytes: serial), publicKey: publicKey,
            notValidBefore: now, notValidAfter: now.addingTimeInterval(Double(days) * 86400),
            issuer: issuer, subject: subject, signatureAlgorithm: signer.signatureAlgorithm,
            extensions: extensions, issuerPrivateKey: signer.certificateKey)
        var serializer = DER.Serializer()
        try serializer.serialize(cert)
        return GoCertificate(cert: PEMBlock.encode("CERTIFICATE", serializer.serializedBytes), key: key.pem)
    }

    /// The strings of Sprig's `[]interface{}` arguments; nil means none.
    private static func strings(_ v: TemplateValue?, _ message: String) throws -> [String] {
        guard let v else { return [] }
        switch v.plain {
        case .invalid, .null: return []
        case .list(let items, _):
            return try items.map { item in
                guard case .string(let s) = item.plain else {
                    throw FunctionError(message.replacingOccurrences(of: "%v", with: GoFormatter.string(item)))
                }
                return s
            }
        default: return []
        }
    }

    /// `net.ParseIP`, as the bytes X.509 stores (4 for IPv4, 16 for IPv6).
    static func ipBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            let bytes = withUnsafeBytes(of: &v6) { Array($0) }
            // An IPv4-mapped address is an IPv4 address to Go.
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff { return Array(bytes[12...]) }
            return bytes
        }
        return nil
    }
}

/// Sprig's `certificate` struct: `.Cert` and `.Key`, PEM text.
final class GoCertificate: TemplateObject, @unchecked Sendable {
    let cert: String, key: String
    init(cert: String, key: String) { self.cert = cert; self.key = key }
    var goTypeName: String { "sprig.certificate" }
    var formatted: String { "{\(cert) \(key)}" }
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "Cert": .string(cert)
        case "Key": .string(key)
        default: nil
        }
    }
}

/// A private key Sprig can generate, parse and sign with.
enum SigningKey {
    case rsa(_RSA.Signing.PrivateKey)
    case p256(P256.Signing.PrivateKey)
    case ed25519(Curve25519.Signing.PrivateKey)

    struct Failure: Error, CustomStringConvertible { let description: String }

    static func generate(_ type: String, bits: Int = 4096) throws -> SigningKey {
        switch type {
        case "ecdsa": return .p256(P256.Signing.PrivateKey())
        case "ed25519": return .ed25519(Curve25519.Signing.PrivateKey())
        default: return .rsa(try _RSA.Signing.PrivateKey(keySize: bits == 2048 ? .bits2048 : .bits4096))
        }
    }

    /// Go's `parsePrivateKeyPEM`: PKCS#8, PKCS#1 RSA or SEC1 EC.
    init(pem: String) throws {
        guard let block = PEMBlock.decode(pem) else { throw Failure(description: "no PEM data in input") }
        switch block.type {
        case "PRIVATE KEY":
            let ed25519Prefix: [UInt8] = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
            if block.bytes.count == 48, Array(block.bytes.prefix(16)) == ed25519Prefix {
                self = .ed25519(try Curve25519.Signing.PrivateKey(rawRepresentation: block.bytes.suffix(32)))
            } else if let k = try? P256.Signing.PrivateKey(derRepresentation: block.bytes) {
                self = .p256(k)
            } else if let k = try? _RSA.Signing.PrivateKey(unsafeDERRepresentation: block.bytes) {
                self = .rsa(k)
            } else {
                throw Failure(description: "decoding PEM as PKCS#8: unsupported key")
            }
        case "RSA PRIVATE KEY":
            do { self = .rsa(try _RSA.Signing.PrivateKey(unsafeDERRepresentation: block.bytes)) } catch {
                throw Failure(description: "parsing RSA private key from PEM: \(error)")
            }
        case "EC PRIVATE KEY":
            do { self = .p256(try P256.Signing.PrivateKey(derRepresentation: block.bytes)) } catch {
                throw Failure(description: "parsing EC private key from PEM: \(error)")
            }
        case let t where !t.hasSuffix(" PRIVATE KEY"):
            throw Failure(description: "no private key data in PEM block of type \(t)")
        default:
            throw Failure(description: "invalid private key type \(block.type)")
        }
    }

    var certificateKey: Certificate.PrivateKey {
        switch self {
        case .rsa(let k): Certificate.PrivateKey(k)
        case .p256(let k): Certificate.PrivateKey(k)
        case .ed25519(let k): Certificate.PrivateKey(k)
        }
    }

    var signatureAlgorithm: Certificate.SignatureAlgorithm {
        switch self {
        case .rsa: .sha256WithRSAEncryption
        case .p256: .ecdsaWithSHA256
        case .ed25519: .ed25519
        }
    }

    /// Go's `pemBlockForKey`.
    var pem: String {
        switch self {
        case .rsa(let k):
            return PEMBlock.encode("RSA PRIVATE KEY", Array(k.derRepresentation))
        case .p256(let k):
            // SEC1 ECPrivateKey: version 1, the scalar, the prime256v1 OID, the public point.
            let der: [UInt8] = [0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20] + Array(k.rawRepresentation)
                + [0xa0, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0xa1, 0x44, 0x03, 0x42, 0x00]
                + Array(k.publicKey.x963Representation)
            return PEMBlock.encode("EC PRIVATE KEY", der)
        case .ed25519(let k):
            let der: [UInt8] = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
                + Array(k.rawRepresentation)
            return PEMBlock.encode("PRIVATE KEY", der)
        }
    }
}

/// Go's encoding/pem for one block: 64-column base64 between BEGIN/END lines.
enum PEMBlock {
    static func encode(_ type: String, _ bytes: [UInt8]) -> String {
        let b64 = Array(Base64.encode(bytes))
        var out = "-----BEGIN \(type)-----\n"
        var i = 0
        while i < b64.count {
            out += String(b64[i..<min(i + 64, b64.count)]) + "\n"
            i += 64
        }
        return out + "-----END \(type)-----\n"
    }

    /// The first block in `text`.
    static func decode(_ text: String) -> (type: String, bytes: [UInt8])? {
        guard let begin = text.range(of: "-----BEGIN ") else { return nil }
        guard let typeEnd = text.range(of: "-----", range: begin.upperBound..<text.endIndex) else { return nil }
        let type = String(text[begin.upperBound..<typeEnd.lowerBound])
        guard let end = text.range(of: "-----END \(type)-----", range: typeEnd.upperBound..<text.endIndex) else { return nil }
        let body = text[typeEnd.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
        guard let bytes = Base64.decode(String(body)) else { return nil }
        return (type, bytes)
    }
}
