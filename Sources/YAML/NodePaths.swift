/// Where each value of a document was written: every node's `ValuePath` and start mark.
///
/// Provenance uses it to say which file, line and column set a values path; merge keys
/// (`<<`) are followed, so a merged-in value reports where the anchor wrote it.
public enum NodePaths {
    /// Every node reachable from `root` (root included, under the empty path), in document order.
    public static func marks(_ root: Node) -> [(path: ValuePath, mark: Mark)] {
        var out: [(ValuePath, Mark)] = []
        walk(root, ValuePath([]), &out, depth: 0)
        return out
    }

    private static func walk(_ node: Node, _ path: ValuePath, _ out: inout [(ValuePath, Mark)], depth: Int) {
        guard depth < YAMLParser.maximumDepth else { return }
        out.append((path, node.start))
        let target = node.dereferenced
        switch target.content {
        case .mapping(let pairs, _):
            for pair in pairs {
                if pair.key.scalarText == "<<" && pair.key.tag == nil {
                    let merged = pair.value.dereferenced
                    let sources = merged.items ?? [merged]
                    for source in sources {
                        for inner in source.dereferenced.pairs ?? [] {
                            guard let key = inner.key.scalarText, !pairs.contains(where: { $0.key.scalarText == key }) else { continue }
                            walk(inner.value, ValuePath(path.segments + [.key(key)]), &out, depth: depth + 1)
                        }
                    }
                    continue
                }
                guard let key = pair.key.scalarText else { continue }
                walk(pair.value, ValuePath(path.segments + [.key(key)]), &out, depth: depth + 1)
            }
        case .sequence(let items, _):
            for (i, item) in items.enumerated() {
                walk(item, ValuePath(path.segments + [.index(i)]), &out, depth: depth + 1)
            }
        case .scalar, .alias:
            break
        }
    }
}
