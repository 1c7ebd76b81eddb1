import ArgumentParser

struct PathLens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathlens",
        abstract: "Regression and mediation analysis on survey data, in the terminal.",
        subcommands: []
    )

    func run() throws {
        print("PathLens: the explorer is not built yet.")
    }
}
