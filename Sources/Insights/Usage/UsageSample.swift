import Foundation

/// One observation of one container: CPU in cores, memory working set in bytes, what it
/// requested at the time, and whether it was just OOM-killed.
public struct UsageSample: Sendable, Equatable {
    /// `namespace/workload/container`.
    public var container: String
    /// Seconds since 1970.
    public var time: Double
    public var pod: String
    public var cpuCores: Double?
    public var memoryBytes: Double?
    public var cpuRequestCores: Double?
    public var memoryRequestBytes: Double?
    /// The memory limit at the time: an OOM kill happened there.
    public var memoryLimitBytes: Double?
    public var oomKilled = false

    public init(container: String, time: Double, pod: String = "", cpuCores: Double? = nil, memoryBytes: Double? = nil,
                cpuRequestCores: Double? = nil, memoryRequestBytes: Double? = nil, memoryLimitBytes: Double? = nil,
                oomKilled: Bool = false) {
        self.container = container
        self.time = time
        self.pod = pod
        self.cpuCores = cpuCores
        self.memoryBytes = memoryBytes
        self.cpuRequestCores = cpuRequestCores
        self.memoryRequestBytes = memoryRequestBytes
        self.memoryLimitBytes = memoryLimitBytes
        self.oomKilled = oomKilled
    }
}
