import ArgumentParser

struct BenchFit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fit", abstract: "(not built yet)")

    func run() throws {
        throw CLIError("'bench fit' is not built yet")
    }
}
