import Foundation
import Testing
import SurveyData
@testable import Estimation

/// The typed drop / omit reasons and estimation notes: the English wording the output has always
/// had, a Chinese one, equality by wording, and the one-string Codable encoding.
struct DiagnosticsTests {
    @Test func englishWordingIsTheEstablishedOne() {
        #expect(DropReason.excludedByIf.text(.en) == "excluded by if")
        #expect(DropReason.missing(variable: "age").text(.en) == "missing age")
        #expect(DropReason.zeroWeight.text(.en) == "zero weight")
        #expect(DropReason.predictsPerfectly(term: "grp", outcome: .success).text(.en) == "grp != 0 predicts success perfectly")
        #expect(OmitReason.collinear.text(.en) == "collinear")
        #expect(OmitReason.empty.text(.en) == "empty")
        #expect(OmitReason.predictsPerfectly(.failure).text(.en) == "predicts failure perfectly")
        #expect(EstimationNote.collinear(term: "x").text(.en) == "x omitted because of collinearity")
        #expect(EstimationNote.perfectPrediction(term: "grp", outcome: .success, count: 4).text(.en)
                == "grp != 0 predicts success perfectly; grp dropped and 4 obs not used")
        #expect(EstimationNote.iterationLimit(iterations: 300, scaledGradient: 0.01234).text(.en)
                == "convergence not achieved after 300 iterations (scaled gradient 0.0123)")
        #expect("\(DropReason.missing(variable: "x"))" == "missing x")
    }

    @Test func everyCaseHasChineseText() {
        let drops: [DropReason] = [.excludedByIf, .missing(variable: "v"), .zeroWeight, .predictsPerfectly(term: "t", outcome: .failure)]
        let omits: [OmitReason] = [.collinear, .empty, .predictsPerfectly(.success)]
        let notes: [EstimationNote] = [.samplingWeightsImplyRobust, .perfectPrediction(term: "t", outcome: .success, count: 1),
                                       .collinear(term: "t"), .informationNotInvertible,
                                       .iterationLimit(iterations: 1, scaledGradient: 1), .noImprovingStep, .completeSeparation,
                                       .quasiSeparation(failures: 1, successes: 2), .quasiSeparationOrdered(observations: 3), .notConverged]
        let pairs = drops.map { ($0.text(.en), $0.text(.zh)) } + omits.map { ($0.text(.en), $0.text(.zh)) }
            + notes.map { ($0.text(.en), $0.text(.zh)) }
        for (en, zh) in pairs {
            #expect(en != zh)
            #expect(zh.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(zh)")
        }
    }

    @Test func codableIsTheEnglishString() throws {
        let omitted = OmittedTerm(term: "x", reason: .collinear)
        let json = String(decoding: try JSONEncoder().encode(omitted), as: UTF8.self)
        #expect(json.contains(#""reason":"collinear""#), "\(json)")
        let back = try JSONDecoder().decode(OmittedTerm.self, from: Data(json.utf8))
        #expect(back == omitted)
        let dropped = DroppedRows(reason: .missing(variable: "age"), count: 3)
        let d = String(decoding: try JSONEncoder().encode(dropped), as: UTF8.self)
        #expect(d.contains(#""reason":"missing age""#), "\(d)")
        #expect(DroppedRows(reason: "missing age", count: 3) == dropped)
    }

    @Test func fitsReportTypedReasons() throws {
        let r = try fitModel(ModelSpec(kind: .ols, formula: "y ~ x + grp"), data: smallDataset())
        #expect(r.dropped.map(\.reason) == [.missing(variable: "y"), .missing(variable: "x")])
        guard case .missing(let v) = r.dropped.first?.reason else { Issue.record("\(r.dropped)"); return }
        #expect(v == "y")
    }
}
