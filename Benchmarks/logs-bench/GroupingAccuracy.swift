/// Grouping accuracy (as Loghub reports it): the share of lines whose predicted group holds
/// exactly the lines of their true template, no more and no fewer.
func groupingAccuracy(predicted: [Int], truth: [Int32]) -> Double {
    var predictedSize: [Int: Int] = [:], truthSize: [Int32: Int] = [:], pairSize: [Pair: Int] = [:]
    for (p, t) in zip(predicted, truth) {
        predictedSize[p, default: 0] += 1
        truthSize[t, default: 0] += 1
        pairSize[Pair(p: p, t: t), default: 0] += 1
    }
    var correct = 0
    for (pair, size) in pairSize where size == predictedSize[pair.p] && size == truthSize[pair.t] { correct += size }
    return Double(correct) / Double(max(1, truth.count))
}

struct Pair: Hashable { var p: Int; var t: Int32 }
