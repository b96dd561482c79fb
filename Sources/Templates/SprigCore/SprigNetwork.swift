#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sprig's `getHostByName` (network.go): one of the host's IPv4 addresses through the system
/// resolver (getaddrinfo), or "" when the name does not resolve. Helm replaces it with a
/// function returning "" unless DNS lookups are enabled; `HelmEngine(enableDNS:)` decides.
enum SprigNetwork {
    static func register(_ add: (TemplateFunction) -> Void) {
        add(TemplateFunction("getHostByName", [.string], returns: "string") { call in
            guard case .string(let name) = call[0].plain else { return .string("") }
            return .string(ipv4Addresses(name).randomElement() ?? "")
        })
    }

    static func ipv4Addresses(_ name: String) -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var out: [String] = []
        var p: UnsafeMutablePointer<addrinfo>? = first
        while let info = p {
            if let sa = info.pointee.ai_addr, info.pointee.ai_family == AF_INET {
                var addr = sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                var buf = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
                if inet_ntop(AF_INET, &addr, &buf, socklen_t(buf.count)) != nil {
                    let s = String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                    if !out.contains(s) { out.append(s) }
                }
            }
            p = info.pointee.ai_next
        }
        return out
    }
}
