import Foundation
import Testing
import Mediation
import SurveyData
@testable import Teaching

/// Issue 14, item 3 (lesson half): a step sets `moderator:` and `moderate: a|b|both` on the
/// specification the explorer shares; mistakes are one-line errors naming the line.
@Suite struct LessonModeratorTests {
    typealias M = MalformedLessonTests

    @Test func aStepSetsTheModeratorAndThePathAndTheNextStepKeepsThem() throws {
        let data = try embeddedData.get()
        let text = M.header + M.step(spec: "view: mediation\nmediator: training\nmoderator: male\nmoderate: both")
            + M.step(spec: "view: models")
        let lesson = try LessonParser.parse(text, file: "test.md", dataset: data)
        #expect(lesson.steps[0].spec.moderator == "male" && lesson.steps[0].spec.moderate == .both)
        #expect(lesson.steps[1].spec.moderator == "male" && lesson.steps[1].spec.moderate == .both)
        let off = try LessonParser.parse(M.header + M.step(spec: "moderator: male") + M.step(spec: "moderator: none"),
                                         file: "test.md", dataset: data)
        #expect(off.steps[0].spec.moderate == .a)
        #expect(off.steps[1].spec.moderator == nil)
    }

    @Test(arguments: [
        ("unknown moderator", "moderator: mael", "moderator: mael", "unknown variable 'mael' in 'moderator:'"),
        ("bad path", "moderator: male\nmoderate: c", "moderate: c", "invalid value 'c' for 'moderate:' (expected one of: a, b, both)"),
        ("path without moderator", "moderate: b", "moderate: b", "'moderate:' needs a moderator"),
        ("moderator is the key regressor", "moderator: union", "moderator: union", "the moderator 'union' must differ"),
    ] as [(String, String, String, String)])
    func rejectsWithTheLine(_ what: String, _ spec: String, _ needle: String, _ message: String) throws {
        let text = M.header + M.step(spec: spec)
        let error = try #require(try M.error(text), "\(what): accepted")
        #expect(error.line == M.line(of: needle, in: text), "\(what): \(error)")
        #expect(error.message.contains(message), "\(what): \(error)")
        #expect(!error.description.contains("\n"))
    }
}
