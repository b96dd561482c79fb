import YAML

/// Maps a request to discovery, a resource verb, a subresource or the admin endpoint.
extension Cluster {
    func route(_ r: APIRequest) throws -> APIResult {
        switch r.path {
        case "/version", "/version/": return .response(.json(DiscoveryDocuments.version()))
        case "/healthz", "/readyz", "/livez": return .response(.text("ok"))
        case "/metrics":
            guard r.method == "GET" else { throw APIError.methodNotAllowed() }
            return .response(APIResponse(status: 200, headers: [("Content-Type", "text/plain; version=0.0.4; charset=utf-8")], body: Array(prometheusMetrics().utf8)))
        case "/api", "/api/": return .response(.json(DiscoveryDocuments.coreVersions(serverAddress: r.header("host") ?? "127.0.0.1")))
        case "/apis", "/apis/": return .response(.json(DiscoveryDocuments.groupList(catalog)))
        default: break
        }
        if r.path.hasPrefix("/sandbox/") { return .response(try admin(r)) }
        if r.path.hasPrefix("/api/v1/nodes/"), r.path.hasSuffix("/proxy/stats/summary"), r.method == "GET" {
            return .response(.json(try nodeStatsSummary(String(r.path.dropFirst("/api/v1/nodes/".count).dropLast("/proxy/stats/summary".count)))))
        }
        if r.path == "/openapi/v3" { return .response(.json(OpenAPIDocuments.index(catalog))) }
        if r.path.hasPrefix("/openapi/v3/") {
            guard let doc = OpenAPIDocuments.groupVersion(catalog, path: String(r.path.dropFirst("/openapi/v3/".count))) else {
                throw APIError.pathNotFound()
            }
            return .response(.json(doc))
        }
        let parts = r.path.split(separator: "/").map(String.init)
        if parts == ["api", "v1"], let list = DiscoveryDocuments.resourceList(catalog, group: "", version: "v1") {
            return .response(.json(list))
        }
        if parts.count == 3, parts[0] == "apis" {
            guard let list = DiscoveryDocuments.resourceList(catalog, group: parts[1], version: parts[2]) else { throw APIError.pathNotFound() }
            return .response(.json(list))
        }
        if parts.count == 2, parts[0] == "apis" {
            let versions = catalog.groupVersions.filter { $0.group == parts[1] }.map(\.version)
            guard !versions.isEmpty else { throw APIError.pathNotFound() }
            var g = DiscoveryDocuments.group(parts[1], versions: versions)
            g[path: ["kind"]] = "APIGroup"
            g[path: ["apiVersion"]] = "v1"
            return .response(.json(g))
        }
        if r.path.hasPrefix(AutoscalingV1.pathPrefix), parts.count > 3, parts.contains("horizontalpodautoscalers") { return try autoscalingV1(r) }
        guard let target = try ResourcePath.parse(r.path, catalog: catalog) else { throw APIError.pathNotFound() }
        if target.type.group == "metrics.k8s.io" {
            guard r.method == "GET" else { throw APIError.methodNotAllowed() }
            return .response(.json(try metrics(target, query: r.query)))
        }
        if target.type.group == "authorization.k8s.io" { return .response(try accessReview(r, target)) }
        if target.type.group == "authentication.k8s.io" { return .response(try selfSubjectReview(r, target)) }
        if target.type.group == Self.rbacGroup, ["POST", "PUT", "PATCH"].contains(r.method), let user = r.user, !user.isPrivileged {
            // The object as the write would store it, then the escalation check on it.
            var preview = r
            preview.query["dryRun"] = "All"
            if case .response(let answer) = try resourceVerb(preview, target), answer.status < 300,
               let object = try? JSONParser().parse(bytes: answer.body) {
                try confirmNoEscalation(object, type: target.type, user: user)
            }
        }
        return try resourceVerb(r, target)
    }

