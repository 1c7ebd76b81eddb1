import ArgumentParser

struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fit", abstract: "(not built yet)")

    func run() throws {
        throw CLIError("'fit' is not built yet")
    }
}
