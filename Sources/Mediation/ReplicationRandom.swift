import Foundation
import Estimation

/// Random numbers for replications. Each replication gets its own generator, seeded from the
/// master seed and the replication's index, so results depend on the seed alone — not on the
/// number of threads or the order in which workers pick replications up.

/// Estimation's xoshiro256** (`Xoshiro256StarStar`) with the draws the replications need.
public struct ReplicationGenerator: RandomNumberGenerator, Sendable {
    private var core: Xoshiro256StarStar

    /// The generator of replication `index` (0-based) under `seed`: SplitMix64 started at the seed
    /// mixed with the index, its first output skipped.
    public init(seed: UInt64, replication index: Int) {
        var mix = seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)
        _ = Xoshiro256StarStar.splitMix64(&mix)
        core = Xoshiro256StarStar(splitMix: &mix)
    }

    @inline(__always)
    public mutating func next() -> UInt64 { core.next() }

    /// Uniform integer in 0..<n (Lemire's multiply-shift; bias below n / 2⁶⁴).
    @inline(__always)
    public mutating func index(below n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Uniform double in (0, 1) (`Xoshiro256StarStar.uniform`).
    @inline(__always)
    public mutating func uniform() -> Double { core.uniform() }

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
