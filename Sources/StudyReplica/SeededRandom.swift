import Foundation

/// A small seeded pseudo-random generator: xoshiro256** seeded through SplitMix64.
///
/// Written by hand because the Swift standard library has no seedable generator
/// (`SystemRandomNumberGenerator` cannot be seeded), and the replica dataset must be
/// reproducible byte for byte from its documented seed on every platform. Only integer
/// arithmetic decides the stream; the continuous draws use `log`/`sqrt`/`cos` once per draw.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    public init(seed: UInt64) {
        var sm = seed
        func splitMix() -> UInt64 {
            sm &+= 0x9E37_79B9_7F4A_7C15
            var z = sm
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform on the open interval (0, 1): 53 random bits, offset by half a step so that
    /// neither 0 nor 1 can occur (logs of both ends stay finite).
    public mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

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
