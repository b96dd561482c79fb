import CGit2

/// Who a commit is by, and when: a name, an e-mail and an optional fixed time.
///
/// Resolved like git: explicit value, else `GIT_AUTHOR_*` / `GIT_COMMITTER_*` environment,
/// else the repository's `user.name`/`user.email`, else `Shipshape <shipshape@localhost>`.
public struct CommitIdentity: Sendable, Equatable {
    public var name: String
    public var email: String
    /// A fixed time (from `GIT_AUTHOR_DATE` etc.); nil means "now".
    public var time: GitTime?

    public init(name: String, email: String, time: GitTime? = nil) {
        self.name = name
        self.email = email
        self.time = time
    }

    /// The identity used when neither environment nor configuration names one.
    public static let fallback = CommitIdentity(name: "Shipshape", email: "shipshape@localhost")

    /// Which role an identity plays, selecting the environment variables read.
    public enum Role: String, Sendable { case author = "AUTHOR", committer = "COMMITTER" }

    /// Reads `GIT_<ROLE>_NAME`, `GIT_<ROLE>_EMAIL` and `GIT_<ROLE>_DATE` over `configured`.
    /// Pure: takes the environment as a dictionary.
    public static func resolve(_ role: Role, environment: [String: String],
                               configured: CommitIdentity?) throws -> CommitIdentity {
        let base = configured ?? fallback
        var identity = base
        if let name = environment["GIT_\(role.rawValue)_NAME"], !name.isEmpty { identity.name = name }
        if let email = environment["GIT_\(role.rawValue)_EMAIL"], !email.isEmpty { identity.email = email }
        if let date = environment["GIT_\(role.rawValue)_DATE"], !date.isEmpty {
            guard let time = GitTime(parsing: date) else {
                throw GitError.invalidMessage(reason: "GIT_\(role.rawValue)_DATE '\(date)' is not a date git understands (use '@<unix-seconds> +0000' or ISO 8601)")
            }
            identity.time = time
        }
        return identity
    }

    /// A libgit2 signature for this identity; the caller frees it with `git_signature_free`.
    func makeSignature() throws -> UnsafeMutablePointer<git_signature> {
        var sig: UnsafeMutablePointer<git_signature>?
        let code: Int32
        if let time {
            code = git_signature_new(&sig, name, email, git_time_t(time.seconds), Int32(time.offsetMinutes))
        } else {
            code = git_signature_now(&sig, name, email)
        }
        try Libgit2.check(code, "create signature for", "\(name) <\(email)>")
        return sig!
    }

    init(_ signature: UnsafePointer<git_signature>) {
        name = String(cString: signature.pointee.name)
        email = String(cString: signature.pointee.email)
        time = GitTime(seconds: Int64(signature.pointee.when.time), offsetMinutes: Int(signature.pointee.when.offset))
    }

    /// `user.name`/`user.email` from the repository's configuration (with global/system), or nil.
    static func configured(in repository: Repository) -> CommitIdentity? {
        var sig: UnsafeMutablePointer<git_signature>?
        guard git_signature_default(&sig, repository.pointer) == 0, let sig else { return nil }
        defer { git_signature_free(sig) }
        return CommitIdentity(name: String(cString: sig.pointee.name), email: String(cString: sig.pointee.email))
    }
}

/// A point in time as git records it: seconds since the epoch and the author's UTC offset.
public struct GitTime: Sendable, Equatable, Codable {
    public var seconds: Int64
    public var offsetMinutes: Int

    public init(seconds: Int64, offsetMinutes: Int) {
        self.seconds = seconds
        self.offsetMinutes = offsetMinutes
    }

