extension FitContext {
    /// The variance the fit's vce asks for, from the inverse information H⁻¹: H⁻¹ itself (oim), the
    /// robust n/(n − 1)·H⁻¹(Σ sᵢsᵢ′)H⁻¹ or the clustered G/(G − 1)·H⁻¹(Σ_g s_g s_g′)H⁻¹ (Stata's
    /// ML conventions). `scores` delivers the per-observation scores in row blocks; `weights` and
    /// `clusters` must be in the same row order (a model that reorders its rows passes them reordered).
    func variance(inverse: [Double], p: Int, weights: [Double]?, clusters: [Int]?,
                  scores: ((Range<Int>, [Double]) -> Void) -> Void) throws(EstimationError) -> [Double] {
        let clustered: Bool
        switch vce {
        case .oim: return inverse
        case .robust: clustered = false
        case .cluster: clustered = true
        }
        let sandwich = Sandwich(parameterCount: p, weights: weights, sampling: sampling,
                                clusters: clustered ? clusters : nil, clusterCount: design.clusterCount)
        let meat = sandwich.meat(scores)
        let factor: Double
        if clustered {
            let G = Double(design.clusterCount)
            guard G > 1 else { throw .invalidModel("cluster-robust variance needs at least 2 clusters") }
            factor = G / (G - 1)
        } else {
            factor = correctionN / (correctionN - 1)
        }
        return LinearAlgebra.sandwich(inverse, meat, p).map { $0 * factor }
    }
}
