import Kubernetes

/// Indexes for the cross-object rules (a PDB for each workload, a workload for each Service).
///
/// Label selectors indexed by one of their `key=value` requirements (the rarest), so that
/// "does any selector match these labels?" looks only at the selectors that could. With a
/// thousand PDBs or Services in one namespace, cross-object rules stay linear instead of
/// comparing every workload with every selector.
struct SelectorIndex: Sendable {
    private var selectors: [LabelSelector] = []
    /// `key=value` → the selectors that require it (each selector under one pair only).
    private var byPair: [String: [Int]] = [:]
    /// Selectors with no equality requirement: always candidates.
    private var unindexed: [Int] = []

    init(_ selectors: [LabelSelector]) {
        self.selectors = selectors
        var frequency: [String: Int] = [:]
        for s in selectors { for pair in Self.pairs(s) { frequency[pair, default: 0] += 1 } }
        for (i, s) in selectors.enumerated() {
            if let rarest = Self.pairs(s).min(by: { (frequency[$0] ?? 0, $0) < (frequency[$1] ?? 0, $1) }) {
                byPair[rarest, default: []].append(i)
            } else {
                unindexed.append(i)
            }
        }
    }

    var isEmpty: Bool { selectors.isEmpty }

    /// Whether some selector matches `labels`.
    func anyMatches(_ labels: [String: String]) -> Bool {
        for i in unindexed where selectors[i].matches(labels) { return true }
        for (key, value) in labels {
            for i in byPair["\(key)=\(value)"] ?? [] where selectors[i].matches(labels) { return true }
        }
        return false
    }

    /// The `key=value` pairs a selector requires (`In` with one value counts as one).
    private static func pairs(_ selector: LabelSelector) -> [String] {
        selector.requirements.compactMap { r in
            guard r.op == .equals || r.op == .in, r.values.count == 1 else { return nil }
            return "\(r.key)=\(r.values[0])"
        }
    }
}

/// Label sets (workloads' pod labels) indexed by each `key=value` pair, so that "does some set
/// carry all of these labels?" looks only at the sets that carry the rarest of them.
struct LabelSetIndex: Sendable {
    private var sets: [[String: String]] = []
    private var byPair: [String: [Int]] = [:]

    init(_ sets: [[String: String]]) {
        self.sets = sets
        for (i, labels) in sets.enumerated() {
            for (key, value) in labels { byPair["\(key)=\(value)", default: []].append(i) }
        }
    }

    /// Whether some set holds every pair of `wanted` (which must not be empty).
    func anyContains(_ wanted: [String: String]) -> Bool {
        let postings = wanted.map { byPair["\($0.key)=\($0.value)"] ?? [] }
        guard let rarest = postings.min(by: { $0.count < $1.count }) else { return false }
        return rarest.contains { i in wanted.allSatisfy { sets[i][$0.key] == $0.value } }
    }
}
