import Foundation
import TestSupport
import XCTest
import YAML
@testable import Sandbox

/// `kube-root-ca.crt`, as kube-controller-manager's root-ca-cert-publisher keeps it: in every
/// namespace, holding the CA that signs the API server's certificate, re-created when deleted
/// and restored when edited. kubectl is the client; the published CA verifies the server.
final class RootCAPublisherTests: SandboxHTTPTestCase {
    func testEveryNamespaceHasTheCAThatVerifiesTheServerAndEditsAreUndone() throws {
        try startServer(tls: true, start: Self.start)
        let ca = try XCTUnwrap(server.certificateAuthority?.caPEM)
        XCTAssertEqual(ca, server.cluster.certificateAuthority.caPEM, "the server serves with the cluster's CA")
        let all = try kubectlOK("get", "configmaps", "-A")
        XCTAssertEqual(all, """
            NAMESPACE         NAME               DATA   AGE
            default           kube-root-ca.crt   1      0s
            kube-node-lease   kube-root-ca.crt   1      0s
            kube-public       kube-root-ca.crt   1      0s
            kube-system       kube-root-ca.crt   1      0s

            """)
        let published = try kubectlOK("get", "configmap", "kube-root-ca.crt", "-n", "kube-public", "-o", #"jsonpath={.data.ca\.crt}"#)
        XCTAssertEqual(published, ca)
        XCTAssertEqual(try kubectlOK("get", "configmap", "kube-root-ca.crt", "-o", #"jsonpath={.metadata.annotations.kubernetes\.io/description}"#),
                       "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.")
        // The published bundle is enough to verify the server: a client given only it connects.
        let caFile = try write(published, to: "published-ca.crt")
        let verified = try kubectl(["--server", server.url, "--certificate-authority", caFile, "--token", Cluster.adminToken, "get", "namespace", "default", "-o", "name"],
                                   kubeconfig: "/dev/null")
        XCTAssertEqual(verified.stdout, "namespace/default\n", verified.stderr)

        // A new namespace gets it at the controller's next pass.
        try kubectlOK("apply", "-f", try write("apiVersion: v1\nkind: Namespace\nmetadata: {name: chatbot-dev}\n", to: "ns.yaml"))
        server.cluster.advance(by: 1)
        XCTAssertEqual(try kubectlOK("get", "configmaps", "-n", "chatbot-dev"), "NAME               DATA   AGE\nkube-root-ca.crt   1      0s\n")

        // Deleted: re-created (a new object).
        let uid = try kubectlOK("get", "configmap", "kube-root-ca.crt", "-n", "chatbot-dev", "-o", "jsonpath={.metadata.uid}")
        XCTAssertEqual(try kubectlOK("delete", "configmap", "kube-root-ca.crt", "-n", "chatbot-dev"), "configmap \"kube-root-ca.crt\" deleted\n")
        XCTAssertEqual(try kubectl("get", "configmap", "kube-root-ca.crt", "-n", "chatbot-dev").stderr,
                       "Error from server (NotFound): configmaps \"kube-root-ca.crt\" not found\n")
        server.cluster.advance(by: 1)
        let recreated = try kubectlOK("get", "configmap", "kube-root-ca.crt", "-n", "chatbot-dev", "-o", "jsonpath={.metadata.uid}")
        XCTAssertFalse(recreated.isEmpty)
        XCTAssertNotEqual(recreated, uid)

        // Edited: the data goes back to exactly ca.crt and the description returns; other
        // annotations and labels stay, as upstream's sync leaves them.
        try kubectlOK("patch", "configmap", "kube-root-ca.crt", "-n", "chatbot-dev", "--type=merge", "-p",
                      #"{"metadata":{"labels":{"team":"x"},"annotations":{"kubernetes.io/description":null}},"data":{"ca.crt":"forged","extra":"1"}}"#)
        XCTAssertEqual(try kubectlOK("get", "configmap", "kube-root-ca.crt", "-n", "chatbot-dev", "-o", #"jsonpath={.data.ca\.crt}"#), "forged")
        server.cluster.advance(by: 1)
        let restored = try ValueDecoder.decode(try kubectlOK("get", "configmap", "kube-root-ca.crt", "-n", "chatbot-dev", "-o", "yaml"))
        XCTAssertEqual(restored["data"], ["ca.crt": .string(ca)])
        XCTAssertEqual(restored[path: ["metadata", "annotations", "kubernetes.io/description"]]?.string?.hasPrefix("Contains a CA bundle"), true)
        XCTAssertEqual(restored[path: ["metadata", "labels", "team"]], "x")
        XCTAssertEqual(restored[path: ["metadata", "uid"]]?.string, recreated)
    }

    func testWithoutTLSTheClusterStillPublishesTheCAItsListenersWouldPresent() throws {
        let cluster = makeCluster()
        let published = get(cluster, "/api/v1/namespaces/default/configmaps/kube-root-ca.crt")
        XCTAssertEqual(published[path: ["data", "ca.crt"]]?.string, cluster.certificateAuthority.caPEM)
        XCTAssertTrue(cluster.certificateAuthority.caPEM.hasPrefix("-----BEGIN CERTIFICATE-----\n"))
        XCTAssertEqual(published[path: ["metadata", "managedFields"]]?.array?.first?["manager"], "kube-controller-manager")
        XCTAssertNil(published[path: ["metadata", "labels"]], "no ownership labels: prune and Shipshape leave it alone")
    }
}
