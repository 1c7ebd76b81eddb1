import Testing
@testable import Estimation

@Test func EstimationModuleLoads() {
    #expect(Bool(true))
}
