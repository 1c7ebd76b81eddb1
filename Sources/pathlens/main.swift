import ArgumentParser
import Estimation

// The `pathlens` command: opens the explorer with no subcommand; `fit`, `describe`, `crosstab`,
// `mediate`, `replicate`, `synth`, `teach` and `bench` run without a terminal UI.
Output.prepare()
MallocTunables.apply()
LinearAlgebra.useCallingThreadsOnly()
CommandLineRun.main()
