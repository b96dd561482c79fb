import Policies

/// Reads the policies of a folder (every `*.yaml`/`*.yml` whose kind is PolicySet, in name
/// order) or of one file, from a work tree or a revision: the one policy loader.
public enum PolicyFiles {
    public static func load(_ path: String, in tree: any FileTree) throws -> PolicySet {
        let path = WorkTree.normalize(path)
        let files: [String]
        if let entries = try tree.entries(in: path) {
            files = entries.filter { !$0.isDirectory && ($0.name.hasSuffix(".yaml") || $0.name.hasSuffix(".yml")) }
                .map(\.name).sorted().map { path == "." ? $0 : path + "/" + $0 }
        } else if try tree.read(path) != nil {
            files = [path]
        } else {
            throw EnvironmentError("\(tree.name): no policies at \(path) (pass --policies DIR, or set environments.ENV.policies in shipshape.yaml)")
        }
        var rules: [Rule] = []
        for file in files {
            guard let text = try tree.string(at: file), text.contains("PolicySet") else { continue }
            rules += try PolicySet(yaml: text, file: file).rules
        }
        return PolicySet(rules: rules)
    }
}
