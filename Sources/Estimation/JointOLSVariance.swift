import SurveyData

/// X's coefficient θⱼ in several ols regressions that share one design (the same regressors,
/// weights, clusters or survey design, different outcomes), with their joint variance — what the
/// KHB decomposition needs for the mediators regressed on X and the controls.
///
/// θⱼ − θⱼ⁰ ≈ Σᵢ wᵢ uᵢ rᵢⱼ with uᵢ = e_X′(X′WX)⁻¹xᵢ and rᵢⱼ the residuals, so the per-row scores
/// uᵢrᵢⱼ go through the same meat as the regressions' own variance: the residual covariance ×
/// (X′WX)⁻¹ₓₓ (oim), HC1 n/(n − k) (robust), CR1 G/(G − 1)·(N − 1)/(N − k) (cluster, as `regress`),
/// or the linearized between-PSU meat (survey design). The diagonal is each regression's own θ
/// variance under the design's vce.
public struct JointOLSCoefficient: Sendable, Equatable {
    public var estimates: [Double]
    /// Row-major m × m.
    public var variance: [Double]
}

extension DesignMatrix {
    /// `columns`: the term names an ols fit of this design kept (collinear terms pruned), which
    /// must include `term`; `outcomes`: one column of `rowCount` values per regression.
    public func jointOLSCoefficient(term: String, columns: [String],
                                    outcomes: [[Double]]) throws(EstimationError) -> JointOLSCoefficient {
        let n = rowCount, k = columns.count, m = outcomes.count
        var indices: [Int] = []
        for name in columns {
            guard let j = terms.firstIndex(where: { $0.name == name }) else {
                throw .invalidModel("term '\(name)' has no design column")
            }
            indices.append(j)
        }
        guard let xIndex = columns.firstIndex(of: term) else {
            throw .invalidModel("'\(term)' was omitted from the regressions")
        }
        guard outcomes.allSatisfy({ $0.count == n }), n > k else {
            throw .invalidModel("\(n) observations for \(k) parameters: not enough for the joint ols variance")
        }
        let w = weights
        var xtwx = [Double](repeating: 0, count: k * k)
        for a in 0..<k {
            let ca = column(indices[a])
            for b in a..<k {
                let cb = column(indices[b])
                var s = 0.0
                for i in 0..<n { s += (w?[i] ?? 1) * ca[ca.startIndex + i] * cb[cb.startIndex + i] }
                xtwx[a * k + b] = s; xtwx[b * k + a] = s
            }
        }
        guard let bread = LinearAlgebra.inverseSPD(xtwx, k) else {
            throw .numerical("least squares failed: the design is singular")
        }
        // uᵢ = e_X′ B xᵢ.
        var u = [Double](repeating: 0, count: n)
        for c in 0..<k {
            let b = bread[xIndex * k + c]
            let col = column(indices[c])
            for i in 0..<n { u[i] += b * col[col.startIndex + i] }
        }
        var estimates: [Double] = []
        var scores = [Double](repeating: 0, count: n * m)
        var residuals: [[Double]] = []
        for (j, y) in outcomes.enumerated() {
            var xty = [Double](repeating: 0, count: k)
            for c in 0..<k {
                let col = column(indices[c])
                var s = 0.0
                for i in 0..<n { s += (w?[i] ?? 1) * col[col.startIndex + i] * y[i] }
                xty[c] = s
            }
            let beta = LinearAlgebra.multiply(bread, xty, m: k, k: k, n: 1)
            var r = y
            for c in 0..<k {
                let col = column(indices[c])
                for i in 0..<n { r[i] -= beta[c] * col[col.startIndex + i] }
            }
            estimates.append(beta[xIndex])
            for i in 0..<n { scores[j * n + i] = u[i] * r[i] }
            residuals.append(r)
        }
        let sampling: Bool
        if case .sampling = weighting { sampling = true } else { sampling = false }
        let frequency: Bool
        if case .frequency = weighting { frequency = true } else { frequency = false }
        let observations = frequency ? (w?.reduce(0, +) ?? Double(n)) : Double(n)
        let nn = sampling ? Double(n) : observations, K = Double(k)
        let produce: ((Range<Int>, [Double]) -> Void) -> Void = { sink in sink(0..<n, scores) }
        var variance: [Double]
        if let survey {
            let lin = LinearizedVariance(structure: survey, parameterCount: m, weights: w)
            variance = lin.meat(produce) ?? [Double](repeating: .nan, count: m * m)
        } else {
            var vce = spec.vce
            if sampling, vce == .oim { vce = .robust }
            switch vce {
            case .oim:
                let q = bread[xIndex * k + xIndex]
                variance = [Double](repeating: 0, count: m * m)
                for a in 0..<m {
                    for b in a..<m {
                        var s = 0.0
                        for i in 0..<n { s += (w?[i] ?? 1) * residuals[a][i] * residuals[b][i] }
                        variance[a * m + b] = s / (observations - K) * q
                        variance[b * m + a] = variance[a * m + b]
                    }
                }
            case .robust:
                let sandwich = Sandwich(parameterCount: m, weights: w, sampling: sampling, clusters: nil, clusterCount: 0)
                variance = sandwich.meat(produce).map { $0 * nn / (nn - K) }
            case .cluster:
                let G = Double(clusterCount)
                guard G > 1 else { throw .invalidModel("cluster-robust variance needs at least 2 clusters") }
                let sandwich = Sandwich(parameterCount: m, weights: w, sampling: sampling, clusters: clusters,
                                        clusterCount: clusterCount)
                variance = sandwich.meat(produce).map { $0 * G / (G - 1) * (nn - 1) / (nn - K) }
            }
        }
        return JointOLSCoefficient(estimates: estimates, variance: variance)
    }
}
