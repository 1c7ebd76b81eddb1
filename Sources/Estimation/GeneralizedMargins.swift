import CLapack
import SurveyData

/// Marginal effects on P(y = c_m) after gologit/goprobit, by the same rules as ologit's
/// (Margins.swift): continuous terms the mean derivative
///
///     ∂P_m/∂x_c = f(η_{m−1}) β_{m−1,c} − f(η_m) β_{m,c},
///
/// 0/1 terms and factor indicators the discrete change 1 vs 0 (siblings at 0); averaged over the
/// sample or at the weighted means. Delta-method SEs with the analytic Jacobian, built in the full
/// layout φ (per equation (β_a, α_a)) and summed onto θ by the parameter map.
struct GeneralizedMargins {
    let context: FitContext
    let model: GeneralizedOrderedModel
    let theta: [Double]
    let vcov: [Double]

    func all() -> [MarginalEffect] {
        var out = compute(at: .average)
        if context.options.atMeans { out += compute(at: .means) }
        return out
    }

    private func compute(at: MarginalEffect.At) -> [MarginalEffect] {
        let width = model.width, E = model.equations, J = model.categories
        let phi = model.map.expand(theta)
        let link = model.link
        // Evaluation rows: the (sorted) sample, or the one row of weighted means.
        let rows: Int, x: [Double], weights: [Double]?
        if at == .average {
            rows = model.n; x = model.x; weights = model.weights
        } else {
            rows = 1
            let sw = model.weights?.reduce(0, +) ?? Double(model.n)
            x = (0..<width).map { c in
                (0..<model.n).reduce(0.0) { $0 + (model.weights?[$1] ?? 1) * model.x[c * model.n + $1] } / sw
            }
            weights = nil
        }
        let W = weights?.reduce(0, +) ?? Double(rows)
        func beta(_ a: Int, _ c: Int) -> Double { phi[a * width + c] }
        var eta = [Double](repeating: 0, count: rows * E)
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(E), Int32(width), 1,
                    x, Int32(rows), phi, Int32(width), 0, &eta, Int32(rows))
        /// Σ_i factor[i, a]·x̃ᵢ for every equation a: width × E, column-major.
        func crossproduct(_ factor: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: width * E)
            cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, Int32(width), Int32(E), Int32(rows), 1,
                        x, Int32(rows), factor, Int32(rows), 0, &out, Int32(width))
            return out
        }
        let discreteChange = context.options.discreteChangeForBinary
        let terms = context.terms
        func isDiscrete(_ term: DesignTerm) -> Bool { term.isBinary && (term.level != nil || discreteChange) }

        // Shared by the continuous terms: Σ w f(η_a) and Σ w f′(η_a) x̃ per equation.
        var density = [Double](repeating: 0, count: E), slopeX = [Double](repeating: 0, count: width * E)
        if terms.contains(where: { !isDiscrete($0) }) {
            var slope = [Double](repeating: 0, count: rows * E)
            for a in 0..<E {
                for i in 0..<rows {
                    let w = weights?[i] ?? 1, e = eta[a * rows + i], t = link.tails(e)
                    density[a] += w * t.density
                    slope[a * rows + i] = w * link.densitySlope(e, t)
                }
            }
            slopeX = crossproduct(slope)
        }

        var results: [MarginalEffect] = []
        for (c, term) in terms.enumerated() {
            let siblings = term.level == nil ? [] : terms.indices.filter {
                $0 != c && terms[$0].formulaTerm == term.formulaTerm && terms[$0].level != nil
            }
            // Per equation: the change in F(η_a) and its φ-gradient (width-vector).
            var change = [Double](repeating: 0, count: E), gradient = [Double](repeating: 0, count: width * E)
            if isDiscrete(term) {
                var on = [Double](repeating: 0, count: rows * E), off = on
                for a in 0..<E {
                    for i in 0..<rows {
                        let w = weights?[i] ?? 1
                        var base = eta[a * rows + i] - x[c * rows + i] * beta(a, c)
                        for s in siblings { base -= x[s * rows + i] * beta(a, s) }
                        let tOn = link.tails(base + beta(a, c)), tOff = link.tails(base)
                        change[a] += w * (tOn.lower - tOff.lower)
                        on[a * rows + i] = w * tOn.density
                        off[a * rows + i] = w * tOff.density
                    }
                }
                let gOn = crossproduct(on), gOff = crossproduct(off)
                for a in 0..<E {
                    for d in 0..<width { gradient[a * width + d] = gOn[a * width + d] - gOff[a * width + d] }
                    // x̃ at the switched values: the term 1 (on) / 0 (off), siblings 0.
                    gradient[a * width + c] = (0..<rows).reduce(0.0) { $0 + on[a * rows + $1] }
                    for s in siblings { gradient[a * width + s] = 0 }
                }
            } else {
                for a in 0..<E {
                    change[a] = beta(a, c) * density[a]
                    for d in 0..<width { gradient[a * width + d] = beta(a, c) * slopeX[a * width + d] }
                    gradient[a * width + c] += density[a]
                }
            }
            // P_m = F(η_{m−1}) − F(η_m): the effect and φ-Jacobian from the two equations.
            for m in 0..<J {
                var effect = 0.0
                var jacobian = [Double](repeating: 0, count: model.fullCount)
                for (a, sign) in [(m - 1, 1.0), (m, -1.0)] where a >= 0 && a < E {
                    effect += sign * change[a]
                    for d in 0..<width { jacobian[a * width + d] += sign * gradient[a * width + d] / W }
                }
                effect /= W
                let reduced = model.map.reduce(jacobian)
                let se = max(0, LinearAlgebra.quadraticForm(reduced, vcov, model.parameterCount)).squareRoot()
                let z = effect / se
                results.append(MarginalEffect(term: term.name, outcome: formatCode(context.outcomeLevels[m]), at: at,
                                              effect: effect, se: se, z: z, p: Distributions.normalTwoSidedP(z)))
            }
        }
        return results
    }
}
