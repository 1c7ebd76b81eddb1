import Testing
@testable import Mediation

/// The bootstrap / simulation generator's stream, pinned: these values come from the generator as
/// it was before its xoshiro256** core moved to Estimation (`Xoshiro256StarStar`); bootstrap results
/// under a given seed must not change.
struct ReplicationGeneratorStreamTests {
    @Test func streamIsUnchanged() {
        var g = ReplicationGenerator(seed: 12345, replication: 3)
        #expect((0..<4).map { _ in g.next() }
                == [6739908922611010300, 6241271058409584966, 10906591629685005602, 3296089674047513628])
        var h = ReplicationGenerator(seed: 12345, replication: 3)
        #expect(h.index(below: 1000) == Int(UInt64(6739908922611010300).multipliedFullWidth(by: 1000).high))
    }
}
