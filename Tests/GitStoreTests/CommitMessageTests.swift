import XCTest
@testable import GitStore

final class CommitMessageTests: XCTestCase {
    let sample = CommitMessage(
        subject: "backend: raise memory limit to 640Mi",
        body: "OOMKilled 3 times in 24h.\n\nThe p99 working set is 580Mi.",
        trailers: [
            .shipshape("Evidence", "p99=580Mi n=2016 window=7d restarts=3"),
            .shipshape("Env", "prod"),
        ])

    func testFormatsSubjectBodyAndTrailersAsGitExpects() throws {
        XCTAssertEqual(try sample.formatted(), """
            backend: raise memory limit to 640Mi

            OOMKilled 3 times in 24h.

            The p99 working set is 580Mi.

            Shipshape-Evidence: p99=580Mi n=2016 window=7d restarts=3
            Shipshape-Env: prod

            """)
    }

    func testParseRoundTripsFormattedMessages() throws {
        XCTAssertEqual(CommitMessage.parse(try sample.formatted()), sample)
        let bare = CommitMessage(subject: "only a subject")
        XCTAssertEqual(CommitMessage.parse(try bare.formatted()), bare)
        let noBody = CommitMessage(subject: "s", trailers: [.shipshape("Env", "dev")])
        XCTAssertEqual(CommitMessage.parse(try noBody.formatted()), noBody)
    }

    func testGitInterpretTrailersAgreesWithOurTrailers() throws {
        let text = try sample.formatted()
        let parsed = try Shell.run("git", ["interpret-trailers", "--parse"], input: Data(text.utf8))
        XCTAssertEqual(parsed, "Shipshape-Evidence: p99=580Mi n=2016 window=7d restarts=3\nShipshape-Env: prod\n")
    }

    func testParsesContinuationLinesAndLookupIsCaseInsensitive() {
        let message = CommitMessage.parse("subj\n\nbody line\n\nShipshape-Evidence: a=1\n  b=2\nSigned-off-by: X <x@y>\n")
        XCTAssertEqual(message.body, "body line")
        XCTAssertEqual(message.value(for: "shipshape-evidence"), "a=1 b=2")
        XCTAssertEqual(message.values(for: "Signed-off-by"), ["X <x@y>"])
        XCTAssertTrue(message.isShipshape)
        XCTAssertFalse(CommitMessage.parse("fix\n\nSigned-off-by: X <x@y>\n").isShipshape)
    }

    func testLastParagraphWithProseIsBodyNotTrailers() {
        let message = CommitMessage.parse("subj\n\nNote: this is prose\nand more prose\n")
        XCTAssertEqual(message.trailers, [])
        XCTAssertEqual(message.body, "Note: this is prose\nand more prose")
    }

    func testInvalidMessagesAreRejected() {
        XCTAssertThrowsError(try CommitMessage(subject: "").formatted())
        XCTAssertThrowsError(try CommitMessage(subject: "a\nb").formatted())
        XCTAssertThrowsError(try CommitMessage(subject: "s", trailers: [.init("Bad Key", "v")]).formatted())
        XCTAssertThrowsError(try CommitMessage(subject: "s", trailers: [.init("K", "two\nlines")]).formatted())
        XCTAssertThrowsError(try CommitMessage(subject: "s", body: "Looks-Like: a trailer").formatted())
    }
}

final class CommitIdentityTests: XCTestCase {
    func testEnvironmentOverridesConfiguration() throws {
        let configured = CommitIdentity(name: "Config", email: "config@example.com")
        let env = ["GIT_AUTHOR_NAME": "Env Author", "GIT_AUTHOR_DATE": "@1700000000 +0130"]
        let author = try CommitIdentity.resolve(.author, environment: env, configured: configured)
        XCTAssertEqual(author, CommitIdentity(name: "Env Author", email: "config@example.com",
                                              time: GitTime(seconds: 1_700_000_000, offsetMinutes: 90)))
        let committer = try CommitIdentity.resolve(.committer, environment: env, configured: nil)
        XCTAssertEqual(committer, .fallback)
    }

    func testParsesTheDateFormatsGitAccepts() {
        XCTAssertEqual(GitTime(parsing: "1700000000 -0500"), GitTime(seconds: 1_700_000_000, offsetMinutes: -300))
        XCTAssertEqual(GitTime(parsing: "2005-04-07T22:13:13Z"), GitTime(seconds: 1_112_911_993, offsetMinutes: 0))
        XCTAssertEqual(GitTime(parsing: "2005-04-07T22:13:13+02:00"), GitTime(seconds: 1_112_904_793, offsetMinutes: 120))
        XCTAssertEqual(GitTime(parsing: "2005-04-07 22:13:13 +0200"), GitTime(seconds: 1_112_904_793, offsetMinutes: 120))
        XCTAssertEqual(GitTime(parsing: "Thu, 07 Apr 2005 22:13:13 +0200"), GitTime(seconds: 1_112_904_793, offsetMinutes: 120))
        XCTAssertNil(GitTime(parsing: "yesterday"))
        XCTAssertEqual(GitTime(seconds: 1_112_904_793, offsetMinutes: 120).iso8601, "2005-04-07T22:13:13+02:00")
    }
}
