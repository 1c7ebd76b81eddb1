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

    /// ols mediator with a probit or ordered-probit outcome (Imai, Keele & Tingley 2010). With
    /// M = θ₂′Z + ε₂ (sd σ), Y* = θ₃′Z + γM + ε₃ and corr(ε₂, ε₃) = ρ, given ε₂ the outcome error
    /// is ρε₂/σ + √(1 − ρ²)η, so the fitted model (θ̃₃, γ̃) is that mix rescaled. Worlds where the
    /// mediator is set by t′ while the outcome equation has t then differ from the fitted model's
    /// prediction only by ρ/(σ√(1 − ρ²))·β₂·(t − t′) on the linear predictor (β₂: X's
    /// coefficient in the mediator model); the observed worlds (t = t′) are unchanged. The ACME
    /// (average, headline scale) follows by the same exact integration as the point estimates.
    static func latentOutcome(engine: CausalEngine, quadrature: (points: [Double], weights: [Double]),
                              rho: [Double] = latentGrid) -> SensitivityResult {
        let headline = engine.scaleCount - 1
        let beta2 = engine.mediator.parameters[engine.mediatorX]
        func acme(_ r: Double) -> Double {
            let shift = r / (engine.sigma * (1 - r * r).squareRoot()) * beta2
            return engine.allEffects(mediatorParams: engine.mediator.parameters,
                                     outcomeParams: engine.outcome.parameters,
                                     quadrature: quadrature, crossWorldShift: shift)[headline][2]
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
        return SensitivityResult(method: "analytic (latent normal errors)", rho: rho, acme: values, rhoAtZero: root)
    }
}
