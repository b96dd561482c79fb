import Kubernetes
import YAML

/// Rounds recommendations up to values a person would write: `180m`, `250m`, `384Mi`, `1Gi`.
public enum HumanRounding {
    /// CPU cores, rounded up to 5m steps below 100m, 10m below 1 core, 50m above.
    public static func cpu(_ cores: Double) -> Quantity {
        let milli = max(1, (cores * 1000).rounded(.up))
        let step: Double = milli < 100 ? 5 : milli < 1000 ? 10 : 50
        let rounded = (milli / step).rounded(.up) * step
        return Quantity(milli: Int64(clamping: rounded, to: 1...Int64.max / 1_000_000))
    }

    /// Memory bytes, rounded up to 16Mi steps below 1Gi, 64Mi below 4Gi, 256Mi above, and
    /// written in Mi or Gi.
    public static func memory(_ bytes: Double) -> Quantity {
        let mi = max(1, (bytes / 1_048_576).rounded(.up))
        let step: Double = mi < 1024 ? 16 : mi < 4096 ? 64 : 256
        let rounded = Int64(clamping: (mi / step).rounded(.up) * step, to: 1...Int64.max / 1_048_576)
        return try! Quantity(parsing: rounded % 1024 == 0 ? "\(rounded / 1024)Gi" : "\(rounded)Mi")
    }
}
