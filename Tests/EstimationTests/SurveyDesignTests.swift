import Foundation
import Testing
import SurveyData
@testable import Estimation

/// `svy:` linearized fits against scripts/fixtures/survey_design.R (R's `survey` package on its
/// `api` samples, Stata's conventions): estimates 1e-6, SEs 1e-5, t/p/intervals/F and margins
/// 1e-6 relative (of the fixture's own numbers), design counts exactly.
struct SurveyDesignTests {
    static var allCases: [String] {
        guard let cases = try? Fixtures.cases("survey_design.json") else { return ["(unreadable survey_design.json)"] }
        return cases.map { $0.string("name") ?? "?" }
    }

    static func fit(_ c: [String: Any]) throws -> ModelResult {
        let data = try Fixtures.dataset(c.string("data") ?? "")
        let kind = try #require(ModelKind(rawValue: c.string("model") ?? ""))
        var spec = ModelSpec(kind: kind, formula: c.string("formula") ?? "")
        spec.design = try #require(try SurveyDesign.parse(c.string("svy") ?? ""))
        spec.subpop = c.string("subpop")
        let ats = (c["margins"] as? [[String: Any]] ?? []).compactMap { $0.string("at") }
        return try fitModel(spec, data: data, options: FitOptions(margins: !ats.isEmpty, atMeans: ats.contains("means")))
    }

    private func check(_ got: Double, _ expected: Double?, _ tol: Double, _ what: String) {
        guard let expected else {
            #expect(got.isNaN, "\(what): \(got), fixture null")
            return
        }
        #expect(close(got, expected, tol), "\(what): \(got) vs \(expected)")
    }

