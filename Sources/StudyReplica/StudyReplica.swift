// StudyReplica module: see Package.swift for its place in the data flow.
