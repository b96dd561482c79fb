import Foundation
import OrderedCollections
import YAML

/// Where pods reach the API server from inside the Sandbox: its HTTPS address and the CA that
/// signed its certificate, which become `KUBERNETES_SERVICE_HOST`/`PORT` and `ca.crt`.
public struct InClusterEndpoint: Sendable {
    public var host: String
    public var port: Int
    public var caPEM: String
    public init(host: String, port: Int, caPEM: String) {
        self.host = host
        self.port = port
        self.caPEM = caPEM
    }
}

/// The kubelet's side of executed images: turning a pod's container into a `ContainerLaunch`
/// (environment, volumes, the service-account token, the security context) and starting it
/// on the `ProcessRuntime`.
extension Cluster {
    /// Why a container could not start: the waiting reason and message its status shows.
    struct StartFailure: Error {
        var reason: String
        var message: String
    }

    /// The path where the kubelet projects the service account's token, CA and namespace.
    static let serviceAccountMountPath = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// Starts container `spec` of `pod` as instance `instance` (its restart count).
    func startExecuted(pod: Value, spec: Value, instance: Int) throws(StartFailure) -> ExecutedContainer {
        guard let runtime else {
            throw StartFailure(reason: "RunContainerError", message: "the Sandbox was started without a runtime for executed images")
        }
        if let reason = runtime.unavailableReason {
            throw StartFailure(reason: "RunContainerError", message: reason)
        }
        let uid = pod[path: ["metadata", "uid"]]?.string ?? ""
        let name = spec["name"]?.string ?? ""
        let image = ImageConfig.shipshape
        let environment: OrderedDictionary<String, String>
        let argv: [String]
        let builder = environmentBuilder(pod: pod, spec: spec)
        var env: OrderedDictionary<String, String> = [:]
        for (k, v) in image.environment { env[k] = v }
        env["HOSTNAME"] = pod[path: ["metadata", "name"]]?.string ?? ""
        for (k, v) in try containerEnvironment(pod: pod, spec: spec) { env[k] = v }
        if env["HOME"] == nil { env["HOME"] = "/" }
        environment = env
        argv = builder.argv(image: image, environment: env)
        let podDirectory: String
        var mounts: [ContainerLaunch.Mount]
        do {
            podDirectory = try runtime.podDirectory(uid)
            mounts = try volumeMounts(pod: pod, spec: spec, podDirectory: podDirectory)
        } catch let failure as StartFailure {
            throw failure
        } catch {
            throw StartFailure(reason: "CreateContainerError", message: "\(error)")
        }
        let workingDir = spec["workingDir"]?.string ?? image.workingDir
        guard ContainerLaunch.isContained(workingDir) else {
            throw StartFailure(reason: "CreateContainerConfigError", message: "workingDir \"\(workingDir)\" must be an absolute path without '..'")
        }
        let security = spec["securityContext"] ?? .object([:])
        let podSecurity = pod[path: ["spec", "securityContext"]] ?? .object([:])
        let launch = ContainerLaunch(
            root: podDirectory + "/containers/\(name)-\(instance)",
            binary: runtime.binary, binaryTarget: image.entrypoint[0], mounts: mounts,
            readOnlyRoot: security["readOnlyRootFilesystem"]?.boolValue == true,
            uid: (security["runAsUser"] ?? podSecurity["runAsUser"])?.intValue ?? image.uid,
            gid: (security["runAsGroup"] ?? podSecurity["runAsGroup"])?.intValue ?? image.gid,
            workingDir: workingDir,
            environment: environment, argv: argv)
        do {
            let published = publishedNow
            return try runtime.start(launch, clock: { published.value })
        } catch {
            throw StartFailure(reason: "RunContainerError", message: "failed to start container \"\(name)\": \(error)")
        }
    }

    /// The variables the kubelet gives container `spec` of `pod`, or the
    /// `CreateContainerConfigError` a missing ConfigMap, Secret or key causes. Simulated and
    /// executed images both go through it, so both wait the same way.
    func containerEnvironment(pod: Value, spec: Value) throws(StartFailure) -> OrderedDictionary<String, String> {
        do {
            return try environmentBuilder(pod: pod, spec: spec).variables()
        } catch {
            throw StartFailure(reason: "CreateContainerConfigError", message: error.message)
        }
    }

