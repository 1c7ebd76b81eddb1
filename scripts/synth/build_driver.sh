#!/bin/sh
# Builds the calibration driver (the replica generator's core files + driver/main.swift) into
# .build-synth/synth-driver without building the rest of the package.
set -e
cd "$(dirname "$0")/../.."
S=Sources/StudyReplica
mkdir -p .build-synth
swiftc -O -o .build-synth/synth-driver \
  $S/SeededRandom.swift $S/DalianTargets.swift $S/DalianParameters.swift $S/DalianCalibration.swift \
  $S/DalianRecords.swift $S/LinearIndex.swift $S/DalianGenerator.swift $S/DalianRepairs.swift \
  scripts/synth/driver/main.swift
