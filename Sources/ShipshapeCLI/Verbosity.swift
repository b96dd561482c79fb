import ArgumentParser
import Foundation
import KubeClient

/// kubectl's `--v` levels for Shipshape's Kubernetes client, the same on every command that
/// talks to a cluster: 6 logs each request, 8 also headers and bodies; credentials and Secret
/// contents are redacted at every level.
enum Verbosity {
    static let help = ArgumentHelp(
        "Log verbosity, as kubectl's: 6 logs each request (method, URL, status, time), 8 also headers and bodies.",
        discussion: "Bearer tokens, client keys and Secret contents are redacted at every level.")

    /// Turns on request logging (stderr, prefixed `I `) at `level`.
    static func enable(_ level: Int, on api: KubeAPI) {
        guard level >= 6 else { return }
        api.rest.debugLog = { line in FileHandle.standardError.write(Data(("I " + line + "\n").utf8)) }
        api.rest.logBodies = level >= 8
    }
}
