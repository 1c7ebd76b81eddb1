import Foundation
import Estimation

/// Percentile, bias-corrected (BC) and bias-corrected-and-accelerated (BCa) bootstrap intervals
/// (Efron & Tibshirani 1993, ch. 14). Replicates that are not finite are left out.
public enum BootstrapIntervals {
    /// Quantile of sorted values at probability p: the (R + 1)·p-th order statistic, linearly
    /// interpolated (R's quantile type 6, the convention of percentile intervals in `boot`).
    public static func quantile(sorted t: [Double], _ p: Double) -> Double {
        guard !t.isEmpty, p.isFinite else { return .nan }
        let h = Double(t.count + 1) * p
        if h <= 1 { return t[0] }
        if h >= Double(t.count) { return t[t.count - 1] }
        let lo = Int(h.rounded(.down))
        let frac = h - Double(lo)
        return t[lo - 1] + frac * (t[lo] - t[lo - 1])
    }

    public static func percentile(sorted t: [Double], level: Double) -> Interval {
        let al = (1 - level) / 2
        return Interval(low: quantile(sorted: t, al), high: quantile(sorted: t, 1 - al))
    }

    /// z₀ = Φ⁻¹(share of replicates below the estimate, ties counted half).
    public static func biasCorrection(sorted t: [Double], estimate: Double) -> Double {
        guard !t.isEmpty else { return .nan }
        var below = 0.0
        for v in t { if v < estimate { below += 1 } else if v == estimate { below += 0.5 } }
        return Distributions.normalQuantile(below / Double(t.count))
    }

    /// BCa with acceleration `a`; BC is the case a = 0.
    public static func bca(sorted t: [Double], estimate: Double, acceleration a: Double,
                           level: Double) -> Interval {
        let z0 = biasCorrection(sorted: t, estimate: estimate)
        guard z0.isFinite, a.isFinite else { return Interval(low: .nan, high: .nan) }
        func adjusted(_ p: Double) -> Double {
            let z = Distributions.normalQuantile(p)
            return Distributions.normalCDF(z0 + (z0 + z) / (1 - a * (z0 + z)))
        }
        let al = (1 - level) / 2
        return Interval(low: quantile(sorted: t, adjusted(al)), high: quantile(sorted: t, adjusted(1 - al)))
    }

    /// Acceleration from jackknife estimates θ₍ᵢ₎: Σ(θ̄ − θ₍ᵢ₎)³ / (6 [Σ(θ̄ − θ₍ᵢ₎)²]^{3/2}).
    public static func acceleration(jackknife values: [Double]) -> Double {
        let v = values.filter(\.isFinite)
        guard v.count > 2 else { return .nan }
        let mean = v.reduce(0, +) / Double(v.count)
        var s2 = 0.0, s3 = 0.0
        for x in v { let d = mean - x; s2 += d * d; s3 += d * d * d }
        guard s2 > 0 else { return 0 }
        return s3 / (6 * pow(s2, 1.5))
    }

    /// The summary reports print: estimate, SE, bias and the three intervals.
    public static func summarize(replicates: [Double], estimate: Double, jackknife: [Double],
                                 level: Double) -> BootstrapStatistic {
        let t = replicates.filter(\.isFinite).sorted()
        let mean = t.isEmpty ? Double.nan : t.reduce(0, +) / Double(t.count)
        let se = t.count > 1
            ? (t.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(t.count - 1)).squareRoot() : .nan
        let a = acceleration(jackknife: jackknife)
        return BootstrapStatistic(
            estimate: estimate, se: se, bias: mean - estimate,
            percentile: percentile(sorted: t, level: level),
            bc: bca(sorted: t, estimate: estimate, acceleration: 0, level: level),
            bca: bca(sorted: t, estimate: estimate, acceleration: a, level: level),
            acceleration: a)
    }
}
