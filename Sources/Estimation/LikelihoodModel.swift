import CLapack
import Foundation

/// The log-likelihood of a binary or ordered model on a fixed set of observations, evaluated in
/// ONE pass over the rows per call: log-likelihood, analytic gradient and observed information
/// (−Hessian) together. The β–β block of the information is X'·diag(w·d2)·X built with `dsyrk` on a
/// row-scaled block copy; cutpoint terms are accumulated in tight loops.
///
/// Parameters θ = (β₁…β_k, cut₁…cut_{J−1}); binary models have no cutpoints and carry `_cons` in X.
struct LikelihoodModel: Sendable {
    let link: Link
    let ordered: Bool
    /// Column-major n×k.
    let x: [Double]
    let n: Int
    let k: Int
    /// Binary: 0/1. Ordered: category index 0..<categories.
    let y: [Int32]
    let categories: Int
    let weights: [Double]?

    var parameterCount: Int { ordered ? k + categories - 1 : k }

    struct Evaluation {
        var loglik: Double
        var gradient: [Double]
        /// −Hessian, p×p column-major, full.
        var information: [Double]
    }

    /// Per-observation derivatives wrt η and the cutpoints adjacent to the observed category.
    struct RowDerivatives {
        var ll = 0.0, d1 = 0.0, d2 = 0.0
        var gUp = 0.0, gLo = 0.0
        var hEtaUp = 0.0, hEtaLo = 0.0, hUpUp = 0.0, hLoLo = 0.0, hUpLo = 0.0
    }

    /// Derivatives for one row with outcome `y` (0/1, or the category index) and linear predictor
    /// `eta`. `d2` is −∂²ℓ/∂η² (≥ 0: the logistic and normal densities are log-concave); `h…` are
    /// ∂²ℓ (not negated). This is the inner loop of every fit, so each distribution function is
    /// evaluated once per row (two `exp` for ordered logit).
    @inline(__always)
    func derivatives(outcome: Int32, eta: Double, cuts: UnsafeBufferPointer<Double>) -> RowDerivatives {
        var r = RowDerivatives()
        if !ordered {
            let q: Double = outcome == 1 ? 1 : -1
            let z = q * eta
            switch link {
            case .logistic:
                let t = TailPair.logistic(z)
                r.ll = z >= 0 ? -log1p(exp(-z)) : z - log1p(exp(z))
                r.d1 = q * t.upper
                r.d2 = t.lower * t.upper
            case .normal:
                r.ll = link.logCDF(z)
                let lambda = link.hazardRatio(z)
                r.d1 = q * lambda
                r.d2 = lambda * (lambda + z)
            }
            return r
        }
        let j = Int(outcome)
        let top = j == categories - 1, bottom = j == 0
        // F, 1−F, f, f' at a = cut_j − η and b = cut_{j−1} − η (zeros at ±∞).
        var Fa = 1.0, Sa = 0.0, fa = 0.0, fpa = 0.0
        var Fb = 0.0, Sb = 1.0, fb = 0.0, fpb = 0.0
        if !top {
            let a = cuts[j] - eta
            let t = link.tails(a)
            Fa = t.lower; Sa = t.upper; fa = t.density
            fpa = link.densitySlope(a, t)
        }
        if !bottom {
            let b = cuts[j - 1] - eta
            let t = link.tails(b)
            Fb = t.lower; Sb = t.upper; fb = t.density
            fpb = link.densitySlope(b, t)
        }
        // P = F(a) − F(b), from the upper tails when both points are in the upper half.
        let P = Fb > 0.5 ? Sb - Sa : Fa - Fb
        r.ll = log(P)
        let invP = 1 / P
        let D = fa - fb
        r.d1 = -D * invP
        r.d2 = D * D * invP * invP - (fpa - fpb) * invP
        r.gUp = fa * invP
        r.gLo = -fb * invP
        r.hEtaUp = -fpa * invP + D * fa * invP * invP
        r.hEtaLo = fpb * invP - D * fb * invP * invP
        r.hUpUp = fpa * invP - fa * fa * invP * invP
        r.hLoLo = -fpb * invP - fb * fb * invP * invP
        r.hUpLo = fa * fb * invP * invP
        return r
    }

