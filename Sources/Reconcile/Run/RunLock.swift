import Foundation
import YAML

/// The lock that keeps two runs for one environment from overlapping: a
/// `coordination.k8s.io/v1` Lease `shipshape-<env>` in the environment's namespace, taken with
/// optimistic concurrency (create, or update carrying the resourceVersion that was read). A
/// lease whose holder has not renewed it within `leaseDurationSeconds` is expired and taken
/// over; an empty holder means it was released.
///
/// Written here over the narrow `ReconcileCluster` (get/create/update) because KubeClient has
/// no Lease helper yet.
struct RunLock {
    let cluster: any ReconcileCluster
    let name: String
    let namespace: String
    let identity: String
    let leaseDurationSeconds: Int
    var now: () -> Date = Date.init

    /// Another run holds the lease.
    struct Held: Error, CustomStringConvertible {
        let holder: String
        let renewed: String
        var description: String {
            "another run (\(holder)) holds the lease, last renewed \(renewed); this run did nothing"
        }
    }

    /// Takes the lease or throws `Held`. Conflicts (someone wrote between our read and our
    /// write) are re-read and decided again, a few times.
    func acquire() throws {
        for _ in 0..<5 {
            let stamp = Self.microTime(now())
            guard let lease = try cluster.get(apiVersion: "coordination.k8s.io/v1", kind: "Lease", namespace: namespace, name: name) else {
                let object: Value = [
                    "apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
                    "metadata": ["name": .string(name), "namespace": .string(namespace)],
                    "spec": ["holderIdentity": .string(identity), "leaseDurationSeconds": .int(Int64(leaseDurationSeconds)),
                             "acquireTime": .string(stamp), "renewTime": .string(stamp), "leaseTransitions": 0],
                ]
                do { _ = try cluster.create(object); return } catch is ClusterConflict { continue }
            }
            let spec = lease["spec"]
            let holder = spec?["holderIdentity"]?.string ?? ""
            if !holder.isEmpty && holder != identity && !isExpired(spec) {
                throw Held(holder: holder, renewed: spec?["renewTime"]?.string ?? "never")
            }
            var updated = lease
            let transitions = HealthCheck.int(spec?["leaseTransitions"]) ?? 0
            updated[path: ["spec"]] = ["holderIdentity": .string(identity), "leaseDurationSeconds": .int(Int64(leaseDurationSeconds)),
                               "acquireTime": .string(stamp), "renewTime": .string(stamp),
                               "leaseTransitions": .int(Int64(holder == identity ? transitions : transitions + 1))]
            do { _ = try cluster.update(updated); return } catch is ClusterConflict { continue }
        }
        throw ReconcileError("coordination.k8s.io/v1 Lease \(namespace)/\(name): kept changing under this run; try again")
    }

    /// Gives the lease up (empty holder), if this run still holds it.
    func release() throws {
        for _ in 0..<5 {
            guard var lease = try cluster.get(apiVersion: "coordination.k8s.io/v1", kind: "Lease", namespace: namespace, name: name),
                  lease["spec"]?["holderIdentity"]?.string == identity else { return }
            var spec = lease["spec"]?.object ?? [:]
            spec["holderIdentity"] = nil
            spec["leaseDurationSeconds"] = 1
            spec["renewTime"] = .string(Self.microTime(now()))
            lease[path: ["spec"]] = .object(spec)
            do { _ = try cluster.update(lease); return } catch is ClusterConflict { continue }
        }
    }

    func isExpired(_ spec: Value?) -> Bool {
        guard let renew = spec?["renewTime"]?.string ?? spec?["acquireTime"]?.string, let at = Self.parse(renew) else { return true }
        let duration = Double(HealthCheck.int(spec?["leaseDurationSeconds"]) ?? 0)
        return at.addingTimeInterval(duration) < now()
    }

    /// `2026-01-05T10:00:00.000000Z`, the API's MicroTime.
    static func microTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'"
        return formatter.string(from: date)
    }

    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = formatter.date(from: text) { return d }
        formatter.formatOptions = [.withInternetDateTime]
        if let d = formatter.date(from: text) { return d }
        // More than millisecond precision: drop the fraction.
        if let dot = text.firstIndex(of: ".") { return formatter.date(from: String(text[..<dot]) + "Z") }
        return nil
    }
}
