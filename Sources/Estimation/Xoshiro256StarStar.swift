/// xoshiro256** (Blackman & Vigna 2018), seeded through SplitMix64 (Steele, Lea & Flood 2014): the
/// one seedable generator of the project — the standard library's cannot be seeded. Only integer
/// arithmetic decides the stream, so it is the same on every platform. Used by the replica
/// generator (`StudyReplica.SeededRandom`) and the mediation replications
/// (`Mediation.ReplicationGenerator`), which add their own draws on top.
///
/// The methods are `@inlinable`: the bootstrap calls `next()` once per resampled row.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Seeds from four consecutive SplitMix64 outputs, advancing `state` past them. An all-zero
    /// state (the one xoshiro cannot leave) becomes s0 = 1; SplitMix64 never yields four zeros
    /// in a row, so this never changes a stream.
    @inlinable
    public init(splitMix state: inout UInt64) {
        s0 = Self.splitMix64(&state); s1 = Self.splitMix64(&state)
        s2 = Self.splitMix64(&state); s3 = Self.splitMix64(&state)
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// Seeds from SplitMix64 started at `seed`.
    @inlinable
    public init(seed: UInt64) {
        var state = seed
        self.init(splitMix: &state)
    }

    /// The raw state (tests against the reference vectors).
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
    }

    /// One SplitMix64 step: advances `state` and returns a well-mixed 64-bit value.
    @inlinable
    public static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inlinable
    public mutating func next() -> UInt64 {
        let m = s1 &* 5
        let result = ((m << 7) | (m >> 57)) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform on the open interval (0, 1): 53 random bits, offset by half a step so that neither
    /// 0 nor 1 can occur (logs of both ends stay finite).
    @inlinable
    public mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }
}
