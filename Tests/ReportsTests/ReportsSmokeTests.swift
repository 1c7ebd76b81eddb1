import Testing
@testable import Reports

@Test func ReportsModuleLoads() {
    #expect(Bool(true))
}
