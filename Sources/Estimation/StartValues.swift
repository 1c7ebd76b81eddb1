import CLapack

/// Start values for Newton–Raphson on the latent scale, from one least-squares pass.
///
/// Starting at the null model (β = 0, cutpoints at the marginal quantiles) costs one or two more
/// Newton iterations than starting near the optimum, and each iteration is a full pass with the
/// information matrix. A linear regression of the outcome (its category index) on the regressors
/// costs a third of an iteration and, rescaled to the latent error's scale, lands close: if the
/// outcome is roughly a linear function of y* = xβ + ε, the OLS slopes are proportional to β with
/// factor sd(ε)/σ̂ (ordered), or f(F⁻¹(p̄)) (binary: the linear probability model's slopes).
/// The caller keeps these only when they beat the null model's log-likelihood.
extension FitContext {
    /// θ = (β…, cut…) for `link`, or nil when the regressors' cross-products are singular.
    func latentStartValues(link: Link, categoryTotals totals: [Double]) -> [Double]? {
        // The slopes are the leading columns of the working matrix (binary models end with `_cons`).
        let q = terms.prefix { !$0.isConstant }.count
        guard q > 0, q == terms.filter({ !$0.isConstant }).count, n > q + 1 else { return nil }
        let W = totals.reduce(0, +)
        let weightedOutcome = (0..<n).map { (weights?[$0] ?? 1) * Double(coded[$0]) }
        let yMean = weightedOutcome.reduce(0, +) / W
        let yySum = zip(weightedOutcome, coded).reduce(0) { $0 + $1.0 * Double($1.1) }

        // Raw moments by BLAS, block by block (on all cores for large samples), centred afterwards:
        // start values need no more precision than that.
        struct Moments { var sums: [Double]; var xy: [Double]; var gram: [Double]; var scratch: [Double] }
        let ones = [Double](repeating: 1, count: min(RowBlocks.blockSize, n))
        let parts = RowBlocks(rowCount: n).map({
            Moments(sums: [Double](repeating: 0, count: q), xy: [Double](repeating: 0, count: q),
                    gram: [Double](repeating: 0, count: q * q),
                    scratch: weights == nil ? [] : [Double](repeating: 0, count: min(RowBlocks.blockSize, n) * q))
        }) { (part: inout Moments, range: Range<Int>) in
            let m = Int32(range.count), r0 = range.lowerBound, ld = Int32(n)
            x.withUnsafeBufferPointer { X in
                let block = X.baseAddress! + r0
                weightedOutcome.withUnsafeBufferPointer { wy in
                    cblas_dgemv(CblasColMajor, CblasTrans, m, Int32(q), 1, block, ld, wy.baseAddress! + r0, 1, 1, &part.xy, 1)
                }
                if let w = weights {
                    w.withUnsafeBufferPointer { wp in
                        cblas_dgemv(CblasColMajor, CblasTrans, m, Int32(q), 1, block, ld, wp.baseAddress! + r0, 1, 1, &part.sums, 1)
                    }
                    for c in 0..<q {
                        for t in 0..<range.count { part.scratch[c * range.count + t] = block[c * n + t] * w[r0 + t].squareRoot() }
                    }
                    cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(q), m, 1, part.scratch, m, 1, &part.gram, Int32(q))
                } else {
                    cblas_dgemv(CblasColMajor, CblasTrans, m, Int32(q), 1, block, ld, ones, 1, 1, &part.sums, 1)
                    cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(q), m, 1, block, ld, 1, &part.gram, Int32(q))
                }
            }
        }
        var sums = parts[0].sums, xy = parts[0].xy, gram = parts[0].gram
        for part in parts.dropFirst() {
            for c in 0..<q { sums[c] += part.sums[c]; xy[c] += part.xy[c] }
            for c in 0..<(q * q) { gram[c] += part.gram[c] }
        }
        let means = sums.map { $0 / W }
        for c in 0..<q {
            xy[c] -= W * means[c] * yMean
            for r in 0...c { gram[c * q + r] -= W * means[r] * means[c] }
        }
        LinearAlgebra.symmetrizeFromUpper(&gram, q)
        guard let b = LinearAlgebra.solveSPD(gram, xy, q), b.allSatisfy(\.isFinite) else { return nil }

        // Residual and fitted variances (per unit weight).
        let yVariance = (yySum - W * yMean * yMean) / W
        let explained = zip(b, xy).reduce(0) { $0 + $1.0 * $1.1 } / W
        let residualSD = max(yVariance - explained, 1e-12 * max(yVariance, 1e-300)).squareRoot()
        let errorSD = link.errorVariance.squareRoot()

        let scale: Double
        if kind.isOrdered {
            scale = errorSD / residualSD
        } else {
            scale = 1 / max(link.pdf(link.quantile(totals[1] / W)), 1e-3)
        }
        let beta = b.map { $0 * scale }
        // Linear predictor mean and spread of the start; cutpoints (or the constant) place the
        // outcome's marginal proportions on the latent scale stretched by sd(y*)/sd(ε).
        let etaMean = zip(beta, means).reduce(0) { $0 + $1.0 * $1.1 }
        let etaVariance = LinearAlgebra.quadraticForm(beta, gram, q) / W
        let stretch = (etaVariance + link.errorVariance).squareRoot() / errorSD

        var theta = [Double](repeating: 0, count: kind.isOrdered ? k + totals.count - 1 : k)
        for c in 0..<q { theta[c] = beta[c] }
        if kind.isOrdered {
            var cumulative = 0.0
            for j in 0..<(totals.count - 1) {
                cumulative += totals[j]
                theta[k + j] = etaMean + stretch * link.quantile(cumulative / W)
            }
        } else {
            theta[q] = stretch * link.quantile(totals[1] / W) - etaMean
        }
        return theta.allSatisfy(\.isFinite) ? theta : nil
    }
}
