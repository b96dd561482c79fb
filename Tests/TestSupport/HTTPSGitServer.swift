import Foundation

/// `git http-backend` behind nginx (TLS + basic auth) and fcgiwrap, on a loopback port, with
/// a throw-away CA, server certificate and htpasswd made by openssl in a temp directory.
///
/// Needs the Debian packages `nginx`, `fcgiwrap`, `openssl` and `git` (scripts/install-deps.sh
/// installs them); `start` fails, naming what is missing, without them.
public final class HTTPSGitServer {
    public static let users = ["shipshape": "correct horse battery", "x-access-token": "tok_3f9a1c7e"]
    static let gitBackend = "/usr/lib/git-core/git-http-backend"

    public let dir: String
    public let caFile: String
    public let otherCAFile: String
    private var nginx: NginxServer?
    private var fcgiwrap: Process?

    public var port: Int { nginx?.port ?? 0 }
    public var repositories: String { dir + "/repos" }
    public func url(_ repo: String) -> String { "https://127.0.0.1:\(port)/\(repo)" }

    private init(dir: String) {
        self.dir = dir
        caFile = dir + "/ca.crt"
        otherCAFile = dir + "/other-ca.crt"
    }

    /// Starts fcgiwrap and nginx with their files in `directory`/https.
    public static func start(in directory: String) throws -> HTTPSGitServer {
        let missing = ["fcgiwrap", "git"].filter { tool(named: $0) == nil }
            + (FileManager.default.isExecutableFile(atPath: gitBackend) ? [] : [gitBackend])
        guard missing.isEmpty else {
            throw TestServerError("HTTPS git tests need \(missing.joined(separator: ", ")) (apt-get install nginx fcgiwrap openssl git)")
        }
        let server = HTTPSGitServer(dir: directory + "/https")
        try FileManager.default.createDirectory(atPath: server.repositories, withIntermediateDirectories: true)
        // mbedTLS (libgit2 on Debian) matches only dNSName SANs, so the IP is listed as one too.
        let certificates = try TestCertificates(dir: server.dir)
        try certificates.authority("ca")
        try certificates.authority("other-ca")
        try certificates.certificate("server", signedBy: "ca", commonName: "127.0.0.1",
                                     subjectAltNames: ["IP:127.0.0.1", "DNS:127.0.0.1", "DNS:localhost"])
        try server.makePasswords()
        try server.launch()
        return server
    }

    deinit { stop() }

    /// Stops the two processes this server started.
    public func stop() {
        nginx?.stop()
        nginx = nil
        if let process = fcgiwrap, process.isRunning {
            let pid = process.processIdentifier
            kill(pid, SIGTERM)
            for _ in 0..<100 where process.isRunning { usleep(20_000) }
            if process.isRunning { kill(pid, SIGKILL) }
        }
        fcgiwrap = nil
    }

    /// A bare repository served as `name`, seeded from `source`, accepting pushes.
    public func serve(_ source: String, as name: String) throws -> String {
        let path = repositories + "/" + name
        try Self.run("git", ["clone", "-q", "--bare", source, path])
        try Self.run("git", ["-C", path, "config", "http.receivepack", "true"])
        return path
    }

    private func makePasswords() throws {
        var lines = ""
        for (user, password) in Self.users.sorted(by: { $0.key < $1.key }) {
            let hash = try Self.run("openssl", ["passwd", "-apr1", password]).trimmingCharacters(in: .whitespacesAndNewlines)
            lines += "\(user):\(hash)\n"
        }
        try lines.write(toFile: dir + "/htpasswd", atomically: true, encoding: .utf8)
    }

    private func launch() throws {
        let socket = dir + "/fcgiwrap.sock"
        let fcgi = Process()
        fcgi.executableURL = URL(fileURLWithPath: Self.tool(named: "fcgiwrap")!)
        fcgi.arguments = ["-s", "unix:" + socket]
        fcgi.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        fcgi.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try fcgi.run()
        fcgiwrap = fcgi
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: socket) { usleep(25_000) }
        guard FileManager.default.fileExists(atPath: socket) else { throw TestServerError("fcgiwrap did not create \(socket)") }
        nginx = try NginxServer(dir: dir, servers: """
            client_max_body_size 0;
            server {
                listen 127.0.0.1:PORT ssl;
                ssl_certificate \(dir)/server.crt;
                ssl_certificate_key \(dir)/server.key;
                location / {
                    auth_basic "shipshape test git";
                    auth_basic_user_file \(dir)/htpasswd;
                    fastcgi_pass unix:\(socket);
                    fastcgi_param SCRIPT_FILENAME \(Self.gitBackend);
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
            """)
    }

    private static func tool(named name: String) -> String? {
        Subprocess.find(name) ?? ["/usr/sbin/\(name)", "/sbin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @discardableResult
    private static func run(_ name: String, _ args: [String]) throws -> String {
        guard let path = tool(named: name) else { throw TestServerError("\(name) is not installed") }
        let r = try Subprocess.run(path, args)
        guard r.status == 0 else { throw TestServerError("\(name) \(args.joined(separator: " ")) exited \(r.status): \(r.stderr)") }
        return r.stdout
    }
}
