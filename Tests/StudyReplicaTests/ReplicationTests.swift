import Foundation
import PathLensTestSupport
import Testing
import Estimation
import Reports
import SurveyData
@testable import StudyReplica

/// `replicate` on the shipped data: every published number has a replicated counterpart, the
/// summary agrees with the per-row flags, the reader's notes are there, and text, Markdown and
/// JSON render. (Whether the replica meets its calibration targets is PublishedModelsTests'.)
@Suite(.requires(PublishedReference.missing))
struct ReplicationTests {
    /// Run once: seven fits on 3067 rows.
    static let run: Result<(Replication, PublishedStudy), any Error> = Result {
        let published = try PublishedStudy.load()
        let data = try DatasetLoader.load(path: EmbeddedData.csvPath)
        return (try Replication.run(data: data, published: published), published)
    }

    static func replication() throws -> (Replication, PublishedStudy) { try run.get() }

    @Test func everyPublishedNumberHasAReplicatedCounterpart() throws {
        let (r, published) = try Self.replication()
        #expect(r.modelTables.map(\.id) == ["table3", "table4", "table5"])
        #expect(r.models.map(\.model.id) == (1...10).map { "model\($0)" })
        for (id, table) in published.modelTables {
            let replicated = try #require(r.modelTables.first { $0.id == id })
            for model in table.models {
                let m = try #require(replicated.models.first { $0.model.id == model.id })
                #expect(m.rows.map(\.term) == model.numbers.map(\.name), "\(model.id) rows")
                for row in m.rows {
                    #expect(row.replicated?.isFinite == true, "\(model.id) \(row.term) has no replicated value")
                    #expect(row.replicatedStat?.isFinite == true, "\(model.id) \(row.term) has no z")
                    #expect(row.starsReplicated != nil && row.within2SE != nil, "\(model.id) \(row.term)")
                }
                #expect(m.replicatedFit != nil && m.publishedFit != nil, "\(model.id) fit statistic")
            }
        }
        // Every category of Tables 1 and 2, age, and each quoted effect.
        #expect(r.table1.count == published.table1.variables.reduce(0) { $0 + $1.categories.count })
        #expect(r.table2.count == 2 * (published.table2.rows.skill.count + published.table2.rows.training.count))
        #expect(r.table1.allSatisfy { $0.replicatedPercent.isFinite })
        #expect(r.effects.count == DalianStudy.quotedEffects.reduce(0) { $0 + $1.outcomes.count })
        #expect(r.effects.allSatisfy { $0.replicated?.isFinite == true })
        #expect(r.indirectShare.replicatedPercent?.isFinite == true)
    }

