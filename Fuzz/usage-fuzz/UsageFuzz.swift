// usage-fuzz: the input is a usage samples file (CSV, JSON or binary SSU1), a Prometheus
// query_range answer, and a usage checkpoint, all at once. Whatever reads must go through the
// recommender and a checkpoint save and load without a crash: non-finite and huge numbers
// included, which is how a poisoned checkpoint once crashed every later hourly run.
import FuzzSupport
import Glibc
import Insights
import YAML

enum UsageFuzzCase {
    /// The samples file, rewritten for each input (the binary reader streams from a file).
    static let path = "/tmp/usage-fuzz-\(getpid()).samples"

    static func run(_ bytes: UnsafeRawBufferPointer) {
        var history = UsageHistory()
        if let file = fopen(path, "wb") {
            fwrite(bytes.baseAddress, 1, bytes.count, file)
            fclose(file)
            try? UsageFile.load(path: path, into: &history)
        }
        if let series = try? PrometheusSource.parse(Array(bytes), place: "fuzz") {
            if let samples = try? PrometheusSource.merge(namespace: "ns", cpu: series, memory: series, oom: series, cpuRequests: [:]) {
                history.add(samples)
            }
        }
        if let document = try? JSONParser().parse(bytes: Array(bytes)),
           let restored = try? UsageCheckpoint.history(fromConfigMap: document) {
            for (name, usage) in restored.containers { history.containers[name] = usage }
        }
        let policy = RecommendPolicy()
        for (name, usage) in history.containers {
            _ = ResourceRecommender.recommend(container: name, usage: usage, current: .init(), policy: policy)
        }
        // A checkpoint written from whatever was read must load again.
        guard let saved = try? UsageCheckpoint.configMap(name: "usage", namespace: "ns", history: history) else { return }
        do {
            _ = try UsageCheckpoint.history(fromConfigMap: saved)
        } catch {
            fatalError("a checkpoint Shipshape wrote does not load: \(error)")
        }
    }
}

@main
struct UsageFuzz {
    static func main() { FuzzDriver.main(name: "usage-fuzz") { UsageFuzzCase.run($0) } }
}
