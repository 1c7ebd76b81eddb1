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
}
