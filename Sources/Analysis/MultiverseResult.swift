import Foundation
import Estimation

/// One effect of one specification. Missing numbers are NaN; a specification that could not be
/// estimated keeps its row with the reason (`failure`) and is left out of the summary.
public struct MultiverseRow: Sendable, Equatable {
    /// Index into `MultiversePlan.specifications`.
    public var specification: Int
    public var effect: MultiverseEffect
    public var n: Int?
    public var estimate: Double
    public var se: Double
    public var ciLow: Double
    public var ciHigh: Double
    public var p: Double
    public var failure: String?
    /// Oster's δ for β = 0 of an OLS coefficient row (`--rmax`; NaN otherwise or when the
    /// specification has no controls): how strong selection on unobservables would have to be,
    /// relative to the observed controls, to explain the coefficient away (`pathlens sensitivity`).
    public var delta: Double = .nan

    public init(specification: Int, effect: MultiverseEffect, n: Int? = nil, estimate: Double = .nan, se: Double = .nan,
                ciLow: Double = .nan, ciHigh: Double = .nan, p: Double = .nan, failure: String? = nil) {
        self.specification = specification; self.effect = effect; self.n = n; self.estimate = estimate
        self.se = se; self.ciLow = ciLow; self.ciHigh = ciHigh; self.p = p; self.failure = failure
    }

    /// Estimated (converged, finite): counted in the summary.
    public var isEstimated: Bool { failure == nil && estimate.isFinite }
}

/// One effect's specifications summarised (all estimators together).
public struct MultiverseSummary: Sendable, Equatable {
    public var effect: MultiverseEffect
    /// Specifications estimated (the summary's base).
    public var nSpecs: Int
    /// Specifications kept in the output but left out: not converged or not estimable.
    public var nFailed: Int
    public var median: Double
    public var sharePositive: Double
    /// Interval above zero (p < 1 − level for the Wald intervals).
    public var shareSignificantPositive: Double
    /// Interval below zero.
    public var shareSignificantNegative: Double
    public var min: Double
    public var max: Double

    /// The summary of `rows` (those of one effect). The median is R's (mean of the middle two for
    /// an even count); significance is the interval excluding zero, NaN when no row has an interval
    /// (an ACME without `--reps`).
    public init(effect: MultiverseEffect, rows: [MultiverseRow]) {
        self.effect = effect
        let mine = rows.filter { $0.effect == effect }
        let ok = mine.filter(\.isEstimated)
        nSpecs = ok.count
        nFailed = mine.count - ok.count
        let values = ok.map(\.estimate).sorted()
        let n = Double(values.count)
        if values.isEmpty {
            median = .nan; min = .nan; max = .nan; sharePositive = .nan
            shareSignificantPositive = .nan; shareSignificantNegative = .nan
            return
        }
        let c = values.count
        median = c % 2 == 1 ? values[c / 2] : (values[c / 2 - 1] + values[c / 2]) / 2
        min = values[0]; max = values[c - 1]
        sharePositive = Double(values.filter { $0 > 0 }.count) / n
        if ok.contains(where: { $0.ciLow.isFinite && $0.ciHigh.isFinite }) {
            shareSignificantPositive = Double(ok.filter { $0.ciLow > 0 }.count) / n
            shareSignificantNegative = Double(ok.filter { $0.ciHigh < 0 }.count) / n
        } else {
            shareSignificantPositive = .nan; shareSignificantNegative = .nan
        }
    }
}

/// Every specification's effects and their summaries.
public struct MultiverseResult: Sendable, Equatable {
    public var plan: MultiversePlan
    /// In specification order, then effect order (`request.effects`).
    public var rows: [MultiverseRow]
    public var summary: [MultiverseSummary]

    public init(plan: MultiversePlan, rows: [MultiverseRow]) {
        self.plan = plan
        let order = Dictionary(uniqueKeysWithValues: plan.request.effects.enumerated().map { ($1, $0) })
        self.rows = rows.sorted {
            ($0.specification, order[$0.effect] ?? 0) < ($1.specification, order[$1.effect] ?? 0)
        }
        summary = plan.request.effects.map { MultiverseSummary(effect: $0, rows: rows) }
    }
}
