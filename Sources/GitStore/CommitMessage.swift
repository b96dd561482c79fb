/// A commit message as Shipshape writes and reads it: subject, body, and trailers
/// (`Shipshape-Evidence: p95=412Mi n=2016 window=7d`, `Shipshape-Env: prod`).
///
/// Pure value logic — formatting, parsing, validation — so the trailer format that history,
/// reports and the push replay depend on is defined and tested in one place.
public struct CommitMessage: Sendable, Equatable, CustomStringConvertible {
    /// One `Key: value` line in the final paragraph of the message.
    public struct Trailer: Sendable, Equatable, Codable {
        public var key: String
        public var value: String
        public init(_ key: String, _ value: String) { self.key = key; self.value = value }

        /// A `Shipshape-<name>` trailer, the prefix that marks commits Shipshape made.
        public static func shipshape(_ name: String, _ value: String) -> Trailer {
            Trailer(CommitMessage.shipshapeTrailerPrefix + name, value)
        }
    }

    /// Trailer keys starting with this mark a commit as Shipshape's own.
    public static let shipshapeTrailerPrefix = "Shipshape-"

    public var subject: String
    public var body: String
    public var trailers: [Trailer]

    public init(subject: String, body: String = "", trailers: [Trailer] = []) {
        self.subject = subject
        self.body = body
        self.trailers = trailers
    }

    /// All values of trailer `key` (case-insensitive, as git compares trailer keys), in order.
    public func values(for key: String) -> [String] {
        trailers.filter { $0.key.lowercased() == key.lowercased() }.map(\.value)
    }

    /// The first value of trailer `key`, or nil.
    public func value(for key: String) -> String? { values(for: key).first }

    /// True when any trailer carries the `Shipshape-` prefix.
    public var isShipshape: Bool {
        trailers.contains { $0.key.lowercased().hasPrefix(Self.shipshapeTrailerPrefix.lowercased()) }
    }

    /// Checks that the message can be written and read back unchanged.
    public func validate() throws {
        if subject.trimmingWhitespace().isEmpty { throw GitError.invalidMessage(reason: "the subject is empty") }
        if subject.contains("\n") || subject.contains("\r") {
            throw GitError.invalidMessage(reason: "the subject must be one line")
        }
        for trailer in trailers {
            guard Self.isTrailerKey(Substring(trailer.key)) else {
                throw GitError.invalidMessage(reason: "trailer key '\(trailer.key)' must be letters, digits and '-'")
            }
            if trailer.value.contains("\n") || trailer.value.contains("\r") {
                throw GitError.invalidMessage(reason: "trailer \(trailer.key) must be one line")
            }
            if trailer.value.trimmingWhitespace().isEmpty {
                throw GitError.invalidMessage(reason: "trailer \(trailer.key) has no value")
            }
        }
        if trailers.isEmpty, let last = Self.paragraphs(body).last, Self.trailerBlock(last) != nil {
            throw GitError.invalidMessage(reason: "the body's last paragraph would be read back as trailers")
        }
    }

    /// The message text: subject, blank line, body, blank line, trailers; ends with a newline.
    public func formatted() throws -> String {
        try validate()
        var text = subject.trimmingWhitespace() + "\n"
        let trimmedBody = body.trimmingTrailingWhitespace()
        if !trimmedBody.trimmingWhitespace().isEmpty {
            text += "\n" + trimmedBody + "\n"
        }
        if !trailers.isEmpty {
            text += "\n" + trailers.map { "\($0.key): \($0.value.trimmingWhitespace())" }.joined(separator: "\n") + "\n"
        }
        return text
    }

    public var description: String { (try? formatted()) ?? subject }

    /// Reads a message the way git does: the first paragraph is the subject (lines joined by
    /// spaces); the last paragraph is the trailer block when every line in it is `Key: value`
    /// (indented lines continue the previous value); everything between is the body.
    public static func parse(_ text: String) -> CommitMessage {
        let normalized = text.replacingAll("\r\n", with: "\n")
        var paragraphs = Self.paragraphs(normalized)
        guard !paragraphs.isEmpty else { return CommitMessage(subject: "") }
        let subject = paragraphs.removeFirst().map { $0.trimmingWhitespace() }.joined(separator: " ")
        var trailers: [Trailer] = []
        if let last = paragraphs.last, let block = trailerBlock(last) {
            trailers = block
            paragraphs.removeLast()
        }
        let body = paragraphs.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
        return CommitMessage(subject: subject, body: body, trailers: trailers)
    }

    /// Splits text into paragraphs (runs of non-blank lines).
    static func paragraphs(_ text: String) -> [[String]] {
        var result: [[String]] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let l = String(line).trimmingTrailingWhitespace()
            if l.isEmpty {
                if !current.isEmpty { result.append(current); current = [] }
            } else {
                current.append(l)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Parses a paragraph as trailers, or nil when any line is not a trailer or continuation.
    static func trailerBlock(_ lines: [String]) -> [Trailer]? {
        var trailers: [Trailer] = []
        for line in lines {
            if line.first == " " || line.first == "\t" {
                guard !trailers.isEmpty else { return nil }
                trailers[trailers.count - 1].value += " " + line.trimmingWhitespace()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[line.startIndex..<colon]
            guard isTrailerKey(key) else { return nil }
            let value = line[line.index(after: colon)...].trimmingWhitespace()
            trailers.append(Trailer(String(key), value))
        }
        return trailers.isEmpty ? nil : trailers
    }

    static func isTrailerKey(_ key: Substring) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy {
            ($0 >= "A" && $0 <= "Z") || ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-"
        }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    func trimmingTrailingWhitespace() -> String {
        let scalars = String(self).unicodeScalars
        guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[scalars.startIndex...last]))
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
