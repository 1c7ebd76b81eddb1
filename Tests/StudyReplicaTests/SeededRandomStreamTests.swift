import Testing
@testable import StudyReplica

/// The replica generator's random stream, pinned: these values come from the generator as it was
/// before its xoshiro256** core moved to Estimation (`Xoshiro256StarStar`), and must never change —
/// the shipped data are generated from this stream (see also ShippedDataTests).
struct SeededRandomStreamTests {
    @Test func streamIsUnchanged() {
        var g = SeededRandom(seed: 20220901)
        #expect((0..<4).map { _ in g.next() }
                == [3244746462204441077, 14460213788235024384, 16630517730575135412, 12647332152626056782])
        var h = SeededRandom(seed: 20220901)
        _ = h.next()
        #expect(h.uniform() == (Double(14460213788235024384 >> 11 as UInt64) + 0.5) * 0x1.0p-53)
    }
}
