import Foundation

/// Sensitivity of the ACME to violations of sequential ignorability: the ACME as a function of
/// ρ = corr(ε_M, ε_Y), the correlation of the mediator and outcome model errors.
public enum MediationSensitivity {
    /// The grid reports use: −0.99 … 0.99 by 0.01.
    public static let grid: [Double] = (-99...99).map { Double($0) / 100 }

    /// ols mediator and ols outcome (Imai, Keele & Yamamoto 2010, Theorem 2):
    /// ACME(ρ) = β₂ σ₁/σ₂ · [ρ̃ − ρ √((1 − ρ̃²)/(1 − ρ²))], where β₂ is X's coefficient in the
    /// mediator model, σ₁ and σ₂ the residual sds of the total-effect regression (Y on X and
    /// controls) and of the mediator regression, and ρ̃ their residual correlation. ACME = 0 at ρ = ρ̃.
    public static func linear(beta2: Double, totalResiduals e1: [Double], mediatorResiduals e2: [Double],
                              rho: [Double] = grid) -> SensitivityResult {
        let n = Double(e1.count)
        let m1 = e1.reduce(0, +) / n, m2 = e2.reduce(0, +) / n
        var s11 = 0.0, s22 = 0.0, s12 = 0.0
        for (a, b) in zip(e1, e2) {
            s11 += (a - m1) * (a - m1); s22 += (b - m2) * (b - m2); s12 += (a - m1) * (b - m2)
        }
        let rhoTilde = s12 / (s11 * s22).squareRoot()
        let ratio = (s11 / s22).squareRoot()
        let acme = rho.map { r in
            beta2 * ratio * (rhoTilde - r * ((1 - rhoTilde * rhoTilde) / (1 - r * r)).squareRoot())
        }
        return SensitivityResult(method: "analytic", rho: rho, acme: acme, rhoAtZero: rhoTilde)
    }
}

extension MediationSensitivity {
    /// The coarser grid of the latent-outcome method (each point integrates the whole sample).
    public static let latentGrid: [Double] = (-19...19).map { Double($0) / 20 }

    /// ols mediator with a probit or ordered-probit outcome (Imai, Keele & Tingley 2010): with
    /// corr(ε_M, ε_Y*) = ρ the fitted probit mixes the outcome and mediator equations; inverting
    /// that mix gives the outcome parameters under ρ,
    ///   θ₃ = θ̃₃ √(1 − ρ²) + ρ θ₂/σ,  γ = γ̃ √(1 − ρ²) − ρ/σ,  cutⱼ = c̃utⱼ √(1 − ρ²) − ρ α₂/σ
    /// (θ₂, α₂: mediator coefficients and intercept, σ its residual sd), and the ACME (average,
    /// headline scale) follows by the same exact integration as the point estimates.
    static func latentOutcome(engine: CausalEngine, mediatorName m: String,
                              quadrature: (points: [Double], weights: [Double]),
                              rho: [Double] = latentGrid) -> SensitivityResult {
        let headline = engine.scaleCount - 1
        func acme(_ r: Double) -> Double {
            let params = adjustedOutcome(engine: engine, mediatorName: m, rho: r)
            return engine.allEffects(mediatorParams: engine.mediator.parameters, outcomeParams: params,
                                     quadrature: quadrature)[headline][2]
        }
        let values = rho.map(acme)
        // The crossing: bracket on the grid, then bisection to 1e-10.
        var root: Double?
        for i in 1..<max(1, rho.count) where values[i - 1].sign != values[i].sign || values[i] == 0 {
            var lo = rho[i - 1], hi = rho[i], flo = values[i - 1]
            for _ in 0..<60 where hi - lo > 1e-10 {
                let mid = (lo + hi) / 2, f = acme(mid)
                if (f < 0) == (flo < 0) { lo = mid; flo = f } else { hi = mid }
            }
            root = (lo + hi) / 2
            break
        }
        return SensitivityResult(method: "analytic (latent-normal reparametrization)", rho: rho,
                                 acme: values, rhoAtZero: root)
    }

    static func adjustedOutcome(engine: CausalEngine, mediatorName m: String, rho: Double) -> [Double] {
        let s = (1 - rho * rho).squareRoot()
        let sigma = engine.sigma
        let med = engine.mediator, out = engine.outcome
        var p = out.parameters
        for (j, term) in out.terms.enumerated() {
            if j == engine.outcomeM {
                p[j] = p[j] * s - rho / sigma
            } else {
                let theta2 = med.column(of: term).map { med.parameters[$0] } ?? 0
                p[j] = p[j] * s + rho * theta2 / sigma
            }
        }
        if out.kind.isOrdered {
            let alpha2 = med.column(of: "_cons").map { med.parameters[$0] } ?? 0
            for j in out.coefficientCount..<p.count { p[j] = p[j] * s - rho * alpha2 / sigma }
        }
        return p
    }
}
