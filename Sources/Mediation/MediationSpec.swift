import SurveyData
import Foundation
import Estimation

/// What to decompose: the effect of `x` on `y` through one or several mediators, adjusting for
/// `controls` (formula terms such as `age`, `i.educ`, `c.tenure`).
public struct MediationSpec: Sendable, Equatable, Hashable {
    public var x: String
    public var mediators: [String]
    public var y: String
    public var controls: [String]
    /// Family of every mediator model (ols, logit, probit); nil = from the codebook.
    public var mediatorModel: ModelKind?
    /// Family of the outcome models; nil = from the codebook.
    public var outcomeModel: ModelKind?
    /// Stata-style `if` expression selecting the subsample.
    public var condition: String?
    /// Further variables whose missing rows leave the common sample too: those of the other
    /// models a screen shows beside the analysis (a cluster variable, say), so all share one N.
    public var sampleVariables: [String]
    /// A survey design (Stata's `svyset`): every model is fitted under it (weights, linearized
    /// variance, t on the design df), on the common sample; the bootstrap resamples PSUs within
    /// strata (Rao–Wu rescaling, m_h = n_h − 1).
    public var design: SurveyDesign? = nil
    /// Stata's `subpop()` under `design`: the paths are estimated on the rows where it holds (and
    /// every variable is present) while every PSU of the design stays in the variance, as
    /// `fit --subpop`; the bootstrap's replicate weights come from the whole design (R's
    /// `subset()` of an `as.svrepdesign`). No moderated mediation (`MediationSurveyText`).
    public var subpop: String? = nil
    /// Moderated mediation (PROCESS models 7, 14, 58): W on the a and/or b path; nil = none.
    public var moderation: ModerationSpec? = nil
    /// The variance of every model's paths without a design (`fit`'s `--vce`): oim, robust
    /// (Huber–White) or cluster:VAR (Stata's CR1); with a cluster variable the bootstrap
    /// resamples clusters.
    public var vce: VarianceType = .oim
    /// Frequency or sampling weights carried into every model (`--fweight`, `--pweight`).
    public var weights: Weighting = .none
    /// gologit/goprobit outcome models only: their parallel-lines constraints (`--autofit`; `.constrained`
    /// / `.free` from the library). Names absent from a model (the mediator in the total-effect
    /// model) are left out of that model's constraint.
    public var parallelLines: ParallelLines? = nil

    public init(x: String, mediators: [String], y: String, controls: [String] = [],
                mediatorModel: ModelKind? = nil, outcomeModel: ModelKind? = nil,
                condition: String? = nil, sampleVariables: [String] = []) {
        self.x = x; self.mediators = mediators; self.y = y; self.controls = controls
        self.mediatorModel = mediatorModel; self.outcomeModel = outcomeModel
        self.condition = condition; self.sampleVariables = sampleVariables
    }

    /// Splits a controls string like `"male + age + i.educ"` into terms, at the `+` outside
    /// parentheses, so a group (`i.union##(c.age + i.educ)`) stays one term.
    public static func controlTerms(_ text: String) -> [String] { FormulaTerms.split(text) }

    /// The model spec of one of the analysis' models: its design, variance and weights.
    func modelSpec(kind: ModelKind, formula: String) -> ModelSpec {
        var m = ModelSpec(kind: kind, formula: formula, vce: design == nil ? vce : .oim,
                          weights: design == nil ? weights : .none)
        m.design = design
        // Under a subpopulation the models see the whole dataset: the `if` rows and every
        // variable of the common sample (`sampleVariables`, set by `CommonSample.settings`).
        if design != nil, let subpop {
            m.subpop = subpop; m.condition = condition; m.sampleVariables = sampleVariables
        }
        if kind.isGeneralizedOrdered { m.parallelLines = parallelLines.map { $0.restricted(to: formula) } }
        return m
    }

    /// The variables the design, cluster and weight options add to the common sample.
    var varianceVariables: [String] {
        var v = design?.variables ?? []
        if design == nil {
            if case .cluster(let c) = vce { v.append(c) }
            if let w = weights.variable { v.append(w) }
        }
        return v
    }
}

/// The analyses `--method` selects.
public enum MediationMethod: String, Sendable, CaseIterable, Codable {
    case all, bk, sobel, bootstrap, khb, causal
}

/// Which bootstrap interval the reports headline (all three are always computed).
public enum BootstrapInterval: String, Sendable, CaseIterable, Codable {
    case percentile, bc, bca
}

