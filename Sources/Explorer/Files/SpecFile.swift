import Foundation
import Estimation
import SurveyData

/// Saving (`w`) and restoring (`--spec`) a specification as JSON. Written by `AtomicFile` (a
/// symlink is followed, a directory or device refused, the file's mode kept).
public enum SpecFile {
    public static func save(_ spec: Specification, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(spec)
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            throw ExplorerError("\(error)")
        }
    }

    /// Reads a saved specification and checks every variable it names exists in `dataset`.
    public static func load(_ path: String, for dataset: Dataset) throws -> Specification {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExplorerError("\(path): no such file or not readable")
        }
        let spec: Specification
        do {
            spec = try JSONDecoder().decode(Specification.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw ExplorerError("\(path): specification is missing '\(key.stringValue)'")
        } catch let DecodingError.dataCorrupted(context) {
            throw ExplorerError("\(path): not a valid specification: \(context.debugDescription)")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ExplorerError("\(path): wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'")
        } catch {
            throw ExplorerError("\(path): not a valid specification: \(error)")
        }
        var names = [spec.outcome, spec.keyRegressor] + [spec.mediator, spec.marginsTerm].compactMap { $0 }
        names += spec.controls.map(FormulaTerms.variable(of:))
        names += spec.crosstabs.flatMap { [$0.row, $0.column] }
        if let missing = names.first(where: { dataset.column($0) == nil }) {
            throw ExplorerError("\(path): variable '\(missing)' is not in dataset \(dataset.name)")
        }
        if let condition = spec.subsample?.condition {
            do { _ = try Filter(condition, dataset: dataset) } catch {
                throw ExplorerError("\(path): subsample: \(error)")
            }
        }
        return spec
    }
}
