import OrderedCollections
import YAML

/// One `metadata.managedFields` entry: who owns which fields, through which operation.
struct ManagedFieldsEntry: Sendable {
    var manager: String
    var operation: String  // "Apply" or "Update"
    var apiVersion: String
    var time: String
    var subresource: String?
    var fields: FieldSet

    init(manager: String, operation: String, apiVersion: String, time: String, subresource: String?, fields: FieldSet) {
        self.manager = manager
        self.operation = operation
        self.apiVersion = apiVersion
        self.time = time
        self.subresource = subresource
        self.fields = fields
    }

    init?(_ v: Value) {
        guard let manager = v["manager"]?.string, let op = v["operation"]?.string else { return nil }
        self.manager = manager
        self.operation = op
        self.apiVersion = v["apiVersion"]?.string ?? ""
        self.time = v["time"]?.string ?? ""
        self.subresource = v["subresource"]?.string
        self.fields = FieldSet(fieldsV1: v["fieldsV1"] ?? .object([:]))
    }

    var value: Value {
        var o: OrderedDictionary<String, Value> = [
            "manager": .string(manager), "operation": .string(operation), "apiVersion": .string(apiVersion),
            "time": .string(time), "fieldsType": "FieldsV1", "fieldsV1": fields.fieldsV1,
        ]
        if let subresource { o["subresource"] = .string(subresource) }
        return .object(o)
    }

    func sameOwner(_ manager: String, _ operation: String, _ subresource: String?) -> Bool {
        self.manager == manager && self.operation == operation && self.subresource == subresource
    }
}

/// Reading and writing an object's managedFields.
enum ManagedFields {
    static func entries(of object: Value) -> [ManagedFieldsEntry] {
        object[path: ["metadata", "managedFields"]]?.array?.compactMap(ManagedFieldsEntry.init) ?? []
    }

    static func store(_ entries: [ManagedFieldsEntry], into object: inout Value) {
        let kept = entries.filter { !$0.fields.isEmpty }
        object[path: ["metadata", "managedFields"]] = kept.isEmpty ? nil : .array(kept.map(\.value))
    }

    /// Records an Update by `manager`: it takes ownership of every field that changed, which
    /// other managers lose; fields that disappeared are owned by nobody.
    static func recordUpdate(old: Value?, new: inout Value, manager: String, apiVersion: String, time: String,
                             subresource: String?, kind: String) {
        var entries = old.map(entries(of:)) ?? []
        let includeStatus = subresource == "status"
        let newSet = FieldSet(object: new, kind: kind, includeStatus: includeStatus)
        var changed = FieldSet()
        var removed = FieldSet()
        if let old {
            let oldSet = FieldSet(object: old, kind: kind, includeStatus: includeStatus)
            for path in newSet.paths where !oldSet.contains(path) || ObjectPaths.value(in: old, at: path) != ObjectPaths.value(in: new, at: path) {
                changed.insert(path)
            }
            for path in oldSet.paths where !newSet.contains(path) { removed.insert(path) }
        } else {
            changed = newSet
        }
        for i in entries.indices {
            entries[i].fields = entries[i].fields.subtracting(removed)
            if !entries[i].sameOwner(manager, "Update", subresource) {
                entries[i].fields = entries[i].fields.subtracting(changed)
            }
        }
        if !changed.isEmpty {
            if let i = entries.firstIndex(where: { $0.sameOwner(manager, "Update", subresource) }) {
                entries[i].fields.merge(changed)
                entries[i].time = time
            } else {
                entries.append(ManagedFieldsEntry(manager: manager, operation: "Update", apiVersion: apiVersion, time: time,
                                                  subresource: subresource, fields: changed))
            }
        }
        store(entries, into: &new)
    }
}

extension FieldSet {
    mutating func insert(_ path: [PathElement]) {
        guard let first = path.first else { member = true; return }
        children[first, default: FieldSet()].insert(Array(path.dropFirst()))
    }
}
