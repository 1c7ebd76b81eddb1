import Testing
@testable import StudyReplica

@Test func StudyReplicaModuleLoads() {
    #expect(Bool(true))
}
