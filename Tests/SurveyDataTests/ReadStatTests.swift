import Foundation
import PathLensTestSupport
import Testing
@testable import SurveyData

/// Files written by R's haven (scripts/fixtures/surveydata_readstat.R) and round trips through
/// our own writer.
@Suite struct ReadStatTests {
    @Test func readsStataLabelsAndExtendedMissing() throws {
        let d = try DatasetLoader.load(path: fixturePath("labelled.dta"))
        #expect(d.variableNames == ["id", "male", "industry", "wage", "city"])
        #expect(d.rowCount == 5)
        #expect(d.info("id")?.labelEN == "Respondent id")
        #expect(d.info("industry")?.labelZH == "行业")
        #expect(d.info("industry")?.labelEN == nil)
        #expect(d.info("industry")?.type == .ordinal) // labelled integers 1–3, consecutive
        #expect(d.info("industry")?.values.map(\.labelEN) == ["primary", "secondary", "tertiary"])
        #expect(d.info("male")?.type == .binary)
        #expect(d.info("male")?.valueLabel(for: 1)?.labelEN == "male")
        #expect(d.info("id")?.type == .continuous)
        #expect(sameValues(d.column("industry")!.values, [1, 2, 3, 2, .nan]))
        #expect(sameValues(d.column("wage")!.values, [3500.5, .nan, 4200, .nan, 5100.25])) // .a and .b
        let city = try #require(d.info("city"))
        #expect(city.type == .categorical)
        #expect(city.values.map(\.name) == ["Dalian", "Shenyang", "大连"])
        #expect(sameValues(d.column("city")!.values, [1, 2, 1, .nan, 3]))
    }

    @Test func readsSPSSUserMissing() throws {
        let d = try DatasetLoader.load(path: fixturePath("missing.sav"))
        // -9 is a user-missing code and 95 falls in the missing range 90–99.
        #expect(sameValues(d.column("score")!.values, [1, 2, .nan, 3, .nan, 2]))
        #expect(d.info("score")?.labelEN == "Skill score")
        #expect(d.info("score")?.missingCodes == [-9])
        #expect(d.info("score")?.valueLabel(for: 3)?.labelEN == "high")
        #expect(d.info("income")?.labelZH == "月收入")
        #expect(sameValues(d.column("income")!.values, [1000, 2000, 3000, 4000, 5000, 6000]))
        #expect(d.info("city")?.values.map(\.name) == ["Anshan", "Dalian", "沈阳"])
        #expect(sameValues(d.column("city")!.values, [2, 1, .nan, 2, 3, 1]))
    }

