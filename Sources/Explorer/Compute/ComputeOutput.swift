import SurveyData
import Estimation

/// One column of the Models view as planned from the specification. Standardized columns share
/// the fit of the column they re-express.
public struct PlannedModel: Sendable, Hashable {
    /// Stable across specifications, so a baseline column finds its counterpart: `y.ols`,
    /// `y.ologit`, `y.ologit.std`, `m`, `ym`.
    public var id: String
    public var title: String
    public var spec: ModelSpec
    public var standardized: Bool
}

/// A planned model with its fit, or the one-line reason it failed.
public struct FittedModel: Sendable {
    public var plan: PlannedModel
    public var result: ModelResult?
    public var error: String?

    public var id: String { plan.id }
    public var title: String { plan.title }
}

/// Everything one posted specification produced. Tagged with its generation: the reducer drops
/// outputs of superseded specifications.
public struct ComputeOutput: Sendable {
    public var generation: Int
    public var spec: Specification
    public var models: [FittedModel]
    /// Rows in the subsample (all rows without one); nil when the condition failed.
    public var sampleN: Int?
    public var sampleError: String?
    /// Rows of the subsample; nil means every row.
    public var mask: [Bool]?
    public var summaries: [VariableDescription]
    public var crosstabs: [CrosstabOutput]
    public var elapsedMilliseconds: Double
    /// False for the quick first pass whose models have no marginal effects yet.
    public var marginsIncluded: Bool = true

    public init(generation: Int, spec: Specification, models: [FittedModel] = [], sampleN: Int? = nil,
                sampleError: String? = nil, mask: [Bool]? = nil, summaries: [VariableDescription] = [],
                crosstabs: [CrosstabOutput] = [], elapsedMilliseconds: Double = 0) {
        self.generation = generation; self.spec = spec; self.models = models; self.sampleN = sampleN
        self.sampleError = sampleError; self.mask = mask; self.summaries = summaries
        self.crosstabs = crosstabs; self.elapsedMilliseconds = elapsedMilliseconds
    }

    public func model(_ id: String) -> FittedModel? { models.first { $0.id == id } }
}

/// A cross-tabulation in the subsample (counts, χ², Cramér's V, gamma, τ-b from
/// `Estimation.CrossTabulation`), or why it failed.
public struct CrosstabOutput: Sendable {
    public var pair: CrosstabPair
    public var table: CrossTabulation?
    public var error: String?
    public init(pair: CrosstabPair, table: CrossTabulation? = nil, error: String? = nil) {
        self.pair = pair; self.table = table; self.error = error
    }
}

/// The mediation engine's estimates beyond the path coefficients, as the Mediation view shows
/// them: the indirect effect with its bootstrap interval, and naive beside adjusted (KHB,
/// causal) estimates.
public struct MediationOutput: Sendable {
    public var lines: [(label: String, naive: String, adjusted: String)]
    public var indirect: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    public var replications: Int
    /// The engine's Baron–Kenny verdict on the common sample.
    public var verdict: String?
    public var notes: [String]
    public init(lines: [(label: String, naive: String, adjusted: String)] = [], indirect: Double? = nil,
                ciLow: Double? = nil, ciHigh: Double? = nil, replications: Int = 0, verdict: String? = nil,
                notes: [String] = []) {
        self.lines = lines; self.indirect = indirect; self.ciLow = ciLow; self.ciHigh = ciHigh
        self.replications = replications; self.verdict = verdict; self.notes = notes
    }
}
