import Estimation
import SurveyData

/// One model of the lineup the explorer's Models view shows and a lesson step quotes.
public struct LineupModel: Sendable, Equatable, Hashable {
    public enum Role: Sendable, Equatable, Hashable {
        /// An outcome model of the estimator set.
        case outcome
        /// The mediator on the key regressor and the controls.
        case mediator
        /// The outcome model with the mediator added (the paper's Baron–Kenny column).
        case outcomeWithMediator
    }

    public var role: Role
    /// A column of x-standardized coefficients of the same fit as its unstandardized neighbour.
    public var standardized: Bool
    public var title: String
    public var spec: ModelSpec
}

/// Turns role choices into the models to fit: the outcome models of the estimator set (adapted to
/// the outcome's type) and, with a mediator, the mediator model and the outcome model with the
/// mediator added. The explorer's Models view and lesson steps both plan with it, so a lesson
/// always quotes the models the screen shows. It lives here, below the explorer, because the
/// explorer depends on this module and not the other way round.
public enum ModelLineup {
    public static func plan(outcome: String, keyRegressor: String, mediator: String?, controls: [String],
                            estimators: LessonEstimators, condition: String?, vce: VarianceType = .oim,
                            dataset: Dataset) -> [LineupModel] {
        let outcomeType = dataset.info(outcome)?.type ?? .ordinal
        let roles = Set([outcome, keyRegressor] + [mediator].compactMap { $0 })
        let controls = controls.filter { !roles.contains(FormulaTerms.variable(of: $0)) }
        let keyTerm = FormulaTerms.term(for: dataset.info(keyRegressor), name: keyRegressor)
        func modelSpec(_ kind: ModelKind, _ y: String, _ extra: [String] = []) -> ModelSpec {
            ModelSpec(kind: kind, formula: "\(y) ~ " + ([keyTerm] + extra + controls).joined(separator: " + "),
                      condition: condition, vce: vce)
        }
        var lineup: [LineupModel] = []
        for (kind, standardized) in estimators.columns {
            let k = kind.adapted(to: outcomeType)
            guard !lineup.contains(where: { $0.spec.kind == k && $0.standardized == standardized }) else { continue }
            lineup.append(LineupModel(role: .outcome, standardized: standardized,
                                      title: displayName(k) + (standardized ? " std" : ""),
                                      spec: modelSpec(k, outcome)))
        }
        if let m = mediator {
            let mKind = ModelKind.natural(for: dataset.info(m)?.type ?? .binary)
            lineup.append(LineupModel(role: .mediator, standardized: false, title: "\(displayName(mKind)) \(m)",
                                      spec: modelSpec(mKind, m)))
            let yKind = lineup.first { $0.role == .outcome && !$0.standardized && $0.spec.kind != .ols }?.spec.kind
                ?? .ologit.adapted(to: outcomeType)
            let mTerm = FormulaTerms.term(for: dataset.info(m), name: m)
            lineup.append(LineupModel(role: .outcomeWithMediator, standardized: false,
                                      title: "\(displayName(yKind)) +\(m)",
                                      spec: modelSpec(yKind, outcome, [mTerm])))
        }
        return lineup
    }

    static func displayName(_ kind: ModelKind) -> String { kind == .ols ? "OLS" : kind.rawValue }
}
