/// Opens a dataset file by its extension: `.csv` (with optional `NAME.codebook.json` beside it),
/// `.dta` and `.sav` (through ReadStat).
public enum DatasetLoader {
    public static func load(path: String) throws -> Dataset {
        throw SurveyDataError.unsupportedFormat(path) // replaced by the loaders
    }
}
