import Foundation
import Estimation
import Reports
import SurveyData

/// Saving (`w`) and restoring (`--spec`) a specification as JSON, written by `AtomicFile` (a
/// symlink is followed, a directory or device refused, the file's mode kept). A saved
/// specification records its data file (`"data": {"path", "bytes", "sha256"}`, the path relative
/// to the specification's folder where possible), so `pathlens --spec F` alone reopens it.
public enum SpecFile {
    /// Writes `spec`; with `dataFile` (the file the explorer opened) its record goes in `"data"`.
    public static func save(_ spec: Specification, to path: String, dataFile: String? = nil) throws {
        var spec = spec
        if let dataFile { spec.data = try reference(to: dataFile, from: path) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(spec)
        do {
            try AtomicFile.write([UInt8](data) + [0x0A], to: path)
        } catch {
            throw ExplorerError("\(error)")
        }
    }

    /// The `"data"` record of `dataFile` as seen from a specification saved at `specPath`.
    static func reference(to dataFile: String, from specPath: String) throws -> DataReference {
        guard let bytes = FileManager.default.contents(atPath: dataFile) else {
            throw ExplorerError(UIText.specCannotReadData.text(.en, dataFile))
        }
        return DataReference(path: relativePath(of: dataFile, from: specPath), bytes: bytes.count, sha256: SHA256.hex(bytes))
    }

    /// `dataFile` relative to the folder of `specPath` when both are on one tree (`../data/x.dta`),
    /// else absolute.
    static func relativePath(of dataFile: String, from specPath: String) -> String {
        let target = URL(fileURLWithPath: dataFile).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: specPath).standardizedFileURL.deletingLastPathComponent().pathComponents
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        guard common > 1 else { return URL(fileURLWithPath: dataFile).standardizedFileURL.path }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }

    /// The data file a specification names, resolved against the specification's folder.
    public static func dataPath(_ spec: Specification, specPath: String) -> String? {
        guard let path = spec.data?.path else { return nil }
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: specPath).deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL.path
    }

    /// Reads a specification without checking it against data.
    public static func read(_ path: String) throws -> Specification {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExplorerError(UIText.specUnreadable.text(.en, path))
        }
        do {
            return try JSONDecoder().decode(Specification.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw ExplorerError(UIText.specMissingField.text(.en, path, key.stringValue))
        } catch let DecodingError.dataCorrupted(context) {
            throw ExplorerError(UIText.specInvalid.text(.en, path, context.debugDescription))
        } catch let DecodingError.typeMismatch(_, context) {
            throw ExplorerError(UIText.specWrongType.text(.en, path, context.codingPath.map(\.stringValue).joined(separator: ".")))
        } catch {
            throw ExplorerError(UIText.specInvalid.text(.en, path, "\(error)"))
        }
    }

    /// Reads a saved specification and checks every variable it names exists in `dataset`.
    public static func load(_ path: String, for dataset: Dataset) throws -> Specification {
        try validate(try read(path), path: path, for: dataset)
    }

    /// The first variable the specification names that `dataset` lacks.
    static func missingVariable(_ spec: Specification, in dataset: Dataset) -> String? {
        var names = [spec.outcome, spec.keyRegressor] + [spec.mediator, spec.moderator, spec.marginsTerm, spec.weight?.variable].compactMap { $0 }
        names += spec.controls.flatMap(FormulaTerms.variables(of:))
        names += spec.crosstabs.flatMap { [$0.row, $0.column] }
        names += spec.measures.keys.sorted()
        if case let .cluster(v) = spec.vce { names.append(v) }
        names += spec.design?.variables ?? []
        return names.first { dataset.column($0) == nil }
    }

    /// Checks a specification's variables and subsample against `dataset`.
    public static func validate(_ spec: Specification, path: String, for dataset: Dataset) throws -> Specification {
        var spec = spec
        // A file from before the `design` field (or without it): the codebook's design applies.
        if spec.inheritsDesign {
            spec.design = dataset.codebook.design
            spec.inheritsDesign = false
        }
        if let missing = missingVariable(spec, in: dataset) {
            throw ExplorerError(UIText.specUnknownVariable.text(.en, path, missing, dataset.name))
        }
        if let condition = spec.subsample?.condition {
            do { _ = try Filter(condition, dataset: dataset) } catch {
                throw ExplorerError(UIText.specSubsample.text(.en, path, "\(error)"))
            }
        }
        return spec
    }

    /// Compares the data file opened with the specification's record of it: nil when it matches
    /// (or the record gives the path alone), a warning when its size or hash changed but every
    /// variable the specification names is still there; a one-line error naming both files otherwise.
    public static func checkData(_ spec: Specification, specPath: String, dataFile: String, dataset: Dataset) throws -> String? {
        guard let record = spec.data, record.bytes != nil || record.sha256 != nil else { return nil }
        guard let bytes = FileManager.default.contents(atPath: dataFile) else { return nil }
        var changes: [String] = []
        if let expected = record.bytes, expected != bytes.count { changes.append(UIText.dataSizeChanged.text(.en, bytes.count, expected)) }
        if let expected = record.sha256, changes.isEmpty, expected.lowercased() != SHA256.hex(bytes) { changes.append(UIText.dataHashChanged.text(.en)) }
        guard !changes.isEmpty else { return nil }
        let what = UIText.dataChanged.text(.en, dataFile, specPath, changes.joined(separator: "; "))
        if let missing = missingVariable(spec, in: dataset) {
            throw ExplorerError(UIText.dataVariableGone.text(.en, what, missing))
        }
        return UIText.dataWarning.text(.en, what)
    }
}
