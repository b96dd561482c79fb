import Foundation

/// The alerts part of one job run, as heal and logs call it after their own work: load the
/// open alerts from the job's checkpoint, apply the run's update, deliver, save. It never
/// throws: a sink that fails, or a state that cannot be read or saved, is a line in the
/// result (and the job's output), never the job's failure.
public struct AlertRun: Sendable {
    public var store: AlertStateStore
    public var sender: AlertSender

    public init(store: AlertStateStore, sender: AlertSender) {
        self.store = store
        self.sender = sender
    }

    public struct Result: Sendable {
        public var opened: [String] = []
        public var resolved: [String] = []
        public var deliveries: [AlertDelivery] = []
        /// The state could not be read or saved.
        public var problem: String?
        public var state = AlertState()

        /// Lines for the job's output.
        public var lines: [String] {
            var out = deliveries.map(\.line)
            if let problem { out.append("alerts: \(problem)") }
            return out
        }
    }

    public func run(_ update: AlertState.Update, now: Double) -> Result {
        var result = Result()
        let previous: AlertState
        do { previous = try store.load() } catch {
            // Without the state, sending would fire alerts again and forget resolutions.
            result.problem = "not sent: \(error)"
            return result
        }
        var state = previous
        (result.opened, result.resolved) = state.apply(update, now: now, resolutionSinks: sender.resolutionSinks)
        result.deliveries = sender.deliver(&state)
        do { try store.save(state, previous: previous) } catch {
            result.problem = "state not saved to \(store.place) (the next run may notify again): \(error)"
        }
        result.state = state
        return result
    }
}
