/// The one way a number that came from input (a file, a flag, a request body) becomes an
/// integer. Swift's `Int(_: Double)` traps on NaN, infinity and anything past `Int.max`; a
/// hostile `1e400` or `.inf` must be an error the caller reports, never a crash.
extension FixedWidthInteger {
    /// `value` rounded by `rule`, or nil when it is NaN, infinite or outside this type's range.
    @inlinable
    public init?(checking value: Double, rounding rule: FloatingPointRoundingRule = .towardZero) {
        guard value.isFinite else { return nil }
        let rounded = value.rounded(rule)
        // Double(Self.max) rounds up to a power of two, so the upper test is strict.
        guard rounded >= Double(Self.min), rounded < Double(Self.max) else { return nil }
        self.init(rounded)
    }

    /// `value` rounded by `rule` and clamped to `range`: for numbers already known to be
    /// finite that only need bounding (NaN maps to the range's lower bound).
    @inlinable
    public init(clamping value: Double, to range: ClosedRange<Self>, rounding rule: FloatingPointRoundingRule = .towardZero) {
        guard !value.isNaN else { self = range.lowerBound; return }
        let rounded = value.rounded(rule)
        if rounded <= Double(range.lowerBound) { self = range.lowerBound; return }
        if rounded >= Double(range.upperBound) { self = range.upperBound; return }
        self.init(rounded)
    }
}
