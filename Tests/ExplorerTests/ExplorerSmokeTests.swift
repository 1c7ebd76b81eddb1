import Testing
@testable import Explorer

@Test func ExplorerModuleLoads() {
    #expect(Bool(true))
}
