import ArgumentParser

struct BenchMediate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mediate", abstract: "(not built yet)")

    func run() throws {
        throw CLIError("'bench mediate' is not built yet")
    }
}
