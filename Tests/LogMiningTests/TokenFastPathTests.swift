import LogMining
import XCTest

/// Chunks of only letters or only digits are made by the splitter without classifying them,
/// and the buffer the tokens go into is sized per line: the tokens are those that classifying
/// every chunk gives, on both sides of each threshold (8 letters for hex, 255 bytes for the
/// splitter's counters), and a long line's many tokens all arrive.
final class TokenFastPathTests: XCTestCase {
    let tokenizer = LogTokenizer()

    func testLetterChunksAreWordsOrHexFromEightHexLetters() {
        XCTAssertEqual(tokenizer.tokenize("abcdefa abcdefab abcdefgh ABCDEF12 DEADBEEF deadbeefx"),
                       ["abcdefa", "<*>", "abcdefgh", "<*>", "<*>", "deadbeefx"])
    }

    func testDigitChunksAreNumbersAndCompleteASyslogMonth() {
        XCTAssertEqual(tokenizer.tokenize("Dec 2 x Dec 123 7 Jan 07"), ["<*>", "<*>", "x", "Dec", "<*>", "<*>", "<*>", "<*>"])
    }

    /// A core of letters inside brackets or punctuation, and a lone non-digit byte, are decided
    /// without `kind(of:)`: words, or hex from 8 hex letters, as the full checks decide.
    func testLettersInsidePunctuationAndLoneBytesAreWordsOrHex() {
        XCTAssertEqual(tokenizer.tokenize("(deadbeefcafe) failed: [abc] \"Starting - = ( deadbee, [DEADBEEF]:"),
                       ["(<*>)", "failed:", "[abc]", "\"Starting", "-", "=", "(", "deadbee,", "[<*>]:"])
    }

    func testChunksLongerThanTheCountersHoldAreClassifiedTheSame() {
        let letters = String(repeating: "g", count: 300), hex = String(repeating: "f", count: 300)
        let digits = String(repeating: "7", count: 300)
        XCTAssertEqual(tokenizer.tokenize("\(letters) \(hex) \(digits) [\(digits)] x=\(hex)"),
                       [letters, "<*>", "<*>", "[<*>]", "x=<*>"])
    }

    func testALineOfManyTokensKeepsThemAll() {
        let words = (0..<5000).map { $0 % 2 == 0 ? "w" : "\($0)" }
        XCTAssertEqual(tokenizer.tokenize(words.joined(separator: " ")), words.map { $0 == "w" ? "w" : "<*>" })
    }

    /// `TokenHash.hash(word:count:)` (up to 8 bytes in one step) is the hash of the bytes.
    func testAWordsHashIsItsBytesHash() {
        let bytes = Array("[<*>]:,x".utf8)
        for count in 1...8 {
            var word: UInt64 = 0
            for (i, b) in bytes.prefix(count).enumerated() { word |= UInt64(b) << (8 * UInt64(i)) }
            XCTAssertEqual(TokenHash.hash(word: word, count: count), TokenHash.hash(bytes.prefix(count)), "\(count) bytes")
        }
    }
}
