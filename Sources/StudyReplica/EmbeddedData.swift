import Foundation

/// Where the embedded Dalian 2022 replica lives: `data/` at the package root (found from this
/// source file's location), or `$PATHLENS_DATA` when set (an installed binary).
public enum EmbeddedData {
    public static let fileName = "dalian2022.csv"

    public static var directory: String {
        if let env = ProcessInfo.processInfo.environment["PATHLENS_DATA"], !env.isEmpty { return env }
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data").path
    }

    public static var csvPath: String { directory + "/" + fileName }
    /// The codebook beside the CSV (labels, notice, control groups, roles).
    public static var codebookPath: String { directory + "/dalian2022.codebook.json" }
    /// The same data as Stata 118 with English value labels.
    public static var dtaPath: String { directory + "/dalian2022.dta" }
}
