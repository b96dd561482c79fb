import Foundation
import YAML

/// Server-side printing: the `meta.k8s.io/v1` Table the API server renders for `kubectl get`,
/// so `shipshape kube get` shows the same columns as kubectl without knowing every kind.
public struct Table: Sendable {
    public var columns: [String]
    public var rows: [[String]]

    static let accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"

    /// The priority-0 columns (kubectl's default view) of a Table object; nil if `value` is not one.
    public init?(_ value: Value) {
        guard value["kind"]?.string == "Table", let definitions = value["columnDefinitions"]?.array else { return nil }
        let shown = definitions.indices.filter { (definitions[$0]["priority"]?.intValue ?? 0) == 0 }
        columns = shown.map { (definitions[$0]["name"]?.string ?? "").uppercased() }
        rows = (value["rows"]?.array ?? []).map { row in
            let cells = row["cells"]?.array ?? []
            return shown.map { $0 < cells.count ? Self.text(cells[$0]) : "" }
        }
    }

    static func text(_ cell: Value) -> String {
        switch cell {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .bool(let b): return b ? "True" : "False"
        case .float(let d): return d == d.rounded() ? String(Int64(d)) : String(d)
        case .null: return "<none>"
        default: return (try? JSONWriter().string(cell)) ?? ""
        }
    }

    /// Aligned as kubectl aligns it: each column padded to its widest cell plus three spaces.
    public func render() -> String {
        let all = [columns] + rows
        let widths = columns.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { i in
                i == row.count - 1 ? row[i] : row[i].padding(toLength: widths[i] + 3, withPad: " ", startingAt: 0)
            }.joined()
        }.joined(separator: "\n")
    }
}

extension KubeAPI {
    /// The server's Table for a list (every page) or one object.
    public func table(_ r: APIResource, namespace: String?, name: String? = nil, labelSelector: String? = nil) throws -> Table? {
        let ns = r.namespaced ? namespace : nil
        let about = Self.describe(r, namespace: ns, name: name)
        if let name {
            return Table(try JSONParser().parse(request("GET", r.path(namespace: ns, name: name), accept: Table.accept, about: about).text))
        }
        var merged: Table?
        var token: String?
        repeat {
            var query: [(String, String)] = [("limit", "500")]
            if let labelSelector { query.append(("labelSelector", labelSelector)) }
            if let token { query.append(("continue", token)) }
            let page = try JSONParser().parse(request("GET", r.path(namespace: ns), query: query, accept: Table.accept, about: about).text)
            guard let table = Table(page) else { return nil }
            if merged == nil { merged = table } else { merged!.rows += table.rows }
            token = page["metadata"]?["continue"]?.string
            if token?.isEmpty == true { token = nil }
        } while token != nil
        return merged
    }
}
