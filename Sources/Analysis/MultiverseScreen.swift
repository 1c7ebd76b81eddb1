import Estimation
import SurveyData

/// The multiverse the explorer's view 7 draws for the current specification: the current roles,
/// subsample and estimator set (its unstandardized outcome models), every subset of the codebook's
/// control groups; controls the user switched on outside the groups are in every specification.
/// The current specification (the groups whose terms are all on) is fitted first.
public struct MultiverseScreen: Sendable, Equatable {
    public var plan: MultiversePlan
    /// Index of the current specification in `plan.specifications` (with the first estimator).
    public var current: Int?

    public init(_ spec: Specification, dataset unmeasured: Dataset) throws(MultiverseError) {
        let dataset = spec.measured(unmeasured)
        let outcomeType = dataset.info(spec.outcome)?.type ?? .ordinal
        var kinds: [ModelKind] = []
        for (kind, standardized) in spec.estimators.columns where !standardized {
            let k = kind.adapted(to: outcomeType)
            if !kinds.contains(k) { kinds.append(k) }
        }
        let groupKeys = Set(dataset.codebook.controlGroups.flatMap(\.terms).map(MultiversePlan.termKey))
        let controls = spec.effectiveControls
        let fixed = controls.filter { !groupKeys.contains(MultiversePlan.termKey($0)) }
        let subsample = spec.subsample.map { MultiverseSubsample(label: $0.name ?? "if " + $0.condition, condition: $0.condition) } ?? .all
        let request = MultiverseRequest(x: spec.keyRegressor, y: spec.outcome, controlsFrom: .groups, fixed: fixed,
                                        subsamples: [subsample], estimators: kinds, effects: [.coef], vce: spec.effectiveVCE)
        plan = try MultiversePlan(request, dataset: dataset)
        let on = Set(controls.map(MultiversePlan.termKey))
        var mask: UInt64 = 0
        for (u, unit) in plan.units.enumerated() where unit.terms.allSatisfy({ on.contains(MultiversePlan.termKey($0)) }) {
            mask |= 1 << UInt64(u)
        }
        current = plan.specifications.firstIndex { $0.mask == mask && $0.estimator == kinds.first }
    }
}
