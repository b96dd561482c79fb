/// Who a request acts as, once authenticated (and impersonation applied): the user name and
/// groups RBAC matches subjects against, as kube-apiserver's `user.Info` carries them.
public struct UserInfo: Sendable, Hashable {
    public var name: String
    public var groups: [String]

    public init(name: String, groups: [String]) {
        self.name = name
        self.groups = groups
    }

    /// The kubeconfig's user (token `sandbox`): a member of `system:masters`, which a real
    /// cluster lets past authorization entirely.
    public static let admin = UserInfo(name: "sandbox-admin", groups: [Groups.masters, Groups.authenticated])
    /// A request with no credentials.
    public static let anonymous = UserInfo(name: "system:anonymous", groups: [Groups.unauthenticated])

    /// The user a service account's token authenticates as.
    public static func serviceAccount(namespace: String, name: String) -> UserInfo {
        UserInfo(name: serviceAccountPrefix + namespace + ":" + name, groups: serviceAccountGroups(namespace) + [Groups.authenticated])
    }

    static let serviceAccountPrefix = "system:serviceaccount:"

    static func serviceAccountGroups(_ namespace: String) -> [String] {
        ["system:serviceaccounts", "system:serviceaccounts:" + namespace]
    }

    /// `(namespace, name)` when this is a service account's user name.
    static func serviceAccountParts(_ userName: String) -> (namespace: String, name: String)? {
        guard userName.hasPrefix(serviceAccountPrefix) else { return nil }
        let parts = userName.dropFirst(serviceAccountPrefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    var isPrivileged: Bool { groups.contains(Groups.masters) }

    /// The well-known groups kube-apiserver assigns.
    public enum Groups {
        public static let masters = "system:masters"
        public static let authenticated = "system:authenticated"
        public static let unauthenticated = "system:unauthenticated"
    }
}
