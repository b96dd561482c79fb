import YAML

/// Shipshape's overlay: a folder with a `kustomization.yaml` and, optionally, a `values.yaml`.
/// Rendering a chart "with an overlay" means: the chart's values, then the overlay's
/// `values.yaml` layered over them, render; then the kustomization applied with the rendered
/// manifests as its first resource. `render` and `check` (and the reconciler) share this type
/// so the meaning cannot drift between them.
public struct OverlayRender: Sendable {
    /// The overlay folder as the user named it (`overlays/prod`).
    public let directory: String
    /// Its kustomization file (`overlays/prod/kustomization.yaml`).
    public let kustomizationFile: String
    /// `overlays/prod/values.yaml` when the overlay has one: it goes before any `-f` files.
    public let valuesFile: String?
    private let files: OverlayFiles

    /// The values files the overlay contributes, for the front of the `-f` list.
    public var valuesFiles: [String] { valuesFile.map { [$0] } ?? [] }

    public init(directory: String, files: OverlayFiles = .local) throws {
        let trimmed = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard let kustomization = try OverlayBuild.kustomizationFile(in: trimmed, files: files) else {
            throw OverlayError(file: trimmed, "no kustomization.yaml in the overlay folder; add one (it may be just `resources: []`)")
        }
        self.directory = trimmed
        self.kustomizationFile = kustomization
        self.files = files
        let values = OverlayFiles.join(trimmed, "values.yaml")
        self.valuesFile = try files.read(values) != nil ? values : nil
    }

    /// Applies the kustomization to rendered manifests (a `helm template`-style stream, or the
    /// texts of several templates); `origin` names them in errors.
    public func apply(toRendered texts: [String], origin: String) throws -> [Value] {
        var objects: [Value] = []
        for text in texts { objects += try ManifestDecoding.decodeStream(text, file: origin) }
        return try OverlayBuild.build(directory: directory, leading: objects, leadingOrigin: origin, files: files)
    }

    /// Applies the kustomization to rendered templates, each named by its origin (the template's
    /// path), and says for every built object where it came from.
    public func applyTracked(toTemplates templates: [(text: String, origin: String)]) throws -> [OverlayBuild.BuiltObject] {
        var leading: [(object: Value, origin: String)] = []
        for template in templates {
            leading += try ManifestDecoding.decodeStream(template.text, file: template.origin).map { ($0, template.origin) }
        }
        return try OverlayBuild.buildTracked(directory: directory, leading: leading, files: files)
    }

    /// The same, as the YAML stream `kubectl kustomize` would print.
    public func render(rendered texts: [String], origin: String) throws -> String {
        YAMLEmitter.emitStream(try apply(toRendered: texts, origin: origin))
    }
}
