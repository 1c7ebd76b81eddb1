import Foundation
import Estimation

/// nil for a non-finite number (JSON null); named apart from Glibc's `finite`.
private func orNull(_ x: Double) -> Double? { x.isFinite ? x : nil }

/// A bootstrap-summarized statistic as the moderation JSON reports it: the full-sample estimate,
/// the sd of the replicates and the percentile interval.
public struct BootstrapSummary: Sendable, Equatable, Codable {
    public var estimate: Double
    public var se: Double
    /// Percentile interval at the analysis level (nil without replications).
    public var ci: Interval?
    public init(estimate: Double, se: Double, ci: Interval?) { self.estimate = estimate; self.se = se; self.ci = ci }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(orNull(estimate), forKey: .estimate)
        try c.encode(orNull(se), forKey: .se)
        try c.encode(ci, forKey: .ci)
    }
}

/// The Baron–Kenny paths at one moderator value: a(w) from the mediator model, b(w) and c′ from
/// the outcome model (c′ is not moderated in models 7, 14 and 58), delta-method SEs.
public struct ConditionalPaths: Sendable, Equatable, Codable {
    public var a: PathEstimate
    public var b: PathEstimate
    public var cPrime: PathEstimate
    enum CodingKeys: String, CodingKey { case a, b, cPrime = "c_prime" }
}

/// Imai–Keele–Tingley effects with W set to one value for every case (the headline scale:
/// E(y), Pr(y = 1), or an ordered outcome's expected category).
public struct ConditionalCausal: Sendable, Equatable, Codable {
    public var acme: EffectEstimate
    public var ade: EffectEstimate
    public var total: EffectEstimate
}

/// The effects at one value of the moderator.
public struct ConditionalEffect: Sendable, Equatable, Codable {
    public var w: Double
    public var paths: ConditionalPaths
    /// a(w)·b(w), bootstrap SE and percentile interval.
    public var indirect: BootstrapSummary
    public var causal: ConditionalCausal?
}

/// The index of moderated mediation.
public struct ModerationIndex: Sendable, Equatable, Codable {
    public var estimate: Double
    public var se: Double
    public var ci: Interval?
    /// `a3*b` (model 7) or `a*b3` (model 14) when both paths are linear (ols) and W enters by one
    /// slope; else `difference`: the conditional indirect effect at `between[1]` minus at `between[0]`.
    public var definition: String
    public var between: [Double]?

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(orNull(estimate), forKey: .estimate)
        try c.encode(orNull(se), forKey: .se)
        try c.encode(ci, forKey: .ci)
        try c.encode(definition, forKey: .definition)
        try c.encodeIfPresent(between, forKey: .between)
    }
}

/// How the moderator values were chosen.
public enum ModeratorProbe: String, Sendable, Equatable, Codable {
    /// A factor's (binary or categorical W's) levels in the estimation sample.
    case levels
    /// A continuous W's mean − 1 SD, mean, mean + 1 SD (SD with n − 1), as PROCESS's `moments`.
    case meanSD = "mean_sd"
    /// `--w-values`.
    case given
}

/// Moderated mediation (PROCESS models 7, 14, 58): conditional paths, indirect and causal effects
/// at each moderator value, the index of moderated mediation; the moderated models' formulas.
public struct ModerationResult: Sendable, Equatable, Codable {
    public var moderator: String
    public var moderate: ModeratedPath
    /// PROCESS's model number (7, 14 or 58).
    public var model: Int
    public var mediator: String
    /// W entered as a factor (`i.W`) or by its value (`c.W`).
    public var factor: Bool
    public var probe: ModeratorProbe
    public var values: [Double]
    public var conditional: [ConditionalEffect]
    public var index: ModerationIndex
    public var mediatorFormula: String
    public var outcomeFormula: String
    public var reps: Int
    public var seed: UInt64
    public var failed: Int
    public var level: Double

    enum CodingKeys: String, CodingKey {
        case moderator, moderate, model, mediator, factor, probe, values, conditional, index,
             mediatorFormula = "m_formula", outcomeFormula = "y_formula", reps, seed, failed, level
    }
}
