import Kubernetes
import YAML

/// Scaling windows declared in git (`<workload>.hpa.schedules` in values): the chart renders
/// them as a JSON list in the HPA's `shipshape.dev/schedules` annotation, and each reconcile
/// sets the HPA's `spec.minReplicas` to the floor of the window active now by the API
/// server's clock (the highest when windows overlap), falling back to the values'
/// minReplicas. A window only raises the floor, never lowers it below the values' minimum
/// nor above maxReplicas; the HPA keeps scaling above it. The field then belongs to the
/// schedule, as `spec.replicas` belongs to the HPA: a change of window is applied, not
/// reported as drift.
public struct HPASchedule: Sendable, Equatable {
    public static let annotation = "shipshape.dev/schedules"

    public struct Window: Sendable, Equatable, CustomStringConvertible {
        public var cron: String
        public var durationSeconds: Double
        public var minReplicas: Int
        /// As written: `0 7 * * 1-5 for 10h`.
        public var description: String
        let schedule: CronSchedule

        public static func == (a: Window, b: Window) -> Bool {
            a.cron == b.cron && a.durationSeconds == b.durationSeconds && a.minReplicas == b.minReplicas
        }

        /// Whether a scheduled start falls in (t − duration, t].
        public func isActive(at t: Double) -> Bool {
            guard let start = schedule.next(after: t - durationSeconds) else { return false }
            return start <= t
        }
    }

    public var windows: [Window]

    /// The schedule of an HPA object, nil when it has none. Throws for an annotation that does
    /// not parse, naming the HPA and the entry.
    public static func of(_ hpa: Value) throws -> HPASchedule? {
        guard let text = hpa["metadata"]?["annotations"]?[annotation]?.string else { return nil }
        let name = "autoscaling/v2 HorizontalPodAutoscaler \(hpa["metadata"]?["name"]?.string ?? "?")"
        func fail(_ what: String) -> ReconcileError {
            ReconcileError("\(name): annotation \(annotation): \(what); fix hpa.schedules in the values file (each entry {cron, duration, minReplicas})")
        }
        let list: Value
        do { list = try ValueDecoder.decode(text, file: annotation) } catch { throw fail("not a JSON list (\(error))") }
        if list == .null { return HPASchedule(windows: []) }
        guard let items = list.array else { throw fail("not a list") }
        var windows: [Window] = []
        for (i, item) in items.enumerated() {
            guard let cron = item["cron"]?.string, let schedule = CronSchedule(cron) else {
                throw fail("entry \(i): cron \(item["cron"]?.string ?? "missing") is not a five-field cron schedule in UTC")
            }
            guard let durationText = item["duration"]?.string, let seconds = DurationText.seconds(durationText), seconds > 0 else {
                throw fail("entry \(i): duration \(item["duration"]?.string ?? "missing") is not a duration like 3h or 90m")
            }
            guard let minReplicas = item["minReplicas"]?.intValue, minReplicas >= 1 else {
                throw fail("entry \(i): minReplicas must be an integer of at least 1")
            }
            windows.append(Window(cron: cron, durationSeconds: seconds, minReplicas: minReplicas,
                                  description: "\(cron) for \(durationText)", schedule: schedule))
        }
        return HPASchedule(windows: windows)
    }

    /// The floor at `t`: the highest active window's minReplicas, at least `base`, at most
    /// `max`; and the window it comes from (nil: the values' minReplicas).
    public func floor(at t: Double, base: Int, max ceiling: Int) -> (minReplicas: Int, window: Window?) {
        var out = (minReplicas: base, window: Window?.none)
        for w in windows where w.isActive(at: t) && w.minReplicas > out.minReplicas {
            out = (w.minReplicas, w)
        }
        out.minReplicas = min(out.minReplicas, Swift.max(base, ceiling))
        return out
    }

    /// The objects with every scheduled HPA's `spec.minReplicas` set to its floor at `t`.
    public static func applyFloors(_ objects: [Value], at t: Double) throws -> [Value] {
        try objects.map { object in
            guard object["kind"]?.string == "HorizontalPodAutoscaler", let schedule = try of(object),
                  case .object(var o) = object, case .object(var spec)? = o["spec"] else { return object }
            let base = spec["minReplicas"]?.intValue ?? 1
            let ceiling = spec["maxReplicas"]?.intValue ?? base
            let floor = schedule.floor(at: t, base: base, max: ceiling)
            spec["minReplicas"] = .int(Int64(floor.minReplicas))
            o["spec"] = .object(spec)
            return .object(o)
        }
    }

    /// Whether `object` is an HPA whose minReplicas a schedule owns.
    public static func isScheduled(_ object: Value) -> Bool {
        object["kind"]?.string == "HorizontalPodAutoscaler" && object["metadata"]?["annotations"]?[annotation]?.string != nil
    }
}
