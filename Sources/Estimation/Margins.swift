import CLapack
import SurveyData

/// Marginal effects as Stata's `margins, dydx(*)` (and `atmeans`): for every regressor and every
/// outcome — Pr(y = category) for ordered models, Pr(y = 1) for binary ones, E(y) for OLS.
/// Binary (0/1) terms and factor indicators get the discrete change 0→1 (other indicators of the
/// same factor at 0); continuous terms the analytic derivative. Standard errors by the delta
/// method with the analytic Jacobian wrt (β, cutpoints). The Jacobian's β part is always a sum
/// Σ wᵢ sᵢ xᵢ: one `dgemv` per (discrete term, outcome), one per outcome for all continuous terms.
struct Margins {
    let context: FitContext
    let theta: [Double]
    let vcov: [Double]
    /// t degrees of freedom for OLS p-values (Stata ≥ 14 margins after regress); nil = normal.
    let residualDF: Double?
    var link: Link? = nil

    private var k: Int { context.k }
    private var p: Int { theta.count }
    private var cuts: [Double] { Array(theta[k..<p]) }
    private var outcomeCount: Int { context.kind.isOrdered ? context.outcomeLevels.count : 1 }

    private var outcomeNames: [String] {
        switch context.kind {
        case .ols: return ["E(y)"]
        case .logit, .probit: return ["1"]
        case .ologit, .oprobit: return context.outcomeLevels.map { formatCode($0) }
        }
    }

    func all() -> [MarginalEffect] {
        var out = compute(at: .average)
        if context.options.atMeans { out += compute(at: .means) }
        return out
    }

    /// Value of outcome m at linear predictor η, the scalar s with ∂value/∂β = s·x, and the
    /// derivatives wrt the cutpoints adjacent to m (index, value).
    @inline(__always)
    private func outcome(_ m: Int, eta: Double) -> (value: Double, s: Double, cutUp: Double, cutLo: Double) {
        guard let link else { return (eta, 1, 0, 0) }
        if !context.kind.isOrdered { return (link.cdf(eta), link.pdf(eta), 0, 0) }
        let J = outcomeCount
        let a = m < J - 1 ? cuts[m] - eta : .infinity
        let b = m > 0 ? cuts[m - 1] - eta : -.infinity
        let fa = m < J - 1 ? link.pdf(a) : 0, fb = m > 0 ? link.pdf(b) : 0
        return (link.interval(upper: a, lower: b), -(fa - fb), fa, -fb)
    }

    /// ∂/∂η of the outcome's value (for derivatives of continuous terms) and its cutpoint parts.
    @inline(__always)
    private func outcomeSlope(_ m: Int, eta: Double) -> (g: Double, h: Double, cutUp: Double, cutLo: Double) {
        guard let link else { return (1, 0, 0, 0) }
        if !context.kind.isOrdered { return (link.pdf(eta), link.pdfDerivative(eta), 0, 0) }
        let J = outcomeCount
        let a = m < J - 1 ? cuts[m] - eta : .infinity
        let b = m > 0 ? cuts[m - 1] - eta : -.infinity
        let fa = m < J - 1 ? link.pdf(a) : 0, fb = m > 0 ? link.pdf(b) : 0
        let fpa = m < J - 1 ? link.pdfDerivative(a) : 0, fpb = m > 0 ? link.pdfDerivative(b) : 0
        // dP/dη = f(b) − f(a); d²P/dη² = f'(a) − f'(b); ∂(dP/dη)/∂c_m = −f'(a), ∂/∂c_{m−1} = f'(b).
        return (fb - fa, fpa - fpb, -fpa, fpb)
    }