    private func resourceVerb(_ r: APIRequest, _ target: ResourcePath) throws -> APIResult {
        let type = target.type
        let ns = type.namespaced ? target.namespace : nil
        let manager = r.fieldManager
        if type.namespaced, target.name != nil, ns == nil { throw APIError.pathNotFound() }
        let key = ObjectKey(namespace: ns ?? "", name: target.name ?? "")
        switch (r.method, target.name, target.subresource) {
        case ("GET", nil, _):
            let filter = try ListFilter(namespace: ns, query: r.query)
            if r.query["watch"] == "true" || r.query["watch"] == "1" {
                return .watch(WatchStream(cluster: self, type: type, filter: filter, query: r.query, table: Self.wantsTable(r)))
            }
            return .response(.json(try listObjects(type, filter: filter, query: r.query, table: Self.wantsTable(r))))
        case ("GET", _, "ephemeralcontainers"):
            return .response(.json(try getObject(type, key)))
        case (_, _, let sub?) where ContainerStreams.subresources.contains(sub):
            _ = try getObject(type, key)
            throw ContainerStreams.unavailable(sub, pod: key.name)
        case ("GET", _, "log"):
            return .response(.text(try podLog(key, query: r.query)))
        case ("GET", _, "scale"):
            return .response(.json(scaleObject(type, try getObject(type, key))))
        case ("GET", _, _):
            let object = try getObject(type, key)
            if Self.wantsTable(r) {
                return .response(.json(Tables.table(type, [object], now: clock.now, metadata: ["resourceVersion": object[path: ["metadata", "resourceVersion"]] ?? ""],
                                                    cluster: self, includeObject: r.query["includeObject"])))
            }
            return .response(.json(object))
        case ("POST", _, "token") where type.resource == "serviceaccounts":
            return .response(try tokenRequest(key))
        case ("POST", nil, _):
            let body = try decodeBody(r)
            let created = try createObject(body, manager: manager ?? "unknown", in: type, namespace: ns, dryRun: r.isDryRun)
            return .response(.json(created, status: 201))
        case ("PUT", _, "scale"):
            return .response(.json(try updateScale(type, key, try decodeBody(r), manager: manager, dryRun: r.isDryRun)))
        case ("PUT", _, let sub):
            return .response(.json(try updateObject(type, key, try decodeBody(r), manager: manager, subresource: sub, dryRun: r.isDryRun)))
        case ("PATCH", _, let sub):
            let result = try patchObject(type, key, body: r.body, contentType: r.header("content-type") ?? "", manager: manager,
                                         force: r.query["force"] == "true", subresource: sub, dryRun: r.isDryRun)
            return .response(.json(result.object, status: result.created ? 201 : 200))
        case ("DELETE", nil, nil):
            let filter = try ListFilter(namespace: ns, query: r.query)
            var deleted: [Value] = []
            for entry in store.list(type, namespace: ns) where filter.matches(entry.object) {
                deleted.append(try deleteObject(type, entry.key, options: DeleteOptions(request: r)))
            }
            return .response(.json(["kind": .string(type.kind + "List"), "apiVersion": .string(type.apiVersion),
                                     "metadata": ["resourceVersion": .string(String(store.resourceVersion))], "items": .array(deleted)]))
        case ("DELETE", _, nil):
            return .response(.json(try deleteObject(type, key, options: DeleteOptions(request: r))))
        default:
            throw APIError.methodNotAllowed()
        }
    }

    func decodeBody(_ r: APIRequest) throws -> Value {
        let contentType = r.header("content-type") ?? "application/json"
        if contentType.contains("protobuf") {
            do {
                return try ProtobufDecoder.decodeObject(r.body)
            } catch {
                if error.isUnsupported { throw APIError(code: 415, reason: "UnsupportedMediaType", message: error.description) }
                throw APIError.badRequest(error.description)
            }
        }
        if contentType.contains("cbor") {
            throw APIError(code: 415, reason: "UnsupportedMediaType",
                           message: "the Sandbox accepts JSON, YAML and protobuf request bodies, not \(contentType): write the object as YAML and use `kubectl apply -f`")
        }
        do {
            if contentType.contains("yaml") {
                return try ValueDecoder.decode(String(decoding: r.body, as: UTF8.self))
            }
            return try JSONParser().parse(bytes: r.body)
        } catch {
            throw APIError.badRequest("the body of the request could not be decoded: \(error)")
        }
    }
}
