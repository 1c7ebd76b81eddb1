import Foundation
import Estimation

/// Bivariate standard normal CDF Φ₂(h, k; r) = P(X ≤ h, Y ≤ k), corr(X, Y) = r, by Sheppard's
/// formula Φ(h)Φ(k) + (1/2π)∫₀^{asin r} exp(−(h² − 2hk·sinθ + k²)/(2cos²θ)) dθ with 20-point
/// Gauss–Legendre quadrature. Smooth for |r| ≤ 0.95, the range the sensitivity analysis uses;
/// written here because neither Foundation nor LAPACK has it.
enum BivariateNormal {
    /// Gauss–Legendre nodes/weights on [−1, 1] by Newton's method on Legendre polynomials.
    static let legendre: (nodes: [Double], weights: [Double]) = {
        let n = 20
        var x = [Double](repeating: 0, count: n), w = [Double](repeating: 0, count: n)
        for i in 0..<(n + 1) / 2 {
            var z = cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var pp = 0.0
            for _ in 0..<100 {
                var p1 = 1.0, p2 = 0.0
                for j in 1...n {
                    let p3 = p2
                    p2 = p1
                    p1 = ((2 * Double(j) - 1) * z * p2 - (Double(j) - 1) * p3) / Double(j)
                }
                pp = Double(n) * (z * p1 - p2) / (z * z - 1)
                let z1 = z
                z = z1 - p1 / pp
                if abs(z - z1) < 1e-15 { break }
            }
            x[i] = -z; x[n - 1 - i] = z
            w[i] = 2 / ((1 - z * z) * pp * pp); w[n - 1 - i] = w[i]
        }
        return (x, w)
    }()

    static func cdf(_ h: Double, _ k: Double, _ r: Double) -> Double {
        if h == -.infinity || k == -.infinity { return 0 }
        if h == .infinity { return Distributions.normalCDF(k) }
        if k == .infinity { return Distributions.normalCDF(h) }
        let base = Distributions.normalCDF(h) * Distributions.normalCDF(k)
        if r == 0 { return base }
        let upper = asin(r)
        let half = upper / 2
        var sum = 0.0
        let (nodes, weights) = legendre
        let hs = h * h + k * k, hk = 2 * h * k
        for q in 0..<nodes.count {
            let theta = half * (nodes[q] + 1)
            let s = sin(theta), c2 = 1 - s * s
            sum += weights[q] * exp(-(hs - hk * s) / (2 * c2))
        }
        return min(1, max(0, base + sum * half / (2 * Double.pi)))
    }

    /// ∂Φ₂/∂h = φ(h) Φ((k − r h)/√(1 − r²)).
    static func dh(_ h: Double, _ k: Double, _ r: Double) -> Double {
        if !h.isFinite { return 0 }
        if k == .infinity { return Distributions.normalPDF(h) }
        if k == -.infinity { return 0 }
        return Distributions.normalPDF(h) * Distributions.normalCDF((k - r * h) / (1 - r * r).squareRoot())
    }
}