    private func compute(at: MarginalEffect.At) -> [MarginalEffect] {
        // Evaluation rows: the sample (weighted) or the single row of weighted means.
        let rows: Int, x: [Double], weights: [Double]?
        if at == .average {
            rows = context.n; x = context.x; weights = context.weights
        } else {
            rows = 1
            var sw = 0.0
            var means = [Double](repeating: 0, count: k)
            for i in 0..<context.n {
                let w = context.weights?[i] ?? 1
                sw += w
                for c in 0..<k { means[c] += w * context.x[c * context.n + i] }
            }
            x = means.map { $0 / sw }; weights = nil
        }
        let W = weights?.reduce(0, +) ?? Double(rows)
        let beta = Array(theta[0..<k])
        let eta = Prediction.linearPredictor(x: x, rows: rows, columns: k, beta: beta)
        let J = outcomeCount
        let names = outcomeNames
        var results: [MarginalEffect] = []

        // Per outcome: Σ w·dP/dη, Xᵀ(w·d²P/dη²) and the cutpoint parts — one pass for all
        // continuous terms (their effects differ only by the factor β_j).
        let needSlopes = context.terms.contains { !$0.isConstant && !($0.isBinary && ($0.level != nil || context.options.discreteChangeForBinary)) }
        var slopeSums: [(g: Double, xh: [Double], cutUp: Double, cutLo: Double)] = []
        if needSlopes {
            for m in 0..<J {
                var g = 0.0, cutUp = 0.0, cutLo = 0.0
                var h = [Double](repeating: 0, count: rows)
                for i in 0..<rows {
                    let w = weights?[i] ?? 1
                    let o = outcomeSlope(m, eta: eta[i])
                    g += w * o.g
                    h[i] = w * o.h
                    cutUp += w * o.cutUp
                    cutLo += w * o.cutLo
                }
                var xh = [Double](repeating: 0, count: p)
                accumulate(&xh, x: x, rows: rows, s: h)
                slopeSums.append((g, Array(xh[0..<k]), cutUp, cutLo))
            }
        }

        for (j, term) in context.terms.enumerated() where !term.isConstant {
            let siblings = term.level == nil ? [] : context.terms.indices.filter {
                $0 != j && context.terms[$0].formulaTerm == term.formulaTerm && context.terms[$0].level != nil
            }
            for m in 0..<J {
                var jac = [Double](repeating: 0, count: p)
                var effect = 0.0
                if term.isBinary && (term.level != nil || context.options.discreteChangeForBinary) {
                    // Discrete change 0→1: the Jacobian's β part is Xᵀs with s the row differences.
                    var s = [Double](repeating: 0, count: rows)
                    var sum1 = 0.0, cutUp = 0.0, cutLo = 0.0
                    for i in 0..<rows {
                        let w = weights?[i] ?? 1
                        var base = eta[i] - x[j * rows + i] * beta[j]
                        for sIdx in siblings { base -= x[sIdx * rows + i] * beta[sIdx] }
                        let o1 = outcome(m, eta: base + beta[j]), o0 = outcome(m, eta: base)
                        effect += w * (o1.value - o0.value)
                        s[i] = w * (o1.s - o0.s)
                        sum1 += w * o1.s
                        cutUp += w * (o1.cutUp - o0.cutUp)
                        cutLo += w * (o1.cutLo - o0.cutLo)
                    }
                    accumulate(&jac, x: x, rows: rows, s: s)
                    jac[j] = sum1
                    for sIdx in siblings { jac[sIdx] = 0 }
                    addCuts(&jac, m: m, up: cutUp, lo: cutLo)
                } else {
                    // Derivative: every continuous term shares the per-outcome sums, scaled by β_j.
                    let shared = slopeSums[m]
                    effect = beta[j] * shared.g
                    for c in 0..<k { jac[c] = beta[j] * shared.xh[c] }
                    jac[j] += shared.g
                    addCuts(&jac, m: m, up: beta[j] * shared.cutUp, lo: beta[j] * shared.cutLo)
                }
                effect /= W
                for i in 0..<p { jac[i] /= W }
                let variance = LinearAlgebra.quadraticForm(jac, vcov, p)
                let se = max(0, variance).squareRoot()
                let z = effect / se
                let pValue = residualDF.map { Distributions.tTwoSidedP(z, df: $0) } ?? Distributions.normalTwoSidedP(z)
                results.append(MarginalEffect(term: term.name, outcome: names[m], at: at, effect: effect,
                                              se: se, z: z, p: pValue))
            }
        }
        return results
    }

    /// jac[0..<k] += Xᵀ s.
    private func accumulate(_ jac: inout [Double], x: [Double], rows: Int, s: [Double]) {
        guard k > 0, rows > 0 else { return }
        var part = [Double](repeating: 0, count: k)
        cblas_dgemv(CblasColMajor, CblasTrans, Int32(rows), Int32(k), 1, x, Int32(rows), s, 1, 0, &part, 1)
        for c in 0..<k { jac[c] += part[c] }
    }

    private func addCuts(_ jac: inout [Double], m: Int, up: Double, lo: Double) {
        guard context.kind.isOrdered else { return }
        let J = outcomeCount
        if m < J - 1 { jac[k + m] += up }
        if m > 0 { jac[k + m - 1] += lo }
    }
}
