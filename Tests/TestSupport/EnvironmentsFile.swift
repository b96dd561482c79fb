import Foundation

/// The shipshape.yaml tests write: one `dev` environment of the chatbot chart in namespace
/// `chatbot-dev`, reached through the kubeconfig context `sandbox`.
public enum EnvironmentsFile {
    /// `source` adds `{repository: ., branch: main}`; `reconcile` adds the reconcile settings;
    /// `context` names the kubeconfig context.
    public static func write(to directory: URL, source: Bool = false, reconcile: String? = nil, context: String = "sandbox") throws {
        var text = """
            apiVersion: shipshape.dev/v1
            kind: Environments
            environments:
              dev:
                chart: charts/chatbot
                namespace: chatbot-dev
                releaseName: chatbot
                cluster: {context: \(context)}
                policies: policies

            """
        if source { text += "    source: {repository: ., branch: main}\n" }
        if let reconcile { text += "    reconcile: \(reconcile)\n" }
        try text.write(to: directory.appendingPathComponent("shipshape.yaml"), atomically: true, encoding: .utf8)
    }
}