    @Test(arguments: allCases)
    func fixtureCase(_ name: String) throws {
        let c = try #require(try Fixtures.cases("survey_design.json").first { $0.string("name") == name }, "no case \(name)")
        let r = try Self.fit(c)
        #expect(Double(r.n) == c.double("n"), "\(name) n")
        let survey = try #require(r.survey, "\(name): no design summary")
        let d = try #require(c["design"] as? [String: Any])
        #expect(Double(survey.strataCount) == d.double("n_strata"), "\(name) n_strata")
        #expect(Double(survey.psuCount) == d.double("n_psu"), "\(name) n_psu")
        #expect(Double(survey.df) == d.double("df"), "\(name) df")
        check(survey.population, d.double("population"), 1e-9, "\(name) population")
        if let sub = d.double("subpop_population") { check(survey.subpopPopulation ?? .nan, sub, 1e-9, "\(name) subpop_population") }
        #expect(survey.singletonStrata == (d["singleton_strata"] as? [String] ?? []), "\(name) singleton strata")

        let expected = (c["coefficients"] as? [[String: Any]] ?? []) + (c["cutpoints"] as? [[String: Any]] ?? [])
        let got = r.coefficients + r.cutpoints
        #expect(got.map(\.term) == expected.map { $0.string("term") ?? "" }, "\(name) terms")
        for (g, e) in zip(got, expected) {
            let what = "\(name) \(g.term)"
            check(g.estimate, e.double("estimate"), 1e-6, what + " estimate")
            check(g.se, e.double("se"), 1e-5, what + " se")
            check(g.z, e.double("t"), 1e-5, what + " t")
            check(g.p, e.double("p"), 1e-5, what + " p")
            check(g.ciLow, e.double("ci_low"), 1e-6, what + " ci_low")
            check(g.ciHigh, e.double("ci_high"), 1e-6, what + " ci_high")
        }
        check(r.fStat ?? .nan, c.double("f"), 1e-5, "\(name) F")
        if c.double("f") != nil {
            #expect(Double(r.fDF1 ?? -1) == c.double("f_df1") && Double(r.fDF2 ?? -1) == c.double("f_df2"), "\(name) F df")
            check(r.fP ?? .nan, c.double("f_p"), 1e-5, "\(name) F p")
        }
        for e in c["margins"] as? [[String: Any]] ?? [] {
            let m = try #require(r.margins.first {
                $0.term == e.string("term") && $0.outcome == e.string("outcome") && $0.at.rawValue == e.string("at")
            }, "\(name) margin \(e)")
            let what = "\(name) margin \(m.term) \(m.outcome) \(m.at)"
            check(m.effect, e.double("effect"), 1e-6, what)
            check(m.se, e.double("se"), 1e-5, what + " se")
            check(m.p, e.double("p"), 1e-5, what + " p")
        }
        if !survey.singletonStrata.isEmpty {
            #expect(r.diagnostics.contains { if case .singleUnitStrata = $0 { return true } else { return false } },
                    "\(name): the single-PSU stratum is noted")
        }
    }

    // MARK: bad input — one-line errors naming the variable and stratum

    private func error(_ svy: String, subpop: String? = nil, data file: String = "api_clus1.csv",
                       formula: String = "api00 ~ ell", edit: ((inout Dataset) -> Void)? = nil) throws -> String {
        var data = try Fixtures.dataset(file)
        edit?(&data)
        var spec = ModelSpec(kind: .ols, formula: formula)
        spec.design = try SurveyDesign.parse(svy)
        spec.subpop = subpop
        do { _ = try fitModel(spec, data: data); return "" } catch { return String(describing: error) }
    }

    @Test func psuInSeveralStrataNeedsNest() throws {
        // `stype` cuts across districts: district codes repeat over the school types.
        let message = try error("psu=dnum strata=stype weight=pw")
        #expect(message.contains("PSU 'dnum'") && message.contains("stype = ") && message.contains("nest"), "\(message)")
        #expect(try error("psu=dnum strata=stype weight=pw nest") == "")
    }

    @Test func fpcSmallerThanSampledPSUs() throws {
        let message = try error("psu=dnum weight=pw fpc=fpc") { data in // 10 districts < 15 sampled
            data = Dataset(name: data.name, source: data.source,
                           columns: data.columns.map { $0.name == "fpc" ? Column(name: "fpc", values: $0.values.map { _ in 10 }) : $0 },
                           codebook: data.codebook)
        }
        #expect(message == "fpc 'fpc' is 10 in stratum 1, smaller than its 15 sampled PSUs", "\(message)")
    }

    @Test func fpcVaryingWithinStratum() throws {
        let message = try error("psu=dnum strata=st weight=pw fpc=meals")
        #expect(message.contains("fpc 'meals' varies within stratum st = "), "\(message)")
    }

    @Test func emptySubpopAndNegativeWeight() throws {
        #expect(try error("psu=dnum weight=pw", subpop: "api00 > 5000") == "--subpop 'api00 > 5000' selects no observations")
        let negative = try error("psu=dnum weight=ell", subpop: "api00 > 0")
        #expect(negative.contains("design weight 'ell'") == false) // ell ≥ 0: no error expected
        let m = try error("psu=dnum weight=mobility", formula: "api00 ~ ell") { data in
            var v = data.column("mobility")!.values; v[3] = -1
            data = Dataset(name: data.name, source: data.source,
                           columns: data.columns.map { $0.name == "mobility" ? Column(name: "mobility", values: v) : $0 },
                           codebook: data.codebook)
        }
        #expect(m.contains("weight 'mobility' is negative") && m.contains("row 4"), "\(m)")
    }

    @Test func singleUnitMissingKeepsEstimatesAndNamesStratum() throws {
        var spec = ModelSpec(kind: .logit, formula: "sch_wide ~ ell + meals")
        spec.design = try SurveyDesign.parse("psu=dnum strata=st weight=pw")
        let r = try fitModel(spec, data: try Fixtures.dataset("api_clus1.csv"), options: FitOptions(margins: true))
        #expect(r.coefficients.allSatisfy { $0.estimate.isFinite && $0.se.isNaN && $0.p.isNaN })
        #expect(r.margins.allSatisfy { $0.effect.isFinite && $0.se.isNaN })
        #expect(r.fStat == nil)
        let note = r.diagnostics.map { $0.text(.en) }.joined(separator: "\n")
        #expect(note.contains("missing standard errors because of stratum with single sampling unit: st = 2"), "\(note)")
        #expect(!r.diagnostics.map { $0.text(.zh) }.joined().isEmpty)
    }

    @Test func ifChangesTheDesignAndSubpopKeepsIt() throws {
        let data = try Fixtures.dataset("api_strat.csv")
        var spec = ModelSpec(kind: .ols, formula: "api00 ~ ell + meals", condition: "stype == 1")
        spec.design = try SurveyDesign.parse("strata=stype weight=pw fpc=fpc")
        let withIf = try fitModel(spec, data: data)
        #expect(withIf.diagnostics.contains(.ifChangesDesign))
        spec.condition = nil
        spec.subpop = "stype == 1"
        let withSubpop = try fitModel(spec, data: data)
        #expect(!withSubpop.diagnostics.contains(.ifChangesDesign))
        // One stratum: the same PSUs count, so the two agree here (Stata: subpop = if when the
        // condition selects whole strata); the population differs.
        #expect(close(withIf.coefficients[0].se, withSubpop.coefficients[0].se, 1e-10))
        #expect((withSubpop.survey?.population ?? 0) > (withIf.survey?.population ?? 0))
    }

    @Test func designParsing() throws {
        let d = try #require(try SurveyDesign.parse("psu=dnum strata=st weight=pw fpc=fpc singleunit=scaled"))
        #expect(d == SurveyDesign(psu: "dnum", strata: "st", weight: "pw", fpc: "fpc", singleUnit: .scaled))
        #expect(try SurveyDesign.parse(d.argument) == d)
        #expect(try SurveyDesign.parse("none") == nil)
        #expect(throws: SurveyDesignError.unknownKey("psu=a stratum=b", key: "stratum")) { try SurveyDesign.parse("psu=a stratum=b") }
        #expect(throws: SurveyDesignError.singleUnit("drop")) { try SurveyDesign.parse("singleunit=drop") }
        #expect(throws: SurveyDesignError.syntax("psu", part: "psu")) { try SurveyDesign.parse("psu") }
        let json = Data(#"{"dataset": "x", "variables": [], "design": {"psu": "dnum", "weight": "pw", "singleunit": "certainty"}}"#.utf8)
        let codebook = try JSONDecoder().decode(Codebook.self, from: json)
        #expect(codebook.design == SurveyDesign(psu: "dnum", weight: "pw", singleUnit: .certainty))
        let back = try JSONDecoder().decode(Codebook.self, from: try JSONEncoder().encode(codebook))
        #expect(back.design == codebook.design)
    }
}

