import ArgumentParser
import Estimation
import Explorer

// The `pathlens` command: opens the explorer with no subcommand; `fit`, `describe`, `crosstab`,
// `mediate`, `replicate`, `synth`, `teach` and `bench` run without a terminal UI.
AddressSpaceLimit.reexecWithSerialBLASIfLimited()
Output.prepare()
FatalSignal.install()
MallocTunables.apply()
LinearAlgebra.useCallingThreadsOnly()
// `describe` and `crosstab` never call BLAS, so a tight `ulimit -v` does not stop them.
if !["describe", "crosstab"].contains(CommandLine.arguments.dropFirst().first ?? "") {
    AddressSpaceLimit.reserveBLASBuffers()
}
CommandLineRun.main(AutofitArgument.normalized(Array(CommandLine.arguments.dropFirst())))
