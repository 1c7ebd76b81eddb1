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
