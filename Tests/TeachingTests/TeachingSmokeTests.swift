import Testing
@testable import Teaching

@Test func teachingModuleLoads() {
    #expect(Bool(true))
}
