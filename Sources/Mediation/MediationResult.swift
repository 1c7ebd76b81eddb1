import SurveyData
import Estimation

/// An estimate with its standard error and two-sided p-value (a regression path, a KHB difference).
public struct PathEstimate: Sendable, Equatable, Codable {
    public var estimate: Double
    public var se: Double
    public var p: Double
    public init(estimate: Double, se: Double, p: Double) {
        self.estimate = estimate; self.se = se; self.p = p
    }
    /// p from the normal approximation z = estimate / se.
    public init(estimate: Double, se: Double) {
        self.init(estimate: estimate, se: se, p: Distributions.normalTwoSidedP(estimate / se))
    }
    init(_ c: Coefficient) { self.init(estimate: c.estimate, se: c.se, p: c.p) }
}

public struct EstimateSE: Sendable, Equatable, Codable {
    public var estimate: Double
    public var se: Double
    public init(estimate: Double, se: Double) { self.estimate = estimate; self.se = se }
}

/// A confidence interval; JSON `[low, high]` (null ends when undefined).
public struct Interval: Sendable, Equatable, Codable {
    public var low: Double
    public var high: Double
    public init(low: Double, high: Double) { self.low = low; self.high = high }

    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        low = try c.decodeIfPresent(Double.self) ?? .nan
        high = try c.decodeIfPresent(Double.self) ?? .nan
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        if low.isFinite { try c.encode(low) } else { try c.encodeNil() }
        if high.isFinite { try c.encode(high) } else { try c.encodeNil() }
    }
}

public enum MediationVerdict: String, Sendable, Equatable, Codable {
    case none, partial, full

    /// The verdict in words, as every screen, table and lesson says it.
    public func text(_ language: Language) -> String {
        switch (self, language) {
        case (.none, .en): return "no mediation"
        case (.partial, .en): return "partial mediation"
        case (.full, .en): return "full mediation"
        case (.none, .zh): return "无中介效应"
        case (.partial, .zh): return "部分中介"
        case (.full, .zh): return "完全中介"
        }
    }
}

/// Baron & Kenny's causal-steps reading, as the reference paper runs it.
public struct BaronKennyResult: Sendable, Equatable, Codable {
    /// X → M (mediator model).
    public var a: PathEstimate
    /// M → Y given X (full outcome model).
    public var b: PathEstimate
    /// X → Y without M (total-effect model).
    public var c: PathEstimate
    /// X → Y given M (full outcome model).
    public var cPrime: PathEstimate
    public var verdict: MediationVerdict
    public var alpha: Double
    /// a·b / c.
    public var proportionOfTotal: Double
    /// a·b / (a·b + c′): the paper's "indirect share".
    public var proportionOfSum: Double
    /// Scale caveats (coefficients from models on different scales).
    public var warnings: [String]
    /// gologit/goprobit outcome: c, b and c′ per equation (a constrained term once, equation nil);
    /// b, c and c′ above are then the constrained coefficient or undefined. nil otherwise.
    public var byEquation: [EquationPath]? = nil
    /// gologit/goprobit outcome: the verdict of each equation (`verdict` is the weakest of them).
    public var equationVerdicts: [EquationVerdict]? = nil

    enum CodingKeys: String, CodingKey {
        case a, b, c, cPrime = "c_prime", verdict, alpha, proportionOfTotal = "prop_ab_c",
             proportionOfSum = "prop_ab_abcp", warnings, byEquation = "equations", equationVerdicts = "equation_verdicts"
    }
}

/// The product-of-coefficients indirect effect a·b with its first- and second-order SEs.
public struct IndirectEffect: Sendable, Equatable, Codable {
    public var estimate: Double
    /// √(b²s_a² + a²s_b²) (Sobel 1982).
    public var sobelSE: Double
    /// √(b²s_a² + a²s_b² + s_a²s_b²) (Aroian 1947).
    public var aroianSE: Double
    /// √(b²s_a² + a²s_b² − s_a²s_b²) (Goodman 1960); NaN when the radicand is negative.
    public var goodmanSE: Double
    public var sobelZ: Double
    public var sobelP: Double

    enum CodingKeys: String, CodingKey {
        case estimate, sobelSE = "sobel_se", aroianSE = "aroian_se", goodmanSE = "goodman_se",
             sobelZ = "sobel_z", sobelP = "sobel_p"
    }
}

