import Foundation
import Estimation

extension MediationSensitivity {
    /// Probit mediator with an ols outcome (Imai, Keele & Tingley 2010, as R's `medsens` does it
    /// but at the estimates instead of averaged over simulations). With corr(ε_M*, ε_Y) = ρ,
    /// E[ε_Y | M, Z] = ρσ₃λ (λ: the probit's generalized residual) and Var(ε_Y | M, Z) =
    /// σ₃²(1 − ρ²λ(λ + μ)), so the outcome model is refitted by iterated feasible GLS — weights
    /// w = 1 − ρ²λ(λ + μ), outcome y − σ₃ρλ — until σ₃ settles. ACME(ρ) = γ(ρ) · mean over units
    /// of [Pr(M = 1 | t = 1) − Pr(M = 1 | t = 0)].
    static func binaryMediator(engine: CausalEngine, outcomeDesign: DesignMatrix,
                               rho: [Double] = latentGrid) throws(MediationError) -> SensitivityResult {
        let med = engine.mediator
        guard med.kind == .probit, engine.outcome.kind == .ols else {
            throw .invalidSpec("binary-mediator sensitivity needs a probit mediator and an ols outcome")
        }
        let n = med.rows
        guard outcomeDesign.rowCount == n else {
            throw .estimation("sensitivity: the mediator and outcome models use different samples")
        }
        let mu = med.partialPredictor(med.parameters, excluding: [])
        let base = med.partialPredictor(med.parameters, excluding: [engine.mediatorX])
        let thetaX = med.parameters[engine.mediatorX]
        var dp = 0.0
        var lambda = [Double](repeating: 0, count: n)
        for i in 0..<n {
            dp += Distributions.normalCDF(base[i] + thetaX * engine.treat)
                - Distributions.normalCDF(base[i] + thetaX * engine.control)
            let m = med.y[i] != 0
            let d = Distributions.normalPDF(mu[i])
            lambda[i] = m ? d / Distributions.normalCDF(mu[i]) : -d / Distributions.normalCDF(-mu[i])
        }
        dp /= Double(n)
        guard let mTerm = engine.outcome.terms[safe: engine.outcomeM] else {
            throw .estimation("sensitivity: mediator term missing from the outcome model")
        }

        func gamma(_ r: Double) throws(MediationError) -> Double {
            if r == 0 { return engine.outcome.parameters[engine.outcomeM] }
            let w = (0..<n).map { 1 - r * r * lambda[$0] * (lambda[$0] + mu[$0]) }
            let adj = lambda.map { r * $0 }
            // Start: the outcome model with the correction term as a regressor.
            var withAdj = outcomeDesign
            let cons = withAdj.columnCount - 1
            withAdj.x.insert(contentsOf: adj, at: cons * n)
            withAdj.terms.insert(DesignTerm(name: "_sensitivity_adj", variable: nil, isBinary: false, formulaTerm: nil), at: cons)
            var (coef, sigma) = try weightedFit(withAdj, weights: w, term: mTerm)
            for _ in 0..<1000 {
                var star = outcomeDesign
                star.y = (0..<n).map { outcomeDesign.y[$0] - sigma * adj[$0] }
                let next = try weightedFit(star, weights: w, term: mTerm)
                let done = abs(next.sigma - sigma) < 1e-13 * sigma
                coef = next.coefficient; sigma = next.sigma
                if done { break }
            }
            return coef
        }

        var values: [Double] = []
        for r in rho { values.append(try gamma(r) * dp) }
        var root: Double?
        for i in 1..<max(1, rho.count) where values[i - 1].sign != values[i].sign || values[i] == 0 {
            var lo = rho[i - 1], hi = rho[i], flo = values[i - 1]
            for _ in 0..<60 where hi - lo > 1e-10 {
                let mid = (lo + hi) / 2, f = try gamma(mid) * dp
                if (f < 0) == (flo < 0) { lo = mid; flo = f } else { hi = mid }
            }
            root = (lo + hi) / 2
            break
        }
        return SensitivityResult(method: "analytic (iterated FGLS)", rho: rho, acme: values, rhoAtZero: root)
    }

    /// Weighted least squares: the coefficient of `term` and σ = √(Σwᵢrᵢ² / (n − k)) (R's
    /// summary(lm(weights = w))$sigma).
    private static func weightedFit(_ design: DesignMatrix, weights w: [Double],
                                    term: String) throws(MediationError) -> (coefficient: Double, sigma: Double) {
        let result: ModelResult
        do { result = try estimate(.ols, design: design.reweighted(w)) } catch {
            throw .estimation("sensitivity: weighted refit of the outcome model: \(error)")
        }
        guard let c = result.coefficient(term) else {
            throw .estimation("sensitivity: '\(term)' omitted from the weighted outcome model")
        }
        let model = try PredictiveModel(result: result, design: design)
        let r = model.residuals()
        var ss = 0.0
        for i in 0..<r.count { ss += w[i] * r[i] * r[i] }
        return (c.estimate, (ss / Double(r.count - model.coefficientCount)).squareRoot())
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
