import SurveyData

/// One estimated parameter (a coefficient or a cutpoint) with its inference.
public struct Coefficient: Sendable, Equatable, Codable {
    /// As in the formula: `age`, `union`, factor indicators `educ=3`, intercept `_cons`, `cut1`.
    public var term: String
    /// The dataset variable it comes from (`educ` for `educ=3`); nil for `_cons` and cutpoints.
    public var variable: String?
    /// Factor level code for indicators.
    public var level: Double?
    public var estimate: Double
    public var se: Double
    /// t (OLS) or z statistic.
    public var z: Double
    public var p: Double
    public var ciLow: Double
    public var ciHigh: Double
    /// listcoef's standardized coefficients: b·sd(x), b/sd(y*), b·sd(x)/sd(y*).
    public var bStdX: Double?
    public var bStdY: Double?
    public var bStdXY: Double?
    /// gologit/goprobit: the equation (split y > code) this row belongs to, named by the code's
    /// string; nil for terms constrained to one coefficient and for every other model.
    public var equation: String? = nil

    public init(term: String, variable: String? = nil, level: Double? = nil, estimate: Double,
                se: Double, z: Double, p: Double, ciLow: Double, ciHigh: Double,
                bStdX: Double? = nil, bStdY: Double? = nil, bStdXY: Double? = nil) {
        self.term = term; self.variable = variable; self.level = level; self.estimate = estimate
        self.se = se; self.z = z; self.p = p; self.ciLow = ciLow; self.ciHigh = ciHigh
        self.bStdX = bStdX; self.bStdY = bStdY; self.bStdXY = bStdXY
    }

    enum CodingKeys: String, CodingKey {
        case term, variable, level, estimate, se, z, p, ciLow = "ci_low", ciHigh = "ci_high",
             bStdX = "b_std_x", bStdY = "b_std_y", bStdXY = "b_std_xy", equation
    }
}

/// A term left out of the fit, and why (Stata's "omitted because of collinearity").
public struct OmittedTerm: Sendable, Equatable, Codable {
    public var term: String
    public var reason: OmitReason
    public init(term: String, reason: OmitReason) { self.term = term; self.reason = reason }
    /// A reason worded by the caller (`.other`).
    public init(term: String, reason: String) { self.init(term: term, reason: OmitReason.other(reason)) }
}

/// Rows excluded before estimation, by reason (listwise deletion, perfect prediction, filter…).
public struct DroppedRows: Sendable, Equatable, Codable {
    public var reason: DropReason
    public var count: Int
    public init(reason: DropReason, count: Int) { self.reason = reason; self.count = count }
    /// A reason worded by the caller (`.other`).
    public init(reason: String, count: Int) { self.init(reason: DropReason.other(reason), count: count) }
}

/// A marginal effect of `term` on one outcome: Pr(y = outcome) for ordered and binary models,
/// E(y) for OLS; averaged over the sample (`average`) or at the regressor means (`means`).
public struct MarginalEffect: Sendable, Equatable, Codable {
    public enum At: String, Sendable, Codable { case average, means }
    public var term: String
    /// The outcome category code (`"1"` … `"6"`; `"1"` for binary Pr(y = 1)); `"E(y)"` for OLS.
    public var outcome: String
    public var at: At
    public var effect: Double
    public var se: Double
    public var z: Double
    public var p: Double
    /// The `--at` setting the effect is evaluated at (`"age=30"`, `"age=30, union=1"`); nil without `--at`.
    public var atValue: String? = nil
    /// The `--over` group the effect is averaged in (`"industry=2"`); nil without `--over`.
    public var over: String? = nil

    public init(term: String, outcome: String, at: At, effect: Double, se: Double, z: Double, p: Double) {
        self.term = term; self.outcome = outcome; self.at = at; self.effect = effect
        self.se = se; self.z = z; self.p = p
    }
}

/// Mean predicted probability of each outcome category (ordered and binary models).
public struct PredictedProbability: Sendable, Equatable, Codable {
    public var outcome: String
    public var probability: Double
    public init(outcome: String, probability: Double) { self.outcome = outcome; self.probability = probability }
}

