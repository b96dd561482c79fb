/// A key as a miner's saved state writes it: 16 hex digits (`MinerState`).
func stateKey(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}
