import Foundation
import PathLensTestSupport
import Testing
@testable import Explorer
@testable import Analysis
import Estimation
import Reports
import SurveyData

/// Issue 14 item 4, the Margins view: with the key regressor interacted with a control (`i`), or
/// a moderator among the controls, each model column gets a second table — the key regressor's
/// AME at each value of W, with bars — equal to `pathlens fit … --margins --dydx X --at 'W=(…)'`.
@Suite struct ConditionalEffectsScreenTests {
    let env = TestData.env

    /// W: the variable interacted with the key regressor; else a moderator that is a control;
    /// else none. A factor's values are its levels, a continuous W's mean and ±1 SD.
    @Test func theModeratorOfTheMarginsIsChosenFromTheSpecification() throws {
        let data = env.dataset
        let all = [Bool](repeating: true, count: data.rowCount)
        var spec = env.defaultSpecification()
        #expect(ConditionalEffectsPlan.plan(spec, measured: data, rows: all) == nil)
        spec.moderator = "male"
        let male = try #require(ConditionalEffectsPlan.plan(spec, measured: data, rows: all))
        #expect(male.moderator == "male" && male.values == [0, 1] && male.variable == "union")
        spec.controls = spec.controls.map { $0 == "i.industry" ? "c.union##i.industry" : $0 }
        let industry = try #require(ConditionalEffectsPlan.plan(spec, measured: data, rows: all))
        #expect(industry.moderator == "industry" && industry.values == [1, 2])
        #expect(industry.request == MarginsRequest(dydx: ["union"], at: [.init(variable: "industry", values: [1, 2])]))
        spec.controls = spec.controls.map { $0 == "c.age" ? "c.union##c.age" : $0 }.filter { $0 != "c.union##i.industry" }
        let age = try #require(ConditionalEffectsPlan.plan(spec, measured: data, rows: all))
        let values = data.column("age")!.values
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
        #expect(age.moderator == "age" && age.values.count == 3)
        for (v, want) in zip(age.values, [mean - sd, mean, mean + sd]) { #expect(abs(v - want) <= 5e-4 * abs(want)) }
    }

    /// `i` on a control entered as its quadratic interacts the whole term (`c.union##c.age##c.age`,
    /// Stata's union effect along the age profile); a second press restores the quadratic.
    @Test func iOnAQuadraticControlInteractsTheWholeTerm() {
        var s = TestData.state()
        TestData.cursor(on: "age", &s)
        TestData.press(&s, .char("E"), .down, .down, .char("3"), .escape)
        #expect(s.spec.controls.contains("c.age##c.age"), "\(s.spec.controls)")
        TestData.press(&s, .char("i"))
        #expect(s.spec.controls.contains("c.union##c.age##c.age"), "\(s.spec.controls)")
        let plan = ModelLineup.plan(s.spec, dataset: env.dataset)
        #expect(!plan.isEmpty && plan.allSatisfy { $0.spec.formula.contains("c.union##c.age##c.age") })
        TestData.press(&s, .char("i"))
        #expect(s.spec.controls.contains("c.age##c.age") && !s.spec.controls.contains { $0.contains("union") }, "\(s.spec.controls)")
    }

    /// A column without conditional effects says why in one line, in the reader's language
    /// (gologit/goprobit, whose margins are per column, as `fit` refuses `--at` for them).
    @Test func aColumnWithoutConditionalEffectsSaysWhy() throws {
        let spec = env.defaultSpecification()
        let result = try #require(TestData.output(spec).models.first?.result)
        let plan = ConditionalEffectsPlan(variable: "union", moderator: "industry", values: [1, 2])
        let failed = ConditionalEffects(plan: plan, margins: [], failure: .generalized)
        for language in [Language.en, .zh] {
            let (table, bars, notes) = MarginsView.conditionalTable(failed, result: result, title: "gologit", env: env, language: language)
            #expect(table.rows.isEmpty && bars.isEmpty)
            #expect(notes == [ConditionalEffectsFailure.generalized.text(language)])
            #expect(notes.first?.contains("gologit/goprobit") == true && !(notes.first?.contains("\n") ?? true))
        }
        #expect(ConditionalEffectsFailure.generalized.text(.en) != ConditionalEffectsFailure.generalized.text(.zh))
    }

    static let environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb"]
    static let controls = "union + male + c.age + i.educ + married + party + i.occ + i.industry"

    /// `fit MODEL FORMULA --margins --dydx union --at 'W=(…)' --format json`: effect and z by at value and outcome.
    func cli(_ model: String, formula: String, at: String) throws -> [String: (effect: Double, z: Double)] {
        let run = try PathLensBinary.run(["fit", model, formula, "--margins", "--dydx", "union", "--at", at, "--format", "json"],
                                         environment: Self.environment)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        var out: [String: (Double, Double)] = [:]
        for m in json["margins"] as? [[String: Any]] ?? [] {
            let key = "\(m["at"] as? String ?? "")|\(m["outcome"] as? String ?? "")"
            out[key] = ((m["effect"] as? NSNumber)?.doubleValue ?? .nan, (m["z"] as? NSNumber)?.doubleValue ?? .nan)
        }
        return out
    }

    /// The screen's conditional tables, in order: per table the rows' (W label, effect, z) with the
    /// W label carried down its group.
    func tables(_ screen: String) -> [[(w: String, effect: String, z: String)]] {
        var out: [[(String, String, String)]] = []
        var inTable = false, w = ""
        for raw in screen.split(separator: "\n").map(String.init) {
            let line = raw.split(separator: "|", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            if line.contains("at each value of") { out.append([]); inTable = true; continue }
            guard inTable else { continue }
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("=") && !(out.last?.isEmpty ?? true) { inTable = false; continue }
            let cells = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            let numbers = cells.filter { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "*"))) != nil }
            guard numbers.count >= 2, line.contains("E(") || line.contains("Pr(") else { continue }
            let first = line.dropFirst().prefix { $0 != " " }
            if !line.hasPrefix("  ") && !first.isEmpty { w = String(first) }
            out[out.count - 1].append((w, numbers[numbers.count - 2].trimmingCharacters(in: CharacterSet(charactersIn: "*")),
                                       numbers[numbers.count - 1]))
        }
        return out
    }

    /// `i` on industry: per industry and outcome, the OLS and ologit columns' conditional AMEs
    /// (4 decimals) and z (2) are the CLI's.
    @Test(.requires(PathLensBinary.missing))
    func aFactorModeratorsEffectsEqualTheCLI() throws {
        let screen = try PathLensBinary.run(["explore", "--keys", #"/ "industry" enter down i 3"#, "--size", "200x90", "--print"],
                                            environment: Self.environment)
        #expect(screen.status == 0, "\(screen.stderr)")
        let shown = tables(screen.stdout)
        #expect(shown.count == 2, "\(screen.stdout)")
        let formula = "skill ~ union + male + c.age + i.educ + married + party + i.occ + c.union##i.industry"
        for (k, model) in ["ols", "ologit"].enumerated() where k < shown.count {
            let want = try cli(model, formula: formula, at: "industry=(1 2 3)")
            #expect(shown[k].count == want.count, "\(model): \(shown[k].count) rows vs \(want.count)")
            let outcomes = model == "ols" ? ["E(y)"] : (1...6).map(String.init)
            for (i, row) in shown[k].enumerated() {
                let at = "industry=\(i / outcomes.count + 1)", outcome = outcomes[i % outcomes.count]
                let cli = try #require(want["\(at)|\(outcome)"], "\(model) \(at) \(outcome)")
                #expect(row.effect == NumberFormat.fixed(cli.effect, 4), "\(model) \(at) \(outcome)")
                #expect(row.z == NumberFormat.fixed(cli.z, 2), "\(model) \(at) \(outcome)")
            }
        }
    }

    /// `i` on age: W's three values are shown as the numbers used (mean and ±1 SD to 4
    /// significant digits), and those values passed to `--at` give the same effects.
    @Test(.requires(PathLensBinary.missing))
    func aContinuousModeratorsEffectsEqualTheCLIAtTheShownValues() throws {
        let screen = try PathLensBinary.run(["explore", "--keys", #"/ "age" enter i 3"#, "--size", "200x90", "--print"],
                                            environment: Self.environment)
        #expect(screen.status == 0, "\(screen.stderr)")
        #expect(screen.stdout.contains("mean - 1 SD, mean, mean + 1 SD"))
        let shown = tables(screen.stdout)
        let ols = try #require(shown.first)
        #expect(ols.count == 3)
        let values = ols.map(\.w)
        #expect(values.allSatisfy { Double($0) != nil }, "\(values)")
        let formula = "skill ~ union + male + i.educ + married + party + i.occ + i.industry + c.union##c.age"
        let want = try cli("ols", formula: formula, at: "age=(\(values.joined(separator: " ")))")
        for row in ols {
            let cli = try #require(want["age=\(row.w)|E(y)"], "age=\(row.w)")
            #expect(row.effect == NumberFormat.fixed(cli.effect, 4) && row.z == NumberFormat.fixed(cli.z, 2), "age=\(row.w)")
        }
    }
}
