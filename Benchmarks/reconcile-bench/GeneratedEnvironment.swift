import Foundation

/// A configuration repository with one environment of `count` objects — ConfigMaps, Services
/// and ServiceAccounts in equal thirds, no workloads (so no pods: the figures are about the
/// API traffic of diff, apply and prune, not the simulated kubelet) — committed to git.
enum GeneratedEnvironment {
    static func write(objects count: Int, namespace: String, to dir: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/charts/bench/templates", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/policies", withIntermediateDirectories: true)
        let third = count / 3
        try """
            apiVersion: v2
            name: bench
            version: 0.1.0

            """.write(toFile: dir + "/charts/bench/Chart.yaml", atomically: true, encoding: .utf8)
        try """
            configMaps: \(count - 2 * third)
            services: \(third)
            serviceAccounts: \(third)

            """.write(toFile: dir + "/charts/bench/values.yaml", atomically: true, encoding: .utf8)
        try """
            {{- range $i := until (int .Values.configMaps) }}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: config-{{ $i }}
              labels: {app.kubernetes.io/part-of: bench}
            data:
              index: "{{ $i }}"
              greeting: "hello from object {{ $i }}"
            {{- end }}
            {{- range $i := until (int .Values.services) }}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: service-{{ $i }}
              labels: {app.kubernetes.io/part-of: bench}
            spec:
              selector: {app: service-{{ $i }}}
              ports:
                - {name: http, port: 80, targetPort: 8080, protocol: TCP}
            {{- end }}
            {{- range $i := until (int .Values.serviceAccounts) }}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: account-{{ $i }}
              labels: {app.kubernetes.io/part-of: bench}
            {{- end }}

            """.write(toFile: dir + "/charts/bench/templates/objects.yaml", atomically: true, encoding: .utf8)
        try "No policies: the benchmark measures the reconcile, not the checks.\n"
            .write(toFile: dir + "/policies/README.md", atomically: true, encoding: .utf8)
        try """
            apiVersion: shipshape.dev/v1
            kind: Environments
            environments:
              bench:
                chart: charts/bench
                namespace: \(namespace)
                releaseName: bench
                cluster: {context: sandbox}
                source: {repository: ., branch: main}
                policies: policies
                reconcile: {prune: true, healthTimeout: 60s, rollback: true, correctDrift: true}

            """.write(toFile: dir + "/shipshape.yaml", atomically: true, encoding: .utf8)
        for arguments in [["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "bench environment"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.com"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: dir)
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw BenchError("git \(arguments.joined(separator: " ")) failed") }
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