    /// One worker's sums and scratch. Raw buffers rather than arrays: the row loop writes them
    /// thousands of times per block, and array writes through an `inout` struct pay a uniqueness
    /// check each (it was 3 % of a small fit).
    private final class Partial {
        let p: Int, k: Int, cuts: Int, block: Int
        var loglik = 0.0
        /// p, p×p (column-major, upper triangle for the β–β block), k × cuts.
        let gradient, information, cross: UnsafeMutablePointer<Double>
        /// Per-block scratch: η (then the row scale √(w·d2)), ∂ℓ/∂η, the two cutpoint weights,
        /// the row-scaled X block (block × k) and the β–cut weight matrix (block × cuts).
        let eta, dEta, hUp, hLo, scaled, cutWeights: UnsafeMutablePointer<Double>

        init(p: Int, k: Int, cuts: Int, block: Int) {
            self.p = p; self.k = k; self.cuts = cuts; self.block = block
            let zeroed = RawBuffers.zeroed, scratch = RawBuffers.scratch
            gradient = zeroed(p); information = zeroed(p * p); cross = zeroed(k * cuts)
            // Scratch is fully written before it is read in each block: no zero-filling.
            eta = scratch(block); dEta = scratch(block); hUp = scratch(block); hLo = scratch(block)
            scaled = scratch(block * k); cutWeights = scratch(block * cuts)
        }

        deinit {
            for buffer in [gradient, information, cross, eta, dEta, hUp, hLo, scaled, cutWeights] {
                buffer.deallocate()
            }
        }
    }

    /// log-likelihood, gradient and information at θ.
    func evaluate(_ theta: [Double]) -> Evaluation {
        _ = LinearAlgebra.singleThreadedBLAS
        let p = parameterCount, k = self.k, J = categories
        let cutCount = ordered ? J - 1 : 0
        let beta = Array(theta[0..<k])
        let cuts = ordered ? Array(theta[k..<p]) : []
        let block = min(RowBlocks.blockSize, n)
        let partials = RowBlocks(rowCount: n).map({ Partial(p: p, k: k, cuts: cutCount, block: block) }) {
            (part: inout Partial, range: Range<Int>) in
            x.withUnsafeBufferPointer { X in
            y.withUnsafeBufferPointer { Y in
            cuts.withUnsafeBufferPointer { C in
                accumulate(rows: range, x: X.baseAddress!, y: Y.baseAddress!, beta: beta, cuts: C, into: part)
            }
            }
            }
        }
        let total = partials[0]
        for extra in partials.dropFirst() {
            total.loglik += extra.loglik
            for i in 0..<p { total.gradient[i] += extra.gradient[i] }
            for i in 0..<(p * p) { total.information[i] += extra.information[i] }
            for i in 0..<(k * cutCount) { total.cross[i] += extra.cross[i] }
        }
        for c in 0..<k {
            for j in 0..<cutCount { total.information[(k + j) * p + c] = total.cross[j * k + c] }
        }
        var information = Array(UnsafeBufferPointer(start: total.information, count: p * p))
        LinearAlgebra.symmetrizeFromUpper(&information, p)
        return Evaluation(loglik: total.loglik, gradient: Array(UnsafeBufferPointer(start: total.gradient, count: p)),
                          information: information)
    }

