// swift-tools-version:6.0
import PackageDescription

/// Shipshape: one binary that renders, checks, reconciles and right-sizes a Kubernetes
/// application from its git repository. See docs/ and ../shared/DESIGN.md for the design.
let package = Package(
    name: "Shipshape",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "shipshape", targets: ["ShipshapeCLI"]),
        .library(name: "YAML", targets: ["YAML"]),
        .library(name: "Kubernetes", targets: ["Kubernetes"]),
        .library(name: "LogMining", targets: ["LogMining"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // The Sandbox's `--tls`: HTTPS with a CA it generates (swift-certificates, swift-crypto).
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Sprig's crypto functions: keys, AES, scrypt (swift-crypto) and X.509 certificates.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    ],
    targets: [
        // System libraries, each behind a shim header.
        .systemLibrary(
            name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(
            name: "CGit2", path: "Sources/CGit2", pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),

        // Pure logic.
        .target(
            name: "YAML",
            dependencies: ["CYAML", .product(name: "OrderedCollections", package: "swift-collections")]),
        .target(name: "Kubernetes", dependencies: ["YAML"]),
        // Log tokenizer and template miner: pure, fast, no I/O, no dependencies.
        .target(name: "LogMining"),
        // Demand forecasting: periodicity test, FFT and Holt-Winters, backtest, scaling windows.
        .target(name: "Forecast"),
        .target(name: "Policies", dependencies: ["YAML", "Kubernetes"]),
        // kustomize-compatible overlays applied to rendered manifests.
        .target(
            name: "Overlays",
            dependencies: [
                "YAML", "Kubernetes", .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "Templates",
            dependencies: [
                "YAML", .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]),
        .target(
            name: "Charts",
            dependencies: ["YAML", "Templates", "Kubernetes", "CZlib", .product(name: "OrderedCollections", package: "swift-collections")]),

        // I/O at the edges.
        .target(name: "GitStore", dependencies: ["CGit2"]),
        .target(name: "KubeClient", dependencies: ["CCurl", "YAML", "Kubernetes"]),
        // The shipshape.yaml model, the file trees environments are read from, and the one
        // render → overlay → policies pipeline every environment command uses.
        .target(name: "Environment", dependencies: ["YAML", "Kubernetes", "Charts", "Templates", "Overlays", "Policies", "GitStore"]),
        .target(
            name: "Insights",
            dependencies: ["YAML", "Kubernetes", "KubeClient", "GitStore", "Charts", "Templates", "Environment", "Forecast",
                           .product(name: "OrderedCollections", package: "swift-collections")]),
        // heal: analyzers over one LIST per kind, the remediation ladder, verification.
        .target(
            name: "Heal",
            dependencies: ["YAML", "Kubernetes", "KubeClient", "GitStore", "Environment", "Reconcile", "Insights", "Alerts",
                           .product(name: "OrderedCollections", package: "swift-collections")]),
        .target(
            name: "Sandbox",
            dependencies: [
                "YAML", "Kubernetes",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]),
        // Pod logs read since the last run, classified, counted, compared with baselines and
        // the users' alert rules: findings (the Kubernetes logs API is the one LogSource).
        .target(name: "Logs", dependencies: ["YAML", "Kubernetes", "KubeClient", "LogMining", "Alerts"]),
        // The alert model, its sinks (Alertmanager v2, Slack, PagerDuty Events v2, a generic
        // webhook in Alertmanager's format) and the open alerts each job keeps in its checkpoint.
        .target(name: "Alerts", dependencies: ["YAML", "KubeClient", .product(name: "OrderedCollections", package: "swift-collections")]),
        .target(name: "Reconcile", dependencies: ["YAML", "Kubernetes", "KubeClient", "Policies", "GitStore", "Environment"]),
        // An environment's health against the thresholds (`shipshape status`), and each job's
        // own metrics pushed to a Pushgateway.
        .target(name: "Monitoring", dependencies: ["YAML", "Kubernetes", "KubeClient", "Environment", "Reconcile", "Heal",
                                                   .product(name: "OrderedCollections", package: "swift-collections")]),

        // The weekly report: a pure model and builder over what the other jobs keep, and its
        // JSON, Markdown and HTML (inline SVG) renderings.
        .target(name: "Report", dependencies: ["Alerts", "Environment", "GitStore", "Heal", "Insights", "KubeClient", "Kubernetes", "LogMining", "Logs",
                                               "Overlays", "Reconcile"]),

        // The thin CLI.
        .executableTarget(
            name: "ShipshapeCLI",
            dependencies: [
                "YAML", "Kubernetes", "GitStore", "KubeClient", "Templates", "Charts", "Policies", "Sandbox", "Overlays", "Environment", "Reconcile", "Insights", "LogMining", "Logs", "Heal", "Monitoring", "Report", "Alerts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Benchmarks: executables that print figures; they never fail on time.
        .executableTarget(name: "yaml-bench", dependencies: ["YAML", "CYAML", .product(name: "ArgumentParser", package: "swift-argument-parser")], path: "Benchmarks/yaml-bench"),
        .executableTarget(name: "git-bench", dependencies: ["GitStore", .product(name: "ArgumentParser", package: "swift-argument-parser")], path: "Benchmarks/git-bench"),
        .target(name: "BenchmarkSupport", path: "Benchmarks/BenchmarkSupport"),
        .executableTarget(name: "render-bench", dependencies: ["Charts", "Templates", "YAML", "BenchmarkSupport", "TestSupport", .product(name: "OrderedCollections", package: "swift-collections"), .product(name: "ArgumentParser", package: "swift-argument-parser")], path: "Benchmarks/render-bench"),
        .executableTarget(name: "check-bench", dependencies: ["Charts", "Templates", "Policies", "YAML", "BenchmarkSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          path: "Benchmarks/check-bench"),
        .executableTarget(name: "kube-bench", dependencies: ["KubeClient", "Sandbox", "YAML", .product(name: "ArgumentParser", package: "swift-argument-parser")], path: "Benchmarks/kube-bench"),
        .executableTarget(name: "sandbox-bench", dependencies: ["Sandbox", "YAML", .product(name: "ArgumentParser", package: "swift-argument-parser")], path: "Benchmarks/sandbox-bench"),
        .executableTarget(name: "reconcile-bench", dependencies: ["Reconcile", "Environment", "Sandbox", "KubeClient", "YAML", .product(name: "ArgumentParser", package: "swift-argument-parser")], path: "Benchmarks/reconcile-bench"),
        .executableTarget(name: "recommend-bench", dependencies: ["Insights", .product(name: "ArgumentParser", package: "swift-argument-parser")], path: "Benchmarks/recommend-bench"),
        // The heal fault library's runner, shared by HealTests and heal-bench.
        .target(name: "FaultLab", dependencies: ["Heal", "Reconcile", "Sandbox", "KubeClient", "GitStore", "Environment", "Insights", "YAML", "Kubernetes"],
                path: "Benchmarks/FaultLab"),
        .executableTarget(name: "heal-bench", dependencies: ["FaultLab", "Heal", .product(name: "ArgumentParser", package: "swift-argument-parser")], path: "Benchmarks/heal-bench"),
        .executableTarget(name: "forecast-bench", dependencies: ["Forecast", "Reconcile", "Sandbox", "YAML", .product(name: "ArgumentParser", package: "swift-argument-parser")], path: "Benchmarks/forecast-bench"),
        .executableTarget(name: "rightsizing-bench", dependencies: ["FaultLab", "Insights", "Environment", "GitStore", "KubeClient", "Kubernetes", "Sandbox", "YAML", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          path: "Benchmarks/rightsizing-bench"),
        .executableTarget(name: "logs-bench", dependencies: ["LogMining", "BenchmarkSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")], path: "Benchmarks/logs-bench"),

        // Fuzz harnesses: libFuzzer binaries under Fuzz/run.sh, corpus replayers otherwise.
        .target(name: "FuzzSupport", dependencies: ["YAML"], path: "Fuzz/FuzzSupport"),
        .executableTarget(name: "yaml-fuzz", dependencies: ["FuzzSupport", "YAML"], path: "Fuzz/yaml-fuzz"),
        .executableTarget(name: "template-fuzz", dependencies: ["FuzzSupport", "Charts", "Templates", "YAML"], path: "Fuzz/template-fuzz"),
        .executableTarget(name: "strvals-fuzz", dependencies: ["FuzzSupport", "Charts"], path: "Fuzz/strvals-fuzz"),
        .executableTarget(name: "chart-archive-fuzz", dependencies: ["FuzzSupport", "Charts"], path: "Fuzz/chart-archive-fuzz"),
        .executableTarget(name: "json-fuzz", dependencies: ["FuzzSupport", "YAML"], path: "Fuzz/json-fuzz"),
        .executableTarget(name: "usage-fuzz", dependencies: ["FuzzSupport", "Insights", "YAML"], path: "Fuzz/usage-fuzz"),
        .executableTarget(name: "sandbox-fuzz", dependencies: ["FuzzSupport", "Sandbox"], path: "Fuzz/sandbox-fuzz"),

        .target(name: "TestSupport", dependencies: ["YAML"], path: "Tests/TestSupport", exclude: ["Fixtures"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "KubernetesTests", dependencies: ["Kubernetes", "TestSupport"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", "YAML", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "YAML"], exclude: ["Fixtures"]),
        .testTarget(name: "GitStoreTests", dependencies: ["GitStore", "TestSupport"]),
        .testTarget(name: "InsightsTests", dependencies: ["Insights", "Forecast", "Environment", "Kubernetes", "YAML", "Sandbox", "KubeClient", "GitStore", "TestSupport"]),
        .testTarget(name: "ReconcileTests", dependencies: ["Reconcile", "Environment", "YAML", "Kubernetes", "Sandbox", "KubeClient", "GitStore"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox", "KubeClient", "YAML", "Kubernetes", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "OverlaysTests", dependencies: ["Overlays", "YAML", "Charts", "Templates", "TestSupport"]),
        .testTarget(name: "EnvironmentTests", dependencies: ["Environment", "GitStore", "YAML", "TestSupport"]),
        .testTarget(name: "HealTests", dependencies: ["Heal", "FaultLab", "Reconcile", "Insights", "Environment", "YAML", "Kubernetes", "Sandbox", "KubeClient", "GitStore", "TestSupport"],
                    exclude: ["Faults"]),
        .testTarget(name: "ForecastTests", dependencies: ["Forecast", "TestSupport"]),
        .testTarget(name: "LogMiningTests", dependencies: ["LogMining", "TestSupport"]),
        .testTarget(name: "LogsTests", dependencies: ["Logs", "LogMining", "KubeClient", "Sandbox", "YAML", "TestSupport"]),
        .testTarget(name: "PoliciesTests", dependencies: ["Policies", "YAML"]),
        .testTarget(name: "KubeClientTests", dependencies: ["KubeClient", "Sandbox", "YAML", "Kubernetes", "TestSupport"]),
        .testTarget(name: "SystemLibraryTests", dependencies: ["CCurl", "GitStore"]),
        .testTarget(name: "ShipshapeCLITests", dependencies: ["YAML", "TestSupport", "Sandbox"], exclude: ["Fixtures"]),
        .testTarget(name: "MonitoringTests", dependencies: ["Monitoring", "Heal", "Reconcile", "YAML", "Sandbox", "KubeClient", "TestSupport"]),
        // The weekly report: a simulated week on the Sandbox, and its HTML in headless Chromium.
        .testTarget(name: "ReportTests", dependencies: ["Report", "Alerts", "FaultLab", "Heal", "Insights", "Logs", "Environment", "GitStore", "KubeClient",
                                                        "Kubernetes", "Sandbox", "YAML", "TestSupport"]),
        .testTarget(name: "AlertsTests", dependencies: ["Alerts", "Heal", "FaultLab", "Logs", "YAML", "KubeClient", "Sandbox", "TestSupport"]),
        // Hostile and broken input against the built binary and the Sandbox (issue 22).
        .testTarget(name: "AdversarialTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
