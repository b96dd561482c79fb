// git-bench: GitStore (libgit2) against the git CLI on the same repository in the same run.
//
//   swift run -c release git-bench [files] [edits]     (defaults: 10000 files, 100 edits)
//
// 1. read a revision's whole tree into memory: TreeSnapshot vs `git ls-tree -r` + `git cat-file --batch`
// 2. one commit with N edits: CommitBuilder vs plumbing (temp index, hash-object, update-index,
//    write-tree, commit-tree, update-ref)
// 3. N commits of one edit each, both ways.
// Prints wall time; peak RSS of this process (getrusage ru_maxrss, lifetime peak, with the growth
// during the step) and, for the CLI, the largest git process's own peak (via GNU time).
// It prints figures only; it never fails on time.
import Foundation
import GitStore

let fileCount = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000 : 10_000
let editCount = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 100 : 100

let gitEnv: [String: String] = {
    var env = ProcessInfo.processInfo.environment
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    env["GIT_CONFIG_GLOBAL"] = "/dev/null"
    for role in ["AUTHOR", "COMMITTER"] {
        env["GIT_\(role)_NAME"] = "Bench"
        env["GIT_\(role)_EMAIL"] = "bench@shipshape.test"
    }
    return env
}()

/// GNU time (Debian package `time`) reports each git process's own peak RSS; spawned children
/// otherwise inherit the parent's RSS in getrusage(RUSAGE_CHILDREN) through vfork.
let gnuTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time") ? "/usr/bin/time" : nil
nonisolated(unsafe) var cliPeakKiB = 0
nonisolated(unsafe) var cliProcesses = 0
let rssFile = FileManager.default.temporaryDirectory.appendingPathComponent("git-bench-rss-\(getpid())").path

@discardableResult
func git(_ dir: String, _ args: [String], env extra: [String: String] = [:], input: Data? = nil) -> Data {
    let p = Process()
    if let gnuTime {
        p.executableURL = URL(fileURLWithPath: gnuTime)
        p.arguments = ["-f", "%M", "-o", rssFile, "/usr/bin/git", "-C", dir] + args
    } else {
        p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        p.arguments = ["-C", dir] + args
    }
    var env = gitEnv
    for (k, v) in extra { env[k] = v }
    p.environment = env
    let out = Pipe(), inp = Pipe()
    p.standardOutput = out
    p.standardInput = inp
    try! p.run()
    let writer = Thread {
        if let input { inp.fileHandleForWriting.write(input) }
        try? inp.fileHandleForWriting.close()
    }
    writer.start()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    precondition(p.terminationStatus == 0, "git \(args.joined(separator: " ")) failed")
    cliProcesses += 1
    if gnuTime != nil, let text = try? String(contentsOfFile: rssFile, encoding: .utf8),
       let kib = Int(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "") {
        cliPeakKiB = max(cliPeakKiB, kib)
    }
    return data
}

func maxRSS(_ who: Int32) -> Int {
    var usage = rusage()
    getrusage(who, &usage)
    return usage.ru_maxrss  // KiB on Linux
}

func measure(_ label: String, _ body: () throws -> Void) rethrows {
    cliPeakKiB = 0
    cliProcesses = 0
    let selfBefore = maxRSS(RUSAGE_SELF.rawValue)
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    let selfAfter = maxRSS(RUSAGE_SELF.rawValue)
    let git = cliProcesses == 0 ? "" : gnuTime == nil ? "   git: \(cliProcesses) processes, peak n/a (install `time`)"
        : String(format: "   git: %d processes, largest peak %d KiB", cliProcesses, cliPeakKiB)
    print(label.padding(toLength: 44, withPad: " ", startingAt: 0),
          String(format: "%10.1f ms   bench process peak %7d KiB (+%d)", ms, selfAfter, selfAfter - selfBefore) + git)
}

let root = FileManager.default.temporaryDirectory.appendingPathComponent("git-bench-\(UUID().uuidString)").path
let repoDir = root + "/repo"
try FileManager.default.createDirectory(atPath: repoDir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: root) }

