import Foundation
import Testing
@testable import SurveyData

/// Issue 11, data layer: missing values keep their kind (`.`, `.a`–`.z`, SPSS user-missing codes)
/// through loading, subsetting and `if` conditions, and labelled variables get the measure a
/// Stata/SPSS user expects. References: `byos_reference.json`, made by haven
/// (scripts/fixtures/byos_data.R) from the same files.
@Suite struct MissingKindTests {
    /// The R reference for byos.dta / byos.sav.
    static func reference() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixturePath("byos_reference.json")))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func byKind(_ entries: Any?) throws -> [String: Double] {
        let list = try #require(entries as? [[String: Any]])
        var out: [String: Double] = [:]
        for e in list { out[try #require(e["kind"] as? String)] = try #require(e["n"] as? Double) }
        return out
    }

    private func rows(_ data: Dataset, _ condition: String) throws -> Int {
        try Filter(condition, dataset: data).mask(on: data).filter { $0 }.count
    }

    @Test func kindsRoundTripThroughTheirNaN() {
        let kinds: [MissingKind] = [.system] + (1...26).map { .extended($0) } + [.userCode(999), .userCode(-9), .userCode(0.5)]
        for kind in kinds {
            let v = kind.value
            #expect(v.isNaN, "\(kind) is stored as NaN, so every estimator treats it as missing")
            #expect(MissingKind(v) == kind, "\(kind)")
            #expect(MissingKind([v, 1].map { $0 }[0]) == kind, "array copies keep the payload")
        }
        #expect(MissingKind(0.0 / 0.0) == .system) // x86's default NaN (sign bit set) reads as `.`
        #expect(MissingKind(3.5) == nil)
        #expect(MissingKind(letter: "a")?.description == ".a" && MissingKind(letter: "z")?.description == ".z")
        #expect(MissingKind.userCode(999).description == "999")
        #expect(MissingKind.system < .extended(1) && MissingKind.extended(1) < .extended(26)
                && MissingKind.extended(26) < .userCode(-9))
    }

    @Test func stataExtendedMissingStayDistinct() throws {
        let ref = try Self.reference()
        let dta = try #require(ref["dta"] as? [String: Any])
        let d = try DatasetLoader.load(path: fixturePath("byos.dta"))
        #expect(d.rowCount == dta["rows"] as? Int)
        let logwage = try #require(d.column("logwage")).values
        let expected = try Self.byKind((dta["logwage"] as? [String: Any])?["by_kind"])
        let counts = MissingCount.tally(logwage)
        #expect(Dictionary(uniqueKeysWithValues: counts.map { ($0.kind.description, $0.count) }) == expected)
        #expect(counts.map(\.kind) == [.system, .extended(1), .extended(2)]) // Stata's order
        let info = try #require(d.info("logwage"))
        #expect(info.missingLabel(.extended(1), .en) == "refused")
        #expect(info.missingLabel(.extended(2), .en) == "not asked")
        #expect(info.missingLabel(.system, .en) == nil)
        // Labels only on missing values do not make it discrete.
        #expect(info.type == .continuous)
        // subset keeps the kinds.
        let half = d.subset((0..<d.rowCount).map { $0 % 2 == 0 })
        let halfValues = try #require(half.column("logwage")).values
        let everyOther = logwage.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        #expect(MissingCount.tally(halfValues) == MissingCount.tally(everyOther))
    }

    /// `x == .a` is the `.a` rows only, `x == .` the system-missing ones, `missing(x)` and `x >= .`
    /// all of them, `x > .a` the later letters — Stata's rules, against haven's tagged NA counts.
    @Test func ifConditionsFollowStata() throws {
        let ref = try Self.reference()
        let dta = try #require(ref["dta"] as? [String: Any])
        let kinds = try Self.byKind((dta["logwage"] as? [String: Any])?["by_kind"])
        let d = try DatasetLoader.load(path: fixturePath("byos.dta"))
        let all = try #require(dta["rows_if_missing"] as? Int)
        #expect(try rows(d, "logwage == .a") == Int(kinds[".a"]!))
        #expect(try rows(d, "logwage == .b") == Int(kinds[".b"]!))
        #expect(try rows(d, "logwage == .") == Int(kinds["."]!))
        #expect(try rows(d, "logwage != .a") == d.rowCount - Int(kinds[".a"]!))
        #expect(try rows(d, "missing(logwage)") == all)
        #expect(try rows(d, "logwage >= .") == all)
        #expect(try rows(d, "logwage < .") == d.rowCount - all)
        #expect(try rows(d, "logwage > .a") == dta["rows_if_above_a"] as? Int)
        #expect(try rows(d, "logwage <= .a") == d.rowCount - (dta["rows_if_above_a"] as? Int ?? 0))
        #expect(try rows(d, "inlist(logwage, .a, .b)") == Int(kinds[".a"]! + kinds[".b"]!))
        #expect(try rows(d, "logwage > 100") == all) // missing is above every number
        #expect(try rows(d, "logwage + 1 == .") == all) // arithmetic on any missing gives `.`
        #expect(try rows(d, "-logwage == .a") == 0)
        #expect(try rows(d, ".a < .b & . < .a & .z > .y") == d.rowCount)
    }

    @Test func measuresFromTheStataFile() throws {
        let d = try DatasetLoader.load(path: fixturePath("byos.dta"))
        #expect(d.info("jobsat")?.type == .ordinal)   // labelled 1–5
        #expect(d.info("educ")?.type == .ordinal)     // labelled 1–4
        #expect(d.info("treat")?.type == .binary)
        #expect(d.info("mentor")?.type == .binary)
        #expect(d.info("region")?.type == .categorical) // 25 codes
        #expect(d.info("pid")?.type == .continuous)
        #expect(d.info("age")?.type == .continuous)
    }

    /// The shipped replica: its labelled 1–6 skill grade opens ordinal (it opened categorical).
    @Test func shippedStataFileOpensSkillOrdinal() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../data/dalian2022.dta").standardized.path
        let d = try DatasetLoader.load(path: path)
        #expect(d.info("skill")?.type == .ordinal)
        #expect(d.info("union")?.type == .binary)
        #expect(d.info("occ")?.type == .categorical) // its "other" level looks nominal
    }

    @Test func spssUserMissingAndMeasures() throws {
        let ref = try Self.reference()
        let sav = try #require(ref["sav"] as? [String: Any])
        let hoursRef = try #require(sav["hours"] as? [String: Any])
        let d = try DatasetLoader.load(path: fixturePath("byos.sav"))
        let hours = try #require(d.info("hours"))
        // Its only value label is the missing code 999 "not measured": continuous, not ~35 dummies.
        #expect(hours.type == .continuous)
        let counts = MissingCount.tally(try #require(d.column("hours")).values)
        #expect(counts == [MissingCount(kind: .userCode(999), count: hoursRef["missing_total"] as? Double ?? -1)])
        #expect(hours.missingLabel(.userCode(999), .en) == "not measured")
        #expect(try rows(d, "missing(hours)") == hoursRef["missing_total"] as? Int)
        #expect(try rows(d, "hours == 999") == 0) // a user-missing code is missing, not the number 999
        #expect(try rows(d, "hours > 900") == hoursRef["missing_total"] as? Int) // missing is above every number
        #expect(d.info("grade")?.type == .ordinal)     // SPSS measure "ordinal"
        #expect(d.info("sector")?.type == .categorical) // SPSS measure "nominal"
        #expect(d.info("score")?.type == .ordinal)     // measure "scale", but every value labelled 1–5
        #expect(d.info("pid")?.type == .continuous)
    }

    @Test func codebookMissingCodesOfACSVKeepTheirCode() throws {
        let codebook = Codebook(dataset: "t", variables: [
            VariableInfo(name: "score", type: .ordinal, values: [ValueLabel(code: -9, labelEN: "refused")], missingCodes: [-9]),
        ])
        let d = try loadCSV("score\n1\n-9\n3\n\n", codebook: codebook)
        let values = try #require(d.column("score")).values
        #expect(values.filter(\.isNaN).count == 2)
        #expect(MissingCount.tally(values) == [MissingCount(kind: .system, count: 1), MissingCount(kind: .userCode(-9), count: 1)])
        #expect(d.info("score")?.missingLabel(.userCode(-9), .en) == "refused")
        #expect(try rows(d, "score == .") == 1)
    }

    @Test func labelledTypeRules() {
        func type(_ values: [Double], _ codes: [Double], names: [String]? = nil,
                  missing: [Double] = [], measure: TypeInference.FileMeasure = .unknown) -> VariableType {
            let labels = codes.enumerated().map { ValueLabel(code: $1, name: names?[$0] ?? "l\(Int($1))") }
            return TypeInference.fileType(values: values, labels: labels, isMissingCode: { missing.contains($0) },
                                          measure: measure)
        }
        #expect(type([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]) == .ordinal)
        #expect(type([0, 1, 1], [0, 1]) == .binary)
        #expect(type([1, 2, 2], [1, 2]) == .categorical)
        #expect(type(Array(1...11).map(Double.init), Array(1...11).map(Double.init)) == .categorical)
        #expect(type([11, 12, 21, 31], [11, 12, 21, 31]) == .categorical) // gapped codes look nominal
        #expect(type([1, 2, 3], [1, 2, 3], names: ["a", "b", "other"]) == .categorical)
        #expect(type([1, 2, 3], [1, 2, 3], names: ["a", "b", "其他"]) == .categorical)
        #expect(type([1, 2, 3], [1, 2, 3], measure: .nominal) == .categorical)
        #expect(type([1, 2, 3, 20], [1, 2, 3, 20], measure: .ordinal) == .ordinal)
        #expect(type([30.5, 40, 41, .nan], [999], missing: [999]) == .continuous)
        #expect(type([0, 1200, 3400, 5000], [0]) == .continuous) // one labelled value of many
        #expect(type([1, 2, 3, 4, 5, 6], [1, 2, 3], measure: .scale) == .continuous)
        #expect(TypeInference.fileType(values: [1, 2, 3, 2], labels: [], measure: .ordinal) == .ordinal)
        #expect(TypeInference.fileType(values: [1.5, 2, 3], labels: [], measure: .ordinal) == .continuous)
    }
}
