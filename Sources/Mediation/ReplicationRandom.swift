import Foundation

/// Random numbers for replications. Each replication gets its own generator, seeded from the
/// master seed and the replication's index, so results depend on the seed alone — not on the
/// number of threads or the order in which workers pick replications up. Written here because
/// the standard library's generator cannot be seeded.

/// SplitMix64 (Steele, Lea & Flood 2014): turns (seed, index) into well-mixed 64-bit seeds.
@inline(__always)
func splitMix64(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// xoshiro256** (Blackman & Vigna 2018): small, fast, statistically strong.
public struct ReplicationGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The generator of replication `index` (0-based) under `seed`.
    public init(seed: UInt64, replication index: Int) {
        var mix = seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)
        _ = splitMix64(&mix)
        s0 = splitMix64(&mix); s1 = splitMix64(&mix); s2 = splitMix64(&mix); s3 = splitMix64(&mix)
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform integer in 0..<n (Lemire's multiply-shift; bias below n / 2⁶⁴).
    @inline(__always)
    public mutating func index(below n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Uniform double in (0, 1).
    @inline(__always)
    public mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// Standard normal draw (Marsaglia's polar method).
    public mutating func normal() -> Double {
        while true {
            let u = 2 * uniform() - 1, v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * log(s) / s).squareRoot()
            }
        }
    }

    /// A bootstrap resample of 0..<n: n indices drawn with replacement.
    public mutating func resample(_ n: Int) -> [Int] {
        (0..<n).map { _ in index(below: n) }
    }
}
