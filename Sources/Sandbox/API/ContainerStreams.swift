/// `pods/exec`, `pods/attach` and `pods/portforward` (and so `kubectl exec`, `attach`, `cp`,
/// `port-forward` and `run -it`): streams into a running container, which need a container
/// runtime; and `pods/ephemeralcontainers` (`kubectl debug`), a container added to a running
/// pod. Reading `ephemeralcontainers` is the pod, as kube-apiserver serves it. The Sandbox simulates containers (executed images are plain processes with no
/// shell to enter), so it answers every such request, WebSocket or SPDY upgrade alike, with a
/// 501 Status that says so and names what to use instead; kubectl prints it as
/// `Error from server (NotImplemented): ...` rather than hanging or reporting a missing path.
enum ContainerStreams {
    static let subresources: Set<String> = ["exec", "attach", "portforward", "ephemeralcontainers"]

    /// The refusal for `subresource` of the pod `name` (which exists: a missing pod is a 404).
    static func unavailable(_ subresource: String, pod name: String) -> APIError {
        let action: String, instead: String
        switch subresource {
        case "portforward":
            action = "forward ports to pod \"\(name)\""
            instead = "nothing listens on its ports; read its state with \"kubectl describe pod \(name)\" and its usage with \"kubectl top pod \(name)\""
        case "ephemeralcontainers":
            action = "add a debug container to pod \"\(name)\""
            instead = "read its output with \"kubectl logs \(name)\" and its state with \"kubectl describe pod \(name)\", or run a debugging pod of its own with kubectl apply"
        case "attach":
            action = "attach to pod \"\(name)\""
            instead = "read its output with \"kubectl logs \(name)\" and its state with \"kubectl describe pod \(name)\""
        default:
            action = "exec into pod \"\(name)\""
            instead = "read its output with \"kubectl logs \(name)\" and its state with \"kubectl describe pod \(name)\""
        }
        return APIError(code: 501, reason: "NotImplemented",
                        message: "the Sandbox has no container runtime to \(action) (its containers are simulated): \(instead)")
    }
}
