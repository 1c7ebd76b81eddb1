import Foundation
import PathLensTestSupport
import Testing
@testable import SurveyData

/// Issue 11: the .dta writer keeps Stata's extended missing values `.a`–`.z` and their labels, so a
/// .dta read and written round-trips the kinds. References: the counts by kind haven found in the
/// haven-written `byos.dta` (`byos_reference.json`, scripts/fixtures/byos_data.R), and haven
/// reading our written file (scripts/fixtures/dta_tagged_check.R).
@Suite struct DTATaggedMissingTests {
    /// byos.dta (written by haven) read and written again by `DTAWriter`.
    static func rewrite(in dir: String) throws -> (original: Dataset, path: String) {
        let original = try DatasetLoader.load(path: fixturePath("byos.dta"))
        let path = dir + "/byos-rewritten.dta"
        try DTAWriter.write(original, to: path)
        return (original, path)
    }

    static func expectedByKind() throws -> [String: Double] {
        let dta = try #require(try MissingKindTests.reference()["dta"] as? [String: Any])
        return try MissingKindTests.byKind((dta["logwage"] as? [String: Any])?["by_kind"])
    }

    @Test func roundTripKeepsEveryKindAndLabel() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (original, path) = try Self.rewrite(in: dir)
        let back = try DatasetLoader.load(path: path)
        let before = try #require(original.column("logwage")).values
        let after = try #require(back.column("logwage")).values
        #expect(before.count == after.count)
        // Row by row: the same kind (`.`, `.a`, `.b`) or the same number.
        for (i, (a, b)) in zip(before, after).enumerated() {
            #expect(MissingKind(a) == MissingKind(b) && (a.isNaN || a == b), "row \(i + 1)")
        }
        let counts = MissingCount.tally(after)
        #expect(Dictionary(uniqueKeysWithValues: counts.map { ($0.kind.description, $0.count) }) == (try Self.expectedByKind()))
        let info = try #require(back.info("logwage"))
        #expect(info.missingLabel(.extended(1), .en) == "refused")
        #expect(info.missingLabel(.extended(2), .en) == "not asked")
        #expect(info.type == .continuous) // labels only on missing values still do not make it discrete
        // The other variables and their value labels are unchanged.
        for name in original.variableNames {
            #expect(sameValues(back.column(name)!.values, original.column(name)!.values), "\(name)")
            #expect(back.info(name)?.values.map(\.labelEN) == original.info(name)?.values.map(\.labelEN), "\(name)")
        }
    }

    /// Every letter `.a`–`.z`, labelled or not, next to numbers and `.`, on a labelled variable.
    @Test func everyLetterAndItsLabelSurvive() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let values = [1, 2, Double.nan] + (1...26).map { MissingKind.extended($0).value }
        let info = VariableInfo(name: "q", labelEN: "Question", type: .binary,
                                values: [ValueLabel(code: 1, labelEN: "no"), ValueLabel(code: 2, labelEN: "yes")],
                                missingLabels: [MissingLabel(kind: ".a", labelEN: "refused"),
                                                MissingLabel(kind: ".z", labelEN: "lost")])
        let d = Dataset(name: "q", columns: [Column(name: "q", values: values), Column(name: "r", values: values)],
                        codebook: Codebook(dataset: "q", variables: [info]))
        let notes = try DTAWriter.write(d, to: dir + "/q.dta")
        #expect(notes.isEmpty)
        let back = try DatasetLoader.load(path: dir + "/q.dta")
        for name in ["q", "r"] {
            let kinds = try #require(back.column(name)).values.map { MissingKind($0) }
            #expect(kinds == values.map { MissingKind($0) }, "\(name)")
        }
        let q = try #require(back.info("q"))
        #expect(q.missingLabel(.extended(1), .en) == "refused")
        #expect(q.missingLabel(.extended(26), .en) == "lost")
        #expect(q.missingLabel(.extended(2), .en) == nil)
        #expect(q.values.map(\.labelEN) == ["no", "yes"])
    }

    /// A .dta has no user-missing codes: an SPSS user-missing value is written as `.`, and the
    /// writer says so.
    @Test func userMissingCodesBecomeSystemMissingWithANote() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = Dataset(name: "h", columns: [Column(name: "hours", values: [40, MissingKind.userMissing(999)])],
                        codebook: Codebook(dataset: "h", variables: []))
        let notes = try DTAWriter.write(d, to: dir + "/h.dta")
        #expect(notes == ["user-missing codes of 'hours' written as . (a .dta has no user-missing codes)"])
        let back = try DatasetLoader.load(path: dir + "/h.dta")
        #expect(try #require(back.column("hours")).values.map { MissingKind($0) } == [nil, .system])
    }

    /// R's haven, an independent reader, finds the same kinds, counts and labels in our file as
    /// it found in its own original.
    @Test(.whenAvailable(ReadStatTests.havenMissing))
    func havenReadsTheTaggedMissingWeWrote() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (_, path) = try Self.rewrite(in: dir)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scripts/fixtures/dta_tagged_check.R").standardized.path
        let run = try Subprocess.run(ReadStatTests.rscript, [script, path, "logwage"], timeout: 120)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["rows"] as? Int == 400)
        #expect(try MissingKindTests.byKind(json["by_kind"]) == (try Self.expectedByKind()))
        let labels = try #require(json["by_kind"] as? [[String: Any]]).map { "\($0["kind"]!)=\($0["label"] as? String ?? "-")" }
        #expect(labels == [".=-", ".a=refused", ".b=not asked"])
    }
}
