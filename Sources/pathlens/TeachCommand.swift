import ArgumentParser

struct Teach: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "teach", abstract: "(not built yet)")

    func run() throws {
        throw CLIError("'teach' is not built yet")
    }
}
