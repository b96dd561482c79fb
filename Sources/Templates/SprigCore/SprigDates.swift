/// Sprig's date functions (date.go): `now`, `date`, `dateInZone`, `htmlDate`, `dateModify`,
/// `toDate`, `unixEpoch`, `ago`, `duration`, `durationRound`, with Go's layouts and durations.
/// `now` and anything derived from it differ from run to run, as in Helm; the output shape is
/// the same.
enum SprigDates {
    static let timeType = GoType.named("time.Time", kind: .struct)

    static func register(_ add: (TemplateFunction) -> Void) {
        let any = GoType.interface, s = GoType.string
        typealias C = SprigConversion
        @Sendable func str(_ v: TemplateValue) -> String { if case .string(let x) = v.plain { return x }; return C.string(v) }

        add(TemplateFunction("now", [], returns: "time.Time") { _ in .object(GoTime.now()) })
        for name in ["dateInZone", "date_in_zone"] {
            add(TemplateFunction(name, [s, any, s], returns: "string") { call in
                .string(dateInZone(str(call[0]), call[1], str(call[2])))
            })
        }
        add(TemplateFunction("date", [s, any], returns: "string") { .string(dateInZone(str($0[0]), $0[1], "Local")) })
        add(TemplateFunction("htmlDate", [any], returns: "string") { .string(dateInZone("2006-01-02", $0[0], "Local")) })
        add(TemplateFunction("htmlDateInZone", [any, s], returns: "string") { .string(dateInZone("2006-01-02", $0[0], str($0[1]))) })
        for name in ["dateModify", "date_modify"] {
            add(TemplateFunction(name, [s, timeType], returns: "time.Time") { call in
                guard let t = time(call[1]) else { return call[1] }
                guard let d = try? GoDuration.parse(str(call[0])) else { return call[1] }
                return .object(t.adding(nanoseconds: d))
            })
        }
        for name in ["mustDateModify", "must_date_modify"] {
            add(TemplateFunction(name, [s, timeType], returns: "(time.Time, error)") { call in
                guard let t = time(call[1]) else { return call[1] }
                do {
                    return .object(t.adding(nanoseconds: try GoDuration.parse(str(call[0]))))
                } catch {
                    throw FunctionError("\(error)")
                }
            })
        }
        add(TemplateFunction("toDate", [s, s], returns: "time.Time") { call in
            .object((try? GoTimeLayout.parse(str(call[0]), str(call[1]), in: .local)) ?? GoTime.zero)
        })
        add(TemplateFunction("mustToDate", [s, s], returns: "(time.Time, error)") { call in
            do {
                return .object(try GoTimeLayout.parse(str(call[0]), str(call[1]), in: .local))
            } catch {
                throw FunctionError("\(error)")
            }
        })
        add(TemplateFunction("unixEpoch", [timeType], returns: "string") { call in
            .string(time(call[0]).map { String($0.unix) } ?? "")
        })
        add(TemplateFunction("ago", [any], returns: "string") { call in
            let t: GoTime
            switch call[0].plain {
            case .object(let o) where o is GoTime: t = o as! GoTime
            case .int(let i, .int64), .int(let i, .int): t = GoTime(unix: i, location: .local)
            default: t = GoTime.now()
            }
            let since = GoTime.now().nanoseconds(since: t)
            return .string(GoDuration.string(GoDuration.round(since, GoDuration.second)))
        })
        add(TemplateFunction("duration", [any], returns: "string") { call in
            var n: Int64 = 0
            switch call[0].plain {
            case .string(let text): n = parseInt10(text) ?? 0
            case .int(let i, .int64): n = i
            default: n = 0
            }
            return .string(GoDuration.string(n &* GoDuration.second))
        })
        add(TemplateFunction("durationRound", [any], returns: "string") { call in
            var d: Int64 = 0
            switch call[0].plain {
            case .string(let text): d = (try? GoDuration.parse(text)) ?? 0
            case .int(let i, .int64): d = i
            case .object(let o) where o is GoTime: d = GoTime.now().nanoseconds(since: o as! GoTime)
            default: d = 0
            }
            return .string(roundedDuration(d))
        })
    }

    static func time(_ v: TemplateValue) -> GoTime? {
        if case .object(let o) = v.plain { return o as? GoTime }
        return nil
    }

    /// Sprig's `dateInZone`: a `time.Time`, or Unix seconds as `int`/`int32`/`int64`; anything
    /// else means now. An unknown zone means UTC.
    static func dateInZone(_ layout: String, _ date: TemplateValue, _ zone: String) -> String {
        let t: GoTime
        switch date.plain {
        case .object(let o) where o is GoTime: t = o as! GoTime
        case .int(let i, .int64), .int(let i, .int), .int(let i, .int32): t = GoTime(unix: i, location: .local)
        default: t = GoTime.now()
        }
        let loc = GoLocation.load(zone) ?? .utc
        return t.in(loc).format(layout)
    }

    /// `strconv.ParseInt(s, 10, 64)`.
    static func parseInt10(_ s: String) -> Int64? {
        var t = Substring(s)
        var neg = false
        if let c = t.first, c == "+" || c == "-" { neg = c == "-"; t = t.dropFirst() }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64((neg ? "-" : "") + t)
    }

    /// Sprig's `durationRound`: the largest whole unit (y, mo, d, h, m, s) strictly exceeded.
    static func roundedDuration(_ d: Int64) -> String {
        let u = d.magnitude
        let hour: UInt64 = 3_600_000_000_000
        let units: [(UInt64, String)] = [(hour * 24 * 365, "y"), (hour * 24 * 30, "mo"), (hour * 24, "d"),
                                         (hour, "h"), (60_000_000_000, "m"), (1_000_000_000, "s")]
        for (size, suffix) in units where u > size { return String(u / size) + suffix }
        return "0s"
    }
}
