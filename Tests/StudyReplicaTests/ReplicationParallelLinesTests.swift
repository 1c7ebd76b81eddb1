import Foundation
import PathLensTestSupport
import Testing
import Estimation
import Reports
import SurveyData
@testable import StudyReplica

/// `replicate`'s parallel-lines section (issue 15): Models 2 and 6 are not Brant-testable on the
/// replica — checked here against the data itself (each named term really has no observations on
/// one side of some split) — and Model 6 as gologit with autofit, whose union and training rows
/// are read against the published model by the stated rule. (gologit's estimates themselves are
/// checked against VGAM in GeneralizedOrderedGoldenTests.)
@Suite(.requires(PublishedReference.missing))
struct ReplicationParallelLinesTests {
    /// Whether the rows where `member` holds lie on one side of some split of skill.
    static func emptyOnASide(_ data: Dataset, _ member: (Int) -> Bool) throws -> Bool {
        let skill = try #require(data.column("skill")).values
        let codes = Set(skill.filter { $0.isFinite }).sorted()
        let values = skill.indices.filter(member).map { skill[$0] }.filter { $0.isFinite }
        guard !values.isEmpty else { return false }
        return codes.dropLast().contains { c in values.allSatisfy { $0 <= c } || values.allSatisfy { $0 > c } }
    }

    @Test func modelsTwoAndSixSayWhichTermsPreventTheBrantTest() throws {
        let (r, _) = try ReplicationTests.replication()
        let p = try #require(r.parallelLines)
        #expect(p.checks.map(\.model) == ["model2", "model6"])
        let data = try DatasetLoader.load(path: EmbeddedData.csvPath)
        for check in p.checks {
            #expect(check.brant == nil, "\(check.model)")
            #expect(!check.blockingTerms.isEmpty, "\(check.model)")
            for term in check.blockingTerms {
                let column: String, member: (Double) -> Bool
                if term.hasSuffix(" (base level)") {
                    column = String(term.dropLast(" (base level)".count))
                    let base = Set(try #require(data.column(column)).values.filter { $0.isFinite }).min() ?? .nan
                    member = { $0 == base }
                } else if let eq = term.firstIndex(of: "=") {
                    column = String(term[..<eq])
                    let level = Double(term[term.index(after: eq)...]) ?? .nan
                    member = { $0 == level }
                } else {
                    column = term
                    member = { $0 == 1 }
                }
                let values = try #require(data.column(column)).values
                #expect(try Self.emptyOnASide(data) { member(values[$0]) }, "\(check.model): \(term) is not empty on a side")
            }
            // The unconstrained generalized model does not converge with those terms: no LR test, said.
            if check.lr == nil {
                #expect(check.notes.contains(.ordered(.generalizedNotConverged)), "\(check.model): \(check.notes)")
            }
        }
    }

    @Test func modelSixUnderPartialProportionalOddsAndItsConclusions() throws {
        let (r, published) = try ReplicationTests.replication()
        let p = try #require(r.parallelLines)
        let g = try #require(p.gologit)
        // The same fit as `fit gologit <Model 6> --autofit`.
        var spec = try #require(DalianStudy.model("model6")).spec
        spec.kind = .gologit
        spec.parallelLines = .autofit(alpha: 0.05)
        let direct = try fitModel(spec, data: try DatasetLoader.load(path: EmbeddedData.csvPath))
        #expect(g.coefficients.map(\.estimate) == direct.coefficients.map(\.estimate))
        #expect(g.constrained == direct.constrained)

        let model6 = try #require(published.modelTables.flatMap(\.table.models).first { $0.id == "model6" })
        #expect(p.conclusions.map(\.term) == ["union", "training"])
        for c in p.conclusions {
            let number = try #require(model6.coefficients.first { DalianStudy.termNames[$0.name] == c.term })
            #expect(c.published == number.coef && c.publishedStat == number.stat)
            #expect(c.publishedSignificant == (abs(number.stat) >= 1.96))
            let rows = g.coefficients.filter { $0.term == c.term }
            #expect(c.equations.map(\.estimate) == rows.map(\.estimate))
            #expect(c.constrained == (g.constrained ?? []).contains(c.term))
            #expect(c.constrained ? c.equations.count == 1 : c.equations.count == 5)
            let rule = rows.allSatisfy { ($0.estimate > 0) == (number.coef > 0) && ($0.p < 0.05) == (abs(number.stat) >= 1.96) }
            #expect(c.survives == rule, "\(c.term)")
        }
    }

    @Test func rendersInTextMarkdownAndJSON() throws {
        let (r, _) = try ReplicationTests.replication()
        for language in [Language.en, .zh] {
            let section = try #require(ReplicationReport.sections(r, language: language).first { $0.id == "parallel_lines" })
            #expect(section.tables.count >= 3)
            #expect(section.notes.count >= 4)
        }
        let text = ReplicationReport.render(r, format: .text, language: .en)
        #expect(text.contains("Tests of the parallel-lines assumption"))
        #expect(text.contains("Model 2: no Brant test — occ=6"))
        #expect(text.contains("the conclusion survives partial proportional odds") || text.contains("does not fully survive"))
        let md = ReplicationReport.render(r, format: .md, language: .zh)
        #expect(md.contains("## 平行线假设"))
        let json = ReplicationReport.json(r, language: .en).serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let parallel = try #require(object["parallel_lines"] as? [String: Any])
        let tests = try #require(parallel["tests"] as? [[String: Any]])
        #expect(tests.map { $0["model"] as? String } == ["model2", "model6"])
        #expect(tests.allSatisfy { $0["brant"] is NSNull && !(($0["not_computable_terms"] as? [String]) ?? []).isEmpty })
        let gologit = try #require(parallel["model6_gologit"] as? [String: Any])
        let rows = try #require(gologit["coefficients"] as? [[String: Any]])
        #expect(rows.contains { $0["term"] as? String == "union" && $0["equation"] is NSNull })
        #expect(rows.contains { $0["term"] as? String == "_cons" && $0["equation"] as? String == "1" })
        let conclusions = try #require(parallel["conclusions"] as? [[String: Any]])
        #expect(conclusions.map { $0["term"] as? String } == ["union", "training"])
        #expect(conclusions.allSatisfy { $0["survives"] is Bool })
    }
}
