import Foundation
import Estimation

/// Karlson, Holm & Breen (2012) decomposition, computed as Stata's `khb` reports it.
///
/// The reduced model puts X with the residuals Rⱼ of each mediator regressed (ols) on X and the
/// controls; the full model puts X with the mediators. Because Rⱼ = Mⱼ − (X, C)θ̂ⱼ, the reduced
/// model is the full model reparametrized (same likelihood), so
///   reduced = full + Σⱼ θⱼ γⱼ   and   Var(reduced) = gᵀ V_full g,  g = e_X + Σⱼ θⱼ e_γⱼ
/// (θⱼ: X's coefficient on Mⱼ, γⱼ: Mⱼ's coefficient in the full model). The difference Σⱼ θⱼ γⱼ
/// gets the delta-method variance γᵀ V_θ γ + θᵀ V_γ θ, with V_θ the joint variance of the θⱼ
/// from the mediator regressions (`DesignMatrix.jointOLSCoefficient`: the residual covariance ×
/// (X′X)⁻¹ₓₓ, or its robust, clustered or linearized form) and V_γ from the full model.
public enum KHB {
    /// Inputs: the full model's parameters (estimates and variance, `ModelResult.vcov` order) with
    /// the positions of X and of each mediator; the naive model's X coefficient; each mediator
    /// regression's θ and the joint variance `thetaVariance` (row-major m × m).
    public static func decompose(model: ModelKind, mediators: [String],
                                 fullParameters b: [Double], fullVariance v: [Double],
                                 xIndex: Int, mediatorIndices: [Int],
                                 naive: EstimateSE, theta: [Double], thetaVariance vt: [Double]) -> KHBResult {
        let p = b.count, m = mediators.count
        let gamma = mediatorIndices.map { b[$0] }
        let full = EstimateSE(estimate: b[xIndex], se: v[xIndex * p + xIndex].squareRoot())
        var g = [Double](repeating: 0, count: p)
        g[xIndex] = 1
        for (j, idx) in mediatorIndices.enumerated() { g[idx] += theta[j] }
        var vr = 0.0
        for r in 0..<p where g[r] != 0 { for c in 0..<p where g[c] != 0 { vr += g[r] * v[r * p + c] * g[c] } }
        let contributions = (0..<m).map { theta[$0] * gamma[$0] }
        let diff = contributions.reduce(0, +)
        let reduced = EstimateSE(estimate: full.estimate + diff, se: vr.squareRoot())
        var vd = 0.0
        for r in 0..<m {
            for c in 0..<m {
                vd += gamma[r] * vt[r * m + c] * gamma[c]
                vd += theta[r] * v[mediatorIndices[r] * p + mediatorIndices[c]] * theta[c]
            }
        }
        let shares = (0..<m).map { j -> KHBShare in
            let vj = gamma[j] * gamma[j] * vt[j * m + j]
                + theta[j] * theta[j] * v[mediatorIndices[j] * p + mediatorIndices[j]]
            let se = vj.squareRoot()
            return KHBShare(mediator: mediators[j], estimate: contributions[j], se: se,
                            p: Distributions.normalTwoSidedP(contributions[j] / se),
                            pctOfDiff: 100 * contributions[j] / diff,
                            pctOfReduced: 100 * contributions[j] / reduced.estimate)
        }
        return KHBResult(model: model, mediators: mediators, reduced: reduced, full: full, naive: naive,
                         diff: PathEstimate(estimate: diff, se: vd.squareRoot()),
                         confRatio: reduced.estimate / full.estimate,
                         confPct: 100 * diff / reduced.estimate,
                         rescFact: reduced.estimate / naive.estimate, shares: shares)
    }
}