    private func environmentBuilder(pod: Value, spec: Value) -> ContainerEnvironment {
        let namespace = pod[path: ["metadata", "namespace"]]?.string ?? "default"
        return ContainerEnvironment(pod: pod, container: spec, serviceVariables: serviceVariables(), lookup: { kind, object in
            self.namespacedObject(kind: kind, namespace: namespace, name: object)
        })
    }

    /// The `kubernetes` Service's variables, pointing at the in-cluster endpoint.
    private func serviceVariables() -> OrderedDictionary<String, String> {
        guard let endpoint = apiEndpoint else { return [:] }
        let host = endpoint.host, port = String(endpoint.port)
        return [
            "KUBERNETES_SERVICE_HOST": host, "KUBERNETES_SERVICE_PORT": port, "KUBERNETES_SERVICE_PORT_HTTPS": port,
            "KUBERNETES_PORT": "tcp://\(host):\(port)", "KUBERNETES_PORT_443_TCP": "tcp://\(host):\(port)",
            "KUBERNETES_PORT_443_TCP_PROTO": "tcp", "KUBERNETES_PORT_443_TCP_PORT": port, "KUBERNETES_PORT_443_TCP_ADDR": host,
        ]
    }

    private func namespacedObject(kind: String, namespace: String, name: String) -> Value? {
        guard let type = catalog.type(kind: kind) else { return nil }
        return store.get(type, ObjectKey(namespace: namespace, name: name))
    }

    /// The container's volume mounts as host folders: emptyDirs shared by the pod's
    /// containers, Secret and ConfigMap volumes written from the API objects, and the
    /// projected service-account token unless automounting is off.
    private func volumeMounts(pod: Value, spec: Value, podDirectory: String) throws -> [ContainerLaunch.Mount] {
        let namespace = pod[path: ["metadata", "namespace"]]?.string ?? "default"
        let fm = FileManager.default
        var volumes: [String: Value] = [:]
        for v in pod[path: ["spec", "volumes"]]?.array ?? [] {
            if let n = v["name"]?.string { volumes[n] = v }
        }
        var mounts: [ContainerLaunch.Mount] = []
        for m in spec["volumeMounts"]?.array ?? [] {
            guard let volumeName = m["name"]?.string, let target = m["mountPath"]?.string else { continue }
            guard ContainerLaunch.isContained(target) else {
                throw StartFailure(reason: "CreateContainerConfigError", message: "mountPath \"\(target)\" must be an absolute path without '..'")
            }
            guard let volume = volumes[volumeName] else {
                throw StartFailure(reason: "CreateContainerConfigError", message: "cannot find volume \"\(volumeName)\" to mount into container \"\(spec["name"]?.string ?? "")\"")
            }
            let folder = podDirectory + "/volumes/" + volumeName
            var readOnly = m["readOnly"]?.boolValue == true
            if volume["emptyDir"] != nil {
                if !fm.fileExists(atPath: folder) {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    chmod(folder, 0o777)
                }
            } else if let secret = volume["secret"] {
                let object = secret["secretName"]?.string.flatMap { namespacedObject(kind: "Secret", namespace: namespace, name: $0) }
                try project(object, kind: "Secret", source: secret, optional: secret["optional"]?.boolValue == true,
                            name: secret["secretName"]?.string ?? "", volume: volumeName, into: folder)
                readOnly = true
            } else if let configMap = volume["configMap"] {
                let object = configMap["name"]?.string.flatMap { namespacedObject(kind: "ConfigMap", namespace: namespace, name: $0) }
                try project(object, kind: "ConfigMap", source: configMap, optional: configMap["optional"]?.boolValue == true,
                            name: configMap["name"]?.string ?? "", volume: volumeName, into: folder)
                readOnly = true
            } else {
                throw StartFailure(reason: "CreateContainerError",
                                   message: "volume \"\(volumeName)\": the Sandbox mounts emptyDir, secret and configMap volumes only")
            }
            var source = folder
            var isFile = false
            if let sub = m["subPath"]?.string, !sub.isEmpty {
                guard !sub.split(separator: "/").contains("..") else {
                    throw StartFailure(reason: "CreateContainerConfigError", message: "subPath \"\(sub)\" must not contain '..'")
                }
                source = folder + "/" + sub
                var isDirectory: ObjCBool = false
                if !fm.fileExists(atPath: source, isDirectory: &isDirectory) {
                    try fm.createDirectory(atPath: source, withIntermediateDirectories: true)
                    chmod(source, 0o777)
                } else {
                    isFile = !isDirectory.boolValue
                }
            }
            mounts.append(ContainerLaunch.Mount(source: source, target: target, readOnly: readOnly, isFile: isFile))
        }
        if automountsToken(pod), !mounts.contains(where: { $0.target == Self.serviceAccountMountPath }) {
            let folder = podDirectory + "/serviceaccount"
            let account = pod[path: ["spec", "serviceAccountName"]]?.string ?? "default"
            var files: [(String, String)] = [("token", serviceAccountToken(namespace: namespace, serviceAccount: account)), ("namespace", namespace)]
            if let endpoint = apiEndpoint { files.append(("ca.crt", endpoint.caPEM)) }
            try writeFiles(files.map { ($0.0, Data($0.1.utf8), 0o644) }, into: folder)
            mounts.append(ContainerLaunch.Mount(source: folder, target: Self.serviceAccountMountPath, readOnly: true))
        }
        return mounts
    }

