import CLapack

/// Prediction helpers for the mediation suite and the explorer: linear predictors and outcome
/// probabilities for given rows and parameters, without refitting anything.
public enum Prediction {
    /// Xβ for a column-major `rows`×`columns` matrix.
    public static func linearPredictor(x: [Double], rows: Int, columns: Int, beta: [Double]) -> [Double] {
        _ = LinearAlgebra.singleThreadedBLAS
        var eta = [Double](repeating: 0, count: rows)
        guard rows > 0, columns > 0, x.count >= rows * columns, beta.count >= columns else { return eta }
        cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(rows), Int32(columns), 1, x, Int32(rows),
                    beta, 1, 0, &eta, 1)
        return eta
    }

    /// Pr(y = category j | η) for an ordered model with increasing cutpoints: F(cut_j − η) −
    /// F(cut_{j−1} − η), j = 0…cuts.count.
    public static func orderedProbabilities(eta: Double, cutpoints: [Double], link: Link) -> [Double] {
        var probs: [Double] = []
        probs.reserveCapacity(cutpoints.count + 1)
        for j in 0...cutpoints.count {
            let upper = j < cutpoints.count ? cutpoints[j] - eta : .infinity
            let lower = j > 0 ? cutpoints[j - 1] - eta : -.infinity
            probs.append(link.interval(upper: upper, lower: lower))
        }
        return probs
    }

    /// Pr(y = 1 | η) for a binary model.
    public static func binaryProbability(eta: Double, link: Link) -> Double { link.cdf(eta) }

    /// Probabilities of every outcome category for each row of a fitted ordered or binary model:
    /// `x` is column-major with the result's coefficient terms as columns, in order (binary models
    /// include `_cons`). Returns rows × categories (binary: Pr(y=0), Pr(y=1)), row-major.
    public static func probabilities(result: ModelResult, x: [Double], rows: Int) -> [[Double]] {
        guard let link = Link(result.model) else { return [] }
        let beta = result.coefficients.map(\.estimate)
        let eta = linearPredictor(x: x, rows: rows, columns: beta.count, beta: beta)
        if result.model.isOrdered {
            let cuts = result.cutpoints.map(\.estimate)
            return eta.map { orderedProbabilities(eta: $0, cutpoints: cuts, link: link) }
        }
        return eta.map { e in let p = link.cdf(e); return [1 - p, p] }
    }
}
