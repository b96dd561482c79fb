import Foundation
import YAML

/// A `coordination.k8s.io/v1` Lease used as a lock, as client-go's leader election uses one:
/// whoever holds an unexpired lease owns the work; every change is a write conditioned on the
/// `resourceVersion` last read, so two contenders can never both win (one gets a 409).
/// The reconciler takes one so that two runs (a slow CronJob and the next) never overlap.
public final class LeaseLock: @unchecked Sendable {
    public let api: KubeAPI
    public let name: String
    public let namespace: String
    /// Who we are (`hostname/pid` or the pod name).
    public let identity: String
    /// How long a lease lasts without renewal, in seconds.
    public let durationSeconds: Int
    /// The clock; tests pass their own.
    public var now: @Sendable () -> Date = { Date() }

    /// What an attempt to acquire or renew found.
    public enum Outcome: Equatable, Sendable {
        /// No one held it (or it was released): it is ours.
        case acquired
        /// We held it and pushed its expiry forward.
        case renewed
        /// Someone else's lease had expired: it is ours now.
        case tookOver(from: String)
        /// Someone else holds it until `until`.
        case heldBy(String, until: Date)
        /// Another contender wrote it between our read and our write (409).
        case lostRace

        public var isHeld: Bool {
            switch self {
            case .acquired, .renewed, .tookOver: return true
            case .heldBy, .lostRace: return false
            }
        }
    }

    static let resource = APIResource(group: "coordination.k8s.io", version: "v1", name: "leases", kind: "Lease",
                                      namespaced: true, verbs: [])

    public init(api: KubeAPI, name: String, namespace: String, identity: String, durationSeconds: Int = 60) {
        self.api = api
        self.name = name
        self.namespace = namespace
        self.identity = identity
        self.durationSeconds = durationSeconds
    }

    /// Acquires the lease if it is free or expired, renews it if we hold it.
    public func acquireOrRenew() throws -> Outcome {
        let stamp = Self.microTime(now())
        guard let lease = try api.get(Self.resource, name: name, namespace: namespace) else {
            let fresh: Value = [
                "apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
                "metadata": ["name": .string(name), "namespace": .string(namespace)],
                "spec": ["holderIdentity": .string(identity), "leaseDurationSeconds": .int(Int64(durationSeconds)),
                         "acquireTime": .string(stamp), "renewTime": .string(stamp), "leaseTransitions": 0],
            ]
            do {
                _ = try api.create(fresh, namespace: namespace)
                return .acquired
            } catch let error as KubeAPIError where error.isConflict {
                return .lostRace
            }
        }
        let spec = lease["spec"] ?? .object([:])
        let holder = spec["holderIdentity"]?.string ?? ""
        var updated = lease
        updated[path: ["spec", "renewTime"]] = .string(stamp)
        updated[path: ["spec", "leaseDurationSeconds"]] = .int(Int64(durationSeconds))
        let outcome: Outcome
        if holder == identity {
            outcome = .renewed
        } else {
            if !holder.isEmpty, let until = expiry(spec), until > now() { return .heldBy(holder, until: until) }
            updated[path: ["spec", "holderIdentity"]] = .string(identity)
            updated[path: ["spec", "acquireTime"]] = .string(stamp)
            updated[path: ["spec", "leaseTransitions"]] = .int(Int64((spec["leaseTransitions"]?.intValue ?? 0) + 1))
            outcome = holder.isEmpty ? .acquired : .tookOver(from: holder)
        }
        do {
            // PUT with the resourceVersion we read: a concurrent writer makes this a 409.
            _ = try api.replace(updated)
            return outcome
        } catch let error as KubeAPIError where error.isConflict {
            return .lostRace
        }
    }

    /// Gives the lease up if we hold it, so the next run need not wait for it to expire.
    /// Returns false if someone else holds it now.
    @discardableResult
    public func release() throws -> Bool {
        guard var lease = try api.get(Self.resource, name: name, namespace: namespace) else { return true }
        guard lease["spec"]?["holderIdentity"]?.string == identity else { return false }
        lease[path: ["spec", "holderIdentity"]] = .string("")
        lease[path: ["spec", "leaseDurationSeconds"]] = 1
        lease[path: ["spec", "renewTime"]] = .string(Self.microTime(now()))
        do {
            _ = try api.replace(lease)
            return true
        } catch let error as KubeAPIError where error.isConflict {
            return false
        }
    }

    /// When the lease in `spec` runs out: renewTime + leaseDurationSeconds.
    func expiry(_ spec: Value) -> Date? {
        guard let renew = spec["renewTime"]?.string.flatMap(Self.parseMicroTime) else { return nil }
        return renew.addingTimeInterval(Double(spec["leaseDurationSeconds"]?.intValue ?? durationSeconds))
    }

    /// Kubernetes' MicroTime: RFC 3339 with microseconds, in UTC.
    public static func microTime(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let micros = Int(((date.timeIntervalSince1970 - seconds) * 1_000_000).rounded(.down))
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec, micros)
    }

    static func parseMicroTime(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = formatter.date(from: text) { return d }
        return ISO8601DateFormatter().date(from: text)
    }
}
