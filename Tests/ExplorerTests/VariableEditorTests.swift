import Foundation
import Estimation
@testable import Explorer
import Reports
import SurveyData
import Testing

/// The variable editor (`E`), variance and weights (`V`, `W`), the display options (`O`, `P`),
/// role rules, crosstabs that follow the roles, ids, and the new specification fields.
@Suite struct VariableEditorTests {
    let env = TestData.env

    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { TestData.reduceCheckingConditions(&state, .key($0), env: env) }
    }

    @Test func measureIsOneUndoableStepAndChangesTheModels() throws {
        var s = TestData.state()
        TestData.cursor(on: "skill", &s)
        _ = press(&s, .char("E"))
        guard case .editor(let editor)? = s.overlay else { Issue.record("no editor"); return }
        #expect(editor.variable == "skill" && editor.field == .measure)
        let effects = press(&s, .char("1"))
        #expect(s.spec.measures == ["skill": .continuous])
        #expect(effects.contains { if case .compute = $0 { return true } else { return false } })
        // A continuous outcome gets OLS in every column (`ModelKind.adapted`, from the measure).
        #expect(ModelLineup.plan(s.spec, dataset: env.dataset).allSatisfy { $0.spec.kind == .ols })
        // Back to the file's own type: no override is kept.
        _ = press(&s, .char("3"))
        #expect(s.spec.measures.isEmpty)
        _ = press(&s, .char("u"))
        #expect(s.spec.measures == ["skill": .continuous])
        _ = press(&s, .escape, .char("u"))
        #expect(s.spec.measures.isEmpty && s.overlay == nil)
    }

    @Test func aCategoricalMeasureExpandsABareTerm() throws {
        var spec = env.defaultSpecification()
        spec.controls = ["male", "age"]
        spec.measures = ["age": .categorical]
        let measured = spec.measured(env.dataset)
        #expect(measured.info("age")?.type == .categorical)
        #expect(env.dataset.info("age")?.type == .continuous)
    }

    @Test func roleRulesRefuseFromTheEditorAndTheKeys() {
        var s = TestData.state { $0.mediatorOn = true }
        TestData.cursor(on: "union", &s) // the key regressor
        _ = press(&s, .char("E"), .down, .char("2"))
        #expect(s.spec.outcome == "skill")
        #expect(s.status?.text == "union is the key regressor; pick another outcome")
        _ = press(&s, .char("1")) // none: there is always a key regressor
        #expect(s.status?.isError == true && s.spec.keyRegressor == "union")
        _ = press(&s, .escape)
        TestData.cursor(on: "training", &s) // the mediator
        _ = press(&s, .char("r"))
        #expect(s.spec.keyRegressor == "union" && s.status?.text == "training is the mediator; pick another key regressor")
        // A remembered mediator that became the outcome is not switched back on.
        s.spec.mediatorOn = false
        _ = press(&s, .char("o"))
        #expect(s.spec.outcome == "training")
        _ = press(&s, .char("M"))
        #expect(!s.spec.mediatorOn && s.status?.isError == true)
    }

    @Test func entryChoosesHowAControlEnters() {
        var s = TestData.state()
        TestData.cursor(on: "industry", &s)
        _ = press(&s, .char("E"), .down, .down)
        let entries = EditorChoices.entries("industry", env: env)
        #expect(entries == ["industry", "c.industry", "i.industry", "ib1.industry", "ib2.industry"])
        _ = press(&s, .char("5"))
        #expect(s.spec.controls.contains("ib2.industry") && !s.spec.controls.contains("i.industry"))
        _ = press(&s, .left)
        #expect(s.spec.controls.contains("ib1.industry"))
        // Age is not a control yet after switching it off; choosing its entry makes it one.
        _ = press(&s, .escape)
        TestData.cursor(on: "age", &s)
        _ = press(&s, .char(" "))
        #expect(!s.spec.controls.contains { FormulaTerms.variable(of: $0) == "age" })
        _ = press(&s, .char("E"), .down, .down, .char("1"))
        #expect(s.spec.controls.contains("age"))
        #expect(s.spec.controls.firstIndex(of: "age")! < s.spec.controls.firstIndex(of: "ib1.industry")!)
    }

    @Test func crosstabsFollowTheRolesUntilPicked() {
        var s = TestData.state()
        #expect(s.spec.crosstabs == [CrosstabPair(row: "union", column: "skill"), CrosstabPair(row: "union", column: "training")])
        TestData.cursor(on: "male", &s)
        _ = press(&s, .char("r"))
        #expect(s.spec.crosstabs.first == CrosstabPair(row: "male", column: "skill"))
        TestData.cursor(on: "industry", &s)
        _ = press(&s, .char("C"))
        #expect(s.spec.crosstabsPicked && s.spec.crosstabs == [CrosstabPair(row: "industry", column: "skill")])
        TestData.cursor(on: "union", &s)
        _ = press(&s, .char("r"))
        #expect(s.spec.crosstabs == [CrosstabPair(row: "industry", column: "skill")])
    }

    /// A dataset with a person id and a continuous variable of many values.
    static let wide: Dataset = {
        let n = 80
        let id = (0..<n).map { Double(1000 + ($0 * 37) % n) }
        let y = (0..<n).map { Double($0 % 3 + 1) }
        let x = (0..<n).map { Double($0 % 2) }
        let w = (0..<n).map { 1 + Double($0) / 7 }
        let codebook = Codebook(dataset: "wide", variables: [
            VariableInfo(name: "pid", type: .continuous), VariableInfo(name: "y", type: .ordinal),
            VariableInfo(name: "x", type: .binary), VariableInfo(name: "w", type: .continuous)])
        return Dataset(name: "wide", columns: [Column(name: "pid", values: id), Column(name: "y", values: y),
                                               Column(name: "x", values: x), Column(name: "w", values: w)], codebook: codebook)
    }()

    @Test func anIdIsNeverADefaultAndManyValuesAreRefusedForCrosstabs() {
        #expect(VariableFacts.isIdentifier("pid", in: Self.wide))
        #expect(!VariableFacts.isIdentifier("y", in: Self.wide) && !VariableFacts.isIdentifier("w", in: Self.wide))
        let spec = Specification.opening(Self.wide)
        #expect(spec.outcome == "y" && spec.keyRegressor == "x")
        #expect(spec.crosstabs == [CrosstabPair(row: "x", column: "y")])
        let env = ExplorerEnvironment(dataset: Self.wide)
        var s = AppState(spec: spec)
        s.cursor = env.paneRows.firstIndex { $0.variableName == "pid" } ?? -1
        _ = Reducer.reduce(&s, .key(.char("C")), env: env)
        #expect(s.status?.text == "pid has more than 50 distinct values; not cross-tabulated")
        #expect(s.spec.crosstabs == [CrosstabPair(row: "x", column: "y")])
        // A continuous outcome leaves the role crosstabs.
        s.cursor = env.paneRows.firstIndex { $0.variableName == "w" } ?? -1
        _ = Reducer.reduce(&s, .key(.char("o")), env: env)
        #expect(s.spec.outcome == "w" && s.spec.crosstabs.isEmpty)
    }

    @Test func varianceAndWeightsAreChosenAndReachTheModels() {
        var s = TestData.state()
        _ = press(&s, .char("V"), .down, .down, .enter)
        guard case .prompt(let prompt)? = s.overlay, prompt.purpose == .clusterVariable else { Issue.record("no prompt"); return }
        _ = press(&s, .char("n"), .char("o"), .enter)
        guard case .prompt(let bad)? = s.overlay else { Issue.record("prompt closed on an unknown variable"); return }
        #expect(bad.feedbackIsError && bad.feedback == "no variable 'no' in the dataset")
        _ = press(&s, .ctrl("u"), .char("m"), .char("a"), .char("l"), .char("e"), .enter)
        #expect(s.spec.vce == .cluster("male") && s.overlay == nil)
        _ = press(&s, .char("W"), .down, .down, .enter, .char("a"), .char("g"), .char("e"), .enter)
        #expect(s.spec.weight == SpecWeight(kind: .pweight, variable: "age"))
        let lineup = ModelLineup.plan(s.spec, dataset: env.dataset)
        #expect(lineup.allSatisfy { $0.spec.vce == .cluster("male") && $0.spec.weights == .sampling("age") })
        #expect(PanelSample.variables(s.spec).contains("age")) // the weight variable joins the common sample
        // Sampling weights without clustering: robust, as Stata.
        _ = press(&s, .char("V"), .up, .up, .enter) // the menu opens on the variance in force
        #expect(s.spec.vce == .oim && s.spec.effectiveVCE == .robust)
        #expect(ModelLineup.plan(s.spec, dataset: env.dataset).allSatisfy { $0.spec.vce == .robust })
        #expect(Screen.render(s, env: env).text.contains("VCE: robust [pweight=age]"))
        _ = press(&s, .char("W"), .up, .up, .enter)
        #expect(s.spec.weight == nil)
    }

    @Test func everyExportNamesTheVarianceAndWeights() {
        var s = TestData.state { $0.vce = .cluster("industry"); $0.weight = SpecWeight(kind: .fweight, variable: "age") }
        for view in [ViewKind.models, .crosstab, .describe] {
            s.view = view
            let text = ViewExport.document(s, env: env, format: .markdown)
            #expect(text.contains("Models' variance: cluster:industry; weights: fweight=age"), "\(view): \(text)")
        }
    }

    @Test func oddsRatiosAndParenthesesAreViewOptions() {
        var s = TestData.state()
        let generation = s.generation
        _ = press(&s, .char("O"), .char("P"), .char("P"))
        #expect(s.spec.oddsRatios && s.spec.paren == .ci)
        #expect(s.generation == generation) // nothing is refitted
        #expect(s.spec.computeKey == TestData.state().spec.computeKey)
    }

    @Test func oddsRatioCellsAreExponentiatedWithDeltaMethodSEs() {
        let c = Coefficient(term: "union", estimate: 0.5, se: 0.2, z: 2.5, p: 0.0124, ciLow: 0.108, ciHigh: 0.892)
        let result = ModelResult(spec: ModelSpec(kind: .ologit, formula: "skill ~ union"), outcome: "skill", outcomeLevels: [1, 2, 3],
                                 n: 40, converged: true, iterations: 5, coefficients: [c], cutpoints: [])
        for (paren, expected) in [(ParenStatistic.t, "(2.50)"), (.se, "(" + String(format: "%.3f", exp(0.5) * 0.2) + ")"),
                                  (.ci, "[" + String(format: "%.3f", exp(0.108)) + ", " + String(format: "%.3f", exp(0.892)) + "]")] {
            var options = RegressionTableOptions(paren: paren)
            options.eform = true
            let table = RegressionTable.build([RegressionColumn(result: result)], codebook: nil, options: options)
            let text = TextTableRenderer.render(table)
            #expect(text.contains(String(format: "%.3f", exp(0.5)) + "**"), "\(text)")
            #expect(text.contains(expected), "\(paren): \(text)")
            #expect(text.contains("odds ratios"))
        }
    }

    @Test func newSpecificationFieldsRoundTripAndOldFilesLoad() throws {
        var spec = env.defaultSpecification()
        spec.measures = ["skill": .continuous]
        spec.weight = SpecWeight(kind: .fweight, variable: "age")
        spec.vce = .cluster("industry")
        spec.oddsRatios = true
        spec.paren = .se
        spec.data = DataReference(path: "mini.dta", bytes: 10, sha256: String(repeating: "0", count: 64))
        let encoded = try JSONEncoder().encode(spec)
        let text = String(decoding: encoded, as: UTF8.self)
        #expect(text.contains(#""vce":"cluster:industry""#) && text.contains(#""kind":"fweight""#))
        #expect(try JSONDecoder().decode(Specification.self, from: encoded) == spec)
        // An older file: no crosstabs_picked; default crosstabs follow the roles, others stay.
        let old = #"{"outcome": "skill", "key_regressor": "union", "crosstabs": [{"row": "union", "column": "skill"}]}"#
        #expect(try JSONDecoder().decode(Specification.self, from: Data(old.utf8)).crosstabsPicked == false)
        let picked = #"{"outcome": "skill", "key_regressor": "union", "crosstabs": [{"row": "male", "column": "skill"}]}"#
        #expect(try JSONDecoder().decode(Specification.self, from: Data(picked.utf8)).crosstabsPicked == true)
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func relativeDataPaths() {
        #expect(SpecFile.relativePath(of: "/a/b/data/x.dta", from: "/a/b/specs/s.json") == "../data/x.dta")
        #expect(SpecFile.relativePath(of: "/a/b/x.dta", from: "/a/b/s.json") == "x.dta")
        #expect(SpecFile.relativePath(of: "/data/x.dta", from: "/tmp/s.json") == "/data/x.dta")
    }
}
