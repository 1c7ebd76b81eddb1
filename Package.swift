// swift-tools-version:6.0
import PackageDescription

// One module per stage of the data flow:
// load (SurveyData) → design matrix + estimators (Estimation) → Mediation → renderers (Reports)
// → guided lessons (Teaching) → terminal explorer (Explorer) → the `pathlens` executable. StudyReplica holds the embedded
// reference study (synthetic replica generator and `replicate`).
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
        .target(name: "Reports", dependencies: ["SurveyData", "Estimation", "Mediation", "CTextWidth"]),
        .target(name: "StudyReplica", dependencies: ["SurveyData", "Estimation", "Mediation", "Reports"]),
        .target(name: "Teaching", dependencies: ["SurveyData", "Estimation", "Mediation", "Reports", "StudyReplica"]),
        .target(name: "Explorer", dependencies: ["SurveyData", "Estimation", "Mediation", "Reports", "StudyReplica", "Teaching", "CNcursesw", "CTextWidth"]),
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
        .testTarget(name: "TeachingTests", dependencies: ["Teaching", "StudyReplica", "Estimation", "Mediation"]),
        .testTarget(name: "ExplorerTests", dependencies: ["PathLensTestSupport", "Explorer", "Reports", "StudyReplica"], resources: [.copy("Snapshots")]),
    ]
)
