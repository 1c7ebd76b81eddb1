import SurveyData

/// The estimators PathLens offers. Ordered models follow Stata / MASS::polr:
/// P(y ≤ j) = F(cut_j − xβ), no intercept.
public enum ModelKind: String, Codable, Sendable, CaseIterable {
    case ols, logit, probit, ologit, oprobit
    /// Generalized ordered logit / probit (Williams' gologit2): P(y > c_j) = F(α_j + xβ_j), one
    /// equation per split; see GeneralizedOrderedModel.swift.
    case gologit, goprobit

    /// The parallel-lines models with cutpoints (ologit, oprobit).
    public var isOrdered: Bool { self == .ologit || self == .oprobit }
    /// The generalized (one equation per split) ordered models.
    public var isGeneralizedOrdered: Bool { self == .gologit || self == .goprobit }
    /// Any model of an ordered outcome's categories.
    public var hasOrderedOutcome: Bool { isOrdered || isGeneralizedOrdered }
    public var isBinary: Bool { self == .logit || self == .probit }
    /// "t" for OLS, "z" for the maximum-likelihood models.
    public var statLabel: String { self == .ols ? "t" : "z" }
}

/// What a modelled variable is in an analysis, for choosing its estimator.
public enum ModelledRole: Sendable { case outcome, mediator }

extension ModelKind {
    /// The estimator a variable's measurement calls for in `role` — the one rule the CLI, the
    /// explorer, lessons and the mediation engine share: binary → logit; ordinal → ologit as an
    /// outcome and ols as a mediator (mediator models are ols, logit or probit); continuous → ols;
    /// categorical (unordered) → ologit as an outcome, none as a mediator.
    public static func defaultKind(for type: VariableType, role: ModelledRole) -> ModelKind? {
        switch (type, role) {
        case (.binary, _): return .logit
        case (.continuous, _): return .ols
        case (.ordinal, .outcome), (.categorical, .outcome): return .ologit
        case (.ordinal, .mediator): return .ols
        case (.categorical, .mediator): return nil
        }
    }

    /// This estimator carried over to an outcome of `type`: ordered models (generalized ones too)
    /// on a binary outcome become logit/probit, binary ones on an ordered outcome become ologit/oprobit, and a
    /// continuous outcome gets OLS.
    public func adapted(to type: VariableType) -> ModelKind {
        switch type {
        case .binary:
            if self == .ologit || self == .gologit { return .logit }
            if self == .oprobit || self == .goprobit { return .probit }
            return self
        case .continuous: return .ols
        case .ordinal, .categorical:
            if self == .logit { return .ologit }
            if self == .probit { return .oprobit }
            return self
        }
    }
}

