import ArgumentParser

/// `pathlens bench fit|mediate|ui|multiverse`: speed and memory benchmarks, reported as numbers and ratios.
/// Each subcommand lives in its own file (BenchFit.swift, BenchMediate.swift, BenchUI.swift).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks: median times, peak memory and ratios to peers.",
        subcommands: [BenchFit.self, BenchMediate.self, BenchUI.self, BenchMultiverse.self]
    )
}
