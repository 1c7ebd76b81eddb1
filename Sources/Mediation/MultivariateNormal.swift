import Foundation

/// Draws from N(μ, V) for the quasi-Bayesian simulation of causal-mediation intervals. The
/// Cholesky factor of a variance matrix of a few dozen parameters is written here rather than
/// linking LAPACK into this module.
struct MultivariateNormal: Sendable {
    let mean: [Double]
    /// Lower-triangular factor L (row-major), V = L Lᵀ.
    let factor: [Double]

    /// nil when V is not positive semi-definite (within rounding).
    init?(mean: [Double], covariance v: [Double]) {
        let k = mean.count
        guard v.count == k * k else { return nil }
        var l = [Double](repeating: 0, count: k * k)
        for j in 0..<k {
            var d = v[j * k + j]
            for p in 0..<j { d -= l[j * k + p] * l[j * k + p] }
            let scale = max(abs(v[j * k + j]), 1e-300)
            if d <= 1e-12 * scale {
                guard d > -1e-8 * scale else { return nil }
                // A zero-variance direction (e.g. a fixed parameter): no noise along it.
                for i in j..<k { l[i * k + j] = 0 }
                continue
            }
            let ljj = d.squareRoot()
            l[j * k + j] = ljj
            for i in (j + 1)..<max(j + 1, k) {
                var s = v[i * k + j]
                for p in 0..<j { s -= l[i * k + p] * l[j * k + p] }
                l[i * k + j] = s / ljj
            }
        }
        self.mean = mean
        self.factor = l
    }

    func draw(using g: inout ReplicationGenerator) -> [Double] {
        let k = mean.count
        let z = (0..<k).map { _ in g.normal() }
        var out = mean
        for i in 0..<k {
            var s = 0.0
            for p in 0...i { s += factor[i * k + p] * z[p] }
            out[i] += s
        }
        return out
    }
}
