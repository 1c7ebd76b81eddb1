import Foundation
import SurveyData

/// The rows an analysis estimates on, as Stata chooses them: those the `if` condition selects,
/// then listwise deletion of rows with a missing value (NaN or a user-missing code) in any of the
/// variables, checked in the order given — each deleted row is counted under the first variable
/// found missing, so the order decides the `dropped` counts a report shows.
///
/// One implementation for a single model's design and for the mediation suite's common sample.
public struct EstimationSample: Sendable {
    /// Per dataset row: in the sample.
    public var keep: [Bool]
    /// Rows left out, by reason (`.excludedByIf`, `.missing`), in the order the checks ran.
    public var dropped: [DroppedRows]

    /// Every variable must be a column of `data` (callers check and name the unknown one first).
    public init(data: Dataset, condition: String?, variables: [String]) throws(EstimationError) {
        let n = data.rowCount
        var keep = [Bool](repeating: true, count: n)
        var dropped: [DroppedRows] = []
        if let condition, !condition.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                let mask = try Filter(condition, dataset: data).mask(on: data)
                guard mask.count == n else { throw EstimationError.invalidModel("if condition returned \(mask.count) rows for \(n)") }
                keep = mask
            } catch let e as SurveyDataError {
                throw .data(e)
            } catch let e as EstimationError {
                throw e
            } catch {
                throw .invalidModel("if condition: \(error)")
            }
            let excluded = keep.lazy.filter { !$0 }.count
            if excluded > 0 { dropped.append(DroppedRows(reason: .excludedByIf, count: excluded)) }
        }
        Self.deleteMissing(&keep, &dropped, variables: variables, data: data)
        self.keep = keep
        self.dropped = dropped
    }

    private init(keep: [Bool], dropped: [DroppedRows]) { self.keep = keep; self.dropped = dropped }

    /// This sample with listwise deletion on `variables` as well, counted as `init` counts it:
    /// the `if` condition is not evaluated a second time.
    public func deletingMissing(in variables: [String], data: Dataset) -> EstimationSample {
        var keep = self.keep, dropped = self.dropped
        Self.deleteMissing(&keep, &dropped, variables: variables, data: data)
        return EstimationSample(keep: keep, dropped: dropped)
    }

    private static func deleteMissing(_ keep: inout [Bool], _ dropped: inout [DroppedRows], variables: [String], data: Dataset) {
        let n = keep.count
        for name in variables {
            guard let column = data.column(name) else { continue }
            let userMissing = data.info(name)?.missingCodes ?? []
            var count = 0
            // A compact column lists its missing rows: no pass over the values.
            if userMissing.isEmpty, let missing = column.storage.nanRows {
                for i in missing where i < n && keep[i] { keep[i] = false; count += 1 }
                if count > 0 { dropped.append(DroppedRows(reason: .missing(variable: name), count: count)) }
                continue
            }
            let values = column.values
            keep.withUnsafeMutableBufferPointer { k in
                values.withUnsafeBufferPointer { v in
                    // A finite total means no NaN anywhere: skip the row-by-row pass (one SIMD pass).
                    if userMissing.isEmpty, VectorSums.sum(v).isFinite { return }
                    if userMissing.isEmpty {
                        for i in 0..<n where k[i] && v[i].isNaN { k[i] = false; count += 1 }
                    } else {
                        for i in 0..<n where k[i] && (v[i].isNaN || userMissing.contains(v[i])) { k[i] = false; count += 1 }
                    }
                }
            }
            if count > 0 { dropped.append(DroppedRows(reason: .missing(variable: name), count: count)) }
        }
    }
}
