import CLapack
import Foundation

/// The log-likelihood of the generalized ordered logit/probit (Williams' gologit2): for outcome
/// categories c₀ < … < c_{J−1} there are J − 1 equations, equation a being the split y > c_a,
///
///     P(y > c_a) = F(α_a + x β_a),   P(y = c_m) = P(y > c_{m−1}) − P(y > c_m),
///
/// so with every β_a equal it is ologit with α_a = −cut_a. Nothing keeps the equations from
/// crossing: a category's probability can be negative, and such a row's log-likelihood is −∞ (the
/// Newton step-halving backs away from it, as gologit2's `ml` does).
///
/// Internally every parameter is in the "full" layout φ — equation a's column block
/// (β_a, α_a) at φ[a·(k+1) ..< (a+1)·(k+1)] — and a `ParameterMap` ties the constrained terms'
/// entries to one free parameter each. Rows are sorted by category once: a row of category m only
/// touches equations m − 1 and m, so each information block is one weighted crossproduct over the
/// rows of one or two categories (3·n·(k+1)² flops per evaluation instead of n·p²).
struct GeneralizedOrderedModel: LikelihoodObjective {
    let link: Link
    /// Rows, regressors (without the constant) and categories.
    let n: Int, k: Int, categories: Int
    /// Sorted rows, column-major n × (k+1); the last column is the constant.
    let x: [Double]
    /// Category index of each sorted row; `ranges[m]` are the rows of category m.
    let y: [Int32]
    let ranges: [Range<Int>]
    /// Weights of the sorted rows (nil = unweighted).
    let weights: [Double]?
    /// Sorted row → row of the caller's design.
    let order: [Int]
    var map: ParameterMap

    var width: Int { k + 1 }
    var equations: Int { categories - 1 }
    var fullCount: Int { equations * width }
    var parameterCount: Int { map.count }

    /// `x` column-major n×k (rows of the caller), `coded` category indices 0..<categories.
    init(link: Link, x source: [Double], n: Int, k: Int, coded: [Int32], categories: Int,
         weights rowWeights: [Double]?, constrained: Set<Int>) {
        self.link = link; self.n = n; self.k = k; self.categories = categories
        var byCategory = [[Int]](repeating: [], count: categories)
        for i in 0..<n { byCategory[Int(coded[i])].append(i) }
        order = byCategory.flatMap { $0 }
        var start = 0
        ranges = byCategory.map { rows in defer { start += rows.count }; return start..<(start + rows.count) }
        y = order.map { coded[$0] }
        let order = self.order
        weights = rowWeights.map { w in order.map { w[$0] } }
        var sorted = [Double](repeating: 1, count: n * (k + 1))
        for c in 0..<k { for (t, i) in order.enumerated() { sorted[c * n + t] = source[c * n + i] } }
        x = sorted
        map = ParameterMap(k: k, equations: categories - 1, constrained: constrained)
    }

    func admissible(_ theta: [Double]) -> Bool { true }

