import ArgumentParser
import Estimation

// The `pathlens` command: opens the explorer with no subcommand; `fit`, `describe`, `crosstab`,
// `mediate`, `replicate`, `synth`, `teach` and `bench` run without a terminal UI.
MallocTunables.apply()
LinearAlgebra.useCallingThreadsOnly()
PathLens.main(AutofitArgument.normalized(Array(CommandLine.arguments.dropFirst())))
