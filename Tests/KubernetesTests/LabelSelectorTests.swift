import Kubernetes
import XCTest
import YAML

final class LabelSelectorTests: XCTestCase {
    let web: [String: String] = ["app": "web", "tier": "frontend", "env": "dev"]

    func testEqualityAndInequality() throws {
        XCTAssertTrue(try LabelSelector(parsing: "app=web").matches(web))
        XCTAssertTrue(try LabelSelector(parsing: "app==web").matches(web))
        XCTAssertFalse(try LabelSelector(parsing: "app!=web").matches(web))
        XCTAssertTrue(try LabelSelector(parsing: "missing!=x").matches(web), "!= matches a missing key")
        XCTAssertFalse(try LabelSelector(parsing: "app=web,tier=backend").matches(web))
    }

    func testSetBasedRequirements() throws {
        XCTAssertTrue(try LabelSelector(parsing: "env in (dev, prod)").matches(web))
        XCTAssertFalse(try LabelSelector(parsing: "env notin (dev,prod)").matches(web))
        XCTAssertTrue(try LabelSelector(parsing: "missing notin (a)").matches(web))
        XCTAssertTrue(try LabelSelector(parsing: "tier").matches(web))
        XCTAssertFalse(try LabelSelector(parsing: "!tier").matches(web))
        XCTAssertTrue(try LabelSelector(parsing: "!legacy,app").matches(web))
    }

    func testKeysWithPrefixesAndEmptyValues() throws {
        let labels = ["app.kubernetes.io/name": "backend", "empty": ""]
        XCTAssertTrue(try LabelSelector(parsing: "app.kubernetes.io/name=backend,empty=").matches(labels))
    }

    func testEmptySelectorMatchesEverything() throws {
        XCTAssertTrue(try LabelSelector(parsing: "").matches([:]))
        XCTAssertTrue(try LabelSelector(parsing: "  ").isEmpty)
    }

    func testMalformedSelectorsNameTheSelector() {
        XCTAssertThrowsError(try LabelSelector(parsing: "app=web,")) { error in
            XCTAssertTrue("\(error)".contains("\"app=web,\""), "\(error)")
        }
        XCTAssertThrowsError(try LabelSelector(parsing: "app in web"))
        XCTAssertThrowsError(try LabelSelector(parsing: "app >< web"))
    }

    func testObjectFormWithMatchLabelsAndExpressions() throws {
        let selector = try LabelSelector(object: [
            "matchLabels": ["app": "web"],
            "matchExpressions": [["key": "env", "operator": "In", "values": ["dev", "staging"]],
                                 ["key": "legacy", "operator": "DoesNotExist"]],
        ])
        XCTAssertTrue(selector.matches(web))
        XCTAssertEqual(selector.description, "app=web,env in (dev,staging),!legacy")
        XCTAssertThrowsError(try LabelSelector(object: ["matchExpressions": [["key": "a", "operator": "Near"]]]))
    }
}

final class ObjectIdentityTests: XCTestCase {
    func testIdentityReadsTheFormErrorsUse() throws {
        let deployment: Value = ["apiVersion": "apps/v1", "kind": "Deployment",
                                 "metadata": ["name": "backend", "namespace": "chatbot-dev"]]
        XCTAssertEqual(ObjectIdentity(deployment)?.description, "apps/v1 Deployment chatbot-dev/backend")
        let namespace: Value = ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "chatbot-dev"]]
        XCTAssertEqual(ObjectIdentity(namespace)?.description, "v1 Namespace chatbot-dev")
        XCTAssertEqual(ObjectIdentity(namespace)?.gvk.group, "")
        XCTAssertNil(ObjectIdentity(["kind": "Pod"]))
    }
}
