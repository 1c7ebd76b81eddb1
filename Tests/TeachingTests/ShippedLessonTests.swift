import Foundation
import Testing
import Reports
import SurveyData
@testable import Teaching

@Suite struct ShippedLessonTests {
    @Test func parsesWithTenStepsInBothLanguages() throws {
        let runner = try shippedRunner()
        #expect(runner.stepCount == 10)
        #expect(runner.lesson.languages == [.en, .zh])
        for step in runner.lesson.steps {
            for language in [Language.en, .zh] {
                let text = try #require(step.texts[language], "step \(step.number) \(language)")
                #expect(!text.title.isEmpty)
                #expect(!text.question.text.isEmpty)
                #expect(!text.lines.isEmpty)
            }
        }
    }

    /// The steps set the specifications the issue lists.
    @Test func stepsSetTheirSpecifications() throws {
        let steps = try shippedRunner().lesson.steps.map(\.spec)
        #expect(steps[0].view == .describe)
        #expect(steps[1].view == .crosstab && steps[1].crosstabs.contains(LessonCrosstab(row: "skill", column: "union")))
        #expect(steps[2].view == .models && steps[2].estimators == .paper && steps[2].activeMediator == nil)
        #expect(steps[3].standardizations == ["bStdX", "bStdXY"] && steps[3].margins == .both)
        #expect(steps[4].activeMediator == "training")
        #expect(steps[5].view == .mediation && steps[5].mediation.contains(.bk))
        #expect(steps[6].mediation.contains(.khb) && steps[6].mediation.contains(.causal))
        #expect(steps[7].condition == "industry == 2" && steps[7].pinStep == 6)
        #expect(steps[8].condition == nil && steps[8].mediatorModel == .ols && steps[8].outcomeModel == .ols)
        #expect(steps[9].view == .models && steps[9].estimators == .ols && steps[9].activeMediator == nil)
        for spec in steps { #expect(!spec.highlights.isEmpty) }
    }

    @Test func everyStepRendersInBothLanguages() throws {
        let all = try renderedSteps.get()
        #expect(all.count == 20)
        for (step, language, r) in all {
            #expect(r.number == step)
            #expect(!r.title.isEmpty)
            #expect(!r.question.isEmpty, "step \(step) \(language)")
            #expect(!r.tables.isEmpty, "step \(step) \(language) shows no table")
            #expect(!r.filled.isEmpty, "step \(step) \(language) quotes no live number")
            let text = (r.lines + [r.question]).joined(separator: "\n")
            #expect(!text.contains("{{") && !text.contains("}}"), "step \(step) \(language)")
            if language == .zh { #expect(text.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }) }
        }
    }

    /// Both languages quote the same numbers in every step (the classes see the same screen).
    @Test func languagesQuoteTheSameNumbers() throws {
        let all = try renderedSteps.get()
        for step in 1...10 {
            let en = all.first { $0.step == step && $0.language == .en }!.rendered
            let zh = all.first { $0.step == step && $0.language == .zh }!.rendered
            let numbers = { (r: RenderedStep) in Set(r.filled.filter { $0.value != nil }.map(\.text)) }
            #expect(numbers(en) == numbers(zh), "step \(step)")
        }
    }

    /// The literal text carries no number of its own: every figure comes from a placeholder.
    /// Allowed digits name things (Table 2, Model 6, column (1), H1, step 6, 2022), the
    /// conventional significance levels, and the logistic variance π²/3.
    @Test func textQuotesNoNumberOutsidePlaceholders() throws {
        let runner = try shippedRunner()
        let allowed = try Regex(#"(Tables? \d|表 ?\d|Models? \d+( and \d+)?|模型 ?\d+( 和模型 ?\d+)?|\(\d\)|H\d|step \d|第 ?\d+ ?步|2022|π²/3|key \d|按 ?\d ?键|(1|5|10) ?% ?(level|水平))"#)
        for step in runner.lesson.steps {
            for (language, text) in step.texts {
                for source in text.lines + [text.question] {
                    guard case .success(let pieces) = Placeholder.scan(source.text, line: source.line) else {
                        Issue.record("line \(source.line) does not scan"); continue
                    }
                    for case .literal(let literal) in pieces {
                        let stripped = literal.replacing(allowed, with: "")
                        #expect(!stripped.contains { $0.isNumber && $0.isASCII },
                                "line \(source.line) (\(language)): number outside a placeholder in '\(literal)'")
                    }
                }
            }
        }
    }

    /// Every number the text quotes is on the step's screen (its tables) with the same digits.
    @Test func quotedNumbersAppearOnTheScreen() throws {
        for (step, language, r) in try renderedSteps.get() {
            let screen = r.tables.map { OutputFormat.text.render($0) }.joined(separator: "\n")
            let shown = screen.matches(of: try Regex(#"-?\d+(\.\d+)?"#)).map { String(screen[$0.range]) }
            for f in r.filled where f.value != nil && f.placeholder.kind != .paper {
                let decimals: [Substring] = f.text.split(separator: Character("."))
                let digits = decimals.count > 1 ? decimals[decimals.count - 1].count : 0
                // The screen may show more decimals than the text quotes (57.81% for 57.8).
                let onScreen = shown.contains { token in
                    token == f.text || (Double(token).map { fixed($0, digits) == f.text } ?? false)
                }
                #expect(onScreen, "step \(step) \(language): \(f.placeholder.source) = \(f.text) is not on the screen")
            }
        }
    }

    /// Each step's screen marks the rows it tells the class to look at.
    @Test func everyStepMarksItsHighlightedRows() throws {
        for (step, language, r) in try renderedSteps.get() {
            let marked = r.tables.flatMap(\.rows).filter { $0.cells.first?.text.hasPrefix(">> ") == true }
            #expect(!marked.isEmpty, "step \(step) \(language): no highlighted row")
        }
    }

    @Test func handoutContainsEveryStepInBothLanguages() throws {
        let runner = try shippedRunner()
        for language in [Language.en, .zh] {
            let handout = try LessonHandout.markdown(runner, language: language)
            for step in runner.lesson.steps {
                #expect(handout.contains(step.texts[language]!.title), "\(language) step \(step.number)")
            }
            #expect(handout.contains(runner.dataset.codebook.notice(language)!))
            #expect(!handout.contains("{{"))
        }
    }
}
