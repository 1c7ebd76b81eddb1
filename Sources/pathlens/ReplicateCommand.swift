import ArgumentParser

struct Replicate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replicate", abstract: "(not built yet)")

    func run() throws {
        throw CLIError("'replicate' is not built yet")
    }
}
