import Foundation
import SurveyData
import Estimation

/// The one estimation sample every model of an analysis uses: rows selected by the `if`
/// condition with no missing value (NaN or user-missing code) in any variable involved, so paths
/// from different models are comparable and bootstrap resamples line up across models.
struct CommonSample {
    let data: Dataset
    let dropped: [DroppedRows]

    init(spec: MediationSpec, data full: Dataset) throws(MediationError) {
        var variables = [spec.x] + spec.mediators + [spec.y]
        if !spec.controls.isEmpty {
            let text = "\(spec.y) ~ \(spec.controls.joined(separator: " + "))"
            let controls: [String]
            do {
                controls = try Formula.parse(text).terms.map(\.variable)
            } catch {
                throw .invalidSpec("controls: \(error)")
            }
            let roles: [(String, String)] = [("key regressor", spec.x), ("outcome", spec.y)]
                + spec.mediators.map { ("mediator", $0) }
            for (role, name) in roles where controls.contains(name) {
                throw .invalidSpec("'\(name)' is both the \(role) and a control; remove it from the controls")
            }
            variables += controls
        }
        var seen = Set<String>()
        variables = variables.filter { seen.insert($0).inserted }
        for v in variables where full.column(v) == nil {
            throw .invalidSpec("unknown variable '\(v)' in dataset \(full.name)")
        }
        let n = full.rowCount
        var keep = [Bool](repeating: true, count: n)
        var dropped: [DroppedRows] = []
        if let condition = spec.condition, !condition.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                let mask = try Filter(condition, dataset: full).mask(on: full)
                guard mask.count == n else { throw MediationError.invalidSpec("if condition returned \(mask.count) rows for \(n)") }
                keep = mask
            } catch let e as MediationError {
                throw e
            } catch {
                throw .invalidSpec("\(error)")
            }
            let excluded = keep.lazy.filter { !$0 }.count
            if excluded > 0 { dropped.append(DroppedRows(reason: "excluded by if", count: excluded)) }
        }
        for v in variables {
            guard let values = full.column(v)?.values else { continue }
            let userMissing = Set(full.info(v)?.missingCodes ?? [])
            var count = 0
            for i in 0..<n where keep[i] {
                let x = values[i]
                if x.isNaN || userMissing.contains(x) { keep[i] = false; count += 1 }
            }
            if count > 0 { dropped.append(DroppedRows(reason: "missing \(v)", count: count)) }
        }
        guard keep.contains(true) else {
            throw .invalidSpec("no observations: the if condition and missing values leave an empty sample")
        }
        self.data = full.subset(keep)
        self.dropped = dropped
    }

    /// The family a variable's model defaults to, from its codebook type (or, without one, from
    /// its values): binary → logit, ordinal → ologit (outcomes) / ols (mediators), else ols.
    static func defaultKind(of variable: String, in data: Dataset, isOutcome: Bool) throws(MediationError) -> ModelKind {
        let role = isOutcome ? "outcome" : "mediator"
        if let info = data.info(variable) {
            switch info.type {
            case .binary: return .logit
            case .ordinal: return isOutcome ? .ologit : .ols
            case .continuous: return .ols
            case .categorical:
                throw .invalidSpec("\(role) '\(variable)' is categorical (unordered); mediation needs a binary, ordinal or continuous \(role) — choose --\(isOutcome ? "y" : "m")-model")
            }
        }
        let values = Set(data.column(variable)?.values.filter { !$0.isNaN } ?? [])
        return values.isSubset(of: [0, 1]) && values.count == 2 ? .logit : .ols
    }
}
