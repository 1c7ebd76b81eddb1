import Foundation
import Estimation

/// The replica generator's seeded random numbers: Estimation's xoshiro256** (`Xoshiro256StarStar`,
/// seeded through SplitMix64) with the draws the generator needs on top.
///
/// The replica dataset must be reproducible byte for byte from its documented seed on every
/// platform: only integer arithmetic decides the stream; the continuous draws use
/// `log`/`sqrt`/`cos` once per draw.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var core: Xoshiro256StarStar

    public init(seed: UInt64) { core = Xoshiro256StarStar(seed: seed) }

    public mutating func next() -> UInt64 { core.next() }

    /// Uniform on the open interval (0, 1) (`Xoshiro256StarStar.uniform`).
    public mutating func uniform() -> Double { core.uniform() }

    /// Standard normal by Box–Muller (one value per call; two uniforms consumed).
    public mutating func normal() -> Double {
        let u1 = uniform(), u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Standard logistic (the ordered/binary logit error): log(u / (1 − u)).
    public mutating func logistic() -> Double {
        let u = uniform()
        return log(u / (1 - u))
    }

    /// Uniform integer in 0..<bound (bound > 0), by rejection so every value is equally likely.
    public mutating func below(_ bound: Int) -> Int {
        let b = UInt64(bound)
        let limit = UInt64.max - UInt64.max % b
        while true {
            let x = next()
            if x < limit { return Int(x % b) }
        }
    }

    /// Fisher–Yates shuffle driven by this generator (the standard library's `shuffle(using:)`
    /// does not promise a stable algorithm across releases).
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, below(i + 1))
        }
    }
}
