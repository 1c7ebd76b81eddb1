import Estimation
import SurveyData

/// The multiverse the explorer's view 7 draws for the current specification: the current roles,
/// subsample, estimator set (its unstandardized outcome models), variance or survey design, every
/// subset of the codebook's control groups; controls the user switched on outside the groups are
/// in every specification. One effect at a time (`Specification.multiverseEffect`, key `a`). The
/// current specification (the groups whose terms are all on) is fitted first.
public struct MultiverseScreen: Sendable, Equatable {
    public var plan: MultiversePlan
    /// Index of the current specification in `plan.specifications` (with the first estimator
    /// that gives the effect).
    public var current: Int?

    /// The effect drawn: the one chosen, or the coefficient when it does not apply (no mediator,
    /// a variance or design the mediation paths do not take).
    public var effect: MultiverseEffect { plan.request.effects[0] }

    public init(_ spec: Specification, dataset unmeasured: Dataset) throws(MultiverseError) {
        let dataset = spec.measured(unmeasured)
        let kinds = Self.estimators(spec, dataset: dataset)
        let effect = Self.shownEffect(spec, dataset: dataset)
        let mediator = effect.isMediated ? spec.mediator : nil
        let groupKeys = Set(dataset.codebook.controlGroups.flatMap(\.terms).map(MultiversePlan.termKey))
        let controls = spec.effectiveControls.filter { mediator == nil || FormulaTerms.variable(of: $0) != mediator }
        let fixed = controls.filter { !groupKeys.contains(MultiversePlan.termKey($0)) }
        let subsample = spec.subsample.map { MultiverseSubsample(label: $0.name ?? "if " + $0.condition, condition: $0.condition) } ?? .all
        let request = MultiverseRequest(x: spec.keyRegressor, y: spec.outcome, m: mediator, controlsFrom: .groups, fixed: fixed,
                                        subsamples: [subsample], estimators: kinds, effects: [effect],
                                        vce: spec.effectiveVCE, design: spec.design)
        plan = try MultiversePlan(request, dataset: dataset)
        let on = Set(controls.map(MultiversePlan.termKey))
        var mask: UInt64 = 0
        for (u, unit) in plan.units.enumerated() where unit.terms.allSatisfy({ on.contains(MultiversePlan.termKey($0)) }) {
            mask |= 1 << UInt64(u)
        }
        // The first estimator the effect applies to (KHB has no OLS row).
        let first = kinds.first(where: effect.applies(to:)) ?? kinds.first
        current = plan.specifications.firstIndex { $0.mask == mask && $0.estimator == first }
    }

    /// The outcome models of the estimator set, adapted to the outcome as the Models view does.
    static func estimators(_ spec: Specification, dataset: Dataset) -> [ModelKind] {
        let outcomeType = dataset.info(spec.outcome)?.type ?? .ordinal
        var kinds: [ModelKind] = []
        for (kind, standardized) in spec.estimators.columns where !standardized {
            let k = kind.adapted(to: outcomeType)
            if !kinds.contains(k) { kinds.append(k) }
        }
        return kinds
    }

    /// The effects `a` cycles through for `spec`: the coefficient and AME always; with a
    /// mediator, oim variance and no survey design (what the mediation paths take) the indirect
    /// effect, the KHB difference (when a model is non-linear) and the ACME.
    public static func effects(_ spec: Specification, dataset unmeasured: Dataset) -> [MultiverseEffect] {
        var list: [MultiverseEffect] = [.coef, .ame]
        guard spec.mediator != nil, spec.design == nil, spec.effectiveVCE == .oim, spec.weight == nil else { return list }
        let kinds = estimators(spec, dataset: spec.measured(unmeasured))
        list.append(.indirect)
        if kinds.contains(where: MultiverseEffect.khb.applies(to:)) { list.append(.khb) }
        list.append(.acme)
        return list
    }

    /// The chosen effect if it applies to `spec`, else the coefficient.
    public static func shownEffect(_ spec: Specification, dataset: Dataset) -> MultiverseEffect {
        effects(spec, dataset: dataset).contains(spec.multiverseEffect) ? spec.multiverseEffect : .coef
    }
}
