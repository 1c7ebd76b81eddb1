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

/// Turns a step's specification into model specifications with the explorer's own lineup
/// (`ModelLineup`), so the lesson and the screen fit the same models. Steps quote unstandardized
/// coefficients; the standardized columns are the same fits.
enum StepPlan {
    static func fits(_ spec: LessonSpecification, dataset: Dataset) -> [PlannedFit] {
        ModelLineup.plan(outcome: spec.outcome, keyRegressor: spec.keyRegressor, mediator: spec.activeMediator,
                         controls: spec.controls, estimators: spec.estimators, condition: spec.condition,
                         dataset: dataset)
            .filter { !$0.standardized }
            .map { model in
                switch model.role {
                case .outcome: return PlannedFit(id: model.spec.kind.rawValue, title: model.title, spec: model.spec)
                case .mediator: return PlannedFit(id: "m", title: model.title, spec: model.spec)
                case .outcomeWithMediator: return PlannedFit(id: "ym", title: model.title, spec: model.spec)
                }
            }
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
