import Foundation
import XCTest
import TestSupport
import YAML
@testable import Templates

/// Sprig's crypto functions. bcrypt is checked against fixed vectors (OpenBSD/crypt_blowfish's
/// `U*U` set and others computed by libxcrypt); derivePassword against Sprig's documented
/// `ZedaFaxcZaso9*` and values from Python's hashlib.scrypt; AES, keys and certificates
/// against the openssl command line (parse, inspect, `verify -CAfile`).
final class SprigCryptoTests: XCTestCase {
    private func render(_ text: String) throws -> String {
        let set = TemplateSet(functions: SprigCore.functions)
        set.missingKey = .zero
        try set.parse(name: "t", text: text)
        return try set.execute("t", data: TemplateValue(Value.object([:]))).text
    }

    private func error(_ template: String) -> String {
        do { _ = try render(template); return "" } catch { return "\(error)" }
    }

    /// openssl on the PATH, or nil: the checks against it are skipped without it.
    private let opensslPath = Subprocess.find("openssl")
    /// This test's scratch directory for the files openssl reads; removed in tearDown.
    private var tempDirectory: URL?

    override func tearDownWithError() throws {
        if let tempDirectory { try FileManager.default.removeItem(at: tempDirectory) }
        tempDirectory = nil
        try super.tearDownWithError()
    }

    /// Runs openssl with `args`; returns its exit status and its output (stdout, then stderr).
    @discardableResult
    private func openssl(_ args: [String]) throws -> (Int32, String) {
        guard let opensslPath else { throw TestServerError("openssl is not installed (scripts/install-deps.sh installs it)") }
        let result = try Subprocess.run(opensslPath, args)
        return (result.status, result.stdout + result.stderr)
    }

