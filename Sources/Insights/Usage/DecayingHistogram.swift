import Foundation
import YAML

/// VPA's histogram (`pkg/recommender/util`): exponentially growing buckets and sample weights
/// that double every half-life, so recent usage counts more than old usage without ever
/// rewriting old buckets.
public struct DecayingHistogram: Sendable, Equatable {
    /// Bucket layout: the first bucket's size, a growth ratio, and a maximum value.
    public struct Options: Sendable, Equatable {
        public var firstBucketSize: Double
        public var ratio: Double
        public var maxValue: Double

        /// CPU in cores: 0.01 core first bucket, 5% growth, up to 1000 cores.
        public static let cpu = Options(firstBucketSize: 0.01, ratio: 1.05, maxValue: 1000)
        /// Memory in bytes: 10 MB first bucket, 5% growth, up to 1 TB.
        public static let memory = Options(firstBucketSize: 1e7, ratio: 1.05, maxValue: 1e12)

        public var bucketCount: Int {
            Int(clamping: log(maxValue * (ratio - 1) / firstBucketSize + 1) / log(ratio), to: 0...1_000_000, rounding: .up) + 1
        }

        public func bucket(for value: Double) -> Int {
            if !(value >= firstBucketSize) { return 0 }
            return Int(clamping: log(value * (ratio - 1) / firstBucketSize + 1) / log(ratio), to: 0...(bucketCount - 1), rounding: .down)
        }

        public func bucketStart(_ bucket: Int) -> Double {
            firstBucketSize * (pow(ratio, Double(bucket)) - 1) / (ratio - 1)
        }
    }

    public let options: Options
    public let halfLife: Double
    /// Weights by bucket (sparse).
    public private(set) var weights: [Int: Double] = [:]
    public private(set) var totalWeight = 0.0
    /// The time (seconds since 1970) at which a sample's weight factor is 1.
    public private(set) var reference: Double

    public init(options: Options, halfLife: Double = 24 * 3600, reference: Double = 0) {
        self.options = options
        self.halfLife = halfLife
        self.reference = reference
    }

    /// A histogram restored from a checkpoint: its reference time, bucket weights and total
    /// (stored, so a restored histogram is bit-for-bit the one saved).
    public init(options: Options, halfLife: Double, reference: Double, weights: [Int: Double], total: Double? = nil) {
        self.init(options: options, halfLife: halfLife, reference: reference)
        self.weights = weights
        totalWeight = total ?? weights.values.reduce(0, +)
    }

    public var isEmpty: Bool { totalWeight <= 0 }

    /// Adds a sample taken at `time` with `weight`, scaled up by 2^((time - reference)/halfLife).
    public mutating func add(_ value: Double, weight: Double = 1, at time: Double) {
        var exponent = (time - reference) / halfLife
        if exponent > 100 {
            // Keep weights finite: move the reference forward and scale existing weights down.
            let shift = floor(exponent)
            let factor = pow(2, -shift)
            for (b, w) in weights { weights[b] = w * factor }
            totalWeight *= factor
            reference += shift * halfLife
            exponent -= shift
        }
        let w = weight * pow(2, exponent)
        let b = options.bucket(for: value)
        weights[b, default: 0] += w
        totalWeight += w
    }

    /// Removes a sample added earlier (VPA replaces a window's memory peak this way).
    public mutating func subtract(_ value: Double, weight: Double = 1, at time: Double) {
        let w = weight * pow(2, (time - reference) / halfLife)
        let b = options.bucket(for: value)
        let now = max(0, (weights[b] ?? 0) - w)
        weights[b] = now > 1e-12 ? now : nil
        totalWeight = max(0, totalWeight - w)
    }

    /// VPA's percentile: the end of the first bucket at which the cumulative weight reaches
    /// `p` of the total (the start of the last bucket, which has no end).
    public func percentile(_ p: Double) -> Double {
        guard !isEmpty else { return 0 }
        let threshold = p * totalWeight
        var sum = 0.0
        let buckets = weights.keys.sorted()
        guard var bucket = buckets.first else { return 0 }
        for b in buckets {
            bucket = b
            sum += weights[b]!
            if sum >= threshold { break }
        }
        if bucket < options.bucketCount - 1 { return options.bucketStart(bucket + 1) }
        return options.bucketStart(bucket)
    }
}
