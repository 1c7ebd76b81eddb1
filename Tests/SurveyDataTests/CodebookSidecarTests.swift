import Foundation
import Testing
@testable import SurveyData

@Suite struct CodebookSidecarTests {
    private let codebookJSON = """
    {
      "dataset": "workers",
      "notice_en": "Synthetic data.",
      "variables": [
        {"name": "union", "label_en": "Union member", "label_zh": "工会会员", "type": "binary",
         "values": [{"code": 0, "name": "no"}, {"code": 1, "name": "yes", "label_zh": "是"}]},
        {"name": "industry", "label_en": "Industry", "type": "categorical", "base": 2,
         "values": [{"code": 1, "name": "primary", "label_zh": "第一产业"},
                    {"code": 2, "name": "secondary"}, {"code": 3, "name": "tertiary"}]},
        {"name": "skill", "type": "ordinal", "missing": [-9, -8],
         "values": [{"code": 1, "name": "low"}, {"code": 2, "name": "mid"}, {"code": 3, "name": "high"}]}
      ],
      "control_groups": [{"name": "individual", "label_en": "Individual", "terms": ["union"]}],
      "subsamples": [{"name": "sec", "if": "industry == \\"secondary\\""}],
      "roles": {"outcome": "skill", "key_regressor": "union"}
    }
    """

    private func write(_ csv: String, codebook: String?) throws -> (dir: String, path: String) {
        let dir = try makeTemporaryDirectory()
        let path = dir + "/workers.csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        if let codebook { try codebook.write(toFile: dir + "/workers.codebook.json", atomically: true, encoding: .utf8) }
        return (dir, path)
    }

    @Test func appliesLabelsMissingCodesAndMapsText() throws {
        let (dir, path) = try write("union,industry,skill,age\n是,secondary,3,30\nno,第一产业,-9,\n1,3,-8,50\n,tertiary,2,40\n",
                                    codebook: codebookJSON)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = try DatasetLoader.load(path: path)
        #expect(!d.codebook.inferred)
        #expect(d.codebook.noticeEN == "Synthetic data.")
        #expect(d.codebook.controlGroups.first?.terms == ["union"])
        #expect(d.codebook.subsamples.first?.condition == "industry == \"secondary\"")
        #expect(d.codebook.roles?.keyRegressor == "union")
        #expect(sameValues(d.column("union")!.values, [1, 0, 1, .nan]))
        #expect(sameValues(d.column("industry")!.values, [2, 1, 3, 3]))
        #expect(sameValues(d.column("skill")!.values, [3, .nan, .nan, 2]))
        #expect(d.info("industry")?.base == 2)
        // `age` is not in the codebook: inferred, and said so.
        #expect(d.info("age")?.type == .continuous)
        #expect(d.notes == ["codebook has no entry for age: types inferred"])
        // Filters see the codebook's labels.
        #expect(try Filter("industry == \"secondary\"", dataset: d).mask(on: d) == [true, false, false, false])
    }

    @Test func unknownTextIsAnErrorNamingLineAndVariable() throws {
        let (dir, path) = try write("union,industry,skill\nyes,secondary,1\nno,mining,2\n", codebook: codebookJSON)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: SurveyDataError.csv(file: path, line: 3,
            message: "variable 'industry': 'mining' is not one of its value labels (primary, secondary, tertiary)")) {
            try DatasetLoader.load(path: path)
        }
    }

    @Test func codebookVariableMissingFromCSV() throws {
        let (dir, path) = try write("union,skill\n1,2\n", codebook: codebookJSON)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: SurveyDataError.codebook(file: dir + "/workers.codebook.json",
                                                 message: "variable 'industry' is not a column of \(path)")) {
            try DatasetLoader.load(path: path)
        }
    }

    @Test func malformedJSON() throws {
        let (dir, path) = try write("a\n1\n", codebook: "{\"variables\": [ {\"name\": \"a\" ")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try DatasetLoader.load(path: path)
            Issue.record("expected an error")
        } catch let SurveyDataError.codebook(file, message) {
            #expect(file == dir + "/workers.codebook.json")
            #expect(message.hasPrefix("malformed JSON"))
            #expect(!message.contains("\n"))
        }
    }

    @Test func missingKeyAndWrongTypeAreLocated() throws {
        let (dir, path) = try write("a\n1\n", codebook: "{\"variables\": [{\"name\": \"a\"}]}")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: SurveyDataError.codebook(file: dir + "/workers.codebook.json",
                                                 message: "missing key 'type' at variables[0]")) {
            try DatasetLoader.load(path: path)
        }
        try "{\"variables\": [{\"name\": \"a\", \"type\": \"weird\"}]}".write(toFile: dir + "/workers.codebook.json", atomically: true, encoding: .utf8)
        do {
            _ = try DatasetLoader.load(path: path)
            Issue.record("expected an error")
        } catch let SurveyDataError.codebook(_, message) {
            #expect(message.hasPrefix("invalid value at variables[0].type"))
        }
    }

    @Test func textInAContinuousVariable() throws {
        let (dir, path) = try write("a\n1\nlots\n", codebook: "{\"variables\": [{\"name\": \"a\", \"type\": \"continuous\"}]}")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: SurveyDataError.csv(file: path, line: 3,
                                            message: "variable 'a' is continuous in the codebook but holds text 'lots'")) {
            try DatasetLoader.load(path: path)
        }
    }

    @Test func writersRoundTripThroughCSVAndCodebook() throws {
        let (dir, path) = try write("union,industry,skill,age\n是,secondary,3,30.5\nno,第一产业,-9,\n", codebook: codebookJSON)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = try DatasetLoader.load(path: path)
        let out = dir + "/copy.csv"
        try CSVWriter.write(d, to: out)
        let back = try DatasetLoader.load(path: out)
        #expect(back.variableNames == d.variableNames)
        for name in d.variableNames { #expect(sameValues(back.column(name)!.values, d.column(name)!.values)) }
        #expect(back.codebook.variables == d.codebook.variables)
        #expect(back.codebook.roles == d.codebook.roles)
        // No temporary files left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }
}