/// How causal-mediation intervals are obtained.
public enum CausalInterval: String, Sendable, CaseIterable, Codable {
    /// Parameters drawn from N(θ̂, V̂) (Imai, Keele & Tingley's quasi-Bayesian approximation).
    case quasiBayesian = "quasi-bayesian"
    /// Cases resampled and both models refitted.
    case bootstrap
}

public struct MediationOptions: Sendable, Equatable {
    public var methods: Set<MediationMethod>
    /// Bootstrap replications (also the number of causal-mediation simulations).
    public var reps: Int
    public var seed: UInt64
    public var interval: BootstrapInterval
    /// Significance level of the Baron–Kenny verdict. The reference paper counts p < .10 as
    /// significant (its c′, z = 1.74, makes "partial" mediation): 0.10 reproduces its verdicts.
    public var alpha: Double
    /// Confidence level of every interval (bootstrap, causal).
    public var level: Double
    public var causalInterval: CausalInterval
    /// Gauss–Hermite nodes for integrating over a continuous (ols) mediator.
    public var quadratureNodes: Int
    /// Jackknife groups for the BCa acceleration: leave-one-out when n ≤ this, else delete-d
    /// groups (case i in group i mod G; each group's influence sums d cases, so the acceleration
    /// Σu³ / 6(Σu²)^{3/2} keeps its scale). 50 groups cost a twentieth of 1000 replications.
    public var jackknifeGroups: Int
    /// Worker threads for replications (nil = every core).
    public var threads: Int?
    /// Compute the ρ-sensitivity curve with the causal effects (the probit/oprobit one refits the
    /// outcome model at every ρ: seconds, not milliseconds).
    public var sensitivity: Bool = true
    /// The ρ values of the curve (nil: −0.99…0.99 by 0.01 for ols/ols, −0.95…0.95 by 0.05 else).
    public var sensitivityGrid: [Double]? = nil

    public init(methods: Set<MediationMethod> = [.all], reps: Int = 1000, seed: UInt64 = 1,
                interval: BootstrapInterval = .percentile, alpha: Double = 0.05, level: Double = 0.95,
                causalInterval: CausalInterval = .quasiBayesian, quadratureNodes: Int = 48,
                jackknifeGroups: Int = 50, threads: Int? = nil) {
        self.methods = methods; self.reps = reps; self.seed = seed; self.interval = interval
        self.alpha = alpha; self.level = level; self.causalInterval = causalInterval
        self.quadratureNodes = quadratureNodes; self.jackknifeGroups = jackknifeGroups
        self.threads = threads
    }

    public func runs(_ method: MediationMethod) -> Bool {
        methods.contains(.all) || methods.contains(method)
    }
}

/// Reported while an analysis runs (the explorer draws a bar from it). Delivered on worker threads.
public struct MediationProgress: Sendable, Equatable {
    public enum Stage: String, Sendable { case fitting, bootstrap, jackknife, causal }
    public var stage: Stage
    public var completed: Int
    public var total: Int
    public init(stage: Stage, completed: Int, total: Int) {
        self.stage = stage; self.completed = completed; self.total = total
    }
}

public enum MediationError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidSpec(String)
    case estimation(String)
    case cancelled

    public var description: String {
        switch self {
        case .invalidSpec(let m): return m
        case .estimation(let m): return m
        case .cancelled: return "mediation analysis cancelled"
        }
    }
}

/// The words mediation under a survey design adds (en/zh), kept together.
enum MediationSurveyText {
    case subpopModeration
    case subpopNeedsDesign(String)

    func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .subpopModeration:
            return zh ? "子总体（--subpop，或调查设计下的子样本）下尚不支持有调节的中介（--moderator）；--if 则改变设计"
                      : "moderated mediation (--moderator) is not built for a subpopulation (--subpop, or a subsample under a design); --if changes the design instead"
        case .subpopNeedsDesign(let expr):
            return zh ? "子总体 '\(expr)' 需要调查设计；没有设计时请用 if 条件"
                      : "the subpopulation '\(expr)' needs a survey design; without one use an if condition"
        }
    }
}

extension ParallelLines {
    /// The constraint with the names `formula` does not mention left out (the total-effect model
    /// has no mediator): the estimator refuses a --pl/--npl name that is not one of its terms.
    func restricted(to formula: String) -> ParallelLines {
        let rhs = formula.split(separator: "~", maxSplits: 1).last.map(String.init) ?? formula
        let used = Set(FormulaTerms.split(rhs).map { term in
            term.split(separator: ".").last.map(String.init) ?? term
        })
        switch self {
        case .constrained(let names): return .constrained(names.filter(used.contains))
        case .free(let names): return .free(names.filter(used.contains))
        case .autofit: return self
        }
    }
}
