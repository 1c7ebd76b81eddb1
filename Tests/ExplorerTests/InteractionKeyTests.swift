import Foundation
import PathLensTestSupport
import Testing
@testable import Explorer
import Analysis
import Reports
import SurveyData

/// The variables pane's `i` key: the key regressor interacted with the control under the
/// cursor, back to the plain control on a second press, shown on the spec bar and in `?` help.
@Suite struct InteractionKeyTests {
    let env = TestData.env

    @Test func iInteractsTheKeyRegressorWithTheControlAndAgainRevertsIt() {
        var s = TestData.state()
        let before = s.spec.controls
        let key = ControlEntry.interactionKeyTerm(s.spec.keyRegressor, in: env.dataset, spec: s.spec)
        #expect(key == "c.union")
        TestData.cursor(on: "industry", &s)
        let effects = TestData.press(&s, .char("i"))
        #expect(s.spec.controls.contains("\(key)##i.industry"))
        #expect(!s.spec.controls.contains("i.industry"))
        #expect(effects.contains { if case .compute = $0 { return true } else { return false } })
        _ = TestData.press(&s, .char("i"))
        #expect(s.spec.controls == before)
        _ = TestData.press(&s, .char("u"))
        #expect(s.spec.controls.contains("\(key)##i.industry"))
    }

    @Test func iOnARoleVariableIsRefused() {
        var s = TestData.state()
        TestData.cursor(on: s.spec.keyRegressor, &s)
        #expect(TestData.press(&s, .char("i")).isEmpty)
        #expect(s.status?.isError == true)
    }

    /// At 80 columns the spec bar keeps `Inter:` (what the estimates depend on) and drops the
    /// labels item first.
    @Test func theSpecBarShowsTheInteractionAt80Columns() {
        var s = TestData.state()
        #expect(s.width == 80)
        TestData.cursor(on: "industry", &s)
        _ = TestData.press(&s, .char("i"))
        let bar = Screen.render(s, env: env).line(1)
        #expect(bar.contains("Inter: c.union##i.industry"), "\(bar)")
    }

    @Test func iIsListedInTheHelp() {
        let help = KeyTable.helpLines(.en).joined(separator: "\n")
        #expect(help.contains("interact the key regressor"))
    }

    /// Headless: `i` on industry puts `c.union##i.industry` into every model, and the Models
    /// view's interaction rows show what `pathlens fit … --format json` gives for the same
    /// formula (estimate to 3 decimals, z to 2), for the OLS and ologit columns.
    @Test(.requires(PathLensBinary.missing))
    func theInteractionRowsEqualTheCLIFit() throws {
        let env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb"]
        let screen = try PathLensBinary.run(["explore", "--keys", #"/ "industry" enter down i"#, "--size", "160x70", "--print"],
                                            environment: env)
        #expect(screen.status == 0, "\(screen.stderr)")
        #expect(screen.stdout.contains("Inter: c.union##i.industry"))
        let lines = screen.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func numbers(_ line: String) -> [String] {
            line.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "()*")) }.filter { Double($0) != nil }
        }
        let formula = "skill ~ union + male + c.age + i.educ + married + party + i.occ + c.union##i.industry"
        for (column, model) in ["ols", "ologit"].enumerated() {
            let fit = try PathLensBinary.run(["fit", model, formula, "--format", "json"], environment: env)
            #expect(fit.status == 0, "\(fit.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(fit.stdout.utf8)) as? [String: Any])
            let rows = try #require(json["coefficients"] as? [[String: Any]])
            for (level, label) in [(2, "secondary-industry worker"), (3, "tertiary-industry worker")] {
                let row = try #require(rows.first { $0["term"] as? String == "c.union#\(level).industry" }, "\(model): no c.union#\(level).industry")
                let i = try #require(lines.firstIndex { $0.contains("union member # industry sector: \(label)") }, "no row for \(label)")
                let top = numbers(String(lines[i].split(separator: ":").last ?? "")), below = numbers(String(lines[i + 1].split(separator: "|").last ?? ""))
                #expect(top.count == 3 && below.count == 3, "\(lines[i])")
                guard top.count == 3, below.count == 3 else { continue }
                #expect(top[column] == String(format: "%.3f", try #require(row["estimate"] as? Double)), "\(model) \(label)")
                #expect(below[column] == String(format: "%.2f", try #require(row["z"] as? Double)), "\(model) \(label)")
            }
        }
    }
}