    /// Published values in the report are the JSON's, never recomputed.
    @Test func publishedValuesComeFromTheReference() throws {
        let (r, published) = try Self.replication()
        let model2 = try #require(r.models.first { $0.model.id == "model2" })
        let union = try #require(model2.rows.first { $0.term == "union" })
        let printed = try #require(published.model("model2")?.coefficients.first { $0.name == "union" })
        #expect(union.published == printed.coef && union.publishedSE == printed.seImplied
                && union.starsPublished == printed.stars)
        #expect(r.indirectShare.publishedPercent == published.textFigures.indirectEffectSharePct.value)
        // The paper's own arithmetic: 0.633·0.621/(0.633·0.621 + 0.208) = 65.4%.
        #expect(abs(r.indirectShare.publishedReconstructedPercent - 65.4) < 0.05)
        let union4 = try #require(r.effects.first { $0.model == "model4" })
        #expect(union4.published == 8.5 && union4.at == .means)
        let technician = try #require(r.effects.first { $0.term == "training" && $0.outcome == "5" })
        #expect(technician.published == nil, "the text only says below 1%")
    }

    @Test func summaryCountsAgreeWithTheRowFlags() throws {
        let (r, _) = try Self.replication()
        let rows = r.models.flatMap(\.rows)
        let s = r.summary
        #expect(s.numbers == rows.count)
        #expect(s.within1SE == rows.filter { abs(($0.replicated ?? .nan) - $0.published) <= ($0.publishedSE ?? .nan) }.count)
        #expect(s.within2SE == rows.filter { abs(($0.replicated ?? .nan) - $0.published) <= 2 * ($0.publishedSE ?? .nan) }.count)
        #expect(s.within1SE <= s.within2SE && s.within2SE <= s.numbers)
        #expect(s.starsMatching == rows.filter { $0.starsPublished == $0.starsReplicated }.count)
        // The JSON's summary and rows say the same.
        for language in Language.allCases {
            let object = try Self.parse(ReplicationReport.json(r, language: language).serialized())
            let summary = try #require(object["summary"] as? [String: Any])
            var flags1 = 0, flags2 = 0, count = 0
            for id in ["table3", "table4", "table5"] {
                let models = try #require((object[id] as? [String: Any])?["models"] as? [[String: Any]])
                for model in models {
                    for row in try #require(model["rows"] as? [[String: Any]]) {
                        count += 1
                        if row["within_1se"] as? Bool == true { flags1 += 1 }
                        if row["within_2se"] as? Bool == true { flags2 += 1 }
                    }
                }
            }
            #expect(summary["numbers"] as? Int == count)
            #expect(summary["within_1se"] as? Int == flags1)
            #expect(summary["within_2se"] as? Int == flags2)
        }
    }

    @Test func notesOnThePapersInconsistenciesAppear() throws {
        let (r, _) = try Self.replication()
        let text = ReplicationReport.render(r, format: .text, language: .en)
        for phrase in ["bStdXY", "repeats Model 4's raw coefficient", "N = 1795", "perfect prediction",
                       "mixes two standardizations", "different scales", "marginal effects at the means"] {
            #expect(text.contains(phrase), "text report lacks '\(phrase)'")
        }
        let zh = ReplicationReport.render(r, format: .text, language: .zh)
        for phrase in ["完全标准化", "完全预测", "不同尺度"] {
            #expect(zh.contains(phrase), "Chinese report lacks '\(phrase)'")
        }
    }

    @Test func textMarkdownAndJSONRender() throws {
        let (r, _) = try Self.replication()
        let text = ReplicationReport.render(r, format: .text, language: .en)
        #expect(text.hasPrefix(try #require(r.noticeEN)), "the synthetic-data notice comes first")
        for heading in ["Table 1", "Table 2", "Table 3", "Table 4", "Table 5", "Model 10", "Indirect-effect share"] {
            #expect(text.contains(heading))
        }
        let markdown = ReplicationReport.render(r, format: .md, language: .en)
        #expect(markdown.hasPrefix("> " + (r.noticeEN ?? "")))
        #expect(markdown.contains("## Table 3") && markdown.contains("| Published"))
        let zh = ReplicationReport.render(r, format: .text, language: .zh)
        #expect(zh.hasPrefix(try #require(r.noticeZH)))
        #expect(zh.contains("加入工会") && zh.contains("表 4"))
        let object = try Self.parse(ReplicationReport.json(r, language: .en).serialized())
        let table3 = try #require(object["table3"] as? [String: Any])
        let model1 = try #require((table3["models"] as? [[String: Any]])?.first)
        let row = try #require((model1["rows"] as? [[String: Any]])?.first)
        for key in ["term", "published", "replicated", "diff", "published_se", "within_1se", "within_2se",
                    "stars_published", "stars_replicated"] {
            #expect(row[key] != nil, "row lacks \(key)")
        }
        #expect(object["notice"] as? String == r.noticeEN)
        #expect((object["indirect_share"] as? [String: Any])?["published_pct"] as? Double == 65)
    }

    @Test func missingReferenceIsAOneLineError() {
        let path = "/nonexistent/dalian2022_published.json"
        #expect(throws: PublishedStudyError.missing(path: path)) { try PublishedStudy.load(path: path) }
        let message = PublishedStudyError.missing(path: path).description
        #expect(!message.contains("\n") && message.contains("PATHLENS_REFERENCE"))
    }

    @Test func malformedReferenceNamesTheField() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("replication-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(#"{"N": 3067}"#.utf8).write(to: url)
        do {
            _ = try PublishedStudy.load(path: url.path)
            Issue.record("a file without tables was accepted")
        } catch {
            #expect(error.description.contains(url.path) && error.description.contains("table1"))
            #expect(!error.description.contains("\n"))
        }
    }

    static func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
