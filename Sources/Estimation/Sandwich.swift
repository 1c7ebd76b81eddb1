import CLapack

/// The "meat" of Huber–White and cluster-robust variances, Σ sᵢsᵢ' or Σ_g S_g S_g', from
/// per-observation scores delivered in row blocks. Frequency weights count a row w times
/// (meat Σ wᵢ sᵢsᵢ'); sampling weights scale the score (Σ (wᵢsᵢ)(wᵢsᵢ)'), as Stata.
struct Sandwich {
    let parameterCount: Int
    let weights: [Double]?
    let sampling: Bool
    let clusters: [Int]?
    let clusterCount: Int

    /// `produce(sink)` must call `sink(rows, scores)` for every block (scores m×p column-major).
    func meat(_ produce: ((Range<Int>, [Double]) -> Void) -> Void) -> [Double] {
        _ = LinearAlgebra.singleThreadedBLAS
        let p = parameterCount
        var meat = [Double](repeating: 0, count: p * p)
        guard p > 0 else { return meat }
        if let cl = clusters {
            let G = clusterCount
            let sums = Self.groupTotals(groups: cl, count: G, weights: weights, parameterCount: p, produce)
            if G > 0 {
                cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(p), Int32(G), 1, sums, Int32(G), 0, &meat, Int32(p))
            }
        } else {
            produce { range, s in
                let m = range.count
                var scaled = s
                if let w = weights {
                    for t in 0..<m {
                        let f = sampling ? w[range.lowerBound + t] : w[range.lowerBound + t].squareRoot()
                        for c in 0..<p { scaled[c * m + t] *= f }
                    }
                }
                cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(p), Int32(m), 1, scaled, Int32(m), 1, &meat, Int32(p))
            }
        }
        LinearAlgebra.symmetrizeFromUpper(&meat, p)
        return meat
    }

    /// Per group (cluster, PSU) totals of the weighted scores Σ wᵢsᵢ, column-major count×p: the
    /// first step of the cluster-robust and the linearized (svy) meat alike.
    static func groupTotals(groups: [Int], count: Int, weights: [Double]?, parameterCount p: Int,
                            _ produce: ((Range<Int>, [Double]) -> Void) -> Void) -> [Double] {
        var totals = [Double](repeating: 0, count: count * p)
        produce { range, s in
            let m = range.count
            for t in 0..<m {
                let i = range.lowerBound + t
                let w = weights?[i] ?? 1
                let g = groups[i]
                for c in 0..<p { totals[c * count + g] += w * s[c * m + t] }
            }
        }
        return totals
    }
}
