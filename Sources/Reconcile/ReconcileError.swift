/// A reconcile failure, worded for the person reading the Job's log.
public struct ReconcileError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
