import ArgumentParser

/// The `shipshape` command: argument parsing and wiring only; the work lives in the libraries.
@main
struct Shipshape: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shipshape",
        abstract: "Keep a Kubernetes application in the state its git repository describes.",
        discussion: "Git is the only author of desired state: every change Shipshape wants becomes a reviewed commit.",
        version: "0.1.0",
        subcommands: [RenderCommand.self, CheckCommand.self, ValuesCommand.self, HistoryCommand.self, KubeCommand.self, SandboxCommand.self, RecommendCommand.self])
}
