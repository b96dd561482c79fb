import Foundation
import XCTest

/// `git http-backend` behind nginx (TLS + basic auth) and fcgiwrap, on a loopback port, with
/// a throw-away CA, server certificate and htpasswd made by openssl in a temp directory.
///
/// Requires the Debian packages `nginx`, `fcgiwrap`, `openssl` and `git`; `start` throws
/// `XCTSkip` (with the reason printed) only when one of those binaries is absent.
public final class HTTPSGitServer {
    public static let users = ["shipshape": "correct horse battery", "x-access-token": "tok_3f9a1c7e"]

    public let dir: String
    public let port: Int
    public let caFile: String
    public let otherCAFile: String
    private var nginx: Process?
    private var fcgiwrap: Process?

    public var repositories: String { dir + "/repos" }
    public func url(_ repo: String) -> String { "https://127.0.0.1:\(port)/\(repo)" }

    private init(dir: String, port: Int) {
        self.dir = dir
        self.port = port
        caFile = dir + "/ca.crt"
        otherCAFile = dir + "/other-ca.crt"
    }

    /// Starts nginx and fcgiwrap with their files in `directory`/https.
    public static func start(in directory: String) throws -> HTTPSGitServer {
        let gitBackend = "/usr/lib/git-core/git-http-backend"
        var missing: [String] = []
        for tool in ["nginx", "fcgiwrap", "openssl", "git"] where Shell.find(tool) == nil { missing.append(tool) }
        if !FileManager.default.isExecutableFile(atPath: gitBackend) { missing.append(gitBackend) }
        if !missing.isEmpty {
            let reason = "HTTPS git tests need \(missing.joined(separator: ", ")) (apt-get install nginx fcgiwrap openssl git)"
            print("SKIP: \(reason)")
            throw XCTSkip(reason)
        }
        let dir = directory + "/https"
        for sub in ["repos", "tmp", "logs"] {
            try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
        }
        let server = HTTPSGitServer(dir: dir, port: try freePort())
        try server.makeCertificates()
        try server.makePasswords()
        try server.launch(gitBackend: gitBackend)
        return server
    }

    deinit { stop() }

    public func stop() {
        // Only the two processes this server started, by pid; never waitUntilExit, which can
        // hang on Linux Foundation if the child was reaped elsewhere.
        for process in [nginx, fcgiwrap].compactMap({ $0 }) where process.isRunning {
            let pid = process.processIdentifier
            kill(pid, SIGTERM)
            for _ in 0..<100 where process.isRunning { usleep(20_000) }
            if process.isRunning { kill(pid, SIGKILL) }
        }
        nginx = nil
        fcgiwrap = nil
    }

    /// A bare repository served as `name`, seeded from `source`, accepting pushes.
    public func serve(_ source: String, as name: String) throws -> String {
        let path = repositories + "/" + name
        try Shell.run("git", ["clone", "-q", "--bare", source, path])
        try Shell.run("git", ["-C", path, "config", "http.receivepack", "true"])
        return path
    }

    private func openssl(_ args: [String]) throws {
        try Shell.run("openssl", args, in: dir)
    }

