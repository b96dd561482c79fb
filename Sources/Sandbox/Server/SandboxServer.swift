import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The Sandbox on the network: the cluster's API over HTTP on 127.0.0.1, and a clock thread
/// that moves simulated time at `speed` × wall time and runs the controllers. Usable
/// in-process (tests start it on port 0 and read `url`) and from `shipshape sandbox`.
public final class SandboxServer: @unchecked Sendable {
    public let cluster: Cluster
    public let speed: Double
    private let group: MultiThreadedEventLoopGroup
    private var channel: Channel?
    private var ticker: Thread?
    private let stopLock = NSLock()
    private var stopping = false
    /// Held by the clock thread through each controller pass, and by `pauseClock()`.
    private let tickLock = NSLock()
    private var paused = false
    /// Wall seconds between controller passes.
    public var tickInterval = 0.25
    /// Set by `enableTLS()`: the generated CA and the server's TLS context.
    public private(set) var certificateAuthority: SandboxCertificateAuthority?
    private var tlsContext: NIOSSLContext?

    public init(cluster: Cluster = Cluster(), speed: Double = 1) {
        self.cluster = cluster
        self.speed = speed
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: max(2, System.coreCount))
    }

    /// `http://127.0.0.1:PORT` (`https://` with TLS), once started.
    public private(set) var url = ""

    /// Serve HTTPS with the cluster's CA (the one `kube-root-ca.crt` publishes); call before
    /// `start`. The kubeconfig then carries the CA as `certificate-authority-data`.
    public func enableTLS() throws {
        let authority = cluster.certificateAuthority
        tlsContext = try Self.serverContext(authority)
        certificateAuthority = authority
    }

    /// Binds and starts serving; `port` 0 picks a free port. Returns the URL. When the cluster
    /// executes images, pods reach the API over HTTPS as in a real cluster: through this
    /// listener with `enableTLS()`, else through a second, TLS-only listener on a free port
    /// (`inClusterURL`); both present certificates the cluster's CA signs.
    @discardableResult
    public func start(host: String = "127.0.0.1", port: Int = 0, runClock: Bool = true) throws -> String {
        let channel = try bind(host: host, port: port, tls: tlsContext)
        self.channel = channel
        let bound = channel.localAddress?.port ?? port
        url = "\(tlsContext == nil ? "http" : "https")://\(host):\(bound)"
        if cluster.runtime != nil {
            if let authority = certificateAuthority {
                cluster.apiEndpoint = InClusterEndpoint(host: host, port: bound, caPEM: authority.caPEM)
            } else {
                let authority = cluster.certificateAuthority
                let secure = try bind(host: host, port: 0, tls: try Self.serverContext(authority))
                inClusterChannel = secure
                cluster.apiEndpoint = InClusterEndpoint(host: host, port: secure.localAddress?.port ?? 0, caPEM: authority.caPEM)
            }
            inClusterURL = cluster.apiEndpoint.map { "https://\($0.host):\($0.port)" }
        }
        if runClock { startClock() }
        return url
    }

    /// `https://127.0.0.1:PORT`: where executed pods reach the API, once started.
    public private(set) var inClusterURL: String?
    private var inClusterChannel: Channel?

    private static func serverContext(_ authority: SandboxCertificateAuthority) throws -> NIOSSLContext {
        let certificate = try NIOSSLCertificate(bytes: Array(authority.servingCertificatePEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(authority.servingKeyPEM.utf8), format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
        configuration.applicationProtocols = ["http/1.1"]
        return try NIOSSLContext(configuration: configuration)
    }

    private func bind(host: String, port: Int, tls: NIOSSLContext?) throws -> Channel {
        let cluster = self.cluster
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(HTTPHandler(cluster: cluster, secure: tls != nil))
                }
            }
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
        return try bootstrap.bind(host: host, port: port).wait()
    }

    private func startClock() {
        let thread = Thread { [weak self] in
            var last = SimClock.monotonicNow()
            while let self, !self.isStopping {
                Thread.sleep(forTimeInterval: self.tickInterval)
                if self.isStopping { break }
                self.tickLock.lock()
                let now = SimClock.monotonicNow()
                let simulated = (now - last) * self.speed
                last = now
                if !self.paused { self.cluster.advance(by: simulated, step: max(1, simulated)) }
                self.tickLock.unlock()
            }
        }
        thread.name = "sandbox-clock"
        ticker = thread
        thread.start()
    }

    /// Stops simulated time and the controllers: when this returns, no controller pass is
    /// running and none starts until `resumeClock()`, so the cluster changes only by requests.
    /// For a second client to read the same cluster state as a first (a differential test's
    /// `kubectl diff` beside Shipshape's); the API keeps serving.
    public func pauseClock() {
        tickLock.lock(); defer { tickLock.unlock() }
        paused = true
    }

    /// Starts simulated time again from where it stood (the pause is not skipped over).
    public func resumeClock() {
        tickLock.lock(); defer { tickLock.unlock() }
        paused = false
    }

    private var isStopping: Bool {
        stopLock.lock(); defer { stopLock.unlock() }
        return stopping
    }

    /// Stops the clock, closes the listener and open connections, and frees the threads.
    public func shutdown() {
        stopLock.lock()
        stopping = true
        stopLock.unlock()
        try? channel?.close().wait()
        try? inClusterChannel?.close().wait()
        cluster.runtime?.shutdown()
        try? group.syncShutdownGracefully()
    }

    /// Blocks until the listening channel closes (after `shutdown()` from a signal handler).
    public func wait() throws {
        try channel?.closeFuture.wait()
    }

    /// A kubeconfig for this server: cluster, user and context all named `sandbox`.
    public func kubeconfig(namespace: String = "default") -> String {
        """
        apiVersion: v1
        kind: Config
        clusters:
        - cluster:
        \(certificateAuthorityLine)    server: \(url)
          name: sandbox
        contexts:
        - context:
            cluster: sandbox
            namespace: \(namespace)
            user: sandbox
          name: sandbox
        current-context: sandbox
        preferences: {}
        users:
        - name: sandbox
          user:
            token: sandbox

        """
    }

    /// The kubeconfig line `certificate-authority-data: <base64 PEM>` with TLS, else nothing.
    private var certificateAuthorityLine: String {
        guard let pem = certificateAuthority?.caPEM else { return "" }
        return "    certificate-authority-data: \(Data(pem.utf8).base64EncodedString())\n"
    }

    /// Writes the kubeconfig to a temporary name, then renames it into place.
    public func writeKubeconfig(to path: String, namespace: String = "default") throws {
        let tmp = path + ".tmp-\(getpid())"
        try kubeconfig(namespace: namespace).write(toFile: tmp, atomically: false, encoding: .utf8)
        chmod(tmp, 0o600)
        if rename(tmp, path) != 0 {
            unlink(tmp)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
