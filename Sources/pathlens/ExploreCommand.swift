import ArgumentParser

struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explore", abstract: "(not built yet)")

    func run() throws {
        throw CLIError("'explore' is not built yet")
    }
}
