import Testing
import Reports
import SurveyData
@testable import Teaching

/// The lesson sequence as the explorer drives it: forward, back, leave for free exploration,
/// resume at the same step, switch language — and the pane text laid out for a side pane.
@Suite struct LessonSessionTests {
    @Test func walksForwardAndBackAndResumesAfterExploring() {
        var s = LessonSession(stepCount: 9)
        #expect(s.step == 1 && s.isActive && s.isFirst)
        var moved = s.previous()
        #expect(!moved)
        for expected in 2...9 { moved = s.next(); #expect(moved); #expect(s.step == expected) }
        moved = s.next()
        #expect(!moved && s.isLast)
        moved = s.previous()
        #expect(moved && s.step == 8)
        s.leave()
        #expect(!s.isActive)
        moved = s.next()
        #expect(!moved && s.step == 8)   // keys belong to the explorer while exploring
        s.resume()
        #expect(s.isActive && s.step == 8)
        s.toggleLanguage()
        #expect(s.language == .zh)
        s.toggleLanguage()
        #expect(s.language == .en)
        s.go(to: 42)
        #expect(s.step == 9)
    }

    @Test func paneLinesFitTheWidthInBothLanguages() throws {
        let runner = try shippedRunner()
        for (step, language, rendered) in try renderedSteps.get() {
            for width in [24, 40, 60] {
                let lines = LessonPane.lines(rendered, width: width, language: language, codebook: runner.dataset.codebook)
                #expect(lines.first?.style == .title)
                #expect(lines.contains { $0.style == .question })
                for line in lines {
                    #expect(TextWidth.width(line.text) <= width, "step \(step) \(language) width \(width): '\(line.text)'")
                }
                // Every quoted number survives the wrapping whole.
                let joined = lines.map(\.text).joined(separator: "\n")
                for f in rendered.filled where f.value != nil {
                    #expect(joined.contains(f.text), "step \(step) \(language) width \(width): \(f.text) split")
                }
            }
        }
    }

    @Test func wrapBreaksAtSpacesAndBetweenChineseCharacters() {
        #expect(LessonPane.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(LessonPane.wrap("工会会员参加培训", width: 6) == ["工会会", "员参加", "培训"])
        #expect(LessonPane.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }
}