    /// `automountServiceAccountToken` of the pod, else of its service account, else true.
    private func automountsToken(_ pod: Value) -> Bool {
        if let own = pod[path: ["spec", "automountServiceAccountToken"]]?.boolValue { return own }
        let namespace = pod[path: ["metadata", "namespace"]]?.string ?? "default"
        let account = pod[path: ["spec", "serviceAccountName"]]?.string ?? "default"
        return store.get(serviceAccountType, ObjectKey(namespace: namespace, name: account))?["automountServiceAccountToken"]?.boolValue ?? true
    }

    /// A Secret or ConfigMap volume: every key as a file (or the listed `items`), mode
    /// `defaultMode` (0644 by default). A missing object that is not optional leaves the pod
    /// in ContainerCreating, as a failed mount does.
    private func project(_ object: Value?, kind: String, source: Value, optional: Bool, name: String, volume: String, into folder: String) throws {
        guard let object else {
            if optional { return try writeFiles([], into: folder) }
            throw StartFailure(reason: "ContainerCreating",
                               message: "MountVolume.SetUp failed for volume \"\(volume)\" : \(kind.lowercased()) \"\(name)\" not found")
        }
        let data = ContainerEnvironment.data(of: object, kind: kind)
        let defaultMode = source["defaultMode"]?.intValue ?? 0o644
        var files: [(String, Data, Int)] = []
        if let items = source["items"]?.array {
            for item in items {
                guard let key = item["key"]?.string, let path = item["path"]?.string else { continue }
                guard let value = data[key] else {
                    if optional { continue }
                    throw StartFailure(reason: "ContainerCreating",
                                       message: "MountVolume.SetUp failed for volume \"\(volume)\" : configmap references non-existent config key: \(key)")
                }
                files.append((path, Data(value.utf8), item["mode"]?.intValue ?? defaultMode))
            }
        } else {
            files = data.map { ($0.key, Data($0.value.utf8), defaultMode) }
        }
        try writeFiles(files, into: folder)
    }

    /// Replaces `folder`'s contents with `files` (relative paths without `..`).
    private func writeFiles(_ files: [(String, Data, Int)], into folder: String) throws {
        let fm = FileManager.default
        try? fm.removeItem(atPath: folder)
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        for (path, data, mode) in files {
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { continue }
            let full = folder + "/" + path
            try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: full))
            chmod(full, mode_t(mode & 0o777))
        }
    }

    /// Forgets a deleted pod: stops its processes and removes its folder.
    func forgetPod(_ uid: String, _ pod: Value) {
        let grace = Double(pod[path: ["spec", "terminationGracePeriodSeconds"]]?.intValue ?? 30)
        let stopped = kubelet.forget(uid, grace: min(max(grace, 0), 30))
        runtime?.removePod(uid, after: stopped)
    }
}
