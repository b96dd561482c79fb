import Templates

/// What `helm template` takes besides the chart: release, cluster assumptions and values.
public struct RenderOptions: Sendable {
    public var releaseName = "release-name"
    public var namespace = "default"
    /// `--kube-version`; nil means Helm's default.
    public var kubeVersion: String?
    /// `-a/--api-versions`, added to the known versions.
    public var apiVersions: [String] = []
    public var values = ValueOptions()
    /// `missingkey=error` instead of Helm's default `missingkey=zero`.
    public var strict = false
    /// Track which values drive which output (for `--trace`).
    public var trace = false
    /// Functions beyond Go's built-ins and Helm's own (Sprig).
    public var functions: [String: TemplateFunction] = [:]
    /// Reads `--set-file` files.
    public var readFile: @Sendable (String) throws -> [UInt8] = { _ in [] }

    public init() {}
}
