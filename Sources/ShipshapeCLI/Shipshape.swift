import ArgumentParser

@main
struct Shipshape: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shipshape",
        abstract: "Keep a Kubernetes application in the state its git repository describes.",
        version: "0.1.0",
        subcommands: [HistoryCommand.self])
}
