import CLapack
import Foundation
import SurveyData

/// One χ² test of the parallel-lines assumption for a design term (`term`) or all of them.
public struct ParallelLinesTerm: Sendable, Equatable {
    public var term: String
    public var chi2: Double
    public var df: Int
    public var p: Double
    public init(term: String, chi2: Double, df: Int, p: Double) {
        self.term = term; self.chi2 = chi2; self.df = df; self.p = p
    }
}

/// SPost's Brant test after ologit: the omnibus test and one per design column.
public struct BrantTest: Sendable, Equatable {
    public var chi2: Double
    public var df: Int
    public var p: Double
    public var terms: [ParallelLinesTerm]
    public init(chi2: Double, df: Int, p: Double, terms: [ParallelLinesTerm]) {
        self.chi2 = chi2; self.df = df; self.p = p; self.terms = terms
    }
}

/// A likelihood-ratio test (here: ologit/oprobit against the generalized model).
public struct LikelihoodRatioTest: Sendable, Equatable {
    public var chi2: Double
    public var df: Int
    public var p: Double
    public init(chi2: Double, df: Int, p: Double) { self.chi2 = chi2; self.df = df; self.p = p }
}

/// A Wald χ² test (gologit2's closing test of autofit's constraints, `ModelResult.autofitWald`).
public struct WaldTest: Sendable, Equatable {
    public var chi2: Double
    public var df: Int
    public var p: Double
    public init(chi2: Double, df: Int, p: Double) { self.chi2 = chi2; self.df = df; self.p = p }
}

/// Wald test that, within each group of parameter indices, the parameters are equal:
/// rows b[g₀] − b[g_j] of D, χ² = (Db)′(DVD′)⁻¹(Db) with Σ(|g| − 1) df. Brant's test and
/// autofit's steps are both this.
struct EqualityTest {
    var chi2: Double
    var df: Int
    var p: Double

    /// `vcov` is p×p (symmetric); nil when DVD′ is singular or there is nothing to test.
    init?(estimates b: [Double], vcov V: [Double], p: Int, groups: [[Int]]) {
        var rows: [(Int, Int)] = []
        for g in groups where g.count > 1 { for j in g.dropFirst() { rows.append((g[0], j)) } }
        let q = rows.count
        guard q > 0 else { return nil }
        let d = rows.map { b[$0.0] - b[$0.1] }
        var dvd = [Double](repeating: 0, count: q * q)
        for (r, (a, b1)) in rows.enumerated() {
            for (s, (c, e)) in rows.enumerated() {
                dvd[s * q + r] = V[c * p + a] - V[e * p + a] - V[c * p + b1] + V[e * p + b1]
            }
        }
        guard let inverse = LinearAlgebra.inverseSPD(dvd, q) else { return nil }
        chi2 = LinearAlgebra.quadraticForm(d, inverse, q)
        df = q
        self.p = Distributions.chiSquareSF(chi2, df: Double(q))
    }
}

