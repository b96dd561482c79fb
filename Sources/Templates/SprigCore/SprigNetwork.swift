/// Sprig's `getHostByName` (network.go) as Helm registers it without `--enable-dns`: it
/// returns "" for every name, so rendering never depends on the resolver. Shipshape has no
/// `--enable-dns`, so there is no resolving variant.
enum SprigNetwork {
    static func register(_ add: (TemplateFunction) -> Void) {
        add(TemplateFunction("getHostByName", [.string], returns: "string") { _ in .string("") })
    }
}
