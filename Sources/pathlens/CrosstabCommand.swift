import ArgumentParser

struct Crosstab: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "crosstab", abstract: "(not built yet)")

    func run() throws {
        throw CLIError("'crosstab' is not built yet")
    }
}
