import ArgumentParser

struct BenchUI: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ui", abstract: "(not built yet)")

    func run() throws {
        throw CLIError("'bench ui' is not built yet")
    }
}
