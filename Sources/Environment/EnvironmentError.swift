/// Why an environment could not be read or rendered, worded for the person reading a Job's log
/// or a terminal: it names the file (or revision) and the shipshape.yaml key involved.
public struct EnvironmentError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
