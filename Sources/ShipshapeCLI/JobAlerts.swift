import Alerts
import Foundation
import KubeClient

/// The alerts step of a job (heal, logs): the sinks from the environment (the chart sets
/// SHIPSHAPE_ALERTMANAGER_URL and friends, and mounts the alerts Secret), the open alerts in the
/// job's checkpoint ConfigMap. Returns the lines for the job's output; it never throws, so a
/// sink's failure never fails the job.
func deliverAlerts(_ update: AlertState.Update, now: Double, api: KubeAPI, namespace: String, configMap: String) -> [String] {
    let settings: AlertSettings
    do { settings = try AlertSettings.fromEnvironment() } catch {
        return ["alerts: not sent: \(error)"]
    }
    let run = AlertRun(store: AlertStateStore(api: api, namespace: namespace, configMap: configMap),
                       sender: AlertSender(sinks: settings.sinks()))
    // Without a sink the state is still kept (`shipshape alerts` lists it), and nothing is said.
    return run.run(update, now: now).lines
}
