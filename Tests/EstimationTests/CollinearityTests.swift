import Foundation
import Testing
import SurveyData
@testable import Estimation

/// The borderline of `Collinearity.collinearColumns`: every column's residual on the EARLIER ones
/// is above the tolerance (so the in-order check drops nothing), yet one column lies within the
/// tolerance of the span of all the others, LATER ones included (so the pivoted rank is lower).
/// Here x1 = 1 + β·z + ε·w with β = 1e-4, ε = 1e-10: x1's residual on the constant is ≈ β and z's
/// residual on (1, x1) is ≈ ε/β = 1e-6, both above 1e-7, but x1 − 1 − β·z = ε·w is far below it.
/// The extra columns must stay: dropping the latest column whatever it is (the old greedy loop)
/// omitted an independent regressor and kept the near-singular set.
struct CollinearityTests {
    /// ±1 columns of a 16×16 Sylvester–Hadamard matrix: mutually orthogonal, and orthogonal to the
    /// constant (column 0).
    static func hadamard(_ j: Int, n: Int = 16) -> [Double] {
        (0..<n).map { i in (i & j).nonzeroBitCount % 2 == 0 ? 1 : -1 }
    }

    static let beta = 1e-4, epsilon = 1e-10

    /// 1 + β·a + ε·b.
    static func nearConstant(_ a: Int, _ b: Int) -> [Double] {
        zip(hadamard(a), hadamard(b)).map { 1 + beta * $0 + epsilon * $1 }
    }

    @Test func borderlineDropsTheRedundantColumnNotTheLatestOne() {
        // Columns: constant, x1 ≈ 1 + β·z, z, v (v orthogonal to everything).
        let columns = [Self.hadamard(0), Self.nearConstant(1, 2), Self.hadamard(1), Self.hadamard(4)]
        let x = columns.flatMap { $0 }
        let dropped = Collinearity.collinearColumns(x: x, rows: 16, order: [0, 1, 2, 3])
        #expect(dropped == [2], "\(dropped)")
    }

    @Test func borderlineWithTwoDeficienciesDropsBoth() {
        // Two independent near-dependencies: x1 ≈ 1 + β·z and x3 ≈ 1 + β·z2; the rank is 3 of 5.
        // Stopping after the first drop whose remainder has the full set's rank left 4 columns of rank 3.
        let columns = [Self.hadamard(0), Self.nearConstant(1, 2), Self.hadamard(1), Self.nearConstant(4, 8), Self.hadamard(4)]
        let x = columns.flatMap { $0 }
        let dropped = Collinearity.collinearColumns(x: x, rows: 16, order: [0, 1, 2, 3, 4])
        #expect(dropped == [2, 4], "\(dropped)")
    }

    @Test func borderlineThroughTheFit() throws {
        let names = ["x1", "z", "v"]
        let values = [Self.nearConstant(1, 2), Self.hadamard(1), Self.hadamard(4)]
        let y = (0..<16).map { i in Double(i % 5) + 0.5 * Self.hadamard(4)[i] }
        let codebook = Codebook(dataset: "borderline", variables: [VariableInfo(name: "y", type: .continuous)]
                                + names.map { VariableInfo(name: $0, type: .continuous) })
        let data = Dataset(name: "borderline", columns: [Column(name: "y", values: y)]
                           + zip(names, values).map { Column(name: $0, values: $1) }, codebook: codebook)
        let r = try fitModel(ModelSpec(kind: .ols, formula: "y ~ x1 + z + v"), data: data)
        #expect(r.omitted.map(\.term) == ["z"], "\(r.omitted)")
        #expect(r.coefficients.map(\.term) == ["x1", "v", "_cons"])
    }
}
