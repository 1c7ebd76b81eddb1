import CLapack
import SurveyData

/// Marginal effects as Stata's `margins, dydx(*)` (and `atmeans`): for every regressor and every
/// outcome — Pr(y = category) for ordered models, Pr(y = 1) for binary ones, E(y) for OLS.
/// Factor indicators (`i.x`) get the discrete change 0→1 (other indicators of the same factor at
/// 0); continuous terms and, as in Stata, 0/1 variables entered without `i.` the analytic
/// derivative (`FitOptions.discreteChangeForBinary` switches the latter to the discrete change). Standard errors by the delta
/// method with the analytic Jacobian wrt (β, cutpoints). The Jacobian's β part is always a sum
/// Σ wᵢ sᵢ xᵢ: one pass over the rows per discrete term and one for all continuous terms, each
/// filling every outcome from one `OutcomeProfile` per row and one `dgemm` per row block.
struct Margins {
    let context: FitContext
    let theta: [Double]
    let vcov: [Double]
    /// t degrees of freedom for OLS p-values (Stata ≥ 14 margins after regress); nil = normal.
    let residualDF: Double?
    var link: Link? = nil

    private var k: Int { context.k }
    private var p: Int { theta.count }
    private var outcomeCount: Int { context.marginsOutcomeCount }

    private var outcomeNames: [String] { context.marginsOutcomeNames }

    /// Per-variable effects through `ConditionalMargins` when the model has interactions or the
    /// request is not the default; otherwise the per-column fast path below (the same numbers:
    /// without interactions a variable's effect is its column's).
    static func needsConditional(_ context: FitContext) -> Bool {
        !context.options.marginsRequest.isDefault || context.design.terms.contains(where: \.isInteraction)
    }

    func results() -> (margins: [MarginalEffect], contrasts: [MarginsContrast]) {
        guard Self.needsConditional(context) else { return (all(), []) }
        return ConditionalMargins(context: context, theta: theta, vcov: vcov, residualDF: residualDF, link: link,
                                  request: context.options.marginsRequest).compute()
    }

    func all() -> [MarginalEffect] {
        var out = compute(at: .average)
        if context.options.atMeans { out += compute(at: .means) }
        return out
    }

    /// Per-worker sums over rows for one discrete term (or for the slope pass shared by the
    /// continuous terms): per outcome m the effect (or Σw·g), the Jacobian's β part Xᵀs_m (k × J,
    /// column m for outcome m), Σw·s at the switched-on value, and the two cutpoint parts.
    private final class Sums {
        let outcomes: Int, k: Int
        let effect, switchedOn, cutUp, cutLo, beta: UnsafeMutablePointer<Double>
        /// A block's row factors s (rows × J, column-major), fully written before they are used.
        let rowFactors: UnsafeMutablePointer<Double>
        /// Two profiles per worker: at η (or the term switched off) and with the term switched on.
        let profile, switched: OutcomeProfile

        init(outcomes J: Int, k: Int, block: Int, profile: () -> OutcomeProfile) {
            outcomes = J; self.k = k
            let zeroed = RawBuffers.zeroed
            effect = zeroed(J); switchedOn = zeroed(J); cutUp = zeroed(J); cutLo = zeroed(J); beta = zeroed(k * J)
            rowFactors = RawBuffers.scratch(block * J)
            self.profile = profile(); switched = profile()
        }

        deinit { for b in [effect, switchedOn, cutUp, cutLo, beta, rowFactors] { b.deallocate() } }

        func add(_ other: Sums) {
            for m in 0..<outcomes {
                effect[m] += other.effect[m]; switchedOn[m] += other.switchedOn[m]
                cutUp[m] += other.cutUp[m]; cutLo[m] += other.cutLo[m]
            }
            for c in 0..<(k * outcomes) { beta[c] += other.beta[c] }
        }
    }

