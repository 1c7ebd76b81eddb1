import Foundation
import SurveyData

/// The shipped replica as PathLens values and files: `pathlens synth dalian2022` writes
/// `dalian2022.csv`, `dalian2022.codebook.json` and `dalian2022.dta` through these.
public enum DalianReplica {
    public static let name = "dalian2022"

    /// The generated rows as a `Dataset` with the replica's codebook.
    public static func dataset(seed: UInt64 = DalianGenerator.defaultSeed,
                               parameters: DalianParameters = .calibrated) throws -> Dataset {
        let records = try DalianGenerator.generate(seed: seed, parameters: parameters)
        let columns = zip(DalianRecords.variableNames, records.columns).map { name, values in
            Column(name: name, values: values.map(Double.init))
        }
        return Dataset(name: name, source: nil, columns: columns, codebook: DalianCodebook.codebook)
    }

    /// The files `write(to:)` produces, by path relative to the output directory.
    /// The survey's fielding month (2022-03-01 00:00 UTC) as the .dta "saved on" time, so the
    /// shipped file is reproducible byte for byte. ReadStat prints it in local time: regenerate
    /// with TZ=UTC.
    public static let dtaTimestamp = Date(timeIntervalSince1970: 1_646_092_800)

    public static let fileNames = ["\(name).csv", "\(name).codebook.json", "\(name).dta"]

    /// Writes the CSV, its codebook and the Stata file (value labels in English; Stata keeps one
    /// language) into `directory`, each atomically. Returns the paths written.
    @discardableResult
    public static func write(to directory: String, seed: UInt64 = DalianGenerator.defaultSeed,
                             parameters: DalianParameters = .calibrated) throws -> [String] {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw SurveyDataError.write(file: directory, message: "cannot create the directory")
            }
        } else if !isDirectory.boolValue {
            throw SurveyDataError.write(file: directory, message: "not a directory")
        }
        let data = try dataset(seed: seed, parameters: parameters)
        let paths = fileNames.map { directory + "/" + $0 }
        try CSVWriter.write(data, to: paths[0], withCodebook: true)
        try DTAWriter.write(data, to: paths[2], language: .en, timestamp: dtaTimestamp)
        return paths
    }
}
