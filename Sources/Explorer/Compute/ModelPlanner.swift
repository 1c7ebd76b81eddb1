import SurveyData
import Estimation
import Teaching

/// Turns a specification into the models to fit: the outcome models of the estimator set and,
/// with the mediator on, the mediator model and the outcome model with the mediator added
/// (the paper's Baron–Kenny columns). The lineup is Teaching's, shared with lesson steps.
public enum ModelPlanner {
    public static func plan(_ spec: Specification, env: ExplorerEnvironment) -> [PlannedModel] {
        ModelLineup.plan(outcome: spec.outcome, keyRegressor: spec.keyRegressor, mediator: spec.activeMediator,
                         controls: spec.controls, estimators: spec.estimators,
                         condition: spec.subsample?.condition, vce: spec.vce, dataset: env.dataset)
            .map { PlannedModel(id: id(of: $0), title: $0.title, spec: $0.spec, standardized: $0.standardized) }
    }

    /// Stable across specifications: `y.ols`, `y.ologit`, `y.ologit.std`, `m`, `ym`.
    static func id(of model: LineupModel) -> String {
        switch model.role {
        case .outcome: return "y.\(model.spec.kind.rawValue)" + (model.standardized ? ".std" : "")
        case .mediator: return "m"
        case .outcomeWithMediator: return "ym"
        }
    }
}
