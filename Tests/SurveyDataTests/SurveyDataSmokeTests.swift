import Testing
@testable import SurveyData

@Test func SurveyDataModuleLoads() {
    #expect(Bool(true))
}
