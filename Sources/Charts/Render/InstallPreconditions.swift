import Templates
import Foundation

/// What `helm template` checks before it renders anything, in Helm's order and words:
/// pkg/cmd/install.go refuses a library chart (`checkIfInstallable`: only application charts
/// install; a library chart only lends its partials to others), then a chart whose Chart.yaml lists a dependency that charts/ does
/// not hold (`action.CheckDependencies`: every listed one, enabled or not, matched by chart
/// name), then `Install.availableName` validates the release name
/// (`chartutil.ValidateReleaseName`).
public enum InstallPreconditions {
    /// Helm's release-name pattern (a DNS-1123 subdomain) and length limit.
    public static let releaseNamePattern = #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#
    public static let maxReleaseNameLength = 53
    // Matched with `\z` for Go's `$`: ICU's `$` would also accept a name ending in a newline.

    public static func check(_ chart: Chart, releaseName: String) throws {
        try checkInstallable(chart)
        try checkDependencies(chart)
        try validateReleaseName(releaseName)
    }

    /// `checkIfInstallable`: a library chart cannot be rendered on its own.
    public static func checkInstallable(_ chart: Chart) throws {
        guard chart.metadata.isLibrary else { return }
        throw ChartError(.render, "library charts are not installable", file: "Chart.yaml",
                         hint: "render an application chart that lists \(chart.metadata.name) as a dependency")
    }

    /// `CheckDependencies`: the names listed in Chart.yaml that no chart under charts/ has.
    public static func checkDependencies(_ chart: Chart) throws {
        let present = Set(chart.dependencies.map(\.metadata.name))
        let missing = chart.metadata.dependencies.map(\.name).filter { !present.contains($0) }
        guard !missing.isEmpty else { return }
        throw ChartError(.dependency,
                         "an error occurred while checking for chart dependencies. You may need to run 'helm dependency build' to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: \(missing.joined(separator: ", "))",
                         file: "Chart.yaml")
    }

    /// `ValidateReleaseName`, wrapped as `availableName` wraps it.
    public static func validateReleaseName(_ name: String) throws {
        let reason: String
        if name.isEmpty {
            reason = "no name provided"
        } else if name.utf8.count > maxReleaseNameLength || name.range(of: String(releaseNamePattern.dropLast()) + #"\z"#, options: .regularExpression) == nil {
            reason = "invalid release name, must match regex \(releaseNamePattern) and the length must not be longer than \(maxReleaseNameLength)"
        } else {
            return
        }
        throw ChartError(.render, "release name \(GoQuote.quote(name)): \(reason)")
    }
}
