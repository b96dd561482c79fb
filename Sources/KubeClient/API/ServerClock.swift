import Foundation

extension KubeAPI {
    /// The API server's clock, from the `Date` header of a `GET /version`, in seconds since the
    /// epoch. Jobs that compare times the cluster wrote (a container's `finishedAt`, an event's
    /// `lastTimestamp`) measure "now" by the clock that wrote them, so a skewed node clock (or
    /// the Sandbox's simulated time) cannot shift a restart window. Whole seconds, as HTTP dates
    /// are. Nil when the server sends no parseable `Date`.
    public func serverTime() throws -> Double? {
        let response = try request("GET", "/version", about: "the API server's /version")
        return response.headers["date"].flatMap(Self.parseHTTPDate)
    }

    /// An RFC 7231 IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func parseHTTPDate(_ text: String) -> Double? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)?.timeIntervalSince1970
    }
}
