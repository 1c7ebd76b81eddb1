/// Sums over a column in SIMD lanes. A plain `for` loop that adds doubles one by one cannot be
/// vectorised by the compiler (it must keep the order of the additions), and these passes run over
/// every column of the design for the standardized coefficients of each fit.
enum VectorSums {
    private typealias Lanes = SIMD8<Double>

    @inline(__always)
    private static func lanes(_ p: UnsafeBufferPointer<Double>, _ i: Int) -> Lanes {
        UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: Lanes.self)
    }

    /// Σ v.
    static func sum(_ v: UnsafeBufferPointer<Double>) -> Double {
        var acc = Lanes(repeating: 0), i = 0
        while i + Lanes.scalarCount <= v.count { acc += lanes(v, i); i += Lanes.scalarCount }
        var total = acc.sum()
        while i < v.count { total += v[i]; i += 1 }
        return total
    }

    /// Σ w·v, or Σ v without weights.
    static func weightedSum(_ v: UnsafeBufferPointer<Double>, _ w: UnsafeBufferPointer<Double>?) -> Double {
        guard let w else { return sum(v) }
        var acc = Lanes(repeating: 0), i = 0
        while i + Lanes.scalarCount <= v.count { acc += lanes(v, i) * lanes(w, i); i += Lanes.scalarCount }
        var total = acc.sum()
        while i < v.count { total += w[i] * v[i]; i += 1 }
        return total
    }

    /// Σ w·(v − center)², or Σ (v − center)² without weights.
    static func weightedSquaredDeviations(_ v: UnsafeBufferPointer<Double>, _ w: UnsafeBufferPointer<Double>?,
                                          from center: Double) -> Double {
        let c = Lanes(repeating: center)
        var acc = Lanes(repeating: 0), i = 0
        var total = 0.0
        if let w {
            while i + Lanes.scalarCount <= v.count { let d = lanes(v, i) - c; acc += lanes(w, i) * d * d; i += Lanes.scalarCount }
            total = acc.sum()
            while i < v.count { let d = v[i] - center; total += w[i] * d * d; i += 1 }
        } else {
            while i + Lanes.scalarCount <= v.count { let d = lanes(v, i) - c; acc += d * d; i += Lanes.scalarCount }
            total = acc.sum()
            while i < v.count { let d = v[i] - center; total += d * d; i += 1 }
        }
        return total
    }

    /// Whether every value is exactly 0 or 1: |v·(v − 1)| is zero only there (no NaN either).
    static func isZeroOne(_ v: UnsafeBufferPointer<Double>) -> Bool {
        var largest = Lanes(repeating: 0), i = 0
        while i + Lanes.scalarCount <= v.count {
            let x = lanes(v, i), y = x * (x - 1)
            largest = pointwiseMax(largest, pointwiseMax(y, -y))
            i += Lanes.scalarCount
        }
        guard largest.max() == 0, sum(v).isFinite else { return false }
        while i < v.count { if v[i] != 0 && v[i] != 1 { return false }; i += 1 }
        return true
    }
}
