import Testing
import Foundation
import Estimation
import SurveyData
@testable import Mediation

/// The common estimation sample (`if` condition, user-missing codes) and the one-line errors for
/// out-of-range options — paths the CLI's `--if`, `--reps`, `--level` options reach.
@Suite struct CommonSampleTests {
    static let spec = MediationSpec(x: "wc", mediators: ["lwg"], y: "inc", controls: ["age", "k5", "k618"])

    static func message(_ spec: MediationSpec, _ options: MediationOptions = MediationOptions(methods: [.bk]),
                        data: Dataset? = nil) throws -> String? {
        let data = try data ?? Fixtures.mroz()
        do { _ = try Mediation.analyze(spec: spec, data: data, options: options); return nil }
        catch { return "\(error)" }
    }

    @Test func ifConditionSelectsTheSampleAndCountsTheRest() throws {
        let data = try Fixtures.mroz()
        let ages = try #require(data.column("age")).values
        let kept = ages.filter { $0 > 40 }.count
        var spec = Self.spec
        spec.condition = "age > 40"
        let r = try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.bk]))
        #expect(r.n == kept)
        #expect(r.dropped == [DroppedRows(reason: "excluded by if", count: ages.count - kept)])
        #expect(r.condition == "age > 40")
    }

    @Test func userMissingCodesAreDropped() throws {
        var data = try Fixtures.mroz()
        var k5 = try #require(data.column("k5"))
        for i in 0..<7 { k5.values[i] = 9 }
        data.setColumn(k5, info: VariableInfo(name: "k5", type: .continuous, missingCodes: [9]))
        let r = try Mediation.analyze(spec: Self.spec, data: data, options: MediationOptions(methods: [.bk]))
        #expect(r.n == 753 - 7)
        #expect(r.dropped == [DroppedRows(reason: "missing k5", count: 7)])
    }

    @Test func emptyOrBadSamplesAreOneLineErrors() throws {
        var spec = Self.spec
        spec.condition = "age > 1000"
        let empty = try Self.message(spec)
        #expect(empty?.contains("no observations") == true)
        spec.condition = "age >"
        let bad = try #require(try Self.message(spec))
        #expect(!bad.isEmpty)
        for m in [empty, bad].compactMap({ $0 }) { #expect(!m.contains("\n"), "\(m)") }
    }

    @Test func outOfRangeOptionsAreOneLineErrors() throws {
        let cases: [(MediationOptions, String)] = [
            (MediationOptions(reps: -1), "--reps must be between"),
            (MediationOptions(alpha: 0), "alpha must be between 0 and 1"),
            (MediationOptions(level: 1), "confidence level must be between 0 and 1"),
            (MediationOptions(quadratureNodes: 0), "quadrature nodes must be between 1 and 200"),
        ]
        for (options, expected) in cases {
            let m = try #require(try Self.message(Self.spec, options))
            #expect(m.contains(expected), "\(m)")
            #expect(!m.contains("\n"))
        }
    }
}
