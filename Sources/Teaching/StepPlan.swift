import Estimation
import SurveyData

/// One model a step fits, named as placeholders refer to it: the outcome models by estimator
/// (`ols`, `ologit`, `oprobit`, `logit`, `probit`), `m` (the mediator model) and `ym` (the
/// outcome model with the mediator added) — the explorer's Models view columns.
public struct PlannedFit: Sendable, Equatable, Hashable {
    public var id: String
    public var title: String
    public var spec: ModelSpec
}

/// Turns a step's specification into model specifications, the way the explorer's model planner
/// does (same formulas, same estimator adaptation), so the lesson and the screen fit the same models.
enum StepPlan {
    static func fits(_ spec: LessonSpecification, dataset: Dataset) -> [PlannedFit] {
        let outcomeType = dataset.info(spec.outcome)?.type ?? .ordinal
        let roles = Set([spec.outcome, spec.keyRegressor] + [spec.activeMediator].compactMap { $0 })
        let controls = spec.controls.filter { !roles.contains(FormulaTerms.variable(of: $0)) }
        let keyTerm = FormulaTerms.term(for: dataset.info(spec.keyRegressor), name: spec.keyRegressor)
        func modelSpec(_ kind: ModelKind, _ y: String, _ extra: [String] = []) -> ModelSpec {
            ModelSpec(kind: kind, formula: "\(y) ~ " + ([keyTerm] + extra + controls).joined(separator: " + "),
                      condition: spec.condition)
        }
        var fits: [PlannedFit] = []
        for (kind, _) in spec.estimators.columns {
            let k = kind.adapted(to: outcomeType)
            guard !fits.contains(where: { $0.id == k.rawValue }) else { continue }
            fits.append(PlannedFit(id: k.rawValue, title: displayName(k), spec: modelSpec(k, spec.outcome)))
        }
        if let m = spec.activeMediator {
            let mKind = ModelKind.natural(for: dataset.info(m)?.type ?? .binary)
            fits.append(PlannedFit(id: "m", title: "\(displayName(mKind)) \(m)", spec: modelSpec(mKind, m)))
            let yKind = fits.first { $0.spec.kind != .ols }?.spec.kind ?? .ologit.adapted(to: outcomeType)
            let mTerm = FormulaTerms.term(for: dataset.info(m), name: m)
            fits.append(PlannedFit(id: "ym", title: "\(displayName(yKind)) +\(m)",
                                   spec: modelSpec(yKind, spec.outcome, [mTerm])))
        }
        return fits
    }

    /// The mediation analysis a step runs, if any.
    static func mediation(_ spec: LessonSpecification) -> MediationSpecValues? {
        guard let m = spec.activeMediator, !spec.mediation.isEmpty else { return nil }
        let roles = Set([spec.outcome, spec.keyRegressor, m])
        let controls = spec.controls.filter { !roles.contains(FormulaTerms.variable(of: $0)) }
        return MediationSpecValues(x: spec.keyRegressor, mediator: m, y: spec.outcome, controls: controls,
                                   condition: spec.condition, mediatorModel: spec.mediatorModel,
                                   outcomeModel: spec.outcomeModel, methods: spec.mediation,
                                   simulations: spec.simulations)
    }

    static func displayName(_ kind: ModelKind) -> String { kind == .ols ? "OLS" : kind.rawValue }
}

/// The mediation analysis of a step, as plain values (converted to `MediationSpec` when run).
struct MediationSpecValues: Sendable, Hashable {
    var x: String
    var mediator: String
    var y: String
    var controls: [String]
    var condition: String?
    var mediatorModel: ModelKind?
    var outcomeModel: ModelKind?
    var methods: [LessonMediationMethod]
    var simulations: Int
}
