import YAML

/// RFC 6902 JSON patches (add, remove, replace, move, copy, test) on an object, as kustomize
/// applies `patchesJson6902` and JSON-style `patches`.
struct JSONPatch: Sendable {
    struct Operation: Sendable {
        var op: String
        var path: [String]
        var from: [String]?
        var value: Value?
        var index: Int
    }

    var operations: [Operation]

    /// Reads a list of operations; throws a message saying which one is malformed.
    init(_ value: Value) throws(PatchProblem) {
        guard case .array(let items) = value else { throw PatchProblem("a JSON patch is a list of operations") }
        operations = try items.enumerated().map { (i, item) throws(PatchProblem) in
            guard let op = item["op"]?.string else { throw PatchProblem("operation \(i) has no op") }
            guard ["add", "remove", "replace", "move", "copy", "test"].contains(op) else {
                throw PatchProblem("operation \(i): unknown op \"\(op)\" (use add, remove, replace, move, copy or test)")
            }
            guard let path = item["path"]?.string else { throw PatchProblem("operation \(i) (\(op)) has no path") }
            var from: [String]?
            if op == "move" || op == "copy" {
                guard let f = item["from"]?.string else { throw PatchProblem("operation \(i) (\(op)) has no from") }
                from = try Self.pointer(f)
            }
            if ["add", "replace", "test"].contains(op), item.object?["value"] == nil {
                throw PatchProblem("operation \(i) (\(op)) has no value")
            }
            return Operation(op: op, path: try Self.pointer(path), from: from, value: item.object?["value"], index: i)
        }
    }

    /// A JSON pointer's reference tokens (`/a~1b/0` → ["a/b", "0"]).
    static func pointer(_ text: String) throws(PatchProblem) -> [String] {
        if text.isEmpty { return [] }
        guard text.hasPrefix("/") else { throw PatchProblem("path \"\(text)\" must start with /") }
        return text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).replacing("~1", with: "/").replacing("~0", with: "~")
        }
    }

    func apply(to object: Value) throws(PatchProblem) -> Value {
        var doc = object
        for operation in operations {
            let where_ = "operation \(operation.index) (\(operation.op) /\(operation.path.joined(separator: "/")))"
            switch operation.op {
            case "add": try Self.add(&doc, operation.path[...], operation.value!, where_)
            case "remove": _ = try Self.remove(&doc, operation.path[...], where_)
            case "replace":
                _ = try Self.remove(&doc, operation.path[...], where_)
                try Self.add(&doc, operation.path[...], operation.value!, where_)
            case "move":
                let value = try Self.remove(&doc, operation.from![...], where_)
                try Self.add(&doc, operation.path[...], value, where_)
            case "copy":
                guard let value = Self.get(doc, operation.from![...]) else { throw PatchProblem("\(where_): from path not found") }
                try Self.add(&doc, operation.path[...], value, where_)
            default:
                guard Self.get(doc, operation.path[...]) == operation.value else { throw PatchProblem("\(where_): test failed") }
            }
        }
        return doc
    }

    private static func get(_ value: Value, _ path: ArraySlice<String>) -> Value? {
        guard let first = path.first else { return value }
        switch value {
        case .object(let map): return map[first].flatMap { get($0, path.dropFirst()) }
        case .array(let items):
            guard let i = Int(first), items.indices.contains(i) else { return nil }
            return get(items[i], path.dropFirst())
        default: return nil
        }
    }

    private static func add(_ doc: inout Value, _ path: ArraySlice<String>, _ value: Value, _ where_: String) throws(PatchProblem) {
        guard let first = path.first else { doc = value; return }
        switch doc {
        case .object(var map):
            if path.count == 1 {
                map[first] = value
            } else {
                guard var child = map[first] else { throw PatchProblem("\(where_): missing path element \"\(first)\"") }
                try add(&child, path.dropFirst(), value, where_)
                map[first] = child
            }
            doc = .object(map)
        case .array(var items):
            if path.count == 1 {
                if first == "-" { items.append(value) } else {
                    guard let i = Int(first), i >= 0, i <= items.count else { throw PatchProblem("\(where_): index \(first) out of range") }
                    items.insert(value, at: i)
                }
            } else {
                guard let i = Int(first), items.indices.contains(i) else { throw PatchProblem("\(where_): index \(first) out of range") }
                try add(&items[i], path.dropFirst(), value, where_)
            }
            doc = .array(items)
        default:
            throw PatchProblem("\(where_): cannot add below a scalar")
        }
    }

    private static func remove(_ doc: inout Value, _ path: ArraySlice<String>, _ where_: String) throws(PatchProblem) -> Value {
        guard let first = path.first else { throw PatchProblem("\(where_): cannot remove the whole object") }
        switch doc {
        case .object(var map):
            let removed: Value
            if path.count == 1 {
                guard let v = map.removeValue(forKey: first) else { throw PatchProblem("\(where_): no field \"\(first)\" to remove") }
                removed = v
            } else {
                guard var child = map[first] else { throw PatchProblem("\(where_): missing path element \"\(first)\"") }
                removed = try remove(&child, path.dropFirst(), where_)
                map[first] = child
            }
            doc = .object(map)
            return removed
        case .array(var items):
            guard let i = Int(first), items.indices.contains(i) else { throw PatchProblem("\(where_): index \(first) out of range") }
            let removed: Value
            if path.count == 1 { removed = items.remove(at: i) } else { removed = try remove(&items[i], path.dropFirst(), where_) }
            doc = .array(items)
            return removed
        default:
            throw PatchProblem("\(where_): cannot remove below a scalar")
        }
    }
}

/// What is wrong with a patch, to be placed (file, field, object) by the caller.
struct PatchProblem: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