extension FitContext {
    /// Brant's (1990) test as SPost's `brant`: the J − 1 binary logits of y > c_j on the same
    /// regressors (each with its constant), their joint covariance
    ///
    ///     Cov(β̂_j, β̂_l) = V_j (Σ wᵢ (π̂_l,i − π̂_j,i π̂_l,i) x̃ᵢx̃ᵢ′) V_l,   j ≤ l,
    ///
    /// (V_j the j-th logit's inverse information, π̂_j its fitted P(y > c_j); frequency weights
    /// count as replicated rows), and Wald tests that the slopes are equal across the splits —
    /// all together ((J − 2)·k df) and per design column (J − 2 df). A split whose logit does not
    /// converge (or has a singular information) is left out, with a note; the test needs two splits.
    func brantTest() -> (test: BrantTest?, notes: [EstimationNote]) {
        let J = outcomeLevels.count, width = k + 1
        guard J >= 3 else { return (nil, [.ordered(.brantNeedsThreeCategories)]) }
        guard !sampling else { return (nil, [.ordered(.testNotDefinedWithSampling)]) }
        // SPost's rule: every regressor must be retained in every binary logit.
        let separated = splitSeparations()
        guard separated.isEmpty else {
            return (nil, separated.map { .ordered(.predictsSplitPerfectly(term: $0.label,
                                                                          split: formatCode(outcomeLevels[$0.split]))) }
                         + [.ordered(.brantNotComputable)])
        }
        var xc = Array(x[0..<(n * k)])
        xc.append(contentsOf: repeatElement(1, count: n))
        var notes: [EstimationNote] = []
        var fits: [(split: Int, beta: [Double], inverse: [Double], fitted: [Double])] = []
        var totals = [Double](repeating: 0, count: J)
        for i in 0..<n { totals[Int(coded[i])] += weights?[i] ?? 1 }
        let W = totals.reduce(0, +)
        var above = W
        for j in 0..<(J - 1) {
            above -= totals[j]
            let y = coded.map { $0 > Int32(j) ? Int32(1) : 0 }
            let model = LikelihoodModel(link: .logistic, ordered: false, x: xc, n: n, k: width, y: y,
                                        categories: 2, weights: weights)
            var start = [Double](repeating: 0, count: width)
            start[k] = log(above / (W - above))
            let fit = NewtonRaphson(model: model, maxIterations: options.maxIterations, tolerance: options.tolerance)
                .run(start: start)
            guard fit.converged, let inverse = LinearAlgebra.inverseSPD(fit.evaluation.information, width) else {
                notes.append(.ordered(.brantSplitNotEstimable(split: formatCode(outcomeLevels[j]))))
                continue
            }
            let fitted = model.linearPredictor(fit.theta).map { Link.logistic.cdf($0) }
            fits.append((j, fit.theta, inverse, fitted))
        }
        guard fits.count >= 2, k > 0 else { return (nil, notes + [.ordered(.brantNotComputable)]) }

        // Joint covariance of the stacked (β_j, cons_j), block (j, l) = V_j X′W_jl X V_l.
        let s = fits.count, q = s * width
        var joint = [Double](repeating: 0, count: q * q)
        for a in 0..<s {
            for b in a..<s {
                let block: [Double]
                if a == b {
                    block = fits[a].inverse
                } else {
                    // X′W_jl X by one dgemm on a row-scaled copy.
                    var scaled = xc
                    for i in 0..<n {
                        let pa = fits[a].fitted[i], pb = fits[b].fitted[i]
                        let w = (weights?[i] ?? 1) * (pb - pa * pb)
                        for c in 0..<width { scaled[c * n + i] *= w }
                    }
                    var cross = [Double](repeating: 0, count: width * width)
                    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, Int32(width), Int32(width), Int32(n), 1,
                                xc, Int32(n), scaled, Int32(n), 0, &cross, Int32(width))
                    block = LinearAlgebra.multiply(LinearAlgebra.multiply(fits[a].inverse, cross, m: width, k: width, n: width),
                                                   fits[b].inverse, m: width, k: width, n: width)
                }
                for c in 0..<width {
                    for r in 0..<width {
                        joint[(b * width + c) * q + a * width + r] = block[c * width + r]
                        joint[(a * width + r) * q + b * width + c] = block[c * width + r]
                    }
                }
            }
        }
        let stacked = fits.flatMap(\.beta)
        let groups = (0..<k).map { c in (0..<s).map { $0 * width + c } }
        guard let omnibus = EqualityTest(estimates: stacked, vcov: joint, p: q, groups: groups) else {
            return (nil, notes + [.ordered(.brantNotComputable)])
        }
        let perTerm = (0..<k).compactMap { c -> ParallelLinesTerm? in
            guard let t = EqualityTest(estimates: stacked, vcov: joint, p: q, groups: [groups[c]]) else { return nil }
            return ParallelLinesTerm(term: terms[c].name, chi2: t.chi2, df: t.df, p: t.p)
        }
        return (BrantTest(chi2: omnibus.chi2, df: omnibus.df, p: omnibus.p, terms: perTerm), notes)
    }

    /// Likelihood-ratio test of an ologit/oprobit fit (log-likelihood `loglik`, estimates `theta` =
    /// (β, cutpoints)) against the unconstrained generalized model, warm-started at the
    /// parallel-lines estimates (β_a = β, α_a = −cut_a); (J − 2)·k df.
    func lrParallelTest(link: Link, theta: [Double], loglik: Double) -> (test: LikelihoodRatioTest?, notes: [EstimationNote]) {
        let J = outcomeLevels.count, width = k + 1
        guard J >= 3, k > 0 else { return (nil, [.ordered(.brantNeedsThreeCategories)]) }
        guard !sampling, vce == .oim else { return (nil, [.ordered(.testNotDefinedWithSampling)]) }
        var phi = [Double](repeating: 0, count: (J - 1) * width)
        for a in 0..<(J - 1) {
            for c in 0..<k { phi[a * width + c] = theta[c] }
            phi[a * width + k] = -theta[k + a]
        }
        guard let fit = try? fitGeneralized(link: link, constrained: [], start: phi), fit.converged,
              fit.evaluation.loglik.isFinite else {
            return (nil, [.ordered(.generalizedNotConverged)])
        }
        let chi2 = max(0, 2 * (fit.evaluation.loglik - loglik))
        let df = (J - 2) * k
        return (LikelihoodRatioTest(chi2: chi2, df: df, p: Distributions.chiSquareSF(chi2, df: Double(df))), [])
    }
}

/// A group of rows — a 0/1 term at 1 or at 0, or a factor's base level (all its indicators 0) —
/// lying entirely on one side of the split y > c_split: that split's logit (and those terms'
/// equation in gologit) has no finite maximum.
struct SplitSeparation {
    /// The design columns involved (the term, or every indicator of the factor).
    var columns: [Int]
    /// `union`, `educ=3`, or `educ (base level)`.
    var label: String
    var split: Int
}

extension FitContext {
    func splitSeparations() -> [SplitSeparation] {
        let J = outcomeLevels.count
        var out: [SplitSeparation] = []
        /// Whether the rows where `member` holds lie on one side of some split; appends those.
        func check(columns: [Int], label: String, member: (Int) -> Bool) {
            var counts = [Int](repeating: 0, count: J)
            var any = false
            for i in 0..<n where member(i) { counts[Int(coded[i])] += 1; any = true }
            guard any else { return }
            for j in 0..<(J - 1) {
                let below = counts[0...j].reduce(0, +), above = counts[(j + 1)...].reduce(0, +)
                if below == 0 || above == 0 { out.append(SplitSeparation(columns: columns, label: label, split: j)) }
            }
        }
        var factors: [Int: [Int]] = [:]
        for c in 0..<k where terms[c].isBinary {
            check(columns: [c], label: terms[c].name) { x[c * n + $0] != 0 }
            if let f = terms[c].formulaTerm, terms[c].level != nil {
                factors[f, default: []].append(c)
            } else {
                check(columns: [c], label: terms[c].name) { x[c * n + $0] == 0 }
            }
        }
        for (_, columns) in factors.sorted(by: { $0.key < $1.key }) {
            let variable = terms[columns[0]].variable ?? terms[columns[0]].name
            check(columns: columns, label: "\(variable) (base level)") { i in columns.allSatisfy { x[$0 * n + i] == 0 } }
        }
        return out
    }
}
