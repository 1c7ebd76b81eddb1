// swift-tools-version:6.0
import PackageDescription

// One module per stage of the data flow:
// load (SurveyData) → design matrix + estimators (Estimation) → Mediation → renderers (Reports)
// → the analysis layer every front end calls (Analysis: specification → common sample → models,
// tables, mediation) → guided lessons (Teaching) → terminal explorer (Explorer) → the `pathlens`
// executable. StudyReplica holds the embedded reference study (synthetic replica generator and
// `replicate`); lessons get its published figures as a value, not an import.
let package = Package(
    name: "PathLens",
    products: [
        .executable(name: "pathlens", targets: ["pathlens"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System libraries (Debian: liblapacke-dev libopenblas-dev libreadstat-dev libncursesw5-dev).
        .systemLibrary(name: "CLapack", path: "Sources/CLapack"),
        .systemLibrary(name: "CReadStat", path: "Sources/CReadStat"),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CTextWidth", path: "Sources/CTextWidth"),
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),

        .target(name: "SurveyData", dependencies: ["CReadStat"]),
        .target(name: "Estimation", dependencies: ["SurveyData", "CLapack"]),
        .target(name: "Mediation", dependencies: ["SurveyData", "Estimation"]),
        .target(name: "Reports", dependencies: ["SurveyData", "Estimation", "Mediation", "Analysis", "CTextWidth"]),
        .target(name: "StudyReplica", dependencies: ["SurveyData", "Estimation", "Reports"]),
        // One analysis layer under every front end: specification → common sample → models,
        // tables and mediation, for the explorer, the lessons and the CLI.
        .target(name: "Analysis", dependencies: ["SurveyData", "Estimation", "Mediation"]),
        .target(name: "Teaching", dependencies: ["SurveyData", "Estimation", "Mediation", "Reports", "Analysis"]),
        .target(name: "Explorer", dependencies: ["SurveyData", "Estimation", "Mediation", "Reports", "Analysis", "Teaching", "StudyReplica", "CNcursesw"]),
        .executableTarget(name: "pathlens", dependencies: [
            "SurveyData", "Estimation", "Mediation", "Reports", "StudyReplica", "Teaching", "Explorer", "CMalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Shared test helpers: finding and running the built `pathlens`, spawning processes, and
        // requirements that skip locally but fail under CI=true.
        .target(name: "PathLensTestSupport", path: "Tests/PathLensTestSupport"),
        .testTarget(name: "PathLensTestSupportTests", dependencies: ["PathLensTestSupport"]),
        .testTarget(name: "SurveyDataTests", dependencies: ["PathLensTestSupport", "SurveyData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EstimationTests", dependencies: ["SurveyData", "Estimation"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MediationTests", dependencies: ["PathLensTestSupport", "SurveyData", "Estimation", "Mediation"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportsTests", dependencies: ["PathLensTestSupport", "SurveyData", "Estimation", "Mediation", "Reports"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StudyReplicaTests", dependencies: ["PathLensTestSupport", "SurveyData", "Estimation", "Mediation", "Reports", "StudyReplica"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "AnalysisTests", dependencies: ["PathLensTestSupport", "Analysis", "SurveyData", "Estimation", "Mediation", "StudyReplica"]),
        .testTarget(name: "TeachingTests", dependencies: ["PathLensTestSupport", "Teaching", "StudyReplica", "Estimation", "Mediation", "Reports"]),
        .testTarget(name: "ExplorerTests", dependencies: ["PathLensTestSupport", "Explorer", "Reports", "StudyReplica"], resources: [.copy("Snapshots"), .copy("Fixtures")]),
    ]
)
