import Foundation
import YAML

/// The Sandbox's own endpoint, beside the Kubernetes API:
/// - `GET /sandbox/status`: simulated time, object and request counts, open watches, active faults;
/// - `POST /sandbox/advance?seconds=N`: move simulated time forward (tests, demos);
/// - `POST /sandbox/faults` with a fault rule (YAML or JSON), `DELETE /sandbox/faults`.
extension Cluster {
    func admin(_ r: APIRequest) throws -> APIResponse {
        switch (r.method, r.path) {
        case ("GET", "/sandbox/status"):
            var counts: [String: Value] = [:]
            for t in catalog.types where catalog.isStored(t) { counts[t.resource] = .int(Int64(store.count(t))) }
            return .json([
                "time": .string(Timestamp.format(clock.now)), "resourceVersion": .int(store.resourceVersion),
                "requests": .int(Int64(requestCount)), "watches": .int(Int64(store.observerCount)), "objects": .strings([:]).merging(counts),
                "faults": .int(Int64(faults.active.count)), "faultsInjected": .int(Int64(faults.injected)),
            ])
        case ("POST", "/sandbox/advance"):
            // Simulated time moves a second per controller pass: a day at most per request keeps
            // the wait bounded (`inf` or `1e20` would hold the cluster lock for ever).
            guard let seconds = r.query["seconds"].flatMap(Double.init), seconds.isFinite, (0...Self.maxAdvanceSeconds).contains(seconds) else {
                throw APIError.badRequest("advance needs ?seconds=N with N between 0 and 86400 (a day); got \(r.query["seconds"] ?? "nothing")")
            }
            advance(by: seconds)
            return .json(["time": .string(Timestamp.format(clock.now))])
        case ("POST", "/sandbox/faults"):
            let value: Value
            do { value = try ValueDecoder.decode(String(decoding: r.body, as: UTF8.self)) } catch {
                throw APIError.badRequest("fault rule: \(error)")
            }
            do { faults.add(try FaultRule(value, path: "fault")) } catch { throw APIError.badRequest("\(error)") }
            return .json(["faults": .int(Int64(faults.active.count))], status: 201)
        case ("DELETE", "/sandbox/faults"):
            faults.clear()
            return .json(["faults": 0])
        default:
            throw APIError.pathNotFound()
        }
    }
}

extension Cluster {
    /// The most one `POST /sandbox/advance` moves simulated time.
    static let maxAdvanceSeconds: Double = 86_400
}

extension Value {
    fileprivate func merging(_ entries: [String: Value]) -> Value {
        var out = object ?? [:]
        for (k, v) in entries.sorted(by: { $0.key < $1.key }) { out[k] = v }
        return .object(out)
    }
}
