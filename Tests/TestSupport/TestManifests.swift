/// Manifests the API tests apply again and again, written once: a Deployment of one `main`
/// container with requests and limits (memory limit 512Mi, which the Sandbox's memory model
/// reads), as kubectl users write it.
public enum TestManifests {
    /// A Deployment selecting `app: NAME`. `labels` also labels the Deployment itself; `ports`
    /// gives the container port 80; `extra` is appended verbatim (more documents or fields).
    public static func deployment(name: String = "web", namespace: String = "default", image: String = "nginx:1.27",
                                  replicas: Int = 3, labels: Bool = false, ports: Bool = false, extra: String = "") -> String {
        var text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: \(name)
              namespace: \(namespace)

            """
        if labels { text += "  labels: {app: \(name)}\n" }
        text += """
            spec:
              replicas: \(replicas)
              selector:
                matchLabels: {app: \(name)}
              template:
                metadata:
                  labels: {app: \(name)}
                spec:
                  containers:
                  - name: main
                    image: \(image)

            """
        if ports { text += "        ports: [{containerPort: 80}]\n" }
        text += """
                    resources:
                      requests: {cpu: 100m, memory: 64Mi}
                      limits: {cpu: 200m, memory: 512Mi}
            """
        return extra.isEmpty ? text : text + "\n" + extra
    }
}
