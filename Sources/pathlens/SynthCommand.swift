import ArgumentParser

struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "synth", abstract: "(not built yet)")

    func run() throws {
        throw CLIError("'synth' is not built yet")
    }
}
