import Crypto
import Foundation
import SwiftASN1
import X509

/// The certificates `--tls` serves with: a throw-away CA made at start-up, and a serving
/// certificate it signs for 127.0.0.1, ::1 and localhost. The CA goes into the kubeconfig as
/// `certificate-authority-data`, so clients verify the server as they would a real cluster.
/// Keys are P-256 and live only in memory.
public struct SandboxCertificateAuthority: Sendable {
    /// The CA certificate, PEM.
    public let caPEM: String
    /// The serving certificate (PEM) and its private key (PKCS#8 PEM).
    public let servingCertificatePEM: String
    public let servingKeyPEM: String

    /// A new CA and serving certificate, valid from an hour ago (clock skew) for 30 days.
    public init(now: Date = Date()) throws {
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName {
            OrganizationName("Shipshape")
            CommonName("shipshape-sandbox-ca")
        }
        let notBefore = now.addingTimeInterval(-3600), notAfter = now.addingTimeInterval(30 * 86_400)
        let caPublic = Certificate.PublicKey(caKey.publicKey)
        let caKeyID = ArraySlice(Insecure.SHA1.hash(data: Array(caPublic.subjectPublicKeyInfoBytes)))
        let ca = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: caPublic,
            notValidBefore: notBefore, notValidAfter: notAfter, issuer: caName, subject: caName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(keyIdentifier: caKeyID)
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey))

        let servingKey = P256.Signing.PrivateKey()
        let servingName = try DistinguishedName {
            OrganizationName("Shipshape")
            CommonName("shipshape-sandbox")
        }
        let serving = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(servingKey.publicKey),
            notValidBefore: notBefore, notValidAfter: notAfter, issuer: caName, subject: servingName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                try ExtendedKeyUsage([.serverAuth])
                AuthorityKeyIdentifier(keyIdentifier: caKeyID)
                SubjectAlternativeNames([
                    .dnsName("localhost"),
                    .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                    .ipAddress(ASN1OctetString(contentBytes: ArraySlice([UInt8](repeating: 0, count: 15) + [1]))),
                ])
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey))

        caPEM = try ca.serializeAsPEM().pemString + "\n"
        servingCertificatePEM = try serving.serializeAsPEM().pemString + "\n"
        servingKeyPEM = servingKey.pemRepresentation + "\n"
    }
}
