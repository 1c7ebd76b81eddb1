import Testing
@testable import Mediation

@Test func MediationModuleLoads() {
    #expect(Bool(true))
}
