import Estimation
import SurveyData

/// The explorer view a step shows (the explorer's `ViewKind`, by name).
public enum LessonView: String, Sendable, CaseIterable, Codable {
    case models, mediation, margins, crosstab, describe, data
}

/// The estimator sets of the explorer's Models view (the explorer's `EstimatorSet` is this type;
/// `e` cycles them there).
public enum LessonEstimators: String, Sendable, CaseIterable, Codable {
    /// The paper's Table 3: OLS, ordered logit, and the ordered logit x-standardized.
    case paper
    case ologit
    case ols
    case ordered
    case probit

    /// (estimator, standardized column) pairs, before adapting to the outcome's type.
    var columns: [(ModelKind, standardized: Bool)] {
        switch self {
        case .paper: return [(.ols, false), (.ologit, false), (.ologit, true)]
        case .ologit: return [(.ologit, false)]
        case .ols: return [(.ols, false)]
        case .ordered: return [(.ologit, false), (.oprobit, false)]
        case .probit: return [(.oprobit, false), (.oprobit, true)]
        }
    }
}

/// Which mediation analyses a step runs (the Mediation view always shows Baron–Kenny).
public enum LessonMediationMethod: String, Sendable, CaseIterable, Codable {
    case bk, sobel, khb, causal, bootstrap
}

/// Which marginal effects a step computes: averaged over the sample, at the means, or both.
public enum LessonMargins: String, Sendable, CaseIterable, Codable {
    case none, average, means, both
}

/// Everything a step sets: a plain value, independent of the explorer, which the explorer applies
/// to its own state (outcome, key regressor, mediator, controls, subsample, estimators, view) and
/// which the teaching evaluator turns into model fits.
public struct LessonSpecification: Sendable, Equatable, Hashable {
    public var view: LessonView
    public var outcome: String
    public var keyRegressor: String
    /// Remembered even when switched off (the explorer keeps it for `m`).
    public var mediator: String?
    public var mediatorOn: Bool
    /// Control terms in formula syntax (`male`, `c.age`, `i.educ`), groups already expanded.
    public var controls: [String]
    public var estimators: LessonEstimators
    /// Scale of the standardized columns (`bStdX`, as the paper's Models 3 and 7, or `bStdXY`,
    /// as Model 5); the handout may show several.
    public var standardizations: [String]
    /// Stata-style `if` expression; `subsampleName` names the codebook preset it came from.
    public var condition: String?
    public var subsampleName: String?
    /// Cross-tabulations shown (row × column), as in the explorer's Crosstab view.
    public var crosstabs: [LessonCrosstab]
    /// Variables of the Describe view (all variables when empty).
    public var describe: [String]
    public var margins: LessonMargins
    /// Term whose margins are shown beside the key regressor's.
    public var marginsTerm: String?
    /// Models whose marginal effects the step shows (`ologit`, `m`, `ym`…); empty = every
    /// non-OLS model.
    public var marginsModels: [String] = []
    public var mediation: [LessonMediationMethod]
    /// Mediator and outcome model families for the mediation analysis (nil = from the codebook).
    public var mediatorModel: ModelKind?
    public var outcomeModel: ModelKind?
    /// Simulations for the causal-mediation intervals (0 = point estimates only).
    public var simulations: Int
    /// Terms (`union`, `educ=3`, `cut1`) and mediation quantities (`acme`, `indirect`) whose
    /// numbers the step talks about: the screen highlights them.
    public var highlights: [String]
    /// 1-based number of an earlier step whose specification is pinned as the baseline.
    public var pinStep: Int?

    public init(view: LessonView = .models, outcome: String, keyRegressor: String, mediator: String? = nil,
                mediatorOn: Bool = false, controls: [String] = [], estimators: LessonEstimators = .paper,
                standardizations: [String] = ["bStdX"], condition: String? = nil, subsampleName: String? = nil,
                crosstabs: [LessonCrosstab] = [], describe: [String] = [], margins: LessonMargins = .none,
                marginsTerm: String? = nil, mediation: [LessonMediationMethod] = [],
                mediatorModel: ModelKind? = nil, outcomeModel: ModelKind? = nil, simulations: Int = 0,
                highlights: [String] = [], pinStep: Int? = nil) {
        self.view = view; self.outcome = outcome; self.keyRegressor = keyRegressor
        self.mediator = mediator; self.mediatorOn = mediatorOn; self.controls = controls
        self.estimators = estimators; self.standardizations = standardizations
        self.condition = condition; self.subsampleName = subsampleName; self.crosstabs = crosstabs
        self.describe = describe; self.margins = margins; self.marginsTerm = marginsTerm
        self.mediation = mediation; self.mediatorModel = mediatorModel; self.outcomeModel = outcomeModel
        self.simulations = simulations; self.highlights = highlights; self.pinStep = pinStep
    }

    /// The active mediator, if switched on.
    public var activeMediator: String? { mediatorOn ? mediator : nil }
}

public struct LessonCrosstab: Sendable, Equatable, Hashable {
    public var row: String
    public var column: String
    public init(row: String, column: String) { self.row = row; self.column = column }
}
