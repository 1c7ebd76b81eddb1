import Foundation

/// Gauss–Hermite nodes and weights for ∫ f(x) e^{−x²} dx ≈ Σ wᵢ f(xᵢ), used to integrate exactly
/// (to machine precision for smooth f) over a normal mediator instead of simulating it. Found by
/// Newton's method on the orthonormal Hermite recurrence (Golub–Welsch would need an eigen
/// solver the Mediation module does not link; this is 30 lines and exact to ~1e-15).
public struct GaussHermite: Sendable {
    public let nodes: [Double]
    public let weights: [Double]

    public init(count n: Int) {
        precondition(n >= 1, "Gauss–Hermite needs at least one node")
        var x = [Double](repeating: 0, count: n)
        var w = [Double](repeating: 0, count: n)
        let m = (n + 1) / 2
        let piQuarter = 0.7511255444649425   // π^(−1/4)
        var z = 0.0
        for i in 0..<m {
            // Initial guesses (Numerical Recipes' asymptotic ones), then Newton.
            switch i {
            case 0: z = (2 * Double(n) + 1).squareRoot() - 1.85575 * pow(2 * Double(n) + 1, -0.16667)
            case 1: z -= 1.14 * pow(Double(n), 0.426) / z
            case 2: z = 1.86 * z - 0.86 * x[0]
            case 3: z = 1.91 * z - 0.91 * x[1]
            default: z = 2 * z - x[i - 2]
            }
            var pp = 0.0
            for _ in 0..<100 {
                var p1 = piQuarter, p2 = 0.0
                for j in 1...n {
                    let p3 = p2
                    p2 = p1
                    p1 = z * (2 / Double(j)).squareRoot() * p2 - (Double(j - 1) / Double(j)).squareRoot() * p3
                }
                pp = (2 * Double(n)).squareRoot() * p2
                let z1 = z
                z = z1 - p1 / pp
                if abs(z - z1) <= 1e-15 * max(1, abs(z)) { break }
            }
            x[i] = z; x[n - 1 - i] = -z
            w[i] = 2 / (pp * pp); w[n - 1 - i] = w[i]
        }
        // Ascending order.
        nodes = x.reversed()
        weights = w.reversed()
    }

    /// Nodes and weights for E[f(Z)], Z ~ N(0, 1): zᵢ = √2·xᵢ, weights wᵢ/√π (they sum to 1).
    public var standardNormal: (points: [Double], weights: [Double]) {
        let s = 2.0.squareRoot(), r = 1 / Double.pi.squareRoot()
        return (nodes.map { $0 * s }, weights.map { $0 * r })
    }
}