/// a and b divided by the sd of the latent (or observed, for ols) variable of their own model
/// (MacKinnon & Dwyer 1993), so the product no longer mixes the two models' scales.
public struct StandardizedIndirect: Sendable, Equatable, Codable {
    public var sdM: Double
    public var sdY: Double
    public var a: PathEstimate
    public var b: PathEstimate
    public var indirect: IndirectEffect

    enum CodingKeys: String, CodingKey { case sdM = "sd_m", sdY = "sd_y", a, b, indirect }
}

/// Bootstrap distribution summary of one statistic.
public struct BootstrapStatistic: Sendable, Equatable, Codable {
    public var estimate: Double
    public var se: Double
    public var bias: Double
    public var percentile: Interval
    public var bc: Interval
    public var bca: Interval
    /// BCa acceleration (jackknife).
    public var acceleration: Double
}

public struct BootstrapResult: Sendable, Equatable, Codable {
    public var reps: Int
    public var seed: UInt64
    /// Replications whose refit failed or did not converge (left out of the intervals).
    public var failed: Int
    public var level: Double
    /// The indirect effect a·b.
    public var indirect: BootstrapStatistic
    /// The proportion mediated a·b / (a·b + c′).
    public var proportion: BootstrapStatistic
    /// What was resampled (JSON `resampling`): nil = cases; `clusters` (cluster bootstrap) or
    /// `psu-within-strata` (Rao–Wu rescaling bootstrap, m_h = n_h − 1), with `units` of them.
    public var resampling: String? = nil
    public var units: Int? = nil

    enum CodingKeys: String, CodingKey {
        case reps, seed, failed, level, estimate, se, bias, percentile, bc, bca, acceleration, proportion
        case resampling, units
    }
    public init(reps: Int, seed: UInt64, failed: Int, level: Double,
                indirect: BootstrapStatistic, proportion: BootstrapStatistic) {
        self.reps = reps; self.seed = seed; self.failed = failed; self.level = level
        self.indirect = indirect; self.proportion = proportion
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reps = try c.decode(Int.self, forKey: .reps)
        seed = try c.decode(UInt64.self, forKey: .seed)
        failed = try c.decode(Int.self, forKey: .failed)
        level = try c.decode(Double.self, forKey: .level)
        indirect = try BootstrapStatistic(from: decoder)
        proportion = try c.decode(BootstrapStatistic.self, forKey: .proportion)
        resampling = try c.decodeIfPresent(String.self, forKey: .resampling)
        units = try c.decodeIfPresent(Int.self, forKey: .units)
    }
    /// The indirect effect's summary sits at the top level (`se`, `percentile`, …) as documented.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reps, forKey: .reps)
        try c.encode(seed, forKey: .seed)
        try c.encode(failed, forKey: .failed)
        try c.encode(level, forKey: .level)
        try indirect.encode(to: encoder)
        try c.encode(proportion, forKey: .proportion)
        try c.encodeIfPresent(resampling, forKey: .resampling)
        try c.encodeIfPresent(units, forKey: .units)
    }
}

/// One mediator's part of a KHB decomposition (Stata khb's `disentangle`).
public struct KHBShare: Sendable, Equatable, Codable {
    public var mediator: String
    public var estimate: Double
    public var se: Double
    public var p: Double
    /// Share of the total difference, percent.
    public var pctOfDiff: Double
    /// Share of the reduced coefficient, percent.
    public var pctOfReduced: Double

    enum CodingKeys: String, CodingKey {
        case mediator, estimate, se, p, pctOfDiff = "pct_of_diff", pctOfReduced = "pct_of_reduced"
    }
}

/// Karlson–Holm–Breen decomposition of X's coefficient.
public struct KHBResult: Sendable, Equatable, Codable {
    public var model: ModelKind
    public var mediators: [String]
    /// X's coefficient with the mediators' X-residuals in the model (same scale as `full`).
    public var reduced: EstimateSE
    /// X's coefficient with the mediators in the model.
    public var full: EstimateSE
    /// X's coefficient with no mediator at all (for the rescaling factor).
    public var naive: EstimateSE
    /// reduced − full, delta-method SE.
    public var diff: PathEstimate
    /// reduced / full.
    public var confRatio: Double
    /// 100 · (reduced − full) / reduced.
    public var confPct: Double
    /// reduced / naive: how much the naive comparison is distorted by rescaling.
    public var rescFact: Double
    public var shares: [KHBShare]
    /// gologit/goprobit: the equation (split y > code) decomposed; nil otherwise.
    public var equation: String? = nil

