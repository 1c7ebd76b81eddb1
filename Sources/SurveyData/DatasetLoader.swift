import Foundation

/// Opens a dataset file by its extension: `.csv` (with optional `NAME.codebook.json` beside it),
/// `.dta` and `.sav` (through ReadStat).
public enum DatasetLoader {
    public static func load(path: String) throws -> Dataset {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard ["csv", "dta", "sav"].contains(ext) else { throw SurveyDataError.unsupportedFormat(path) }
        guard FileManager.default.fileExists(atPath: path) else { throw SurveyDataError.fileNotFound(path) }
        switch ext {
        case "csv": return try CSVLoader.load(path: path)
        case "dta": return try ReadStatLoader.load(path: path, format: .dta)
        default: return try ReadStatLoader.load(path: path, format: .sav)
        }
    }
}
