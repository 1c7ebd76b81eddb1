import CLapack
import SurveyData

/// Stata's linearized (Taylor) variance of `svy:` estimators: V = B M B with B the inverse
/// information (X'WX⁻¹ for OLS) and the between-PSU-within-stratum meat
/// M = Σ_h (1 − f_h) n_h/(n_h − 1) Σ_i (z_hi − z̄_h)(z_hi − z̄_h)′ over the PSU totals z_hi of the
/// weighted scores wᵢsᵢ — no (N − 1)/(N − K) factor, so `svy: regress` equals R's `svyglm`. PSUs
/// without an estimation row (outside `--subpop`) have z_hi = 0 and still count in n_h. Strata with
/// one PSU follow `SingleUnitRule`.
struct LinearizedVariance {
    let structure: SurveyStructure
    let parameterCount: Int
    /// Per estimation row (nil = 1).
    let weights: [Double]?

    /// The meat, or nil when `singleunit=missing` meets a stratum with one PSU (SEs are missing).
    /// `produce(sink)` must call `sink(rows, scores)` for every block (scores m×p column-major).
    func meat(_ produce: ((Range<Int>, [Double]) -> Void) -> Void) -> [Double]? {
        _ = LinearAlgebra.singleThreadedBLAS
        let p = parameterCount, P = structure.psuCount, H = structure.strataCount
        var totals = Sandwich.groupTotals(groups: structure.psuOfRow, count: P, weights: weights,
                                          parameterCount: p, produce)
        let counts = structure.stratumPSUs
        let singletons = (0..<H).filter { counts[$0] == 1 }
        let rule = structure.design.singleUnit
        if rule == .missing, structure.singletonStrata.count > 0 { return nil }
        // Stratum means and the grand mean of the PSU totals.
        var means = [Double](repeating: 0, count: H * p)
        var grand = [Double](repeating: 0, count: p)
        for c in 0..<p {
            for g in 0..<P {
                let z = totals[c * P + g]
                means[c * H + structure.psuStratum[g]] += z
                grand[c] += z
            }
            for h in 0..<H { means[c * H + h] /= Double(counts[h]) }
            grand[c] /= Double(max(P, 1))
        }
        // Deviations scaled by √((1 − f_h) n_h/(n_h − 1)) in place; then one syrk.
        for g in 0..<P {
            let h = structure.psuStratum[g], n = Double(counts[h]), f = structure.fraction[h]
            let single = counts[h] == 1
            let scale: Double
            if single {
                scale = rule == .centered ? (1 - f).squareRoot() : 0
            } else {
                scale = ((1 - f) * n / (n - 1)).squareRoot()
            }
            for c in 0..<p {
                let center = single ? grand[c] : means[c * H + h]
                totals[c * P + g] = scale * (totals[c * P + g] - center)
            }
        }
        var meat = [Double](repeating: 0, count: p * p)
        if P > 0, p > 0 {
            cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(p), Int32(P), 1, totals, Int32(P), 0, &meat, Int32(p))
        }
        LinearAlgebra.symmetrizeFromUpper(&meat, p)
        if rule == .scaled, !singletons.isEmpty, singletons.count < H {
            let factor = Double(H) / Double(H - singletons.count)
            meat = meat.map { $0 * factor }
        }
        return meat
    }
}

extension FitContext {
    /// The linearized variance B·M·B (all NaN under `singleunit=missing` with a single-PSU
    /// stratum), with the design's note when strata hold a single PSU.
    func linearizedVariance(bread: [Double], p: Int, structure: SurveyStructure,
                            produce: ((Range<Int>, [Double]) -> Void) -> Void) -> (V: [Double], notes: [EstimationNote]) {
        let lin = LinearizedVariance(structure: structure, parameterCount: p, weights: weights)
        let singles = structure.singletonStrata.map { structure.stratumLabels[$0] }
        let notes: [EstimationNote] = singles.isEmpty ? [] :
            [.singleUnitStrata(strata: singles, variable: structure.design.strata, rule: structure.design.singleUnit)]
        guard let meat = lin.meat(produce) else {
            return ([Double](repeating: .nan, count: p * p), notes)
        }
        return (LinearAlgebra.sandwich(bread, meat, p), notes)
    }

    /// Stata's design-adjusted Wald F of the slopes after `svy:`: F = W (d − k + 1)/(d k) on
    /// (k, d − k + 1) degrees of freedom, W = b′V⁻¹b; nil when d − k + 1 < 1 or V is singular.
    func designF(theta: [Double], vcov: [Double], p: Int, slopes: [Int], df: Int) -> (f: Double, df1: Int, df2: Int, p: Double)? {
        let k = slopes.count, d = Double(df)
        guard k > 0, df - k + 1 >= 1, let w = wald(theta: theta, vcov: vcov, p: p, indices: slopes), w.isFinite else { return nil }
        let f = w * (d - Double(k) + 1) / (d * Double(k))
        return (f, k, df - k + 1, Distributions.fSF(f, d1: Double(k), d2: d - Double(k) + 1))
    }
}
