/// What the simulated kubelet remembers about each pod beyond its API object: container
/// lifecycles, restart back-off entries and the pod's IP.
struct KubeletState {
    struct Termination {
        var exitCode: Int
        var reason: String
        var startedAt: Double
        var finishedAt: Double
    }

    enum ContainerPhase {
        case pulling(since: Double)
        case imagePullBackOff(firstFailure: Double, nextTry: Double, backoff: Double)
        case running(since: Double)
        /// Crashed, waiting out the restart back-off until `until`.
        case backOff(until: Double, backoff: Double)
        case terminated
        /// Could not be started (a missing ConfigMap or Secret, a volume that cannot be set up,
        /// a runtime that cannot execute the image): retried on every pass.
        case waiting(reason: String, message: String)
    }

    /// The kubelet's restart back-off entry (`flowcontrol.Backoff`): the current delay and the
    /// time of the failure that last set it.
    struct BackoffEntry {
        var backoff: Double
        var lastUpdate: Double
    }

    struct Container {
        var name: String
        var image: String
        var phase: ContainerPhase
        var restartCount = 0
        var lastTermination: Termination?
        var backoff: BackoffEntry?
        var everStarted = false
        /// Prober events are recorded up to this time of the current run.
        var probesRecordedThrough = 0.0
        /// Among the first `stuck.pods` pods of its image: its first run hangs (`stuck`).
        var stuck = false
    }

    struct Pod {
        var containers: [Container]
        var ip: String
        var startTime: Double
        var scheduledEventSent = false
        /// `spec.activeDeadlineSeconds` ran out and the kubelet killed the pod.
        var deadlineExceeded = false
    }

    var pods: [String: Pod] = [:]
    /// Pods the scheduler could not place, by uid: the FailedScheduling message and when it
    /// was last recorded.
    var unschedulable: [String: (message: String, lastEvent: Double)] = [:]
    /// How many pods each `stuck` image profile (by `match`) has made stuck so far.
    var stuckPods: [String: Int] = [:]
    var nextIP = 1
    /// Containers of executed images, by `uid/container/instance` (the restart count at start).
    var processes: [String: ExecutedContainer] = [:]

    static func processKey(uid: String, container: String, instance: Int) -> String { "\(uid)/\(container)/\(instance)" }

    /// Forgets a deleted pod; its processes are stopped within `grace` wall seconds. Returns them.
    @discardableResult
    mutating func forget(_ uid: String, grace: Double = 30) -> [ExecutedContainer] {
        pods.removeValue(forKey: uid)
        unschedulable.removeValue(forKey: uid)
        var stopped: [ExecutedContainer] = []
        for key in processes.keys where key.hasPrefix(uid + "/") {
            if let c = processes.removeValue(forKey: key) {
                c.stop(grace: grace)
                stopped.append(c)
            }
        }
        return stopped
    }

    mutating func allocateIP() -> String {
        defer { nextIP += 1 }
        return "10.244.\((nextIP / 250) % 250).\(nextIP % 250 + 1)"
    }

    /// Kubelet constants: initial and maximum container restart back-off, and the image pull
    /// back-off cap.
    static let initialBackoff = 10.0
    static let maxBackoff = 300.0
}