    enum CodingKeys: String, CodingKey {
        case model, mediators, reduced, full, naive, diff, confRatio = "conf_ratio",
             confPct = "conf_pct", rescFact = "resc_fact", shares = "disentangle", equation
    }
}

public struct EffectEstimate: Sendable, Equatable, Codable {
    public var estimate: Double
    public var ci: Interval?
    public init(estimate: Double, ci: Interval? = nil) { self.estimate = estimate; self.ci = ci }
}

/// Imai–Keele–Tingley effects on one scale (a probability, a mean, the expected grade).
public struct CausalEffects: Sendable, Equatable, Codable {
    public var acmeControl: EffectEstimate
    public var acmeTreated: EffectEstimate
    public var acmeAverage: EffectEstimate
    public var adeControl: EffectEstimate
    public var adeTreated: EffectEstimate
    public var adeAverage: EffectEstimate
    public var total: EffectEstimate
    public var propMediatedAverage: EffectEstimate

    enum CodingKeys: String, CodingKey {
        case acmeControl = "acme_control", acmeTreated = "acme_treated", acmeAverage = "acme_average",
             adeControl = "ade_control", adeTreated = "ade_treated", adeAverage = "ade_average",
             total, propMediatedAverage = "prop_mediated_average"
    }
}

/// ACME as a function of the correlation ρ between the mediator and outcome errors.
public struct SensitivityResult: Sendable, Equatable, Codable {
    /// "analytic" (Imai, Keele & Yamamoto 2010) or "simulation".
    public var method: String
    public var rho: [Double]
    public var acme: [Double]
    /// The ρ at which ACME = 0 (nil when the curve does not cross zero).
    public var rhoAtZero: Double?

    enum CodingKeys: String, CodingKey { case method, rho, acme, rhoAtZero = "rho_at_zero" }
}

public struct CausalResult: Sendable, Equatable, Codable {
    public var mediatorModel: ModelKind
    public var outcomeModel: ModelKind
    /// What the effects measure: "Pr(y = 1)", "E(y)", or for ordered outcomes the expected grade.
    public var scale: String
    /// The headline effects (ordered outcomes: on the expected grade).
    public var effects: CausalEffects
    /// Ordered outcomes: effects on each category's probability, keyed by category code.
    public var byOutcome: [(outcome: String, effects: CausalEffects)]
    public var interval: CausalInterval
    public var sims: Int
    public var failed: Int
    public var controlValue: Double
    public var treatValue: Double
    public var sensitivity: SensitivityResult?

    public static func == (l: CausalResult, r: CausalResult) -> Bool {
        l.mediatorModel == r.mediatorModel && l.outcomeModel == r.outcomeModel && l.scale == r.scale
            && l.effects == r.effects && l.byOutcome.map(\.outcome) == r.byOutcome.map(\.outcome)
            && l.byOutcome.map(\.effects) == r.byOutcome.map(\.effects) && l.interval == r.interval
            && l.sims == r.sims && l.failed == r.failed && l.sensitivity == r.sensitivity
            && l.controlValue == r.controlValue && l.treatValue == r.treatValue
    }

    private struct DynamicKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
    enum CodingKeys: String, CodingKey {
        case mediatorModel = "m_model", outcomeModel = "y_model", scale, byOutcome = "by_outcome",
             interval, sims, failed, controlValue = "control_value", treatValue = "treat_value",
             sensitivity
    }

    public init(mediatorModel: ModelKind, outcomeModel: ModelKind, scale: String, effects: CausalEffects,
                byOutcome: [(outcome: String, effects: CausalEffects)], interval: CausalInterval,
                sims: Int, failed: Int, controlValue: Double, treatValue: Double,
                sensitivity: SensitivityResult?) {
        self.mediatorModel = mediatorModel; self.outcomeModel = outcomeModel; self.scale = scale
        self.effects = effects; self.byOutcome = byOutcome; self.interval = interval
        self.sims = sims; self.failed = failed; self.controlValue = controlValue
        self.treatValue = treatValue; self.sensitivity = sensitivity
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        mediatorModel = try c.decode(ModelKind.self, forKey: .mediatorModel)
        outcomeModel = try c.decode(ModelKind.self, forKey: .outcomeModel)
        scale = try c.decode(String.self, forKey: .scale)
        effects = try CausalEffects(from: decoder)
        interval = try c.decode(CausalInterval.self, forKey: .interval)
        sims = try c.decode(Int.self, forKey: .sims)
        failed = try c.decode(Int.self, forKey: .failed)
        controlValue = try c.decode(Double.self, forKey: .controlValue)
        treatValue = try c.decode(Double.self, forKey: .treatValue)
        sensitivity = try c.decodeIfPresent(SensitivityResult.self, forKey: .sensitivity)
        byOutcome = []
        if c.contains(.byOutcome) {
            let by = try c.nestedContainer(keyedBy: DynamicKey.self, forKey: .byOutcome)
            byOutcome = try by.allKeys.map { ($0.stringValue, try by.decode(CausalEffects.self, forKey: $0)) }
        }
    }