    /// Linear predictors η (n × equations, column-major) of the sorted rows.
    func linearPredictors(_ theta: [Double]) -> [Double] {
        let phi = map.expand(theta)
        var eta = [Double](repeating: 0, count: n * equations)
        guard n > 0, equations > 0 else { return eta }
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(equations), Int32(width), 1,
                    x, Int32(n), phi, Int32(width), 0, &eta, Int32(n))
        return eta
    }

    /// One row's log-likelihood and its derivatives wrt the two linear predictors it involves:
    /// η_above = η_{m−1} (absent for the lowest category) and η_below = η_m (absent for the top).
    /// `h…` are −∂²ℓ. P ≤ 0 gives ℓ = −∞ and zero derivatives.
    struct RowTerms { var ll = 0.0, gAbove = 0.0, gBelow = 0.0, hAbove = 0.0, hBelow = 0.0, hCross = 0.0 }

    @inline(__always)
    func rowTerms(category m: Int, above: Double, below: Double) -> RowTerms {
        var r = RowTerms()
        let hasAbove = m > 0, hasBelow = m < equations
        let ta = hasAbove ? link.tails(above) : TailPair(lower: 1, upper: 0, density: 0)
        let tb = hasBelow ? link.tails(below) : TailPair(lower: 0, upper: 1, density: 0)
        // P = F(η_above) − F(η_below), from the side where it keeps precision.
        let P = tb.lower > 0.5 ? tb.upper - ta.upper : ta.lower - tb.lower
        guard P > 0 else { r.ll = -.infinity; return r }
        r.ll = log(P)
        let invP = 1 / P
        if hasAbove {
            r.gAbove = ta.density * invP
            r.hAbove = r.gAbove * r.gAbove - link.densitySlope(above, ta) * invP
        }
        if hasBelow {
            r.gBelow = -tb.density * invP
            r.hBelow = r.gBelow * r.gBelow + link.densitySlope(below, tb) * invP
        }
        r.hCross = r.gAbove * r.gBelow
        return r
    }

    func evaluate(_ theta: [Double]) -> LikelihoodModel.Evaluation {
        _ = LinearAlgebra.singleThreadedBLAS
        let q = fullCount, w1 = width
        let eta = linearPredictors(theta)
        var loglik = 0.0
        var gradient = [Double](repeating: 0, count: q)
        var information = [Double](repeating: 0, count: q * q)
        // Per-row factors for one chunk of a category's rows, then X'·(factor) and X'·diag(h)·X.
        let chunk = 4096
        var gA = [Double](repeating: 0, count: chunk), gB = gA, hA = gA, hB = gA, hC = gA
        var scaled = [Double](repeating: 0, count: chunk * w1)
        x.withUnsafeBufferPointer { X in
            for m in 0..<categories {
                var start = ranges[m].lowerBound
                while start < ranges[m].upperBound {
                    let end = min(ranges[m].upperBound, start + chunk), rows = end - start
                    for t in 0..<rows {
                        let i = start + t
                        let w = weights?[i] ?? 1
                        let r = rowTerms(category: m, above: m > 0 ? eta[(m - 1) * n + i] : 0,
                                         below: m < equations ? eta[m * n + i] : 0)
                        loglik += w * r.ll
                        gA[t] = w * r.gAbove; gB[t] = w * r.gBelow
                        hA[t] = w * r.hAbove; hB[t] = w * r.hBelow; hC[t] = w * r.hCross
                    }
                    let base = X.baseAddress! + start
                    func addGradient(_ g: [Double], equation a: Int) {
                        gradient.withUnsafeMutableBufferPointer { G in
                            cblas_dgemv(CblasColMajor, CblasTrans, Int32(rows), Int32(w1), 1, base, Int32(n),
                                        g, 1, 1, G.baseAddress! + a * w1, 1)
                        }
                    }
                    func addBlock(_ h: [Double], row a: Int, column b: Int) {
                        for c in 0..<w1 { for t in 0..<rows { scaled[c * rows + t] = base[c * n + t] * h[t] } }
                        information.withUnsafeMutableBufferPointer { I in
                            cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, Int32(w1), Int32(w1), Int32(rows), 1,
                                        base, Int32(n), scaled, Int32(rows), 1, I.baseAddress! + (b * w1) * q + a * w1, Int32(q))
                        }
                    }
                    if m > 0 { addGradient(gA, equation: m - 1); addBlock(hA, row: m - 1, column: m - 1) }
                    if m < equations { addGradient(gB, equation: m); addBlock(hB, row: m, column: m) }
                    if m > 0 && m < equations { addBlock(hC, row: m - 1, column: m) }
                    start = end
                }
            }
        }
        // The blocks below the diagonal mirror those above it.
        for a in 1..<max(1, equations) {
            for r in 0..<w1 { for c in 0..<w1 {
                information[((a - 1) * w1 + r) * q + a * w1 + c] = information[(a * w1 + c) * q + (a - 1) * w1 + r]
            } }
        }
        if !loglik.isFinite { loglik = -.infinity }
        return LikelihoodModel.Evaluation(loglik: loglik, gradient: map.reduce(gradient),
                                          information: map.reduce(matrix: information))
    }

    /// Per-observation scores ∂ℓᵢ/∂θ (unweighted) of the sorted rows, in row blocks (m × p,
    /// column-major), for the sandwich variance (which must be given the sorted weights/clusters).
    func scoreBlocks(_ theta: [Double], _ sink: (Range<Int>, [Double]) -> Void) {
        let p = parameterCount, w1 = width
        let eta = linearPredictors(theta)
        var start = 0
        while start < n {
            let end = min(n, start + RowBlocks.blockSize), rows = end - start
            var s = [Double](repeating: 0, count: rows * p)
            for t in 0..<rows {
                let i = start + t, m = Int(y[i])
                let r = rowTerms(category: m, above: m > 0 ? eta[(m - 1) * n + i] : 0,
                                 below: m < equations ? eta[m * n + i] : 0)
                for (a, g) in [(m - 1, r.gAbove), (m, r.gBelow)] where a >= 0 && a < equations {
                    for c in 0..<w1 { s[map.index[a * w1 + c] * rows + t] += g * x[c * n + i] }
                }
            }
            sink(start..<end, s)
            start = end
        }
    }

    /// P(y = c_m) for every category at linear predictors `eta` (one per equation) — may be negative.
    func probabilities(eta: [Double]) -> [Double] {
        (0..<categories).map { m in
            let above = m > 0 ? link.cdf(eta[m - 1]) : 1
            let below = m < equations ? link.cdf(eta[m]) : 0
            return above - below
        }
    }
}

/// How the free parameters θ fill the full layout φ (equation a's block (β_a, α_a)). θ's order is
/// the coefficient table's: per equation its varying terms then `_cons`, then one parameter per
/// constrained term (ascending column order).
struct ParameterMap: Sendable {
    /// θ index of every φ entry.
    let index: [Int]
    let count: Int
    /// Constrained design columns, ascending.
    let constrained: [Int]

    init(k: Int, equations: Int, constrained: Set<Int>) {
        let width = k + 1
        self.constrained = constrained.sorted()
        var index = [Int](repeating: 0, count: equations * width)
        var next = 0
        for a in 0..<equations {
            for c in 0..<width where !constrained.contains(c) { index[a * width + c] = next; next += 1 }
        }
        for c in self.constrained {
            for a in 0..<equations { index[a * width + c] = next }
            next += 1
        }
        self.index = index
        count = next
    }

    func expand(_ theta: [Double]) -> [Double] { index.map { theta[$0] } }

    /// Σ over the φ entries tied to each θ (gradients).
    func reduce(_ full: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        for (u, v) in full.enumerated() { out[index[u]] += v }
        return out
    }

    /// A′ H A for a full-layout q×q matrix H (information).
    func reduce(matrix full: [Double]) -> [Double] {
        let q = index.count, p = count
        var out = [Double](repeating: 0, count: p * p)
        for v in 0..<q {
            let column = index[v] * p
            for u in 0..<q { out[column + index[u]] += full[v * q + u] }
        }
        return out
    }

    /// θ for this map from a full-layout φ (constrained entries averaged over the equations): warm
    /// starts when autofit constrains one more term.
    func restrict(_ phi: [Double]) -> [Double] {
        var sum = [Double](repeating: 0, count: count), tied = sum
        for (u, v) in phi.enumerated() { sum[index[u]] += v; tied[index[u]] += 1 }
        return zip(sum, tied).map { $0 / $1 }
    }
}
