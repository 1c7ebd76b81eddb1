import Foundation

extension FitContext {
    /// OLS (weighted least squares with weights): Stata `regress` statistics and variances.
    func fitLeastSquares() throws(EstimationError) -> ModelResult {
        let y = design.y
        guard let ls = LeastSquares(x: x, rows: n, columns: k, y: y, weights: weights) else {
            throw .numerical("least squares failed: the design is singular")
        }
        let N = observations, nn = correctionN, K = Double(k)
        guard nn > K else {
            throw .invalidModel("\(Int(nn)) observations for \(k) estimable parameters (after omitted terms): not enough to estimate '\(spec.formula)'")
        }
        let (ybar, sdY) = meanAndSD(y)
        var tss = 0.0
        for i in 0..<n { let w = weights?[i] ?? 1; tss += w * (y[i] - ybar) * (y[i] - ybar) }
        let rss = ls.rss
        // Values near 1e155 or beyond square past the largest double: every variance would be
        // infinite or NaN, so say so instead of printing a table of ".".
        guard tss.isFinite, rss.isFinite, ls.beta.allSatisfy(\.isFinite) else {
            throw .numerical(EstimationProblemText.overflow(outcome: design.outcome).text(.en))
        }
        var V: [Double]
        var residualDF = nn - K
        let sandwich: Sandwich
        var surveyNotes: [EstimationNote] = []
        if let survey = design.survey {
            // svy: regress — linearized over the design, t on the design df.
            let lin = linearizedVariance(bread: ls.xtwxInverse, p: k, structure: survey) { sink in
                scoreBlocks(residuals: ls.residuals, sink)
            }
            V = lin.V
            surveyNotes = lin.notes
            residualDF = Double(survey.df)
        } else {
        switch vce {
        case .oim:
            V = ls.xtwxInverse.map { $0 * rss / (N - K) }
        case .robust, .cluster:
            let clustered: Bool
            if case .cluster = vce { clustered = true } else { clustered = false }
            sandwich = Sandwich(parameterCount: k, weights: weights, sampling: sampling,
                                clusters: clustered ? design.clusters : nil, clusterCount: design.clusterCount)
            let meat = sandwich.meat { sink in scoreBlocks(residuals: ls.residuals, sink) }
            V = LinearAlgebra.sandwich(ls.xtwxInverse, meat, k)
            let factor: Double
            if clustered {
                let G = Double(design.clusterCount)
                guard G > 1 else { throw .invalidModel("cluster-robust variance needs at least 2 clusters") }
                factor = G / (G - 1) * (nn - 1) / (nn - K)
                residualDF = G - 1
            } else {
                factor = nn / (nn - K)
            }
            V = V.map { $0 * factor }
        }
        }
        let names = terms.map { (term: $0.name, variable: $0.variable, level: $0.level) }
        var coefficients = coefficientRows(theta: ls.beta, vcov: V, p: k, names: names, offset: 0, testDF: residualDF)
        var result = ModelResult(spec: spec, outcome: design.outcome, n: Int(N.rounded()), converged: true,
                                 iterations: 0, coefficients: [], vcov: V)
        let r2 = tss > 0 ? 1 - rss / tss : .nan
        result.r2 = r2
        result.adjR2 = 1 - (1 - r2) * (nn - 1) / (nn - K)
        let slopes = (0..<k).filter { !terms[$0].isConstant }
        let q = slopes.count
        if q > 0 {
            result.fDF1 = q
            result.fDF2 = Int(residualDF)
            var f: Double?
            if let survey = design.survey {
                let test = designF(theta: ls.beta, vcov: V, p: k, slopes: slopes, df: survey.df)
                result.fDF2 = test?.df2 ?? survey.df - q + 1
                result.fStat = test?.f
                result.fP = test?.p
            } else if vce == .oim {
                f = (tss - rss) / Double(q) / (rss / (N - K))
            } else if case .cluster = vce, Double(q) > residualDF {
                f = nil // Stata: the clustered variance has rank < q, F is not defined
            } else {
                f = wald(theta: ls.beta, vcov: V, p: k, indices: slopes).map { $0 / Double(q) }
            }
            if design.survey == nil {
                result.fStat = f
                result.fP = f.map { Distributions.fSF($0, d1: Double(q), d2: residualDF) }
            }
        }
        if let survey = design.survey {
            // Stata's svy: regress prints R² but no adjusted R².
            result.adjR2 = nil
            result.survey = survey.summary
            result.diagnostics = surveyNotes
        }
        if !sampling, design.survey == nil {
            let ll = -N / 2 * (log(2 * Double.pi * rss / N) + 1)
            result.loglik = ll
            result.loglikNull = -N / 2 * (log(2 * Double.pi * tss / N) + 1)
            result.aic = -2 * ll + 2 * K
            result.bic = -2 * ll + K * log(N)
        }
        result.sdY = sdY
        standardize(&coefficients, sdY: sdY)
        result.coefficients = coefficients
        if options.margins {
            (result.margins, result.contrasts) = Margins(context: self, theta: ls.beta, vcov: V, residualDF: residualDF).results()
        }
        return result
    }

    /// OLS scores eᵢxᵢ (unweighted; `Sandwich` applies the weights), block by block.
    func scoreBlocks(residuals: [Double], _ sink: (Range<Int>, [Double]) -> Void) {
        var start = 0
        while start < n {
            let end = min(n, start + RowBlocks.blockSize), m = end - start
            var s = [Double](repeating: 0, count: m * k)
            for c in 0..<k {
                let base = c * n
                for t in 0..<m { s[c * m + t] = residuals[start + t] * x[base + start + t] }
            }
            sink(start..<end, s)
            start = end
        }
    }
}
