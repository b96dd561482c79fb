/// Unified diffs of text by lines (Myers' algorithm), in the format `diff -u` and `git diff`
/// print, so a dry-run edit shows exactly the lines it would change.
public enum LineDiff {
    /// One step of an edit script.
    public enum Operation: Equatable, Sendable {
        case same(String), removed(String), added(String)
    }

    /// The shortest edit script turning `old` lines into `new` lines.
    public static func operations(old: [String], new: [String]) -> [Operation] {
        let n = old.count, m = new.count
        let max = n + m
        guard max > 0 else { return [] }
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        outer: for d in 0...max {
            trace.append(v)
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max]) {
                    x = v[k + 1 + max]
                } else {
                    x = v[k - 1 + max] + 1
                }
                var y = x - k
                while x < n && y < m && old[x] == new[y] {
                    x += 1
                    y += 1
                }
                v[k + max] = x
                if x >= n && y >= m { break outer }
                k += 2
            }
        }
        // Walk the trace backwards to recover the script.
        var script: [Operation] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max])) ? k + 1 : k - 1
            let previousX = v[previousK + max]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                script.append(.same(old[x - 1]))
                x -= 1
                y -= 1
            }
            if d > 0 {
                if x == previousX {
                    script.append(.added(new[y - 1]))
                } else {
                    script.append(.removed(old[x - 1]))
                }
            }
            x = previousX
            y = previousY
        }
        return script.reversed()
    }

    /// A unified diff with `context` lines around each change; empty when the texts are equal.
    public static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        guard old != new else { return "" }
        let a = lines(old), b = lines(new)
        let script = operations(old: a, new: b)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        var oldLine = 1, newLine = 1
        // Positions (in script) of changes, grouped into hunks.
        let changed = script.indices.filter { script[$0] != .same(scriptText(script[$0])) }
        var groupStart = 0
        while groupStart < changed.count {
            var groupEnd = groupStart
            while groupEnd + 1 < changed.count, changed[groupEnd + 1] - changed[groupEnd] <= 2 * context + 1 {
                groupEnd += 1
            }
            let from = Swift.max(0, changed[groupStart] - context)
            let to = Swift.min(script.count, changed[groupEnd] + context + 1)
            while index < from {
                if case .removed = script[index] { oldLine += 1 } else if case .added = script[index] { newLine += 1 } else {
                    oldLine += 1
                    newLine += 1
                }
                index += 1
            }
            var oldCount = 0, newCount = 0
            var body = ""
            for op in script[from..<to] {
                switch op {
                case .same(let line):
                    body += " \(line)\n"
                    oldCount += 1
                    newCount += 1
                case .removed(let line):
                    body += "-\(line)\n"
                    oldCount += 1
                case .added(let line):
                    body += "+\(line)\n"
                    newCount += 1
                }
            }
            out += "@@ -\(range(oldLine, oldCount)) +\(range(newLine, newCount)) @@\n" + body
            oldLine += oldCount
            newLine += newCount
            index = to
            groupStart = groupEnd + 1
        }
        return out
    }

    private static func scriptText(_ op: Operation) -> String {
        switch op {
        case .same(let s), .removed(let s), .added(let s): s
        }
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(count == 0 ? start - 1 : start),\(count)"
    }

    /// Lines without their LF (a CR of CRLF stays, so CRLF files diff exactly); a final line
    /// break does not start another line. Splits on scalars: "\r\n" is one Character in Swift.
    public static func lines(_ text: String) -> [String] {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
