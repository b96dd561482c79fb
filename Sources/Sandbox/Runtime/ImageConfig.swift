/// What an executed image brings besides its files: the OCI image-config fields a kubelet uses
/// (entrypoint, cmd, env, user, working directory). The Sandbox executes one kind of image,
/// Shipshape's own, and this is its config as the repository's Dockerfile builds it.
struct ImageConfig: Sendable, Equatable {
    var entrypoint: [String]
    var cmd: [String]
    var environment: [(name: String, value: String)]
    var uid: Int
    var gid: Int
    var workingDir: String

    /// `Dockerfile`: `ENTRYPOINT ["/usr/local/bin/shipshape"]`, `CMD ["--help"]`,
    /// `USER 65532:65532`, `WORKDIR /home/shipshape`, Debian's default PATH.
    static let shipshape = ImageConfig(
        entrypoint: ["/usr/local/bin/shipshape"], cmd: ["--help"],
        environment: [("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")],
        uid: 65532, gid: 65532, workingDir: "/home/shipshape")

    static func == (a: ImageConfig, b: ImageConfig) -> Bool {
        a.entrypoint == b.entrypoint && a.cmd == b.cmd && a.uid == b.uid && a.gid == b.gid && a.workingDir == b.workingDir
            && a.environment.map(\.name) == b.environment.map(\.name) && a.environment.map(\.value) == b.environment.map(\.value)
    }
}
