import Foundation
import TestSupport
import XCTest
import YAML
@testable import Sandbox

/// `--tls`: HTTPS with a CA the Sandbox generates, trusted through the kubeconfig it writes.
final class TLSTests: SandboxHTTPTestCase {
    func testKubectlVerifiesTheServerWithTheKubeconfigsCA() throws {
        _ = try kubectlPath()
        let url = try startServer(tls: true)
        XCTAssertTrue(url.hasPrefix("https://127.0.0.1:"), url)
        let config = try ValueDecoder.decode(String(contentsOfFile: kubeconfigPath, encoding: .utf8))
        let cluster = config[path: ["clusters"]]?.array?.first?["cluster"]
        XCTAssertEqual(cluster?["server"]?.string, url)
        let caData = try XCTUnwrap(cluster?["certificate-authority-data"]?.string)
        let pem = String(decoding: Data(base64Encoded: caData) ?? Data(), as: UTF8.self)
        XCTAssertTrue(pem.hasPrefix("-----BEGIN CERTIFICATE-----"), pem)

        let namespaces = try kubectlOK("get", "namespaces", "-o", "name")
        XCTAssertTrue(namespaces.contains("namespace/default"), namespaces)
        let manifest = try write(Self.deployment(), to: "web.yaml")
        XCTAssertEqual(try kubectlOK("apply", "--server-side", "-f", manifest), "deployment.apps/web serverside-applied\n")

        // The same server without the CA: verification fails, as it would against a real cluster.
        let untrusted = try String(contentsOfFile: kubeconfigPath, encoding: .utf8)
            .split(separator: "\n").filter { !$0.contains("certificate-authority-data") }.joined(separator: "\n")
        let untrustedPath = try write(untrusted + "\n", to: "untrusted-kubeconfig")
        let refused = try kubectl(["get", "namespaces"], kubeconfig: untrustedPath)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("certificate signed by unknown authority"), refused.stderr)

        // localhost is in the certificate too; plain HTTP on the TLS port is not served.
        if let curl = Subprocess.find("curl") {
            let caPath = try write(pem, to: "ca.crt")
            let port = url.split(separator: ":").last!
            let viaName = try Subprocess.run(curl, ["-sS", "--cacert", caPath, "https://localhost:\(port)/version"])
            XCTAssertEqual(viaName.status, 0, viaName.stderr)
            XCTAssertTrue(viaName.stdout.contains("gitVersion"), viaName.stdout)
        }
    }
}