/// Everything a fit produced: the value every renderer, the mediation suite and the explorer read.
public struct ModelResult: Sendable, Equatable {
    public var spec: ModelSpec
    public var model: ModelKind { spec.kind }
    /// Outcome variable name.
    public var outcome: String
    /// Sorted outcome categories (ordered and binary models).
    public var outcomeLevels: [Double]
    /// Observations used (Σ fweights with frequency weights, as Stata).
    public var n: Int
    public var converged: Bool
    public var iterations: Int
    public var loglik: Double?
    public var loglikNull: Double?
    public var lrChi2: Double?
    public var lrDF: Int?
    public var lrP: Double?
    public var pseudoR2: Double?
    public var r2: Double?
    public var adjR2: Double?
    public var fStat: Double?
    public var fDF1: Int?
    public var fDF2: Int?
    public var fP: Double?
    public var aic: Double?
    public var bic: Double?
    /// sd of the latent y* (latent models) or of y (OLS), used by bStdY/bStdXY.
    public var sdY: Double?
    public var coefficients: [Coefficient]
    public var cutpoints: [Coefficient]
    public var omitted: [OmittedTerm]
    public var dropped: [DroppedRows]
    public var margins: [MarginalEffect]
    /// `--contrast`: differences of effects between `at` settings (issue 14).
    public var contrasts: [MarginsContrast] = []
    public var predicted: [PredictedProbability]
    /// What estimation says about the fit (perfect prediction, non-convergence, weights…), Stata-style.
    public var diagnostics: [EstimationNote]
    /// The diagnostics' English text (JSON output); setting it stores each line as `.other`.
    public var notes: [String] {
        get { diagnostics.map { $0.text(.en) } }
        set { diagnostics = newValue.map(EstimationNote.other) }
    }
    /// Full variance matrix of (coefficients…, cutpoints…) in that order, row-major.
    public var vcov: [Double]
    /// The survey design of a linearized fit (strata, PSUs, design df, population); nil otherwise.
    public var survey: SurveySummary? = nil

    /// Tests of the parallel-lines assumption and the generalized models' extras
    /// (ParallelLinesTests.swift, FitGeneralizedOrdered.swift); nil when not asked for / not applicable.
    public var brant: BrantTest? = nil
    public var lrParallel: LikelihoodRatioTest? = nil
    /// gologit/goprobit: the design terms constrained to one coefficient (`--pl`, `--npl`, `--autofit`).
    public var constrained: [String]? = nil
    /// gologit/goprobit `--autofit`: the joint Wald test of the constraints autofit imposed, in the
    /// model it started from (gologit2's "Wald test of parallel lines assumption for the final model").
    public var autofitWald: WaldTest? = nil
    /// gologit/goprobit: in-sample cases with some category's predicted probability below 0.
    public var negativeProbabilities: Int? = nil

    public init(spec: ModelSpec, outcome: String, outcomeLevels: [Double] = [], n: Int,
                converged: Bool, iterations: Int, coefficients: [Coefficient],
                cutpoints: [Coefficient] = [], omitted: [OmittedTerm] = [],
                dropped: [DroppedRows] = [], margins: [MarginalEffect] = [],
                predicted: [PredictedProbability] = [], diagnostics: [EstimationNote] = [], vcov: [Double] = []) {
        self.spec = spec; self.outcome = outcome; self.outcomeLevels = outcomeLevels; self.n = n
        self.converged = converged; self.iterations = iterations
        self.coefficients = coefficients; self.cutpoints = cutpoints; self.omitted = omitted
        self.dropped = dropped; self.margins = margins; self.predicted = predicted
        self.diagnostics = diagnostics; self.vcov = vcov
    }

    public func coefficient(_ term: String) -> Coefficient? {
        coefficients.first { $0.term == term }
    }
}

public enum EstimationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Formula syntax error at a 1-based character column.
    case formula(formula: String, column: Int, message: String)
    case unknownVariable(String)
    case data(SurveyDataError)
    /// e.g. "outcome 'skill' has only one category", "no observations", "non-numeric outcome".
    case invalidModel(String)
    case numerical(String)

    public var description: String {
        switch self {
        case let .formula(formula, column, message): return "formula, column \(column): \(message) in '\(formula)'"
        case let .unknownVariable(v): return "unknown variable '\(v)'"
        case let .data(e): return e.description
        case let .invalidModel(m): return m
        case let .numerical(m): return m
        }
    }
}