    /// mbedTLS (libgit2 on Debian) matches only dNSName SANs, so the IP is listed as one too.
    private func makeCertificates() throws {
        for ca in ["ca", "other-ca"] {
            try openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(ca).key", "-out", "\(ca).crt",
                         "-days", "2", "-subj", "/CN=Shipshape \(ca) test", "-addext", "basicConstraints=critical,CA:TRUE",
                         "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        }
        try openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"])
        try "subjectAltName=IP:127.0.0.1,DNS:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
            .write(toFile: dir + "/server.ext", atomically: true, encoding: .utf8)
        try openssl(["x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                     "-out", "server.crt", "-days", "2", "-extfile", "server.ext"])
    }

    private func makePasswords() throws {
        var lines = ""
        for (user, password) in Self.users.sorted(by: { $0.key < $1.key }) {
            let hash = try Shell.run("openssl", ["passwd", "-apr1", password]).trimmingCharacters(in: .whitespacesAndNewlines)
            lines += "\(user):\(hash)\n"
        }
        try lines.write(toFile: dir + "/htpasswd", atomically: true, encoding: .utf8)
    }

    private func launch(gitBackend: String) throws {
        let socket = dir + "/fcgiwrap.sock"
        let fcgi = Process()
        fcgi.executableURL = URL(fileURLWithPath: try Shell.which("fcgiwrap"))
        fcgi.arguments = ["-s", "unix:" + socket]
        fcgi.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        fcgi.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try fcgi.run()
        fcgiwrap = fcgi
        try waitFor { FileManager.default.fileExists(atPath: socket) }

        let asRoot = getuid() == 0
        let config = """
            \(asRoot ? "user root;" : "")
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
                client_max_body_size 0;
                server {
                    listen 127.0.0.1:\(port) ssl;
                    ssl_certificate \(dir)/server.crt;
                    ssl_certificate_key \(dir)/server.key;
                    location / {
                        auth_basic "shipshape test git";
                        auth_basic_user_file \(dir)/htpasswd;
                        fastcgi_pass unix:\(socket);
                        fastcgi_param SCRIPT_FILENAME \(gitBackend);
                        fastcgi_param GIT_PROJECT_ROOT \(repositories);
                        fastcgi_param GIT_HTTP_EXPORT_ALL "";
                        fastcgi_param REMOTE_USER $remote_user;
                        fastcgi_param PATH_INFO $uri;
                        fastcgi_param QUERY_STRING $args;
                        fastcgi_param REQUEST_METHOD $request_method;
                        fastcgi_param CONTENT_TYPE $content_type;
                        fastcgi_param CONTENT_LENGTH $content_length;
                        fastcgi_param SERVER_PROTOCOL $server_protocol;
                        fastcgi_param REMOTE_ADDR $remote_addr;
                        fastcgi_param HTTPS on;
                    }
                }
            }
            """
        try config.write(toFile: dir + "/nginx.conf", atomically: true, encoding: .utf8)
        let web = Process()
        web.executableURL = URL(fileURLWithPath: try Shell.which("nginx"))
        web.arguments = ["-p", dir, "-c", dir + "/nginx.conf", "-e", dir + "/logs/error.log"]
        web.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        web.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try web.run()
        nginx = web
        do {
            try waitFor { web.isRunning && Self.canConnect(port: self.port) }
        } catch {
            let log = (try? String(contentsOfFile: dir + "/logs/error.log", encoding: .utf8)) ?? ""
            throw Shell.Failure(command: "nginx", status: web.isRunning ? 0 : web.terminationStatus, stderr: "nginx did not start: \(log)")
        }
    }

    private func waitFor(_ condition: () -> Bool) throws {
        for _ in 0..<200 {
            if condition() { return }
            usleep(25_000)
        }
        throw Shell.Failure(command: "wait", status: 1, stderr: "timed out waiting for the test server")
    }

    public static func freePort() throws -> Int {
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
        guard ok else { throw Shell.Failure(command: "bind", status: 1, stderr: "no free port") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    public static func canConnect(port: Int) -> Bool {
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

/// The commands the server runs, failing loudly with stderr.
private enum Shell {
    struct Failure: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        let stderr: String
        var description: String { "`\(command)` exited \(status): \(stderr)" }
    }

    static func find(_ tool: String) -> String? {
        Subprocess.find(tool) ?? ["/usr/sbin/\(tool)", "/sbin/\(tool)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func which(_ tool: String) throws -> String {
        guard let path = find(tool) else { throw Failure(command: tool, status: 127, stderr: "\(tool) is not installed") }
        return path
    }

    @discardableResult
    static func run(_ tool: String, _ args: [String], in directory: String? = nil) throws -> String {
        let r = try Subprocess.run(try which(tool), args, in: directory.map { URL(fileURLWithPath: $0) })
        guard r.status == 0 else { throw Failure(command: ([tool] + args).joined(separator: " "), status: r.status, stderr: r.stderr) }
        return r.stdout
    }
}
