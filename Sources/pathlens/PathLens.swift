import ArgumentParser

/// Root command. With no subcommand (or a file name) it opens the explorer (`Explore`).
struct PathLens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathlens",
        abstract: "Regression and mediation analysis on survey data, in the terminal.",
        subcommands: [Explore.self, Fit.self, Describe.self, Crosstab.self, Mediate.self, MultiverseCommand.self,
                      Replicate.self, Synth.self, Teach.self, Bench.self,
                      Sensitivity.self],
        defaultSubcommand: Explore.self
    )
}
