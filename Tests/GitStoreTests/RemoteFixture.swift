import Foundation
@testable import GitStore

extension GitFixture {
    /// A bare "origin" (served over file://) seeded from a repository with `files`, and a
    /// clone of it whose `origin` is that URL.
    func makeOriginAndClone(files: [String: String]) throws -> (origin: String, url: String, clone: String) {
        let seed = try makeRepository("seed", files: files)
        let origin = try makeBareRemote(from: seed, name: "origin.git")
        let url = "file://" + origin
        let clone = path("clone")
        try Shell.run("git", ["clone", "-q", url, clone])
        return (origin, url, clone)
    }

    /// Another engineer's clone: commits `files` on `branch` and pushes them with the git CLI.
    @discardableResult
    func pushAsSomeoneElse(to url: String, branch: String = "main", files: [String: String], message: String) throws -> String {
        let other = path("other-\(UUID().uuidString.prefix(8))")
        try Shell.run("git", ["clone", "-q", "-b", branch, url, other])
        let sha = try commit(other, files, message: message)
        try git(other, "push", "-q", "origin", branch)
        return sha
    }
}

/// A change set from literal path → text pairs.
func changes(_ files: [String: String]) throws -> ChangeSet {
    var set = ChangeSet()
    for (path, text) in files { try set.write(path, text) }
    return set
}
