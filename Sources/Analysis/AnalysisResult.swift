import Estimation
import Mediation
import SurveyData

/// A lineup model with its fit, or the one-line reason it failed.
public struct FittedModel: Sendable {
    public var plan: LineupModel
    public var result: ModelResult?
    public var error: String?
    /// Oster's δ and the robustness values of the key regressor (classical OLS outcome columns only).
    public var sensitivity: OmittedVariableSensitivity? = nil
    /// ologit columns: the Brant test's verdict on parallel lines (`ParallelLinesCheck`).
    public var parallelLines: ParallelLinesCheck? = nil
    /// The key regressor's effects at each value of the variable it is interacted with (or the
    /// moderator): the Margins view's second table (`ConditionalEffectsPlan`).
    public var conditional: ConditionalEffects? = nil
    /// Still being estimated: an early result (`AnalysisEngine.run`'s `partial`) shows the
    /// columns already fitted and says the others are coming.
    public var pending = false

    public init(plan: LineupModel, result: ModelResult? = nil, error: String? = nil) {
        self.plan = plan; self.result = result; self.error = error
    }

    public var id: String { plan.id }
    public var title: String { plan.title }
}

/// Everything one specification produced: what every screen and lesson step shows. Tagged with
/// its generation: the explorer drops the results of superseded specifications.
public struct AnalysisResult: Sendable {
    public var generation: Int
    public var spec: Specification
    public var models: [FittedModel]
    /// Rows in the `if` subsample (all rows without one); nil when the condition failed.
    public var sampleN: Int?
    public var sampleError: String?
    /// Rows of the `if` subsample; nil means every row.
    public var mask: [Bool]?
    /// The screen's common estimation sample (nil when the condition failed).
    public var sample: PanelSample?
    public var summaries: [VariableDescription]
    /// Missing values by kind among the `if` rows, per described variable with any (the screen's
    /// sample itself has none): the Describe view's `tab x, missing` rows.
    public var missingByVariable: [String: [MissingCount]] = [:]
    /// Why Table 1 could not be computed (e.g. the subpopulation selects nothing under the design).
    public var summariesError: String? = nil
    /// Under a declared design: Table 1 and the crosstab tests are design-based (`ScreenDescriptives`).
    public var descriptivesDesign: DescriptivesDesign? = nil
    public var crosstabs: [CrosstabOutput]
    /// Baron–Kenny paths and the indirect effect from the mediation engine, on the same sample
    /// as the models (with the mediator on); the Mediation view's bootstrap adds the rest.
    public var mediation: MediationResult?
    public var mediationError: String?
    /// Why the specification's moderator was not analysed (the mediation then is unmoderated).
    public var moderationError: String?
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

    /// The N every model of the screen shares (nil in per-model mode, or before the sample is known).
    public var commonN: Int? { spec.sampling == .common ? sample?.n : nil }
}

/// A cross-tabulation in the screen's sample (counts, χ², Cramér's V, gamma, τ-b from
/// `Estimation.CrossTabulation`), or why it failed.
public struct CrosstabOutput: Sendable {
    public var pair: CrosstabPair
    public var table: CrossTabulation?
    public var error: String?
    /// Under a declared design: the Rao–Scott F (`crosstab --svy`); nil when it cannot be formed.
    public var raoScott: RaoScott? = nil
    /// Why the design-based test failed (the table itself is shown).
    public var designError: String? = nil
    public init(pair: CrosstabPair, table: CrossTabulation? = nil, error: String? = nil) {
        self.pair = pair; self.table = table; self.error = error
    }
}
