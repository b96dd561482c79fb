/// The canonical text of a quantity, as apimachinery's `CanonicalizeBytes` writes it.
enum QuantityFormatter {
    static func canonical(nanos: Int128, format: Quantity.Format) -> String {
        var format = format
        if format == .binarySI {
            // Small or fractional values print in decimal rather than round.
            if nanos.magnitude < UInt128(1024) * UInt128(Quantity.nanosPerUnit) || nanos % Quantity.nanosPerUnit != 0 {
                format = .decimalSI
            }
        }
        let negative = nanos < 0
        let sign = negative ? "-" : ""
        switch format {
        case .binarySI:
            var amount = nanos.magnitude / UInt128(Quantity.nanosPerUnit)
            var exponent = 0
            while amount != 0, amount % 1024 == 0, exponent < 6 {
                amount /= 1024
                exponent += 1
            }
            let suffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
            return sign + String(amount) + suffixes[exponent]
        case .decimalSI, .decimalExponent:
            var amount = nanos.magnitude
            if amount == 0 { return "0" }
            var exponent = -9
            while amount % 10 == 0 {
                amount /= 10
                exponent += 1
            }
            while exponent % 3 != 0 {
                amount *= 10
                exponent -= 1
            }
            if format == .decimalExponent {
                return sign + String(amount) + (exponent == 0 ? "" : "e\(exponent)")
            }
            let suffix: String
            switch exponent {
            case -9: suffix = "n"
            case -6: suffix = "u"
            case -3: suffix = "m"
            case 0: suffix = ""
            case 3: suffix = "k"
            case 6: suffix = "M"
            case 9: suffix = "G"
            case 12: suffix = "T"
            case 15: suffix = "P"
            case 18: suffix = "E"
            // apimachinery has no DecimalSI suffix beyond E and prints none (71000E → "71"); the
            // API server really does this, so the text matches it.
            default: suffix = ""
            }
            return sign + String(amount) + suffix
        }
    }
}
