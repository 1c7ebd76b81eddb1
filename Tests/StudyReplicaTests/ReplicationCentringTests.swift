import Foundation
import Testing
import Estimation
import SurveyData
@testable import StudyReplica

/// The x-standardized columns' cutpoints (cut − x̄b, SE by the delta method) against an ordered
/// logit refitted on mean-centred regressors in R (scripts/fixtures/replication_centring.R).
struct ReplicationCentringTests {
    struct Fixture: Decodable {
        var data: String
        var formula: String
        var cutpoints: [Cut]
        struct Cut: Decodable { var term: String; var estimate: Double; var se: Double; var z: Double }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func centredCutpointsMatchARefitOnCentredRegressors() throws {
        let url = Self.root.appendingPathComponent("Tests/StudyReplicaTests/Fixtures/centred_cutpoints.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        let data = try DatasetLoader.load(path: Self.root.appendingPathComponent(fixture.data).path)
        let spec = ModelSpec(kind: .ologit, formula: fixture.formula)
        let fit = try fitModel(spec, data: data)
        let centring = try CutpointCentring(fit: fit, spec: spec, data: data)
        #expect(fit.cutpoints.count == fixture.cutpoints.count)
        for expected in fixture.cutpoints {
            let cut = try #require(fit.cutpoints.first { $0.term == expected.term })
            let centred = centring.centred(cut)
            #expect(abs(centred.value - expected.estimate) < 1e-6, "\(expected.term): \(centred.value) vs \(expected.estimate)")
            let z = try #require(centred.z)
            #expect(abs(z - expected.z) <= 1e-5 * max(1, abs(expected.z)), "\(expected.term) z: \(z) vs \(expected.z)")
        }
    }
}
