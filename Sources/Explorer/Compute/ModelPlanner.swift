import SurveyData
import Estimation

/// Turns a specification into the models to fit: the outcome models of the estimator set and,
/// with the mediator on, the mediator model and the outcome model with the mediator added
/// (the paper's Baron–Kenny columns).
public enum ModelPlanner {
    public static func plan(_ spec: Specification, env: ExplorerEnvironment) -> [PlannedModel] {
        let outcomeType = env.dataset.info(spec.outcome)?.type ?? .ordinal
        let roleVariables = Set([spec.outcome, spec.keyRegressor] + [spec.activeMediator].compactMap { $0 })
        let controls = spec.controls.filter { !roleVariables.contains(FormulaTerms.variable(of: $0)) }
        let keyTerm = FormulaTerms.term(for: env.dataset.info(spec.keyRegressor), name: spec.keyRegressor)
        func formula(_ y: String, _ extra: [String]) -> String {
            "\(y) ~ " + ([keyTerm] + extra + controls).joined(separator: " + ")
        }
        func modelSpec(_ kind: ModelKind, _ y: String, _ extra: [String] = []) -> ModelSpec {
            ModelSpec(kind: kind, formula: formula(y, extra), condition: spec.subsample?.condition,
                      vce: spec.vce)
        }
        var planned: [PlannedModel] = []
        var seen = Set<String>()
        for (kind, standardized) in spec.estimators.columns {
            let k = kind.adapted(to: outcomeType)
            let id = "y.\(k.rawValue)" + (standardized ? ".std" : "")
            guard seen.insert(id).inserted else { continue }
            let title = displayName(k) + (standardized ? " std" : "")
            planned.append(PlannedModel(id: id, title: title, spec: modelSpec(k, spec.outcome), standardized: standardized))
        }
        if let m = spec.activeMediator {
            let mKind = ModelKind.natural(for: env.dataset.info(m)?.type ?? .binary)
            planned.append(PlannedModel(id: "m", title: "\(displayName(mKind)) \(m)",
                                        spec: modelSpec(mKind, m), standardized: false))
            let yKind = planned.first { !$0.standardized && $0.spec.kind != .ols }?.spec.kind
                ?? .ologit.adapted(to: outcomeType)
            let mTerm = FormulaTerms.term(for: env.dataset.info(m), name: m)
            planned.append(PlannedModel(id: "ym", title: "\(displayName(yKind)) +\(m)",
                                        spec: modelSpec(yKind, spec.outcome, [mTerm]), standardized: false))
        }
        return planned
    }

    static func displayName(_ kind: ModelKind) -> String {
        kind == .ols ? "OLS" : kind.rawValue
    }
}