/// `describe` under a design against R's `svymean(deff = TRUE)` / `svyvar` (survey_design.R's
/// `describe` cases): means, proportions (percent), linearized SEs, design effects, sd, 1e-6.
struct SurveyDescriptivesTests {
    static var allCases: [String] {
        guard let root = try? JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.url("survey_design.json"))) as? [String: Any],
              let cases = root["describe"] as? [[String: Any]] else { return ["(no describe cases in survey_design.json)"] }
        return cases.map { $0.string("name") ?? "?" }
    }

    @Test(arguments: allCases)
    func describeCase(_ name: String) throws {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.url("survey_design.json"))) as? [String: Any])
        let c = try #require((root["describe"] as? [[String: Any]])?.first { $0.string("name") == name }, "no case \(name)")
        var data = try Fixtures.dataset(c.string("data") ?? "")
        // The factors are described by category (ordinal), as a codebook would declare them.
        let factors = Set(c["factors"] as? [String] ?? [])
        data = Dataset(name: data.name, source: data.source, columns: data.columns,
                       codebook: Codebook(dataset: data.name, variables: data.codebook.variables.map {
                           factors.contains($0.name) ? VariableInfo(name: $0.name, type: .ordinal) : $0 }))
        let expected = try #require(c["variables"] as? [[String: Any]])
        let design = try #require(try SurveyDesign.parse(c.string("svy") ?? ""))
        let got = try SurveyDescriptives.describe(data, variables: expected.map { $0.string("variable") ?? "" },
                                                  design: design, subpop: c.string("subpop"))
        for (g, e) in zip(got, expected) {
            if let categories = e["categories"] as? [[String: Any]] {
                #expect(g.categories.map(\.code) == categories.map { $0.double("code") ?? .nan }, "\(name) \(g.variable) codes")
                for (gc, ec) in zip(g.categories, categories) {
                    let what = "\(name) \(g.variable)=\(gc.code)"
                    #expect(close(gc.percent, ec.double("percent") ?? .nan, 1e-6), "\(what) percent \(gc.percent)")
                    #expect(close(gc.se ?? .nan, ec.double("se") ?? .nan, 1e-6), "\(what) se \(gc.se ?? .nan)")
                    #expect(close(gc.deff ?? .nan, ec.double("deff") ?? .nan, 1e-6), "\(what) deff \(gc.deff ?? .nan)")
                }
            } else {
                let what = "\(name) \(g.variable)"
                #expect(close(g.mean, e.double("mean") ?? .nan, 1e-6), "\(what) mean \(g.mean)")
                #expect(close(g.meanSE ?? .nan, e.double("mean_se") ?? .nan, 1e-6), "\(what) se \(g.meanSE ?? .nan)")
                #expect(close(g.deff ?? .nan, e.double("deff") ?? .nan, 1e-6), "\(what) deff \(g.deff ?? .nan)")
                #expect(close(g.sd, e.double("sd") ?? .nan, 1e-6), "\(what) sd \(g.sd)")
            }
        }
    }
}

/// `crosstab` under a design: the Rao–Scott second-order F against R's `svychisq(statistic =
/// "F")` (survey_design.R's `crosstab` cases), 1e-6.
struct SurveyRaoScottTests {
    static var allCases: [String] {
        guard let root = try? JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.url("survey_design.json"))) as? [String: Any],
              let cases = root["crosstab"] as? [[String: Any]] else { return ["(no crosstab cases in survey_design.json)"] }
        return cases.map { $0.string("name") ?? "?" }
    }

    @Test(arguments: allCases)
    func raoScottCase(_ name: String) throws {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.url("survey_design.json"))) as? [String: Any])
        let c = try #require((root["crosstab"] as? [[String: Any]])?.first { $0.string("name") == name }, "no case \(name)")
        let data = try Fixtures.dataset(c.string("data") ?? "")
        let design = try #require(try SurveyDesign.parse(c.string("svy") ?? ""))
        let test = try #require(try RaoScott.test(data, row: c.string("row") ?? "", column: c.string("column") ?? "",
                                                  design: design, subpop: nil))
        for (key, value) in [("f", test.f), ("ndf", test.ndf), ("ddf", test.ddf), ("p", test.p)] {
            #expect(close(value, c.double(key) ?? .nan, 1e-6), "\(name) \(key): \(value) vs \(c.double(key) ?? .nan)")
        }
    }
}
