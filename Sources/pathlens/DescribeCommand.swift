import ArgumentParser

struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "describe", abstract: "(not built yet)")

    func run() throws {
        throw CLIError("'describe' is not built yet")
    }
}
