import ArgumentParser

struct Mediate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mediate", abstract: "(not built yet)")

    func run() throws {
        throw CLIError("'mediate' is not built yet")
    }
}
