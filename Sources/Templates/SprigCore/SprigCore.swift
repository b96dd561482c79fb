/// The Sprig v3.3 functions Helm charts use, as Helm exposes them (without `env` and
/// `expandenv`); Helm's own functions (`include`, `tpl`, `toYaml`, ...) come from the engine.
/// docs/render.md lists what is not implemented.
public enum SprigCore {
    public static let functions: [String: TemplateFunction] = {
        var f: [String: TemplateFunction] = [:]
        let add: (TemplateFunction) -> Void = { f[$0.name] = $0 }
        SprigStrings.register(add)
        SprigCollections.register(add)
        SprigMath.register(add)
        SprigMisc.register(add)
        SprigDates.register(add)
        SprigEncoding.register(add)
        SprigSemver.register(add)
        SprigNetwork.register(add)
        SprigURL.register(add)
        SprigCrypto.register(add)
        SprigCertificates.register(add)
        return f
    }()
}
