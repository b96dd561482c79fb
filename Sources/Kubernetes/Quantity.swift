/// A Kubernetes resource quantity (`250m`, `512Mi`, `1.5`, `1e3`), exact and canonical.
///
/// Values are held as a whole number of nano-units in 128 bits: apimachinery rounds every
/// quantity up to nano precision, so this is exact for every quantity below 10^29 units (larger
/// ones saturate), and no Double is involved. `description` prints what the API server
/// prints: the text as written when it is already canonical, else the canonical form
/// (`1000m` → `1`, `0.5` → `500m`, `1024Mi` → `1Gi`, `1000` → `1k`).
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How the quantity is written, remembered from parsing as apimachinery does.
    public enum Format: String, Sendable {
        /// `e3`, `E-6`: a power-of-ten exponent.
        case decimalExponent = "DecimalExponent"
        /// `Ki`, `Mi`, ... `Ei`: powers of 1024.
        case binarySI = "BinarySI"
        /// `n`, `u`, `m`, `k`, `M`, ... `E`: powers of 1000.
        case decimalSI = "DecimalSI"
    }

    /// The value in units of 10^-9.
    public private(set) var nanos: Int128
    public private(set) var format: Format
    /// The text as parsed, when apimachinery would print it back unchanged.
    private var canonicalText: String?

    static let nanosPerUnit: Int128 = 1_000_000_000
    /// The cap apimachinery applies to binary quantities beyond int64: 2^63-1 units.
    static let binaryCapNanos: Int128 = Int128(Int64.max) * nanosPerUnit
    /// Where values saturate.
    static let maxNanos: Int128 = Int128.max / 2

    /// A quantity of `nanos` nano-units, printed in `format`.
    public init(nanos: Int128, format: Format = .decimalSI) {
        self.nanos = Swift.max(-Self.maxNanos, Swift.min(Self.maxNanos, nanos))
        self.format = format
        canonicalText = nil
    }

    /// Whole units (`2` cores, `536870912` bytes).
    public init(units: Int64, format: Format = .decimalSI) {
        self.init(nanos: Int128(units) * Self.nanosPerUnit, format: format)
    }

    /// Thousandths of a unit (`250` → `250m`).
    public init(milli: Int64, format: Format = .decimalSI) {
        self.init(nanos: Int128(milli) * 1_000_000, format: format)
    }

    /// The value rounded up to whole units, as apimachinery's `Value()` does.
    public var value: Int64 { Int64(Self.divideRoundingUp(nanos, Self.nanosPerUnit)) }

    /// The value in thousandths, rounded up, as apimachinery's `MilliValue()` does.
    public var milliValue: Int64 { Int64(Self.divideRoundingUp(nanos, 1_000_000)) }

    /// An approximation for statistics; comparisons and arithmetic stay exact.
    public var doubleValue: Double { Double(nanos) / 1e9 }

    public var isZero: Bool { nanos == 0 }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.nanos < rhs.nanos }
    public static func == (lhs: Quantity, rhs: Quantity) -> Bool { lhs.nanos == rhs.nanos }
    public func hash(into hasher: inout Hasher) { hasher.combine(nanos) }

    /// Sums keep the left operand's format, as `Quantity.Add` does.
    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(nanos: lhs.nanos + rhs.nanos, format: lhs.format)
    }

    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(nanos: lhs.nanos - rhs.nanos, format: lhs.format)
    }

    public static func * (lhs: Quantity, rhs: Int64) -> Quantity {
        let (product, overflow) = lhs.nanos.multipliedReportingOverflow(by: Int128(rhs))
        let capped = overflow ? ((lhs.nanos < 0) != (rhs < 0) ? -maxNanos : maxNanos) : product
        return Quantity(nanos: capped, format: lhs.format)
    }

    public static prefix func - (q: Quantity) -> Quantity { Quantity(nanos: -q.nanos, format: q.format) }

    public var description: String { canonicalText ?? QuantityFormatter.canonical(nanos: nanos, format: format) }

    static func divideRoundingUp(_ value: Int128, _ divisor: Int128) -> Int128 {
        let (q, r) = value.quotientAndRemainder(dividingBy: divisor)
        return r > 0 ? q + 1 : q
    }
}

extension Quantity {
    /// Parses any form the API server accepts; the error names the text.
    public init(parsing text: String) throws {
        self = try QuantityParser.parse(text)
    }

    init(nanos: Int128, format: Format, canonicalText: String?) {
        self.init(nanos: nanos, format: format)
        self.canonicalText = canonicalText
    }
}

/// Why a quantity could not be read, with apimachinery's own messages.
public struct QuantityError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        case format = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
        case suffix = "unable to parse quantity's suffix"
        case numeric = "unable to parse quantity's numeric part"
    }

    public var text: String
    public var reason: Reason

    public var description: String { "invalid quantity \"\(text)\": \(reason.rawValue)" }
}