print("git-bench: \(fileCount) files, \(editCount) edits, libgit2 \(Libgit2.version)")
git(repoDir, ["init", "-q", "-b", "main"])
for i in 0..<fileCount {
    let dir = repoDir + "/charts/c\(i / 100)"
    if i % 100 == 0 { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
    let content = "# file \(i)\nresources:\n  limits:\n    memory: \(128 + i % 512)Mi\n    cpu: \(100 + i % 900)m\n"
    _ = FileManager.default.createFile(atPath: "\(dir)/values-\(i).yaml", contents: Data(content.utf8))
}
git(repoDir, ["add", "-A"])
git(repoDir, ["commit", "-q", "-m", "seed"])
git(repoDir, ["gc", "-q"])
print("repository ready at \(repoDir)\n")

// 1. Read a revision's tree into memory.
var libgit2Bytes = 0
try measure("read tree: GitStore TreeSnapshot") {
    let snapshot = try TreeSnapshot(repository: try Repository(at: repoDir), revision: "main")
    libgit2Bytes = snapshot.byteCount
    precondition(snapshot.paths.count == fileCount)
}
var cliBytes = 0
measure("read tree: git ls-tree -r + cat-file --batch") {
    let listing = String(decoding: git(repoDir, ["ls-tree", "-r", "main"]), as: UTF8.self)
    var paths: [String] = [], ids: [String] = []
    for line in listing.split(separator: "\n") {
        let tab = line.firstIndex(of: "\t")!
        ids.append(String(line.split(separator: " ")[2].prefix(40)))
        paths.append(String(line[line.index(after: tab)...]))
    }
    let batch = git(repoDir, ["cat-file", "--batch"], input: Data((ids.joined(separator: "\n") + "\n").utf8))
    var files: [String: [UInt8]] = [:]
    var offset = batch.startIndex
    for path in paths {
        let headerEnd = batch[offset...].firstIndex(of: UInt8(ascii: "\n"))!
        let header = String(decoding: batch[offset..<headerEnd], as: UTF8.self).split(separator: " ")
        let size = Int(header[2])!
        let start = headerEnd + 1
        files[path] = Array(batch[start..<start + size])
        offset = start + size + 1
    }
    cliBytes = files.values.reduce(0) { $0 + $1.count }
    precondition(files.count == fileCount)
}
print("  bytes read: GitStore \(libgit2Bytes), CLI \(cliBytes)\n")

// 2. One commit with `editCount` edits.
func editedContent(_ i: Int, round: Int) -> String {
    "# file \(i)\nresources:\n  limits:\n    memory: \(256 + round)Mi\n    cpu: \(100 + i % 900)m\n"
}
func editPath(_ i: Int) -> String { "charts/c\((i * 97 % fileCount) / 100)/values-\(i * 97 % fileCount).yaml" }

try measure("1 commit x \(editCount) edits: GitStore") {
    var changes = ChangeSet()
    for i in 0..<editCount { try changes.write(editPath(i), editedContent(i, round: 1)) }
    let result = try CommitBuilder(try Repository(at: repoDir)).commit(CommitRequest(
        changes: changes, branch: "bench-libgit2", base: "main",
        message: CommitMessage(subject: "bench: \(editCount) edits", trailers: [.shipshape("Bench", "libgit2")]),
        environment: gitEnv))
    precondition(result.changedPaths.count == editCount)
}

func cliCommit(branch: String, edits: [(String, String)], message: String) {
    let index = root + "/index-\(UUID().uuidString)"
    let env = ["GIT_INDEX_FILE": index]
    let parent = String(decoding: git(repoDir, ["rev-parse", "--verify", "-q", "refs/heads/\(branch)"], env: [:]) , as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    git(repoDir, ["read-tree", parent], env: env)
    let tmp = root + "/blobs"
    try? FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
    var files: [String] = []
    for (n, (_, content)) in edits.enumerated() {
        let f = "\(tmp)/\(n)"
        _ = FileManager.default.createFile(atPath: f, contents: Data(content.utf8))
        files.append(f)
    }
    let ids = String(decoding: git(repoDir, ["hash-object", "-w", "--stdin-paths"], input: Data((files.joined(separator: "\n") + "\n").utf8)), as: UTF8.self)
        .split(separator: "\n")
    let info = zip(edits, ids).map { "100644 \($1)\t\($0.0)" }.joined(separator: "\n") + "\n"
    git(repoDir, ["update-index", "--index-info"], env: env, input: Data(info.utf8))
    let tree = String(decoding: git(repoDir, ["write-tree"], env: env), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    let commit = String(decoding: git(repoDir, ["commit-tree", tree, "-p", parent, "-m", message]), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    git(repoDir, ["update-ref", "refs/heads/\(branch)", commit, parent])
    try? FileManager.default.removeItem(atPath: index)
}

git(repoDir, ["branch", "bench-cli", "main"])
measure("1 commit x \(editCount) edits: git plumbing") {
    cliCommit(branch: "bench-cli", edits: (0..<editCount).map { (editPath($0), editedContent($0, round: 1)) }, message: "bench: \(editCount) edits")
}
let sameTree = git(repoDir, ["rev-parse", "bench-libgit2^{tree}"]) == git(repoDir, ["rev-parse", "bench-cli^{tree}"])
print("  identical trees from both: \(sameTree)\n")

// 3. `editCount` commits of one edit each.
try measure("\(editCount) commits x 1 edit: GitStore") {
    let repo = try Repository(at: repoDir)
    let builder = CommitBuilder(repo)
    for i in 0..<editCount {
        var changes = ChangeSet()
        try changes.write(editPath(i), editedContent(i, round: 2))
        _ = try builder.commit(CommitRequest(changes: changes, branch: "bench-libgit2", message: CommitMessage(subject: "edit \(i)"), environment: gitEnv))
    }
}
measure("\(editCount) commits x 1 edit: git plumbing") {
    for i in 0..<editCount {
        cliCommit(branch: "bench-cli", edits: [(editPath(i), editedContent(i, round: 2))], message: "edit \(i)")
    }
}
let sameAgain = git(repoDir, ["rev-parse", "bench-libgit2^{tree}"]) == git(repoDir, ["rev-parse", "bench-cli^{tree}"])
print("  identical trees from both: \(sameAgain)")
git(repoDir, ["fsck", "--strict", "--no-dangling"])
print("  git fsck --strict: clean")
