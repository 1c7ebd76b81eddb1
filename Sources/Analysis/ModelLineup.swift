import Estimation
import SurveyData

/// One model of the lineup the Models view shows and a lesson step quotes.
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

    /// Stable across specifications, so a baseline column finds its counterpart: `y.ols`,
    /// `y.ologit`, `y.ologit.std`, `m`, `ym`.
    public var id: String {
        switch role {
        case .outcome: return "y.\(spec.kind.rawValue)" + (standardized ? ".std" : "")
        case .mediator: return "m"
        case .outcomeWithMediator: return "ym"
        }
    }

    /// How lesson placeholders name the model: the outcome models by estimator (`ols`, `ologit`),
    /// `m` and `ym`.
    public var lessonID: String { role == .outcome ? spec.kind.rawValue : id }
}

/// Turns a specification into the models to fit: the outcome models of the estimator set (adapted
/// to the outcome's type) and, with the mediator on, the mediator model and the outcome model
/// with the mediator added. The explorer's Models view, lesson steps and the mediation engine's
/// model families all come from it.
public enum ModelLineup {
    public static func plan(_ spec: Specification, dataset unmeasured: Dataset) -> [LineupModel] {
        plan(spec, measured: spec.measured(unmeasured))
    }

    /// The lineup on a dataset already measured (`Specification.measured`).
    static func plan(_ spec: Specification, measured dataset: Dataset) -> [LineupModel] {
        let outcomeType = dataset.info(spec.outcome)?.type ?? .ordinal
        let controls = spec.effectiveControls
        let keyTerm = FormulaTerms.term(for: dataset.info(spec.keyRegressor), name: spec.keyRegressor)
        let shared = spec.sampling == .common ? PanelSample.variables(spec) : []
        func modelSpec(_ kind: ModelKind, _ y: String, _ extra: [String] = []) -> ModelSpec {
            // Under a design the subsample is a subpopulation: the full design stays in the variance.
            var m = ModelSpec(kind: kind, formula: "\(y) ~ " + ([keyTerm] + extra + controls).joined(separator: " + "),
                              condition: spec.design == nil ? spec.condition : nil, vce: spec.effectiveVCE,
                              weights: spec.weighting, sampleVariables: shared,
                              parallelLines: spec.estimators.parallelLines(for: kind))
            m.design = spec.design
            m.subpop = spec.design == nil ? nil : spec.condition
            return m
        }
        var lineup: [LineupModel] = []
        for (kind, standardized) in spec.estimators.columns {
            let k = kind.adapted(to: outcomeType)
            guard !lineup.contains(where: { $0.spec.kind == k && $0.standardized == standardized }) else { continue }
            lineup.append(LineupModel(role: .outcome, standardized: standardized,
                                      title: displayName(k) + (standardized ? " std" : ""),
                                      spec: modelSpec(k, spec.outcome)))
        }
        if let m = spec.activeMediator {
            let families = mediationFamilies(spec, measured: dataset, lineup: lineup)
            lineup.append(LineupModel(role: .mediator, standardized: false, title: "\(displayName(families.mediator)) \(m)",
                                      spec: modelSpec(families.mediator, m)))
            let mTerm = FormulaTerms.term(for: dataset.info(m), name: m)
            lineup.append(LineupModel(role: .outcomeWithMediator, standardized: false,
                                      title: "\(displayName(families.outcome)) +\(m)",
                                      spec: modelSpec(families.outcome, spec.outcome, [mTerm])))
        }
        return lineup
    }

    /// The families of the mediator model and of the outcome models of the mediation: the
    /// mediator's by `ModelKind.defaultKind` (ols for an ordinal or categorical mediator), the
    /// outcome's that of the first unstandardized non-OLS outcome model of the estimator set
    /// (else the outcome's default). The Models view's `m`/`ym` columns and the engine agree.
    public static func mediationFamilies(_ spec: Specification, dataset: Dataset) -> (mediator: ModelKind, outcome: ModelKind) {
        let measured = spec.measured(dataset)
        return mediationFamilies(spec, measured: measured, lineup: plan(withoutMediator: spec, measured: measured))
    }

    private static func plan(withoutMediator spec: Specification, measured dataset: Dataset) -> [LineupModel] {
        var s = spec
        s.mediatorOn = false
        return plan(s, measured: dataset)
    }

    /// The families from a lineup already planned for `spec` (its outcome models are the same
    /// with the mediator on or off), on a dataset already measured.
    static func mediationFamilies(_ spec: Specification, measured dataset: Dataset,
                                  lineup: [LineupModel]) -> (mediator: ModelKind, outcome: ModelKind) {
        let outcomeType = dataset.info(spec.outcome)?.type ?? .ordinal
        let mediatorType = spec.mediator.flatMap { dataset.info($0)?.type } ?? .binary
        let mKind = spec.mediatorModel ?? ModelKind.defaultKind(for: mediatorType, role: .mediator) ?? .ols
        let yKind = spec.outcomeModel ?? lineup.first { $0.role == .outcome && !$0.standardized && $0.spec.kind != .ols }?.spec.kind
            ?? ModelKind.defaultKind(for: outcomeType, role: .outcome) ?? .ols
        return (mKind, yKind)
    }

    static func displayName(_ kind: ModelKind) -> String { kind == .ols ? "OLS" : kind.rawValue }
}
