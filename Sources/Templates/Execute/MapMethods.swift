/// Methods of named map types that templates can call, such as Helm's `Values.AsMap`.
enum MapMethods {
    static func method(_ name: String, typeName: String, map: TemplateMap) -> TemplateFunction? {
        switch name {
        case "AsMap":
            return TemplateFunction("AsMap", [], returns: "map[string]interface {}") { _ in
                .map(TemplateMap(map.entries))
            }
        default:
            return nil
        }
    }
}