/// Variance estimator: observed information, Huber–White sandwich (HC1 for OLS), or clustered.
public enum VarianceType: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    case oim
    case robust
    case cluster(String)

    /// Parses the CLI form: `oim`, `robust`, `cluster:VAR`.
    public init?(argument: String) {
        switch argument {
        case "oim": self = .oim
        case "robust": self = .robust
        default:
            guard argument.hasPrefix("cluster:"), argument.count > 8 else { return nil }
            self = .cluster(String(argument.dropFirst(8)))
        }
    }

    public var description: String {
        switch self {
        case .oim: return "oim"
        case .robust: return "robust"
        case .cluster(let v): return "cluster:\(v)"
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let v = VarianceType(argument: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "unknown variance type '\(text)'"))
        }
        self = v
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Frequency weights (N = Σw, as Stata's fweight) or sampling weights (imply robust variance).
public enum Weighting: Sendable, Equatable, Hashable, Codable {
    case none
    case frequency(String)
    case sampling(String)

    public var variable: String? {
        switch self {
        case .none: return nil
        case .frequency(let v), .sampling(let v): return v
        }
    }
}

/// One model to estimate: everything `pathlens fit` takes apart from output options.
public struct ModelSpec: Sendable, Equatable, Hashable, Codable {
    public var kind: ModelKind
    /// `y ~ x1 + i.cat + ib3.cat2 + c.age`
    public var formula: String
    /// Stata-style `if` expression selecting the subsample; nil = all rows.
    public var condition: String?
    public var vce: VarianceType
    public var weights: Weighting
    /// Variables beyond the model's own whose missing rows are also deleted: the other variables
    /// of a screen whose models share one estimation sample (Stata's `esample` discipline for
    /// nested models). Empty for a model on its own.
    public var sampleVariables: [String]
    /// gologit/goprobit only: which terms keep one coefficient across the equations (nil = none,
    /// the unconstrained generalized model).
    public var parallelLines: ParallelLines?
    /// A complex survey design (Stata's `svyset`): its weight is the sampling weight, and the
    /// variance is linearized over its strata and PSUs (`vce` and `weights` are then unused).
    public var design: SurveyDesign? = nil
    /// Stata's `subpop()`: the rows estimated on, with the full design kept for the variance
    /// (only with `design`). nil = the whole design sample.
    public var subpop: String? = nil

    public init(kind: ModelKind, formula: String, condition: String? = nil,
                vce: VarianceType = .oim, weights: Weighting = .none, sampleVariables: [String] = [],
                parallelLines: ParallelLines? = nil) {
        self.kind = kind; self.formula = formula; self.condition = condition
        self.vce = vce; self.weights = weights; self.sampleVariables = sampleVariables
        self.parallelLines = parallelLines
    }
}

/// What to compute beyond the coefficients.
public struct FitOptions: Sendable, Equatable {
    /// Average marginal effects (and, with `atMeans`, effects at the means).
    public var margins: Bool
    public var atMeans: Bool
    public var maxIterations: Int
    /// Convergence when the scaled gradient g'H⁻¹g falls below this (Stata's nrtolerance).
    public var tolerance: Double

    /// Margins of 0/1 variables entered without `i.`: the derivative (false, the default) — what
    /// Stata's `margins, dydx(*)` does for a variable not declared a factor — or the discrete change
    /// 0→1 (true). Factor indicators (`i.x`) always get the discrete change: `i.x` is how a formula
    /// asks for it.
    public var discreteChangeForBinary: Bool

    /// Newton start values for logit/probit/ologit/oprobit (coefficients in the result's order,
    /// then cutpoints), e.g. the full-sample estimates when refitting bootstrap resamples; ignored
    /// unless it has one finite value per parameter of the pruned model.
    public var start: [Double]? = nil

    /// Newton start values by term name (plus cutpoints), e.g. the estimates of the nearest
    /// specification already fitted when the explorer adds or drops one control: terms it lacks
    /// start at 0. Used only when `start` is not, and only when it beats the null model;
    /// otherwise the fit starts as usual. The optimum is the same; only the path to it is shorter.
    public var warmStart: WarmStart? = nil

    /// ologit: SPost's Brant test of parallel lines (`ModelResult.brant`).
    public var brant = false
    /// ologit/oprobit: likelihood-ratio test against the generalized model (`ModelResult.lrParallel`).
    public var lrParallel = false
    /// `--dydx`, `--at`, `--over`, `--contrast` (issue 14); the default is `margins, dydx(*)`.
    public var marginsRequest = MarginsRequest()

    public init(margins: Bool = false, atMeans: Bool = false, maxIterations: Int = 100,
                tolerance: Double = 1e-12, discreteChangeForBinary: Bool = false) {
        self.margins = margins; self.atMeans = atMeans
        self.maxIterations = maxIterations; self.tolerance = tolerance
        self.discreteChangeForBinary = discreteChangeForBinary
    }
}

/// Start values carried over from another fit by term name (`FitOptions.warmStart`).
public struct WarmStart: Sendable, Equatable, Hashable {
    /// Estimate of each coefficient by term name (`age`, `educ=3`, `_cons`).
    public var coefficients: [String: Double]
    /// Ordered models: the cutpoints in order (used only when their count matches).
    public var cutpoints: [Double]

    public init(coefficients: [String: Double], cutpoints: [Double] = []) {
        self.coefficients = coefficients; self.cutpoints = cutpoints
    }
}
