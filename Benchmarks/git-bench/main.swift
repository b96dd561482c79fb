// git-bench: reading a revision's tree into memory and committing edits with GitStore
// (libgit2), next to the git CLI doing the same work in the same run.
//
//   swift run -c release git-bench [--files 10000] [--commits 100]
//
// It prints figures; it never fails on time.
import ArgumentParser
import Foundation
import GitStore

struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git-bench",
        abstract: "Reading a revision's tree into memory and committing edits with GitStore (libgit2), next to the git CLI doing the same work.")

    @Option(help: "Files in the generated bare repository.")
    var files = 10_000
    @Option(help: "Edits committed, one file and one commit each.")
    var commits = 100
}
let options = Options.parseOrExit()
let files = options.files
let commits = options.commits

let work = FileManager.default.temporaryDirectory.appendingPathComponent("git-bench-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }
let repoPath = work.appendingPathComponent("repo.git").path

// A bare repository with `files` files in nested folders, made by git fast-import.
try GitCLI.run(["init", "-q", "--bare", repoPath])
var stream = "commit refs/heads/main\ncommitter Bench <bench@example.com> 1700000000 +0000\ndata 6\nfiles\n"
for i in 0..<files {
    let content = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-\(i)\ndata:\n  key: value-\(i)\n"
    stream += "M 100644 inline charts/c\(i % 100)/templates/file-\(i).yaml\ndata \(content.utf8.count)\n\(content)\n"
}
try GitCLI.run(["--git-dir", repoPath, "fast-import", "--quiet"], input: stream)
print("repository: \(files) files in 100 folders (bare, made with git fast-import)")

// 1. Read the revision's whole tree, every blob's bytes, into memory.
let repository = try Repository(at: repoPath)
var snapshot: TreeSnapshot?
let readStart = Date()
snapshot = try TreeSnapshot(repository: repository, revision: "main")
let readSeconds = Date().timeIntervalSince(readStart)
let bytes = snapshot!.paths.reduce(0) { $0 + (snapshot!.file($1)?.bytes.count ?? 0) }
let ourPeak = Measure.peakResidentMB(.selfProcess)

let gitReadStart = Date()
let listing = try GitCLI.run(["--git-dir", repoPath, "ls-tree", "-r", "main"])
let blobs = listing.split(separator: "\n").map { line -> String in String(line.split(separator: " ")[2].prefix(40)) }
let batch = try GitCLI.run(["--git-dir", repoPath, "cat-file", "--batch"], input: blobs.joined(separator: "\n") + "\n")
let gitReadSeconds = Date().timeIntervalSince(gitReadStart)
print("")
print("read a revision's tree into memory (\(snapshot!.paths.count) files, \(bytes / 1024) KiB):")
print("  GitStore (libgit2)              \(Measure.ms(readSeconds))   peak RSS \(ourPeak) MB")
print("  git ls-tree -r + cat-file --batch \(Measure.ms(gitReadSeconds))   (\(batch.utf8.count / 1024) KiB read)")
print("  ratio git / GitStore: \(Measure.ratio(gitReadSeconds, readSeconds))")
snapshot = nil

// 2. Commit `commits` edits, one file each, as a recommender run would.
let commitStart = Date()
for i in 0..<commits {
    var changes = ChangeSet()
    try changes.write("charts/c\(i % 100)/templates/file-\(i).yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: edited-\(i)\n")
    _ = try CommitBuilder(repository).commit(CommitRequest(
        changes: changes, branch: "shipshape/bench", base: "main",
        message: CommitMessage(subject: "edit \(i)", trailers: [.shipshape("Bench", "\(i)")]),
        environment: ["GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.com"]))
}
let commitSeconds = Date().timeIntervalSince(commitStart)

// The git CLI doing the same: plumbing with a temporary index, no work tree.
let index = work.appendingPathComponent("bench.index").path
let env = ["GIT_INDEX_FILE": index, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.com",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.com"]
try GitCLI.run(["--git-dir", repoPath, "branch", "git/bench", "main"])
let gitCommitStart = Date()
try GitCLI.run(["--git-dir", repoPath, "read-tree", "git/bench"], environment: env)
for i in 0..<commits {
    let blob = try GitCLI.run(["--git-dir", repoPath, "hash-object", "-w", "--stdin"],
                              input: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: edited-\(i)\n").trimmingCharacters(in: .whitespacesAndNewlines)
    try GitCLI.run(["--git-dir", repoPath, "update-index", "--add", "--cacheinfo", "100644,\(blob),charts/c\(i % 100)/templates/file-\(i).yaml"], environment: env)
    let tree = try GitCLI.run(["--git-dir", repoPath, "write-tree"], environment: env).trimmingCharacters(in: .whitespacesAndNewlines)
    let parent = try GitCLI.run(["--git-dir", repoPath, "rev-parse", "git/bench"]).trimmingCharacters(in: .whitespacesAndNewlines)
    let commit = try GitCLI.run(["--git-dir", repoPath, "commit-tree", tree, "-p", parent, "-m", "edit \(i)\n\nShipshape-Bench: \(i)"],
                                environment: env).trimmingCharacters(in: .whitespacesAndNewlines)
    try GitCLI.run(["--git-dir", repoPath, "update-ref", "refs/heads/git/bench", commit, parent])
}
let gitCommitSeconds = Date().timeIntervalSince(gitCommitStart)
print("")
print("commit \(commits) edits, one file and one commit each, on a branch (no checkout):")
print("  GitStore (libgit2, compare-and-swap ref update) \(Measure.ms(commitSeconds))   \(Measure.rate(Double(commits), commitSeconds)) commits/s   peak RSS \(Measure.peakResidentMB(.selfProcess)) MB")
print("  git plumbing (hash-object, update-index, write-tree, commit-tree, update-ref) \(Measure.ms(gitCommitSeconds))   \(Measure.rate(Double(commits), gitCommitSeconds)) commits/s   peak RSS of the git processes \(Measure.peakResidentMB(.children)) MB")
print("  ratio git / GitStore: \(Measure.ratio(gitCommitSeconds, commitSeconds))")