    /// Runs `block(sums, rows)` over the evaluation rows in blocks (on all cores for large samples);
    /// after each block adds X_blockᵀ·rowFactors to the β part of every outcome's Jacobian.
    private func sumOverRows(rows: Int, x: [Double], cuts: [Double],
                             _ block: (Sums, Range<Int>) -> Void) -> Sums {
        let J = outcomeCount, k = self.k, ordered = context.kind.isOrdered, link = self.link
        let parts = RowBlocks(rowCount: rows).map({
            Sums(outcomes: J, k: k, block: min(RowBlocks.blockSize, rows)) {
                OutcomeProfile(link: link, ordered: ordered, cuts: cuts)
            }
        }) { (sums: inout Sums, range: Range<Int>) in
            block(sums, range)
            guard k > 0 else { return }
            x.withUnsafeBufferPointer { X in
                cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, Int32(k), Int32(J), Int32(range.count), 1,
                            X.baseAddress! + range.lowerBound, Int32(rows), sums.rowFactors, Int32(range.count),
                            1, sums.beta, Int32(k))
            }
        }
        let total = parts[0]
        for part in parts.dropFirst() { total.add(part) }
        return total
    }

    private func compute(at: MarginalEffect.At) -> [MarginalEffect] {
        _ = LinearAlgebra.singleThreadedBLAS
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
        let cuts = context.kind.isOrdered ? Array(theta[k..<p]) : []
        let eta = Prediction.linearPredictor(x: x, rows: rows, columns: k, beta: beta)
        let J = outcomeCount
        let names = outcomeNames
        var results: [MarginalEffect] = []
        let discreteChange = context.options.discreteChangeForBinary
        func isDiscrete(_ term: DesignTerm) -> Bool { term.isBinary && (term.level != nil || discreteChange) }

        // Continuous terms share one pass: per outcome Σ w·dP/dη, Xᵀ(w·d²P/dη²) and the cutpoint
        // parts — their effects differ only by the factor β_j.
        var slopes: Sums? = nil
        if context.terms.contains(where: { !$0.isConstant && !isDiscrete($0) }) {
            slopes = sumOverRows(rows: rows, x: x, cuts: cuts) { sums, range in
                let profile = sums.profile, stride = range.count
                for (t, i) in range.enumerated() {
                    let w = weights?[i] ?? 1
                    profile.fill(eta: eta[i], slopes: true)
                    for m in 0..<J {
                        sums.effect[m] += w * profile.g[m]
                        sums.rowFactors[m * stride + t] = w * profile.h[m]
                        sums.cutUp[m] += w * profile.slopeUp[m]
                        sums.cutLo[m] += w * profile.slopeLo[m]
                    }
                }
            }
        }

        for (j, term) in context.terms.enumerated() where !term.isConstant {
            let siblings = term.level == nil ? [] : context.terms.indices.filter {
                $0 != j && context.terms[$0].formulaTerm == term.formulaTerm && context.terms[$0].level != nil
            }
            // Discrete change 0→1 (siblings at 0): every outcome from the same two profiles per
            // row; the Jacobian's β part is Xᵀs with s the rows' differences of ∂P/∂η.
            let discrete: Sums? = !isDiscrete(term) ? nil : sumOverRows(rows: rows, x: x, cuts: cuts) { sums, range in
                let off = sums.profile, on = sums.switched, stride = range.count
                for (t, i) in range.enumerated() {
                    let w = weights?[i] ?? 1
                    var base = eta[i] - x[j * rows + i] * beta[j]
                    for sIdx in siblings { base -= x[sIdx * rows + i] * beta[sIdx] }
                    on.fill(eta: base + beta[j], slopes: false)
                    off.fill(eta: base, slopes: false)
                    for m in 0..<J {
                        sums.effect[m] += w * (on.value[m] - off.value[m])
                        sums.rowFactors[m * stride + t] = w * (on.s[m] - off.s[m])
                        sums.switchedOn[m] += w * on.s[m]
                        sums.cutUp[m] += w * (on.up[m] - off.up[m])
                        sums.cutLo[m] += w * (on.lo[m] - off.lo[m])
                    }
                }
            }
            for m in 0..<J {
                var jac = [Double](repeating: 0, count: p)
                var effect = 0.0
                if let d = discrete {
                    effect = d.effect[m]
                    for c in 0..<k { jac[c] = d.beta[m * k + c] }
                    jac[j] = d.switchedOn[m]
                    for sIdx in siblings { jac[sIdx] = 0 }
                    addCuts(&jac, m: m, up: d.cutUp[m], lo: d.cutLo[m])
                } else if let shared = slopes {
                    effect = beta[j] * shared.effect[m]
                    for c in 0..<k { jac[c] = beta[j] * shared.beta[m * k + c] }
                    jac[j] += shared.effect[m]
                    addCuts(&jac, m: m, up: beta[j] * shared.cutUp[m], lo: beta[j] * shared.cutLo[m])
                }
                effect /= W
                for i in 0..<p { jac[i] /= W }
                let variance = LinearAlgebra.quadraticForm(jac, vcov, p)
                // A non-finite variance (or effect) gives no test: se, z and p missing ("."), as for
                // the coefficients (`coefficientRows`); max(0, NaN) would have made it 0 and p = 0.
                let finite = variance.isFinite && effect.isFinite
                let se = finite ? max(0, variance).squareRoot() : .nan
                let z = finite ? effect / se : .nan
                let pValue = !finite ? .nan : residualDF.map { Distributions.tTwoSidedP(z, df: $0) } ?? Distributions.normalTwoSidedP(z)
                results.append(MarginalEffect(term: term.name, outcome: names[m], at: at, effect: effect,
                                              se: se, z: z, p: pValue))
            }
        }
        return results
    }

    private func addCuts(_ jac: inout [Double], m: Int, up: Double, lo: Double) {
        guard context.kind.isOrdered else { return }
        let J = outcomeCount
        if m < J - 1 { jac[k + m] += up }
        if m > 0 { jac[k + m - 1] += lo }
    }
}

extension FitContext {
    /// The outcomes margins are reported for (one per category of an ordered model), shared by
    /// the per-column and the conditional (interaction-aware) margins.
    var marginsOutcomeCount: Int { kind.isOrdered ? outcomeLevels.count : 1 }
    var marginsOutcomeNames: [String] {
        switch kind {
        case .ols: return ["E(y)"]
        case .logit, .probit: return ["1"]
        case .ologit, .oprobit, .gologit, .goprobit: return outcomeLevels.map { formatCode($0) }
        }
    }
}
