import OrderedCollections
import YAML

/// `configMapGenerator` and `secretGenerator`: ConfigMaps and Secrets made from literals, files
/// and env files, named with a hash of their content so a change rolls the pods that use them.
struct ConfigGenerator {
    let kustomization: Kustomization
    let directory: String
    let files: OverlayFiles

    func configMap(_ args: Kustomization.Located<Kustomization.GeneratorArgs>) throws -> Resource {
        try make(args, secret: false)
    }

    func secret(_ args: Kustomization.Located<Kustomization.GeneratorArgs>) throws -> Resource {
        try make(args, secret: true)
    }

    private func make(_ located: Kustomization.Located<Kustomization.GeneratorArgs>, secret: Bool) throws -> Resource {
        let args = located.value
        let pairs = try collect(located)
        var data = OrderedDictionary<String, Value>()
        var binaryData = OrderedDictionary<String, Value>()
        for (key, bytes) in pairs {
            if secret {
                data[key] = .string(Base64.encode(bytes))
            } else if let text = String(validating: bytes, as: UTF8.self) {
                data[key] = .string(text)
            } else {
                binaryData[key] = .string(Base64.encode(bytes))
            }
        }
        let options = merged(args.options, kustomization.generatorOptions)
        var metadata: OrderedDictionary<String, Value> = ["name": .string(args.name)]
        if let ns = args.namespace, !ns.isEmpty { metadata["namespace"] = .string(ns) }
        if !options.labels.isEmpty { metadata["labels"] = .object(OrderedDictionary(options.labels.map { ($0, .string($1)) }, uniquingKeysWith: { $1 })) }
        if !options.annotations.isEmpty {
            metadata["annotations"] = .object(OrderedDictionary(options.annotations.map { ($0, .string($1)) }, uniquingKeysWith: { $1 }))
        }
        var object: OrderedDictionary<String, Value> = [
            "apiVersion": "v1", "kind": .string(secret ? "Secret" : "ConfigMap"), "metadata": .object(metadata),
        ]
        // kustomize always gives a generated Secret a data map, a ConfigMap only when it has data.
        if !data.isEmpty || secret { object["data"] = .object(data) }
        if !binaryData.isEmpty { object["binaryData"] = .object(binaryData) }
        if secret { object["type"] = .string(args.type ?? "Opaque") }
        if options.immutable == true { object["immutable"] = true }
        var resource = Resource(.object(object), origin: kustomization.file)
        resource.needsHashSuffix = options.disableNameSuffixHash != true
        resource.generatorBehavior = args.behavior
        return resource
    }

    /// The kustomization's `generatorOptions` folded into a generator's own, as kustomize's
    /// MergeGlobalOptionsIntoLocal does: labels and annotations combine (the generator's win),
    /// and a global `true` for disableNameSuffixHash or immutable cannot be turned off locally.
    private func merged(_ local: Kustomization.GeneratorOptions?, _ global: Kustomization.GeneratorOptions?) -> Kustomization.GeneratorOptions {
        var out = local ?? Kustomization.GeneratorOptions()
        guard let global else { return out }
        let localLabels = Set(out.labels.map(\.0)), localAnnotations = Set(out.annotations.map(\.0))
        out.labels = global.labels.filter { !localLabels.contains($0.0) } + out.labels
        out.annotations = global.annotations.filter { !localAnnotations.contains($0.0) } + out.annotations
        if global.disableNameSuffixHash == true { out.disableNameSuffixHash = true }
        if global.immutable == true { out.immutable = true }
        return out
    }

    /// The key/value pairs in kustomize's order: env files, then literals, then files; a key
    /// given twice is an error.
    private func collect(_ located: Kustomization.Located<Kustomization.GeneratorArgs>) throws -> [(String, [UInt8])] {
        let args = located.value
        var out: [(String, [UInt8])] = []
        var seen = Set<String>()
        func add(_ key: String, _ value: [UInt8], _ source: String) throws {
            guard seen.insert(key).inserted else {
                throw OverlayError(file: kustomization.file, mark: located.mark, field: located.field,
                                   "key \"\(key)\" (from \(source)) is given more than once; each key may appear once")
            }
            out.append((key, value))
        }
        for env in args.envs {
            let text = try read(env, located)
            guard String(validating: text, as: UTF8.self) != nil else {
                throw OverlayError(file: kustomization.file, mark: located.mark, field: located.field, "env file \(env) is not UTF-8 text")
            }
            // Lines split on LF bytes, a CR before it dropped, as Go's bufio.ScanLines does.
            for (lineNumber, rawBytes) in text.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                let bytes = rawBytes.last == 0x0D ? rawBytes.dropLast() : rawBytes
                var line = Substring(String(decoding: bytes, as: UTF8.self))
                if lineNumber == 0, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
                line = line.drop { $0.isWhitespace }
                if line.isEmpty || line.hasPrefix("#") { continue }
                let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = String(parts[0])
                guard parts.count == 2 else {
                    throw OverlayError(file: kustomization.file, mark: located.mark, field: located.field,
                                       "\(env):\(lineNumber + 1): \"\(key)\" has no value; Shipshape does not read values from its own environment, write KEY=VALUE")
                }
                try add(key, Array(parts[1].utf8), env)
            }
        }
        for literal in args.literals {
            let parts = literal.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw OverlayError(file: kustomization.file, mark: located.mark, field: located.field,
                                   "literal \"\(literal)\" is not KEY=VALUE")
            }
            try add(String(parts[0]), Array(Self.removeQuotes(String(parts[1])).utf8), "literals")
        }
        for file in args.files {
            let parts = file.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let (key, path) = parts.count == 2 ? (String(parts[0]), String(parts[1])) : (String(file.split(separator: "/").last ?? ""), file)
            guard !key.isEmpty, !path.isEmpty else {
                throw OverlayError(file: kustomization.file, mark: located.mark, field: located.field, "file source \"\(file)\" is not [KEY=]PATH")
            }
            try add(key, try read(path, located), path)
        }
        return out
    }

    private func read(_ path: String, _ located: Kustomization.Located<Kustomization.GeneratorArgs>) throws -> [UInt8] {
        let joined = OverlayFiles.join(directory, path)
        guard OverlayFiles.isWithin(joined, directory) else {
            throw OverlayError(file: kustomization.file, mark: located.mark, field: located.field,
                               "\(path) is outside \(directory); a kustomization may only read files in or below its own folder")
        }
        guard let bytes = try files.read(joined) else {
            throw OverlayError(file: kustomization.file, mark: located.mark, field: located.field,
                               "cannot read \(path) (relative to \(directory)); check the path")
        }
        return bytes
    }

    /// Surrounding matching quotes are dropped from a literal's value, as kustomize does.
    static func removeQuotes(_ s: String) -> String {
        guard s.count >= 2, let first = s.first, first == s.last, first == "\"" || first == "'" else { return s }
        return String(s.dropFirst().dropLast())
    }
}
