import Environment
import YAML

/// The thresholds `shipshape status` judges against (`policies/status.yaml`): the users'
/// 80% CPU and 85% memory per pod, and 85% CPU, 90% memory and 80% disk per node.
public struct StatusPolicy: Sendable, Equatable {
    public var podCPU = 0.80
    public var podMemory = 0.85
    /// More restarts than this in the last hour make a workload unhealthy.
    public var restartsPerHour = 0
    public var nodeCPU = 0.85
    public var nodeMemory = 0.90
    public var nodeDisk = 0.80

    public init() {}

    public init(yaml text: String, file: String) throws {
        self.init()
        let v = try ValueDecoder.decode(text, file: file)
        guard v["kind"]?.string == "StatusPolicy" else { throw StatusError("\(file): expected kind: StatusPolicy") }
        func fraction(_ value: Value?, _ name: String) throws -> Double? {
            switch value {
            case nil, .null?: return nil
            case .int(let i)?: return Double(i) / 100
            case .float(let f)?: return f <= 1 ? f : f / 100
            case .string(let s)? where s.hasSuffix("%"):
                guard let n = Double(s.dropLast()), n >= 0 else { throw StatusError("\(file): \(name) \"\(s)\" is not a percentage like 80%") }
                return n / 100
            default: throw StatusError("\(file): \(name) must be a percentage like 80%")
            }
        }
        let pods = v["pods"] ?? .object([:]), nodes = v["nodes"] ?? .object([:])
        if let x = try fraction(pods["cpu"], "pods.cpu") { podCPU = x }
        if let x = try fraction(pods["memory"], "pods.memory") { podMemory = x }
        if let r = pods["restartsPerHour"] {
            guard let n = r.intValue, n >= 0 else { throw StatusError("\(file): pods.restartsPerHour must be a whole number") }
            restartsPerHour = n
        }
        if let x = try fraction(nodes["cpu"], "nodes.cpu") { nodeCPU = x }
        if let x = try fraction(nodes["memory"], "nodes.memory") { nodeMemory = x }
        if let x = try fraction(nodes["disk"], "nodes.disk") { nodeDisk = x }
    }

    /// `status.yaml` in the environment's policies folder, or the defaults when there is none.
    public static func load(policies: String, in tree: any FileTree) throws -> StatusPolicy {
        let file = policies == "." || policies.isEmpty ? "status.yaml" : policies + "/status.yaml"
        return try tree.string(at: file).map { try StatusPolicy(yaml: $0, file: file) } ?? StatusPolicy()
    }
}

/// A problem reading or judging an environment's status, naming the file or object.
public struct StatusError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