    private func temp(_ name: String, _ text: String) throws -> String {
        let dir: URL
        if let tempDirectory {
            dir = tempDirectory
        } else {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("sprig-crypto-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            tempDirectory = dir
        }
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testBcryptVectors() throws {
        let vectors: [(String, String)] = [
            ("U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"),
            ("U*U*", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK"),
            ("", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy"),
            ("secret", "$2a$10$abcdefghijklmnopqrstuuqflPDzB6gcMhKa1rZqKiun2YGL5sa2u"),
            (String(String(repeating: "0123456789", count: 8).prefix(72)), "$2a$04$abcdefghijklmnopqrstuum2G75IXDN/xsgbNa/hCiPSKyIHQd70S"),
            ("pässwörd", "$2a$06$0123456789./ABCDEFGHI.NckBU.6V8jlR3kEggO/BeH37pDudUCe"),
        ]
        for (password, expected) in vectors {
            let parts = expected.split(separator: "$")
            let salt = try XCTUnwrap(Bcrypt.decode(String(parts[2].prefix(22))))
            XCTAssertEqual(salt.count, 16)
            XCTAssertEqual(try Bcrypt.hash(Array(password.utf8), salt: salt, cost: Int(parts[1])!), expected, password)
        }
        XCTAssertThrowsError(try Bcrypt.hash(Array(repeating: 65, count: 73), salt: Array(repeating: 0, count: 16), cost: 4))
    }

    func testBcryptAndHtpasswdTemplates() throws {
        let hash = try render("{{ bcrypt \"secret\" }}")
        XCTAssertNotNil(hash.range(of: #"^\$2a\$10\$[./A-Za-z0-9]{53}$"#, options: .regularExpression), hash)
        let salt = try XCTUnwrap(Bcrypt.decode(String(hash.dropFirst(7).prefix(22))))
        XCTAssertEqual(try Bcrypt.hash(Array("secret".utf8), salt: salt, cost: 10), hash)
        let line = try render("{{ htpasswd \"admin\" \"pw\" }}")
        XCTAssertTrue(line.hasPrefix("admin:$2a$10$"), line)
        XCTAssertEqual(try render("{{ htpasswd \"a:b\" \"pw\" }}"), "invalid username: a:b")
        XCTAssertEqual(try render("{{ bcrypt (repeat 73 \"x\") }}"), "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes")
    }

    func testDerivePassword() throws {
        XCTAssertEqual(try render("{{ derivePassword 1 \"long\" \"password\" \"user\" \"example.com\" }}"), "ZedaFaxcZaso9*")
        XCTAssertEqual(try render("{{ derivePassword 3 \"pin\" \"secret\" \"bob\" \"k8s.io\" }}"), "1428")
        XCTAssertEqual(try render("{{ derivePassword 1 \"maximum\" \"password\" \"user\" \"example.com\" }}"), "pf4zS1LjCg&LjhsZ7T2~")
        XCTAssertEqual(try render("{{ derivePassword 1 \"nope\" \"p\" \"u\" \"s\" }}"), "cannot find password template nope")
    }

    func testAES() throws {
        XCTAssertEqual(try render("{{ encryptAES \"key\" \"hello world\" | decryptAES \"key\" }}"), "hello world")
        XCTAssertEqual(try render("{{ encryptAES \"key\" \"\" }}|{{ decryptAES \"key\" \"\" }}"), "|")
        let exact = String(repeating: "x", count: 32)
        XCTAssertEqual(try render("{{ encryptAES \"a-password-longer-than-thirty-two-bytes\" \"\(exact)\" | decryptAES \"a-password-longer-than-thirty-two-bytes\" }}"), exact)
        let sealed = try render("{{ encryptAES \"key\" \"hello world\" }}")
        XCTAssertEqual(Base64.decode(sealed)?.count, 32)
        guard opensslPath != nil else { return XCTFail("openssl is not installed (scripts/install-deps.sh installs it)") }
        // openssl decrypts what encryptAES wrote: key "key" zero-padded to 32 bytes, IV in front.
        let bytes = try XCTUnwrap(Base64.decode(sealed))
        let keyHex = Hex.encode(Array("key".utf8) + Array(repeating: 0, count: 29))
        let body = try temp("aes.bin", "")
        try Data(bytes[16...]).write(to: URL(fileURLWithPath: body))
        let (status, plain) = try openssl(["enc", "-d", "-aes-256-cbc", "-K", keyHex, "-iv", Hex.encode(Array(bytes[..<16])), "-in", body])
        XCTAssertEqual(status, 0, plain)
        XCTAssertEqual(plain, "hello world")
        // And decryptAES reads what openssl wrote.
        let iv = "000102030405060708090a0b0c0d0e0f"
        let (s2, b64) = try openssl(["enc", "-aes-256-cbc", "-K", keyHex, "-iv", iv, "-base64", "-A", "-in", try temp("plain.txt", "from openssl")])
        XCTAssertEqual(s2, 0, b64)
        let combined = Base64.encode((0..<16).map { UInt8($0) } + Base64.decode(b64.trimmingCharacters(in: .whitespacesAndNewlines))!)
        XCTAssertEqual(try render("{{ decryptAES \"key\" \"\(combined)\" }}"), "from openssl")
    }

    func testPrivateKeys() throws {
        let rsa = try render("{{ genPrivateKey \"rsa\" }}")
        XCTAssertTrue(rsa.hasPrefix("-----BEGIN RSA PRIVATE KEY-----\n") && rsa.hasSuffix("-----END RSA PRIVATE KEY-----\n"))
        let ec = try render("{{ genPrivateKey \"ecdsa\" }}")
        XCTAssertTrue(ec.hasPrefix("-----BEGIN EC PRIVATE KEY-----\n"), ec)
        let ed = try render("{{ genPrivateKey \"ed25519\" }}")
        XCTAssertTrue(ed.hasPrefix("-----BEGIN PRIVATE KEY-----\n"), ed)
        XCTAssertEqual(try render("{{ genPrivateKey \"x\" }}"), "Unknown type x")
        XCTAssertTrue(error("{{ genPrivateKey \"dsa\" }}").contains("not supported by shipshape"))
        guard opensslPath != nil else { return XCTFail("openssl is not installed (scripts/install-deps.sh installs it)") }
        let (s1, t1) = try openssl(["pkey", "-noout", "-text", "-in", try temp("rsa.pem", rsa)])
        XCTAssertEqual(s1, 0, t1)
        XCTAssertTrue(t1.contains("Private-Key: (4096 bit"), t1)
        let (s2, t2) = try openssl(["pkey", "-noout", "-text", "-in", try temp("ec.pem", ec)])
        XCTAssertEqual(s2, 0, t2)
        XCTAssertTrue(t2.contains("prime256v1"), t2)
        let (s3, t3) = try openssl(["pkey", "-noout", "-text", "-in", try temp("ed.pem", ed)])
        XCTAssertEqual(s3, 0, t3)
        XCTAssertTrue(t3.contains("ED25519 Private-Key"), t3)
    }

    func testCertificatesVerifyWithOpenSSL() throws {
        let out = try render("""
        {{- $ca := genCA "my-ca" 365 -}}
        {{- $leaf := genSignedCert "leaf.example.com" (list "10.0.0.1" "::1") (list "example.com" "www.example.com") 30 $ca -}}
        {{- $self := genSelfSignedCert "self" nil (list "self.local") 10 -}}
        {{- $eckey := genPrivateKey "ecdsa" -}}
        {{- $ca2 := genCAWithKey "ec-ca" 10 $eckey -}}
        {{- $edkey := genPrivateKey "ed25519" -}}
        {{- $leaf2 := genSignedCertWithKey "ed-leaf" nil nil 5 $ca2 $edkey -}}
        {{- $self2 := genSelfSignedCertWithKey "rsa-self" (list "192.168.1.1") nil 1 (genPrivateKey "rsa") -}}
        {{- $custom := buildCustomCert ($ca.Cert | b64enc) ($ca.Key | b64enc) -}}
        {{ $ca.Cert }}|{{ $ca.Key }}|{{ $leaf.Cert }}|{{ $leaf.Key }}|{{ $self.Cert }}|{{ $ca2.Cert }}|{{ $ca2.Key | eq $eckey }}|{{ $leaf2.Cert }}|{{ $leaf2.Key | eq $edkey }}|{{ $self2.Cert }}|{{ eq $custom.Cert $ca.Cert }}|{{ printf "%T" $ca }}
        """)
        let f = out.components(separatedBy: "|")
        XCTAssertEqual(f.count, 12, out)
        XCTAssertTrue(f[0].hasPrefix("-----BEGIN CERTIFICATE-----\n"))
        XCTAssertTrue(f[1].hasPrefix("-----BEGIN RSA PRIVATE KEY-----\n"))
        XCTAssertEqual(f[6], "true")
        XCTAssertEqual(f[8], "true")
        XCTAssertEqual(f[10], "true")
        XCTAssertEqual(f[11], "sprig.certificate")
        XCTAssertTrue(error("{{ buildCustomCert \"!!\" \"\" }}").hasSuffix("unable to decode base64 certificate"))
        XCTAssertTrue(error("{{ genCAWithKey \"x\" 1 \"junk\" }}").hasSuffix("parsing private key: no PEM data in input"))
        guard opensslPath != nil else { return XCTFail("openssl is not installed (scripts/install-deps.sh installs it)") }
        let ca = try temp("ca.pem", f[0]), leaf = try temp("leaf.pem", f[2]), selfSigned = try temp("self.pem", f[4])
        let ca2 = try temp("ca2.pem", f[5]), leaf2 = try temp("leaf2.pem", f[7]), self2 = try temp("self2.pem", f[9])
        let (s1, caText) = try openssl(["x509", "-noout", "-text", "-in", ca])
        XCTAssertEqual(s1, 0, caText)
        XCTAssertTrue(caText.contains("CA:TRUE"), caText)
        XCTAssertTrue(caText.contains("Subject: CN = my-ca") && caText.contains("Issuer: CN = my-ca"), caText)
        XCTAssertTrue(caText.contains("Certificate Sign"), caText)
        XCTAssertTrue(caText.contains("sha256WithRSAEncryption"), caText)
        XCTAssertTrue(caText.contains("Public-Key: (2048 bit)"), caText)
        let (s2, leafText) = try openssl(["x509", "-noout", "-text", "-in", leaf])
        XCTAssertEqual(s2, 0, leafText)
        XCTAssertTrue(leafText.contains("Subject: CN = leaf.example.com") && leafText.contains("Issuer: CN = my-ca"), leafText)
        XCTAssertTrue(leafText.contains("DNS:example.com, DNS:www.example.com, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1"), leafText)
        XCTAssertTrue(leafText.contains("TLS Web Server Authentication, TLS Web Client Authentication"), leafText)
        XCTAssertTrue(leafText.contains("Digital Signature, Key Encipherment"), leafText)
        XCTAssertTrue(leafText.contains("CA:FALSE"), leafText)
        let (s3, verify) = try openssl(["verify", "-CAfile", ca, leaf])
        XCTAssertEqual(s3, 0, verify)
        XCTAssertTrue(verify.contains("OK"), verify)
        let (s4, verify2) = try openssl(["verify", "-CAfile", ca2, leaf2])
        XCTAssertEqual(s4, 0, verify2)
        let (s5, ca2Text) = try openssl(["x509", "-noout", "-text", "-in", ca2])
        XCTAssertEqual(s5, 0)
        XCTAssertTrue(ca2Text.contains("ecdsa-with-SHA256") && ca2Text.contains("prime256v1"), ca2Text)
        let (s6, leaf2Text) = try openssl(["x509", "-noout", "-text", "-in", leaf2])
        XCTAssertEqual(s6, 0)
        XCTAssertTrue(leaf2Text.contains("ED25519"), leaf2Text)
        let (s7, selfText) = try openssl(["x509", "-noout", "-text", "-in", selfSigned])
        XCTAssertEqual(s7, 0)
        XCTAssertTrue(selfText.contains("DNS:self.local") && selfText.contains("Issuer: CN = self"), selfText)
        let (s8, self2Text) = try openssl(["x509", "-noout", "-text", "-in", self2])
        XCTAssertEqual(s8, 0)
        XCTAssertTrue(self2Text.contains("IP Address:192.168.1.1"), self2Text)
        // The key printed with the leaf matches the leaf's public key.
        let (_, certPub) = try openssl(["x509", "-noout", "-pubkey", "-in", leaf])
        let (_, keyPub) = try openssl(["pkey", "-pubout", "-in", try temp("leafkey.pem", f[3])])
        XCTAssertEqual(certPub, keyPub)
    }
}