    /// Headline effects at the top level; `by_outcome` keyed by category code in category order.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mediatorModel, forKey: .mediatorModel)
        try c.encode(outcomeModel, forKey: .outcomeModel)
        try c.encode(scale, forKey: .scale)
        try effects.encode(to: encoder)
        if !byOutcome.isEmpty {
            var by = c.nestedContainer(keyedBy: DynamicKey.self, forKey: .byOutcome)
            for (outcome, e) in byOutcome { try by.encode(e, forKey: DynamicKey(outcome)) }
        }
        try c.encode(interval, forKey: .interval)
        try c.encode(sims, forKey: .sims)
        try c.encode(failed, forKey: .failed)
        try c.encode(controlValue, forKey: .controlValue)
        try c.encode(treatValue, forKey: .treatValue)
        try c.encodeIfPresent(sensitivity, forKey: .sensitivity)
    }
}

/// Everything computed for one mediator.
public struct MediatorAnalysis: Sendable, Equatable, Codable {
    public var mediator: String
    public var mediatorModel: ModelKind
    public var paths: BaronKennyResult
    public var indirect: IndirectEffect
    public var standardized: StandardizedIndirect?
    public var bootstrap: BootstrapResult?
    public var causal: CausalResult?
    /// The paths ("a", "b", "c", "c'") whose coefficient runs off because the zero side of their
    /// binary regressor has one outcome only (quasi-complete separation): Stata still prints the
    /// iteration-limit value, which means nothing and differs between machines, so screens show
    /// the path as not estimable instead. Not encoded (JSON keeps Stata's numbers and the fit notes).
    public var runsOff: Set<String> = []
    /// What estimation said about the mediator and outcome fits behind the paths (perfect
    /// prediction, non-convergence…), for screens that show a path beside its warning.
    public var fitNotes: [EstimationNote] = []

    enum CodingKeys: String, CodingKey {
        case mediator = "m", mediatorModel = "m_model", paths, verdict, propTotal = "prop_ab_c",
             propSum = "prop_ab_abcp", warnings, indirect, standardized = "indirect_std",
             bootstrap, causal
    }
    public init(mediator: String, mediatorModel: ModelKind, paths: BaronKennyResult,
                indirect: IndirectEffect, standardized: StandardizedIndirect?,
                bootstrap: BootstrapResult?, causal: CausalResult?) {
        self.mediator = mediator; self.mediatorModel = mediatorModel; self.paths = paths
        self.indirect = indirect; self.standardized = standardized; self.bootstrap = bootstrap
        self.causal = causal
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        mediator = try c.decode(String.self, forKey: .mediator)
        mediatorModel = try c.decode(ModelKind.self, forKey: .mediatorModel)
        paths = try c.decode(BaronKennyResult.self, forKey: .paths)
        indirect = try c.decode(IndirectEffect.self, forKey: .indirect)
        standardized = try c.decodeIfPresent(StandardizedIndirect.self, forKey: .standardized)
        bootstrap = try c.decodeIfPresent(BootstrapResult.self, forKey: .bootstrap)
        causal = try c.decodeIfPresent(CausalResult.self, forKey: .causal)
    }
    /// `paths` holds a, b, c, c_prime; the verdict and proportions sit beside it.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mediator, forKey: .mediator)
        try c.encode(mediatorModel, forKey: .mediatorModel)
        try c.encode(paths, forKey: .paths)
        try c.encode(paths.verdict, forKey: .verdict)
        try c.encode(finite(paths.proportionOfTotal), forKey: .propTotal)
        try c.encode(finite(paths.proportionOfSum), forKey: .propSum)
        try c.encode(paths.warnings, forKey: .warnings)
        try c.encode(indirect, forKey: .indirect)
        try c.encodeIfPresent(standardized, forKey: .standardized)
        try c.encodeIfPresent(bootstrap, forKey: .bootstrap)
        try c.encodeIfPresent(causal, forKey: .causal)
    }
}

