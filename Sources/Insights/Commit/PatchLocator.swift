import Environment
import Overlays
import YAML

/// Provenance through an overlay's patches: the line of a strategic-merge patch file that sets
/// a field of a kustomized object, so a recommendation edits the patch that decides the value
/// rather than a values line the patch overrides.
enum PatchLocator {
    /// The last patch file of `kustomization`'s overlay whose document names `object` (by
    /// kind and name, as the chart or the kustomization named it) and sets `field` to the
    /// value it has after the build; nil when none does (a JSON 6902 patch, an inline patch,
    /// a transformer).
    static func locate(_ field: ValuePath, of object: RenderedObject, kustomization: String, tree: any FileTree) throws -> ValuesLocation? {
        let directory = String(kustomization.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/"))
        guard let final = object.object.value(at: field)?.scalarString else { return nil }
        let kind = object.object["kind"]?.string
        let names = Set([object.object[path: ["metadata", "name"]]?.string, object.chartObject?[path: ["metadata", "name"]]?.string].compactMap { $0 })
        var found: ValuesLocation?
        for file in try OverlayBuild.patchFiles(in: directory.isEmpty ? "." : directory, files: tree.overlayFiles) {
            guard let text = try tree.string(at: file), let editor = try? YAMLEditor(text: text, file: file),
                  let root = editor.root else { continue }
            if let k = root["kind"]?.scalarText, k != kind { continue }
            if let n = root["metadata"]?["name"]?.scalarText, !names.contains(n) { continue }
            guard let node = try? editor.node(at: field), node.scalarText == final else { continue }
            found = ValuesLocation(file: file, path: field, line: "\(file):\(node.start.line):\(node.start.column)")
        }
        return found
    }
}
