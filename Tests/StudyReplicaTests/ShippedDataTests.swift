import Foundation
import Testing
import SurveyData
@testable import StudyReplica

/// The shipped `data/` files: Tables 1 and 2 hold exactly, and the generator with the documented
/// seed reproduces them byte for byte.
@Suite struct ShippedDataTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let dataDirectory = repoRoot.appendingPathComponent("data").path

    func shipped() throws -> Dataset {
        try DatasetLoader.load(path: Self.dataDirectory + "/dalian2022.csv")
    }

    func counts(_ values: [Double], codes: [Int]) -> [Int] {
        codes.map { code in values.filter { $0 == Double(code) }.count }
    }

    func column(_ data: Dataset, _ name: String) throws -> [Double] {
        try data.requireColumn(name).values
    }

    @Test func table1FrequenciesAreExact() throws {
        let data = try shipped()
        #expect(data.rowCount == 3067)
        #expect(data.variableNames == DalianRecords.variableNames)
        #expect(counts(try column(data, "skill"), codes: Array(1...6)) == [1826, 410, 479, 238, 59, 55])
        #expect(counts(try column(data, "union"), codes: [1, 0]) == [2644, 423])
        #expect(counts(try column(data, "training"), codes: [1, 0]) == [2476, 591])
        #expect(counts(try column(data, "male"), codes: [1, 0]) == [1628, 1439])
        #expect(counts(try column(data, "educ"), codes: Array(1...6)) == [26, 334, 131, 209, 595, 1772])
        #expect(counts(try column(data, "married"), codes: [1, 0]) == [2088, 979])
        #expect(counts(try column(data, "party"), codes: [1, 0]) == [815, 2252])
        #expect(counts(try column(data, "occ"), codes: Array(1...8)) == [622, 326, 1151, 246, 536, 4, 34, 148])
        #expect(counts(try column(data, "industry"), codes: [1, 2, 3]) == [162, 1797, 1108])
        #expect(try column(data, "id") == (1...3067).map(Double.init))
    }

    @Test func table2CrosstabsAreExact() throws {
        let data = try shipped()
        let union = try column(data, "union"), skill = try column(data, "skill"), training = try column(data, "training")
        let expectedSkill: [Double: [Int]] = [0: [299, 43, 53, 19, 4, 5], 1: [1527, 367, 426, 219, 55, 50]]
        for (group, expected) in expectedSkill {
            let grades = zip(union, skill).filter { $0.0 == group }.map(\.1)
            #expect(counts(grades, codes: Array(1...6)) == expected, "skill among union == \(group)")
        }
        #expect(zip(union, training).filter { $0.0 == 0 && $0.1 == 1 }.count == 285)
        #expect(zip(union, training).filter { $0.0 == 1 && $0.1 == 1 }.count == 2191)
    }

    @Test func ageMatchesTheText() throws {
        let age = try column(try shipped(), "age")
        #expect(age.allSatisfy { $0 == $0.rounded() })
        #expect(age.min() == 19 && age.max() == 61)
        let mean = age.reduce(0, +) / Double(age.count)
        #expect(abs(mean - 35.91) < 0.005)
        let sd = (age.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(age.count - 1)).squareRoot()
        // The published standardized age coefficients bound sd(age) to about 8.40–8.53.
        #expect(sd > 8.40 && sd < 8.53, "sd(age) = \(sd)")
    }

    /// Model 9's N = 1795: exactly the two secondary-industry self-employed are dropped by Stata's
    /// perfect-prediction rule; no other regressor level of the secondary subsample (nor of the
    /// full sample) is all trained or all untrained, and no small cell is a single skill grade.
    @Test func smallCellsBehaveAsThePaperNeeds() throws {
        let data = try shipped()
        let occ = try column(data, "occ"), industry = try column(data, "industry"), educ = try column(data, "educ")
        let training = try column(data, "training"), skill = try column(data, "skill")
        let secondarySelfEmployed = (0..<data.rowCount).filter { occ[$0] == 6 && industry[$0] == 2 }
        #expect(secondarySelfEmployed.count == 2)
        #expect(secondarySelfEmployed.allSatisfy { training[$0] == 1 })
        for sample in [nil, 2.0] as [Double?] {
            let rows = (0..<data.rowCount).filter { sample == nil || industry[$0] == sample }
            let cells: [(String, [Double], Double)] = (1...6).map { ("educ", educ, Double($0)) }
                + (1...8).map { ("occ", occ, Double($0)) }
            for (name, values, code) in cells {
                let cell = rows.filter { values[$0] == code }
                guard !cell.isEmpty else { continue }
                if !(name == "occ" && code == 6 && sample == 2) {
                    #expect(Set(cell.map { training[$0] }).count == 2, "\(name)=\(Int(code)) in sample \(String(describing: sample))")
                }
                if cell.count > 1 {
                    #expect(Set(cell.map { skill[$0] }).count > 1, "\(name)=\(Int(code)) skill in sample \(String(describing: sample))")
                }
            }
        }
    }

    @Test func generatorReproducesTheShippedFilesByteForByte() throws {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("pathlens-synth-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        try DalianReplica.write(to: temporary, seed: DalianGenerator.defaultSeed)
        for name in DalianReplica.fileNames {
            let fresh = try Data(contentsOf: URL(fileURLWithPath: temporary + "/" + name))
            let shipped = try Data(contentsOf: URL(fileURLWithPath: Self.dataDirectory + "/" + name))
            #expect(fresh == shipped, "\(name) differs from the shipped file: re-run `pathlens synth dalian2022 --out data`")
        }
        // And the .dta reads back as the same data with its value labels.
        let dta = try DatasetLoader.load(path: Self.dataDirectory + "/dalian2022.dta")
        let csv = try shipped()
        #expect(dta.variableNames == csv.variableNames)
        for name in csv.variableNames {
            #expect(try dta.requireColumn(name).values == csv.requireColumn(name).values, "\(name) in the .dta")
        }
        #expect(dta.info("industry")?.valueLabel(for: 2)?.labelEN == "secondary-industry worker")
    }

    @Test func generatorIsDeterministic() throws {
        let first = try DalianGenerator.generate()
        let second = try DalianGenerator.generate()
        #expect(first == second)
        let other = try DalianGenerator.generate(seed: 7)
        #expect(other != second)
        #expect(other.skill.filter { $0 == 1 }.count == 1826)
    }

    @Test func codebookCarriesTheNoticeRolesAndBases() throws {
        let codebook = try shipped().codebook
        #expect(codebook.noticeEN?.hasPrefix("Synthetic replica") == true)
        #expect(codebook.noticeZH != nil)
        #expect(codebook.roles == DefaultRoles(outcome: "skill", keyRegressor: "union", mediator: "training"))
        for name in ["educ", "occ", "industry"] {
            #expect(codebook.variable(name)?.type == .categorical)
            #expect(codebook.variable(name)?.base == 1)
        }
        #expect(codebook.variable("skill")?.type == .ordinal)
        #expect(codebook.variable("age")?.type == .continuous)
        #expect(codebook.variable("industry")?.code(forLabel: "secondary") == 2)
        #expect(codebook.subsamples.first { $0.name == "secondary" }?.condition == "industry == 2")
        for variable in codebook.variables {
            #expect(variable.labelEN != nil && variable.labelZH != nil, "\(variable.name) labels")
            for value in variable.values {
                #expect(value.name != nil && value.labelEN != nil && value.labelZH != nil, "\(variable.name)=\(value.code)")
            }
        }
    }

    @Test func embeddedDataPointsAtTheShippedFiles() {
        for path in [EmbeddedData.csvPath, EmbeddedData.codebookPath, EmbeddedData.dtaPath] {
            #expect(FileManager.default.fileExists(atPath: path), "\(path)")
        }
        #expect(DalianReplica.fileNames.map { EmbeddedData.directory + "/" + $0 }
                == [EmbeddedData.csvPath, EmbeddedData.codebookPath, EmbeddedData.dtaPath])
    }

    @Test func badParametersAreReportedNotTrapped() {
        var p = DalianParameters.calibrated
        p.training["educ=9"] = 1
        #expect(throws: DalianGeneratorError.unknownTerm("educ=9", index: "training")) {
            try DalianGenerator.generate(parameters: p)
        }
        var q = DalianParameters.calibrated
        q.occByIndustry[5] = [0, 3, 1]
        #expect(throws: DalianGeneratorError.self) { try DalianGenerator.generate(parameters: q) }
    }
}
