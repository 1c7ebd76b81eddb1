import Testing
@testable import Estimation

struct XoshiroTests {
    /// The reference implementation's output from the state (1, 2, 3, 4) (Vigna's xoshiro256starstar.c;
    /// the same vector as Rust's rand_xoshiro tests).
    @Test func matchesTheReferenceVector() {
        var g = Xoshiro256StarStar(state: (1, 2, 3, 4))
        #expect((0..<10).map { _ in g.next() } == [
            11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600,
            16172922978634559625, 8476171486693032832, 10595114339597558777, 2904607092377533576,
        ])
    }

    /// SplitMix64 from 0 (Vigna's splitmix64.c): 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4.
    @Test func splitMixMatchesTheReference() {
        var state: UInt64 = 0
        #expect(Xoshiro256StarStar.splitMix64(&state) == 0xE220_A839_7B1D_CDAF)
        #expect(Xoshiro256StarStar.splitMix64(&state) == 0x6E78_9E6A_A1B9_65F4)
    }
}
