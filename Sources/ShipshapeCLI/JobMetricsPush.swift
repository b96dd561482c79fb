import Foundation
import Monitoring

/// Runs a job's body and, when `SHIPSHAPE_PUSHGATEWAY_URL` is set (the chart's
/// `monitoring.pushgateway.url`), pushes its metrics: duration, result, and what the body set.
/// A job adds its own counts through the `JobMetrics` it is handed; heal and logs use it the
/// same way. A failed push is a warning on stderr: it never changes the job's result.
func reportingJobMetrics(job: String, environment: String, _ body: (inout JobMetrics) throws -> Bool) throws {
    var metrics = JobMetrics(job: job, instance: environment)
    let succeeded: Bool
    do {
        succeeded = try body(&metrics)
    } catch {
        push(metrics, succeeded: false)
        throw error
    }
    push(metrics, succeeded: succeeded)
}

private func push(_ metrics: JobMetrics, succeeded: Bool) {
    guard let url = JobMetrics.pushgatewayURL() else { return }
    do { try metrics.push(to: url, succeeded: succeeded) } catch {
        FileHandle.standardError.write(Data("warning: metrics not pushed: \(error)\n".utf8))
    }
}