    /// Adds one block of rows to a worker's sums: the per-row terms in one loop, then the β–β block
    /// (S X)ᵀ(S X) with S = diag(√(w·d2)) by `dsyrk`, and the β–cut terms by one `dgemm`.
    @inline(__always)
    private func accumulate(rows range: Range<Int>, x X: UnsafePointer<Double>, y Y: UnsafePointer<Int32>,
                            beta: [Double], cuts C: UnsafeBufferPointer<Double>, into part: Partial) {
        let m = range.count, r0 = range.lowerBound, p = part.p, cutCount = part.cuts
        let eta = part.eta, gradient = part.gradient, information = part.information
        // η for the block.
        if k > 0 {
            cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(m), Int32(k), 1, X + r0, Int32(n),
                        beta, 1, 0, eta, 1)
        } else {
            eta.update(repeating: 0, count: m)
        }
        var ll = 0.0
        (weights ?? []).withUnsafeBufferPointer { W in
            for t in 0..<m {
                let i = r0 + t
                let w = W.isEmpty ? 1 : W[i]
                let d = derivatives(outcome: Y[i], eta: eta[t], cuts: C)
                ll += w * d.ll
                part.dEta[t] = w * d.d1
                if ordered {
                    let j = Int(Y[i])
                    if j < cutCount {
                        gradient[k + j] += w * d.gUp
                        information[(k + j) * p + k + j] -= w * d.hUpUp
                    }
                    if j > 0 {
                        gradient[k + j - 1] += w * d.gLo
                        information[(k + j - 1) * p + k + j - 1] -= w * d.hLoLo
                        if j < cutCount { information[(k + j) * p + k + j - 1] -= w * d.hUpLo }
                    }
                    part.hUp[t] = -w * d.hEtaUp
                    part.hLo[t] = -w * d.hEtaLo
                }
                // η no longer needed: reuse its slot for the row scale √(w·d2).
                eta[t] = (w * max(0, d.d2)).squareRoot()
            }
        }
        part.loglik += ll
        guard k > 0 else { return }
        // Gradient wrt β: X_blockᵀ · dEta.
        cblas_dgemv(CblasColMajor, CblasTrans, Int32(m), Int32(k), 1, X + r0, Int32(n),
                    part.dEta, 1, 1, gradient, 1)
        // β–β block: (S X)ᵀ (S X).
        let scaled = part.scaled
        for c in 0..<k {
            let src = X + c * n + r0, dst = scaled + c * m
            for t in 0..<m { dst[t] = src[t] * eta[t] }
        }
        cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(k), Int32(m), 1,
                    scaled, Int32(m), 1, information, Int32(p))
        // β–cut cross terms: X_blockᵀ·C with C (m × cuts) holding each row's two cutpoint
        // weights — one dgemm instead of scattered adds.
        if ordered && cutCount > 0 {
            let c = part.cutWeights
            c.update(repeating: 0, count: m * cutCount)
            for t in 0..<m {
                let j = Int(Y[r0 + t])
                if j < cutCount { c[j * m + t] = part.hUp[t] }
                if j > 0 { c[(j - 1) * m + t] = part.hLo[t] }
            }
            cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, Int32(k), Int32(cutCount), Int32(m), 1,
                        X + r0, Int32(n), c, Int32(m), 1, part.cross, Int32(k))
        }
    }

    /// Per-observation scores ∂ℓᵢ/∂θ (unweighted), delivered block by block as an m×p
    /// column-major matrix to `sink(rowRange, scores)`; used by the sandwich variance.
    func scoreBlocks(_ theta: [Double], _ sink: (Range<Int>, [Double]) -> Void) {
        _ = LinearAlgebra.singleThreadedBLAS
        let p = parameterCount, k = self.k, J = categories
        let beta = Array(theta[0..<k])
        let cuts = ordered ? Array(theta[k..<p]) : []
        var start = 0
        var eta = [Double](repeating: 0, count: RowBlocks.blockSize)
        while start < n {
            let end = min(n, start + RowBlocks.blockSize), m = end - start
            var s = [Double](repeating: 0, count: m * p)
            x.withUnsafeBufferPointer { X in
                if k > 0 {
                    cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(m), Int32(k), 1, X.baseAddress! + start, Int32(n),
                                beta, 1, 0, &eta, 1)
                }
                cuts.withUnsafeBufferPointer { C in
                    for t in 0..<m {
                        let i = start + t
                        let d = derivatives(outcome: y[i], eta: k > 0 ? eta[t] : 0, cuts: C)
                        for c in 0..<k { s[c * m + t] = d.d1 * X[c * n + i] }
                        if ordered {
                            let j = Int(y[i])
                            if j < J - 1 { s[(k + j) * m + t] = d.gUp }
                            if j > 0 { s[(k + j - 1) * m + t] = d.gLo }
                        }
                    }
                }
            }
            sink(start..<end, s)
            start = end
        }
    }

    /// Linear predictors Xβ for all rows.
    func linearPredictor(_ theta: [Double]) -> [Double] {
        Prediction.linearPredictor(x: x, rows: n, columns: k, beta: Array(theta[0..<k]))
    }
}
