import Foundation
import Estimation

extension MediationSensitivity {
    /// Probit mediator with an ordered-probit outcome. M* = θ₂′z + ε₂, Y* = β′x + γM + ε₃ with
    /// (ε₂, ε₃) standard bivariate normal, correlation ρ. For each ρ the mediator model stays at
    /// its probit estimates (its margin does not involve ρ) and the outcome parameters are
    /// re-estimated by maximizing the likelihood of Y given M,
    ///   Pr(Y = j | M, z) = [Φ₂(c_j − η, sμ; −sρ) − Φ₂(c_{j−1} − η, sμ; −sρ)] / Φ(sμ),  s = 2M − 1,
    /// (BHHH steps, warm-started from the neighbouring ρ); the potential outcomes then follow in
    /// closed form, Pr(Y(t, M(t′)) ≤ k) = Φ₂(c_k − η₀ − γ, μ′; −ρ) + Φ₂(c_k − η₀, −μ′; ρ) —
    /// bivariate normal integrals instead of simulation, so the curve has no Monte Carlo noise.
    /// `isCancelled` is polled between ρ values (the caller then discards the partial curve).
    static func orderedProbit(engine: CausalEngine, rho: [Double] = latentGrid,
                              isCancelled: (@Sendable () -> Bool)? = nil) -> SensitivityResult {
        let med = engine.mediator, out = engine.outcome
        let n = out.rows, p = out.coefficientCount, cuts = out.cutCount
        let mu = med.partialPredictor(med.parameters, excluding: [])
        let mBase = med.partialPredictor(med.parameters, excluding: [engine.mediatorX])
        let thetaX = med.parameters[engine.mediatorX]
        let levels = out.outcomeLevels
        let category = out.y.map { y in levels.firstIndex(of: y) ?? 0 }
        let sign = med.y.map { $0 != 0 ? 1.0 : -1.0 }

        // Log-likelihood and per-observation scores of the outcome parameters at ρ.
        func evaluate(_ psi: [Double], _ r: Double, scores: Bool) -> (ll: Double, s: [[Double]]) {
            let eta = out.partialPredictor(psi, excluding: [])
            var ll = 0.0
            var s: [[Double]] = scores ? Array(repeating: [Double](repeating: 0, count: p + cuts), count: n) : []
            for i in 0..<n {
                let j = category[i], b = sign[i] * mu[i], rr = -sign[i] * r
                let up = j < cuts ? psi[p + j] - eta[i] : Double.infinity
                let lo = j > 0 ? psi[p + j - 1] - eta[i] : -Double.infinity
                let prob = BivariateNormal.cdf(up, b, rr) - BivariateNormal.cdf(lo, b, rr)
                guard prob > 0 else { return (-.infinity, s) }
                ll += log(prob) - log(Distributions.normalCDF(b))
                if scores {
                    let gu = BivariateNormal.dh(up, b, rr) / prob, gl = BivariateNormal.dh(lo, b, rr) / prob
                    for c in 0..<p { s[i][c] = -(gu - gl) * out.x[c * n + i] }
                    if j < cuts { s[i][p + j] += gu }
                    if j > 0 { s[i][p + j - 1] -= gl }
                }
            }
            return (ll, s)
        }

        func fit(_ start: [Double], _ r: Double) -> [Double]? {
            var psi = start
            var current = evaluate(psi, r, scores: true)
            let q = p + cuts
            for _ in 0..<200 {
                var g = [Double](repeating: 0, count: q), h = [Double](repeating: 0, count: q * q)
                for si in current.s {
                    for a in 0..<q { g[a] += si[a]; for b in 0...a { h[a * q + b] += si[a] * si[b] } }
                }
                for a in 0..<q { for b in 0..<a { h[b * q + a] = h[a * q + b] } }
                guard let step = LinearAlgebra.solveSPD(h, g, q) else { return nil }
                let decrement = zip(g, step).reduce(0) { $0 + $1.0 * $1.1 }
                if decrement < 1e-14 { return psi }
                var t = 1.0
                var accepted = false
                for _ in 0..<30 {
                    let trial = zip(psi, step).map { $0 + t * $1 }
                    let e = evaluate(trial, r, scores: false)
                    if e.ll >= current.ll - 1e-12 * abs(current.ll) {
                        psi = trial; current = evaluate(trial, r, scores: true); accepted = true; break
                    }
                    t /= 2
                }
                if !accepted { return decrement < 1e-10 ? psi : nil }
            }
            return nil
        }

        func acme(_ psi: [Double], _ r: Double) -> Double {
            // Outcome predictor without X and M, then Pr(Y(t, M(t′)) ≤ k) in closed form.
            let base = out.partialPredictor(psi, excluding: [engine.outcomeX, engine.outcomeM])
            let betaX = psi[engine.outcomeX], gamma = psi[engine.outcomeM]
            var mean = [[Double]](repeating: [0, 0], count: 2)   // [t][t′]: E(y)
            let ts = [engine.control, engine.treat]
            for i in 0..<n {
                for (ti, t) in ts.enumerated() {
                    let eta0 = base[i] + betaX * t
                    for (mi, tm) in ts.enumerated() {
                        let m = mBase[i] + thetaX * tm
                        var previous = 0.0, expected = 0.0
                        for k in 0...cuts {
                            let cum = k < cuts
                                ? BivariateNormal.cdf(psi[p + k] - eta0 - gamma, m, -r) + BivariateNormal.cdf(psi[p + k] - eta0, -m, r)
                                : 1
                            expected += (cum - previous) * (k < levels.count ? levels[k] : Double(k + 1))
                            previous = cum
                        }
                        mean[ti][mi] += expected
                    }
                }
            }
            let d0 = (mean[0][1] - mean[0][0]) / Double(n), d1 = (mean[1][1] - mean[1][0]) / Double(n)
            return (d0 + d1) / 2
        }

        // Fit outward from ρ = 0 (the ordered-probit estimates), warm-starting each point.
        var values = [Double](repeating: .nan, count: rho.count)
        var fits = [[Double]?](repeating: nil, count: rho.count)
        let zero = rho.indices.min { abs(rho[$0]) < abs(rho[$1]) } ?? 0
        for order in [Array(zero..<rho.count), Array((0..<zero).reversed())] {
            var start = out.parameters
            for i in order {
                if let isCancelled, isCancelled() { break }
                if let psi = fit(start, rho[i]) {
                    fits[i] = psi; values[i] = acme(psi, rho[i]); start = psi
                }
            }
        }
        // The crossing: bracket on the grid, then the Illinois variant of regula falsi (each
        // evaluation refits the outcome model, so few evaluations matter).
        var root: Double?
        for i in 1..<max(1, rho.count) where values[i - 1].isFinite && values[i].isFinite
            && (values[i - 1].sign != values[i].sign || values[i] == 0) {
            var a = rho[i - 1], b = rho[i], fa = values[i - 1], fb = values[i]
            var start = fits[i - 1] ?? out.parameters
            var side = 0
            for _ in 0..<30 where abs(b - a) > 1e-9 && fb != 0 {
                let c = (a * fb - b * fa) / (fb - fa)
                guard let psi = fit(start, c) else { break }
                let fc = acme(psi, c)
                start = psi
                if (fc < 0) == (fb < 0) {
                    b = c; fb = fc
                    if side == -1 { fa /= 2 }
                    side = -1
                } else {
                    a = c; fa = fc
                    if side == 1 { fb /= 2 }
                    side = 1
                }
                if abs(fc) < 1e-13 { a = c; b = c }
            }
            root = abs(fa) < abs(fb) ? a : b
            break
        }
        return SensitivityResult(method: "bivariate normal (outcome model refitted at each ρ)", rho: rho,
                                 acme: values, rhoAtZero: root)
    }
}
