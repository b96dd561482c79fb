import Foundation

/// Throw-away certificate authorities and certificates made with openssl in a temp folder,
/// for TLS tests against real servers on loopback.
public struct TestCertificates {
    public let dir: String

    public init(dir: String) throws {
        self.dir = dir
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    private func openssl(_ args: [String]) throws {
        guard let openssl = Subprocess.find("openssl") else { throw TestServerError("openssl is not installed (apt-get install openssl)") }
        let r = try Subprocess.run(openssl, args, in: URL(fileURLWithPath: dir))
        guard r.status == 0 else { throw TestServerError("openssl \(args.first ?? "") failed: \(r.stderr)") }
    }

    /// A CA certificate `NAME.crt` with key `NAME.key`; returns the certificate's path.
    @discardableResult
    public func authority(_ name: String) throws -> String {
        try openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(name).key", "-out", "\(name).crt",
                     "-days", "2", "-subj", "/CN=Shipshape \(name) test", "-addext", "basicConstraints=critical,CA:TRUE",
                     "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        return dir + "/\(name).crt"
    }

    /// A leaf certificate `NAME.crt`/`NAME.key` signed by `authority`, for a server (with the
    /// given subject alternative names) or a client (with the common name as user).
    @discardableResult
    public func certificate(_ name: String, signedBy authority: String, commonName: String,
                            subjectAltNames: [String] = [], client: Bool = false) throws -> (cert: String, key: String) {
        try openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(name).key", "-out", "\(name).csr", "-subj", "/CN=\(commonName)"])
        var ext = "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
        ext += "extendedKeyUsage=\(client ? "clientAuth" : "serverAuth")\n"
        if !subjectAltNames.isEmpty { ext += "subjectAltName=\(subjectAltNames.joined(separator: ","))\n" }
        try ext.write(toFile: dir + "/\(name).ext", atomically: true, encoding: .utf8)
        try openssl(["x509", "-req", "-in", "\(name).csr", "-CA", "\(authority).crt", "-CAkey", "\(authority).key",
                     "-CAcreateserial", "-out", "\(name).crt", "-days", "2", "-extfile", "\(name).ext"])
        return (dir + "/\(name).crt", dir + "/\(name).key")
    }
}

/// nginx from Debian on a loopback port with a configuration the test writes (the `server`
/// blocks; the rest is filled in), stopped when the value is released.
public final class NginxServer {
    public let dir: String
    public let port: Int
    private var process: Process?

    /// Starts nginx with `servers` (one or more `server { ... }` blocks; `127.0.0.1:PORT` in
    /// them becomes the chosen port, and no other text is touched). Throws when nginx is not installed or does not start.
    public init(dir: String, servers: String) throws {
        guard let nginx = Subprocess.find("nginx") ?? ["/usr/sbin/nginx"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw TestServerError("nginx is not installed (apt-get install nginx)")
        }
        self.dir = dir
        port = try LoopbackPort.free()
        for sub in ["tmp", "logs"] {
            try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
        }
        let config = """
            \(getuid() == 0 ? "user root;" : "")
            worker_processes 1;
            daemon off;
            pid \(dir)/nginx.pid;
            error_log \(dir)/logs/error.log warn;
            events { worker_connections 64; }
            http {
                access_log \(dir)/logs/access.log;
                client_body_temp_path \(dir)/tmp/body;
                fastcgi_temp_path \(dir)/tmp/fastcgi;
                proxy_temp_path \(dir)/tmp/proxy;
                uwsgi_temp_path \(dir)/tmp/uwsgi;
                scgi_temp_path \(dir)/tmp/scgi;
                default_type application/json;
            \(servers.replacingOccurrences(of: "127.0.0.1:PORT", with: "127.0.0.1:\(port)"))
            }
            """
        try config.write(toFile: dir + "/nginx.conf", atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: nginx)
        p.arguments = ["-p", dir, "-c", dir + "/nginx.conf", "-e", dir + "/logs/error.log"]
        p.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        p.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try p.run()
        process = p
        for _ in 0..<200 {
            if LoopbackPort.canConnect(port) { return }
            if !p.isRunning { break }
            usleep(25_000)
        }
        let log = (try? String(contentsOfFile: dir + "/logs/error.log", encoding: .utf8)) ?? ""
        stop()
        throw TestServerError("nginx did not start: \(log)")
    }

    deinit { stop() }

    public func stop() {
        guard let p = process, p.isRunning else { return }
        let pid = p.processIdentifier
        kill(pid, SIGTERM)
        for _ in 0..<100 where p.isRunning { usleep(20_000) }
        if p.isRunning { kill(pid, SIGKILL) }
        process = nil
    }
}

/// Loopback ports for test servers.
public enum LoopbackPort {
    /// A port that was free a moment ago.
    public static func free() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { ptr in
            ptr.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard ok else { throw TestServerError("no free loopback port") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    public static func canConnect(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &addr) { ptr in
            ptr.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

public struct TestServerError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