func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }

/// The whole analysis: what `pathlens mediate` prints and the explorer shows.
public struct MediationResult: Sendable, Equatable {
    public var n: Int
    public var x: String
    public var y: String
    public var controls: [String]
    public var condition: String?
    public var outcomeModel: ModelKind
    /// One entry per mediator, in the order given.
    public var mediators: [MediatorAnalysis]
    /// Joint decomposition over all mediators (nonlinear outcomes only).
    public var khb: KHBResult?
    /// Rows left out of the common estimation sample, by reason.
    public var dropped: [DroppedRows]
    /// What the suite says about the analysis.
    public var diagnostics: [MediationNote]
    /// Conditional effects under a moderator (`--moderator`); nil without one.
    public var moderation: ModerationResult? = nil
    /// gologit/goprobit outcome: KHB for each equation (JSON `khb_equations`); nil otherwise.
    public var khbEquations: [KHBResult]? = nil
    /// The variance of the paths (JSON `vce`): nil = oim; `robust`, `cluster:VAR`, `linearized`.
    public var vce: String? = nil
    /// The survey design (JSON `design{…}`, as `fit`'s), nil without one.
    public var design: MediationDesignSummary? = nil
    /// The subpopulation the paths were estimated on under the design (JSON `subpop`), nil without one.
    public var subpop: String? = nil
    /// The diagnostics' English text (JSON output); setting it stores each line as `.other`.
    public var notes: [String] {
        get { diagnostics.map { $0.text(.en) } }
        set { diagnostics = newValue.map(MediationNote.other) }
    }
}

extension MediationResult: Codable {
    enum CodingKeys: String, CodingKey {
        case n, x, m, y, mModel = "m_model", yModel = "y_model", controls, condition = "if",
             khb, dropped, notes, mediators, moderation, vce, design, subpop, khbEquations = "khb_equations"
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        n = try c.decode(Int.self, forKey: .n)
        x = try c.decode(String.self, forKey: .x)
        y = try c.decode(String.self, forKey: .y)
        controls = try c.decode([String].self, forKey: .controls)
        condition = try c.decodeIfPresent(String.self, forKey: .condition)
        outcomeModel = try c.decode(ModelKind.self, forKey: .yModel)
        khb = try c.decodeIfPresent(KHBResult.self, forKey: .khb)
        khbEquations = try c.decodeIfPresent([KHBResult].self, forKey: .khbEquations)
        dropped = try c.decodeIfPresent([DroppedRows].self, forKey: .dropped) ?? []
        diagnostics = try c.decodeIfPresent([MediationNote].self, forKey: .notes) ?? []
        moderation = try c.decodeIfPresent(ModerationResult.self, forKey: .moderation)
        vce = try c.decodeIfPresent(String.self, forKey: .vce)
        design = try c.decodeIfPresent(MediationDesignSummary.self, forKey: .design)
        subpop = try c.decodeIfPresent(String.self, forKey: .subpop)
        if let list = try c.decodeIfPresent([MediatorAnalysis].self, forKey: .mediators) {
            mediators = list
        } else {
            mediators = [try MediatorAnalysis(from: decoder)]
        }
    }
    /// One mediator: its parts at the top level. Several: `m` and `m_model` are lists and the
    /// per-mediator parts go in `mediators`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(n, forKey: .n)
        try c.encode(x, forKey: .x)
        try c.encode(y, forKey: .y)
        try c.encode(outcomeModel, forKey: .yModel)
        try c.encode(controls, forKey: .controls)
        try c.encodeIfPresent(condition, forKey: .condition)
        if mediators.count == 1 {
            try mediators[0].encode(to: encoder)
        } else {
            try c.encode(mediators.map(\.mediator), forKey: .m)
            try c.encode(mediators.map(\.mediatorModel), forKey: .mModel)
            try c.encode(mediators, forKey: .mediators)
        }
        try c.encodeIfPresent(khb, forKey: .khb)
        try c.encodeIfPresent(khbEquations, forKey: .khbEquations)
        try c.encodeIfPresent(moderation, forKey: .moderation)
        try c.encode(dropped, forKey: .dropped)
        try c.encode(diagnostics, forKey: .notes)
        try c.encodeIfPresent(vce, forKey: .vce)
        try c.encodeIfPresent(design, forKey: .design)
        try c.encodeIfPresent(subpop, forKey: .subpop)
    }
}