    /// ISO 8601 with the recorded offset, e.g. `2024-05-01T12:00:00+02:00`.
    public var iso8601: String {
        let local = seconds + Int64(offsetMinutes) * 60
        var days = local / 86_400
        var rem = local % 86_400
        if rem < 0 { rem += 86_400; days -= 1 }
        let (y, m, d) = Self.civil(fromDays: days)
        let sign = offsetMinutes < 0 ? "-" : "+"
        let off = abs(offsetMinutes)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(Int(rem / 3600), 2)):\(pad(Int(rem % 3600 / 60), 2)):\(pad(Int(rem % 60), 2))\(sign)\(pad(off / 60, 2)):\(pad(off % 60, 2))"
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// Parses the forms git accepts in `GIT_*_DATE` that are unambiguous:
    /// `@1700000000 +0100`, `1700000000 +0100`, ISO 8601 (`2024-05-01T12:00:00Z`,
    /// `2024-05-01 12:00:00 +0200`, `...+02:00`) and RFC 2822 (`Wed, 1 May 2024 12:00:00 +0200`).
    public init?(parsing text: String) {
        let s = text.trimmingWhitespace()
        let parts = s.split(separator: " ")
        // Raw git format.
        if parts.count <= 2, var first = parts.first {
            if first.hasPrefix("@") { first = first.dropFirst() }
            if let secs = Int64(first) {
                if parts.count == 2 {
                    guard let off = Self.parseOffset(String(parts[1])) else { return nil }
                    self.init(seconds: secs, offsetMinutes: off)
                } else {
                    self.init(seconds: secs, offsetMinutes: 0)
                }
                return
            }
        }
        // RFC 2822: [Day,] DD Mon YYYY HH:MM[:SS] +ZZZZ
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        var words = parts.map(String.init)
        if let w = words.first, w.hasSuffix(",") { words.removeFirst() }
        if words.count == 5, let day = Int(words[0]), let monthIndex = months.firstIndex(of: words[1].prefix(3).lowercased()),
           let year = Int(words[2]), let (h, mi, se) = Self.parseClock(words[3]), let off = Self.parseOffset(words[4]) {
            self.init(civil: (year, monthIndex + 1, day), clock: (h, mi, se), offset: off)
            return
        }
        // ISO 8601.
        var date = s
        var offset = 0
        var tail = ""
        if let split = date.firstIndex(where: { $0 == "T" || $0 == " " }) {
            tail = String(date[date.index(after: split)...]).replacingAll(" ", with: "")
            date = String(date[..<split])
        }
        let ymd = date.split(separator: "-")
        guard ymd.count == 3, let y = Int(ymd[0]), let m = Int(ymd[1]), let d = Int(ymd[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        var clock = (0, 0, 0)
        if !tail.isEmpty {
            var clockText = tail
            if tail.hasSuffix("Z") {
                clockText = String(tail.dropLast())
            } else if let signIndex = tail.lastIndex(where: { $0 == "+" || $0 == "-" }) {
                guard let off = Self.parseOffset(String(tail[signIndex...])) else { return nil }
                offset = off
                clockText = String(tail[..<signIndex])
            }
            guard let c = Self.parseClock(clockText) else { return nil }
            clock = c
        }
        self.init(civil: (y, m, d), clock: clock, offset: offset)
    }

    private init(civil: (Int, Int, Int), clock: (Int, Int, Int), offset: Int) {
        let days = Self.days(fromCivil: civil.0, civil.1, civil.2)
        let local = days * 86_400 + Int64(clock.0 * 3600 + clock.1 * 60 + clock.2)
        self.init(seconds: local - Int64(offset) * 60, offsetMinutes: offset)
    }

    static func parseOffset(_ text: String) -> Int? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().replacingAll(":", with: "")
        guard digits.count == 4, let value = Int(digits) else { return nil }
        let minutes = (value / 100) * 60 + value % 100
        return sign == "-" ? -minutes : minutes
    }

    static func parseClock(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2 || parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        let sec = parts.count == 3 ? Int(parts[2].prefix { $0 != "." }) : 0
        guard let s = sec, (0...23).contains(h), (0...59).contains(m), (0...60).contains(s) else { return nil }
        return (h, m, s)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }
}
