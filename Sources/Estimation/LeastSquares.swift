import CLapack

/// Weighted least squares by QR: the R factor of [√w·X, √w·y] gives β (back-substitution) and
/// (X'WX)⁻¹ = R⁻¹R⁻ᵀ — without forming X'X, so conditioning is that of X, not its square. The
/// residual sum of squares is Σw·e² over the residuals y − Xβ; R's last diagonal entry squared (the
/// same quantity up to rounding) is the fallback when that sum is not finite.
struct LeastSquares {
    var beta: [Double]
    /// (X'WX)⁻¹, k×k full.
    var xtwxInverse: [Double]
    var rss: Double
    var residuals: [Double]

    init?(x: [Double], rows n: Int, columns k: Int, y: [Double], weights: [Double]?) {
        let scale = weights?.map { $0.squareRoot() }
        let f = TallSkinnyQR.factor(x: x, rows: n, columns: Array(0..<k), extra: y, rowScale: scale)
        let p = k + 1
        var rx = [Double](repeating: 0, count: k * k)
        var qty = [Double](repeating: 0, count: k)
        for c in 0..<k {
            for i in 0...c { rx[c * k + i] = f.r[c * p + i] }
        }
        for i in 0..<k { qty[i] = f.r[k * p + i] }
        let last = f.r[k * p + k]
        // Back-substitution R β = Q'y.
        if k > 0 {
            var rcopy = rx
            let info = LAPACKE_dtrtrs(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int8(UInt8(ascii: "N")),
                                      Int8(UInt8(ascii: "N")), Int32(k), 1, &rcopy, Int32(k), &qty, Int32(k))
            guard info == 0 else { return nil }
        }
        guard let inv = LinearAlgebra.inverseFromCholesky(rx, k) else { return nil }
        self.beta = qty
        self.xtwxInverse = inv
        let fitted = Prediction.linearPredictor(x: x, rows: n, columns: k, beta: qty)
        self.residuals = zip(y, fitted).map { $0 - $1 }
        // RSS from the residuals (the QR's last diagonal agrees up to rounding).
        var rss = 0.0
        for i in 0..<n { let e = residuals[i]; rss += (weights?[i] ?? 1) * e * e }
        self.rss = rss.isFinite ? rss : last * last
    }
}