    @Test func readStatErrorsAreOneLine() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/broken.dta"
        try Data("not a stata file".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try DatasetLoader.load(path: path)
            Issue.record("expected an error")
        } catch let SurveyDataError.readStat(file, message) {
            #expect(file == path)
            #expect(!message.isEmpty && !message.contains("\n"))
        }
    }

    /// A CSV with a codebook sidecar in `dir`, written out as `dir/w.dta` by our DTA writer.
    private func writeRoundTripDTA(in dir: String) throws -> (original: Dataset, dta: String) {
        let csv = dir + "/w.csv"
        try "union,industry,wage\n1,secondary,3500.5\n0,primary,\n,tertiary,4200\n".write(toFile: csv, atomically: true, encoding: .utf8)
        try """
        {"variables": [
          {"name": "union", "label_zh": "工会会员", "type": "binary",
           "values": [{"code": 0, "label_en": "no"}, {"code": 1, "label_en": "yes"}]},
          {"name": "industry", "label_en": "Industry", "type": "categorical",
           "values": [{"code": 1, "label_en": "primary"}, {"code": 2, "label_en": "secondary"}, {"code": 3, "label_en": "tertiary"}]},
          {"name": "wage", "label_en": "Monthly wage", "type": "continuous"}
        ]}
        """.write(toFile: dir + "/w.codebook.json", atomically: true, encoding: .utf8)
        let original = try DatasetLoader.load(path: csv)
        let dta = dir + "/w.dta"
        try DTAWriter.write(original, to: dta)
        return (original, dta)
    }

    @Test func csvToDtaRoundTripKeepsValuesAndLabels() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (original, dta) = try writeRoundTripDTA(in: dir)
        let back = try DatasetLoader.load(path: dta)
        #expect(back.variableNames == original.variableNames)
        for name in original.variableNames {
            #expect(sameValues(back.column(name)!.values, original.column(name)!.values), "\(name)")
        }
        #expect(back.info("union")?.labelZH == "工会会员") // Chinese variable label survives (dta 118 is UTF-8)
        #expect(back.info("industry")?.labelEN == "Industry")
        #expect(back.info("wage")?.labelEN == "Monthly wage")
        #expect(back.info("industry")?.values.map(\.labelEN) == ["primary", "secondary", "tertiary"])
        #expect(back.info("union")?.type == .binary)
        #expect(back.info("industry")?.type == .ordinal) // a .dta has no measure: labelled 1–3 → ordinal
    }

    /// R's haven (an independent reader) agrees on the round trip's file. R is not among the
    /// packages PathLens installs, so this cross-check is skipped without it, under CI too.
    @Test(.whenAvailable(ReadStatTests.havenMissing))
    func havenReadsOurDTA() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (_, dta) = try writeRoundTripDTA(in: dir)
        let run = try Subprocess.run(ReadStatTests.rscript, ["-e", """
            suppressMessages(library(haven)); d <- read_dta('\(dta)'); l <- attr(d$industry, 'labels');
            cat(nrow(d), '|industry:', attr(d$industry, 'label'), '|2=', names(l)[l == 2], '|', d$wage[2], sep='')
            """], timeout: 120)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == "3|industry:Industry|2=secondary|NA")
    }

    @Test func chineseValueLabelsSurviveWithLanguageChoice() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let info = VariableInfo(name: "edu", labelEN: "Education", labelZH: "受教育程度", type: .ordinal, values: [
            ValueLabel(code: 1, labelEN: "primary", labelZH: "小学"), ValueLabel(code: 2, labelEN: "college", labelZH: "大学"),
        ])
        let d = Dataset(name: "e", columns: [Column(name: "edu", values: [1, 2, .nan])],
                        codebook: Codebook(dataset: "e", variables: [info]))
        try DTAWriter.write(d, to: dir + "/e.dta", language: .zh)
        let back = try DatasetLoader.load(path: dir + "/e.dta")
        #expect(back.info("edu")?.labelZH == "受教育程度")
        #expect(back.info("edu")?.values.map(\.labelZH) == ["小学", "大学"])
        #expect(sameValues(back.column("edu")!.values, [1, 2, .nan]))
    }

    @Test func writeErrorsAreReported() throws {
        let d = Dataset(name: "bad", columns: [Column(name: "1bad name", values: [1])],
                        codebook: Codebook(dataset: "bad", variables: []))
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: SurveyDataError.self) { try DTAWriter.write(d, to: dir + "/bad.dta") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty) // temp file removed
        #expect(throws: SurveyDataError.self) { try DTAWriter.write(d, to: "/nonexistent-dir/x.dta") }
    }

    static let rscript = "/usr/bin/Rscript"
    /// Why the haven cross-check cannot run (no R, or no haven), or nil.
    static let havenMissing: String? = {
        guard FileManager.default.isExecutableFile(atPath: rscript) else { return "R (\(rscript)) is not installed" }
        guard let run = try? Subprocess.run(rscript, ["-e", "library(haven)"], timeout: 120), run.status == 0 else {
            return "R's haven package is not installed"
        }
        return nil
    }()
}

@Suite struct DTALimitsTests {
    @Test func overlongLabelsAreCutAtACharacterBoundaryAndReported() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let long = "a" + String(repeating: "长", count: 150) // 451 bytes; 320 does not fall on a character boundary
        let info = VariableInfo(name: "x", labelZH: long, type: .categorical, values: [ValueLabel(code: 1, labelZH: "是")])
        let d = Dataset(name: "e", columns: [Column(name: "x", values: [1])], codebook: Codebook(dataset: "e", variables: [info]))
        let notes = try DTAWriter.write(d, to: dir + "/e.dta", language: .zh)
        #expect(notes == ["label of 'x' shortened to 107 characters (the .dta format's limit)"])
        let back = try DatasetLoader.load(path: dir + "/e.dta")
        #expect(back.info("x")?.labelZH == String(long.prefix(107)))
        #expect(back.info("x")?.values.first?.labelZH == "是")
    }
}
