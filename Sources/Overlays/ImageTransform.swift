import YAML

/// `images`: container images renamed, retagged or pinned to a digest wherever a pod spec lists
/// containers (kustomize matches the rule's name as a regular expression against the image
/// name without its tag or digest).
enum ImageTransform {
    static func apply(_ rule: Kustomization.ImageRule, to resources: inout [Resource]) {
        guard let pattern = try? Regex("^(?:" + rule.name + ")(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$") else { return }
        for i in resources.indices {
            update(&resources[i].object, rule, pattern)
            for spec in [FieldSpec("spec/volumes[]/image/reference"), FieldSpec("spec/template/spec/volumes[]/image/reference")] {
                resources[i].object.visitFields(spec.path[...], create: false) { field in
                    if case .string(let image)? = field { field = .string(rewrite(image, rule, pattern)) }
                }
            }
        }
    }

    /// Walks the whole object for `containers` and `initContainers` lists, as kustomize's
    /// legacy image filter does, so CronJobs and custom workloads are covered too.
    private static func update(_ value: inout Value, _ rule: Kustomization.ImageRule, _ pattern: Regex<AnyRegexOutput>) {
        switch value {
        case .object(var map):
            for key in map.keys {
                if key == "containers" || key == "initContainers", case .array(var items)? = map[key] {
                    for j in items.indices {
                        if case .string(let image)? = items[j]["image"] {
                            items[j][path: ["image"]] = .string(rewrite(image, rule, pattern))
                        }
                    }
                    map[key] = .array(items)
                } else {
                    update(&map[key]!, rule, pattern)
                }
            }
            value = .object(map)
        case .array(var items):
            for j in items.indices { update(&items[j], rule, pattern) }
            value = .array(items)
        default:
            return
        }
    }

    static func rewrite(_ image: String, _ rule: Kustomization.ImageRule, _ pattern: Regex<AnyRegexOutput>) -> String {
        guard image.wholeMatch(of: pattern) != nil else { return image }
        var (name, tag, digest) = split(image)
        if let newName = rule.newName, !newName.isEmpty { name = newName }
        let newTag = rule.newTag ?? "", newDigest = rule.digest ?? ""
        if !newTag.isEmpty && !newDigest.isEmpty {
            tag = newTag; digest = newDigest
        } else if !newTag.isEmpty {
            tag = newTag; digest = ""
        } else if !newDigest.isEmpty {
            tag = ""; digest = newDigest
        }
        if !tag.isEmpty { name += ":" + tag }
        if !digest.isEmpty { name += "@" + digest }
        return name
    }

    /// `registry:5000/app:1.2@sha256:…` → ("registry:5000/app", "1.2", "sha256:…").
    static func split(_ image: String) -> (name: String, tag: String, digest: String) {
        let chars = Array(image)
        let slash = chars.firstIndex(of: "/") ?? 0
        let search = chars[slash...]
        let at = search.firstIndex(of: "@")
        let colon = search.firstIndex(of: ":")
        switch (colon, at) {
        case (nil, nil):
            return (image, "", "")
        case (_, let at?) where colon == nil || at < colon!:
            return (String(chars[..<at]), "", String(chars[(at + 1)...]))
        case (let colon?, let at?):
            return (String(chars[..<colon]), String(chars[(colon + 1)..<at]), String(chars[(at + 1)...]))
        case (let colon?, nil):
            return (String(chars[..<colon]), String(chars[(colon + 1)...]), "")
        default:
            return (image, "", "")
        }
    }
}
