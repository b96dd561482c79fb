// chart-archive-fuzz: the input is a chart archive (`.tgz`), read and loaded as `helm template
// chart.tgz` loads it, nested subchart archives included. Any error is fine; a crash, a hang,
// or memory beyond the archive budget is not.
import Charts
import FuzzSupport

enum ChartArchiveFuzzCase {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        let budget = ChartArchive.Budget(bytes: 64 << 20)
        guard let files = try? ChartArchive.files(Array(bytes), name: "fuzz.tgz", budget: budget) else { return }
        _ = try? ChartLoader.loadFiles(files, displayPath: "fuzz.tgz", budget: budget)
    }
}

@main
struct ChartArchiveFuzz {
    static func main() { FuzzDriver.main(name: "chart-archive-fuzz") { ChartArchiveFuzzCase.run($0) } }
}
