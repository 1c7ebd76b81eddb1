import Foundation
import Testing
import SurveyData
@testable import Estimation

/// Newton–Raphson now starts from least squares on the latent scale; the maximum it reaches must be
/// the one the null-model start reaches (the golden fixtures pin that maximum against R).
struct StartValuesTests {
    /// y depends on four regressors through a latent logistic or normal variable; `noise` makes y
    /// unrelated to them (then the least-squares start is about the null model).
    private func dataset(rows: Int, categories: Int, noise: Bool, seed: UInt64) -> Dataset {
        var state = seed
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Double(state >> 11) + 0.5) / 9007199254740992
        }
        var x1: [Double] = [], x2: [Double] = [], d: [Double] = [], age: [Double] = [], w: [Double] = []
        var y: [Double] = []
        for _ in 0..<rows {
            let a = uniform() * 2 - 1, b = uniform() * 3, dummy: Double = uniform() < 0.4 ? 1 : 0
            let years = 20 + (uniform() * 40).rounded()
            let u = uniform()
            let latent = (noise ? 0 : 0.8 * a - 0.5 * b + 0.9 * dummy + 0.03 * years) + log(u / (1 - u))
            let cuts = (1..<categories).map { Double($0) - Double(categories) / 2 + (noise ? 0 : 0.6) }
            y.append(Double(cuts.filter { latent > $0 }.count + 1))
            x1.append(a); x2.append(b); d.append(dummy); age.append(years); w.append(Double(1 + Int(uniform() * 3)))
        }
        let codebook = Codebook(dataset: "start", variables: [
            VariableInfo(name: "y", type: .ordinal), VariableInfo(name: "x1", type: .continuous),
            VariableInfo(name: "x2", type: .continuous), VariableInfo(name: "d", type: .binary),
            VariableInfo(name: "age", type: .continuous), VariableInfo(name: "w", type: .continuous),
        ])
        return Dataset(name: "start", columns: [
            Column(name: "y", values: y), Column(name: "x1", values: x1), Column(name: "x2", values: x2),
            Column(name: "d", values: d), Column(name: "age", values: age), Column(name: "w", values: w),
        ], codebook: codebook)
    }

    /// θ at the null model: β = 0, cutpoints (or `_cons`, last) at the marginal quantiles.
    private func nullStart(_ kind: ModelKind, design: DesignMatrix) -> [Double] {
        let link = Link(kind)!
        let weights = design.weights ?? [Double](repeating: 1, count: design.rowCount)
        let total = weights.reduce(0, +)
        let slopes = design.columnCount - 1
        if kind.isBinary {
            let share = zip(design.y, weights).reduce(0) { $0 + ($1.0 != 0 ? $1.1 : 0) } / total
            return [Double](repeating: 0, count: slopes) + [link.quantile(share)]
        }
        let levels = Array(Set(design.y)).sorted()
        var cumulative = 0.0
        return [Double](repeating: 0, count: slopes) + levels.dropLast().map { level in
            cumulative += zip(design.y, weights).reduce(0) { $0 + ($1.0 == level ? $1.1 : 0) }
            return link.quantile(cumulative / total)
        }
    }

    @Test(arguments: [ModelKind.logit, .probit, .ologit, .oprobit], [false, true])
    func sameMaximumAsFromTheNullModel(kind: ModelKind, weighted: Bool) throws {
        for noise in [false, true] {
            let data = dataset(rows: 1500, categories: kind.isBinary ? 2 : 5, noise: noise, seed: noise ? 7 : 11)
            let outcome = kind.isBinary ? "yb" : "y"
            var binaryData = data
            binaryData.setColumn(Column(name: "yb", values: data.column("y")!.values.map { $0 > 1 ? 1 : 0 }))
            let spec = ModelSpec(kind: kind, formula: "\(outcome) ~ x1 + x2 + d + age",
                                 weights: weighted ? .frequency("w") : .none)
            let design = try DesignMatrix(spec: spec, data: binaryData)
            let latent = try estimate(kind, design: design)
            var options = FitOptions()
            options.start = nullStart(kind, design: design)
            let null = try estimate(kind, design: design, options: options)
            #expect(latent.converged && null.converged)
            #expect(abs(latent.loglik! - null.loglik!) <= 1e-9 * abs(null.loglik!))
            for (a, b) in zip(latent.coefficients + latent.cutpoints, null.coefficients + null.cutpoints) {
                #expect(abs(a.estimate - b.estimate) <= 1e-7 * max(1, abs(b.estimate)), "\(kind) \(a.term)")
                #expect(abs(a.se - b.se) <= 1e-7 * b.se, "\(kind) \(a.term) se")
            }
            if !noise { #expect(latent.iterations <= null.iterations, "\(kind): \(latent.iterations) vs \(null.iterations)") }
        }
    }
}

struct VectorSumsTests {
    @Test func sumsMatchPlainLoopsAtEveryTailLength() {
        for count in [0, 1, 7, 8, 9, 15, 16, 17, 1001] {
            let v = (0..<count).map { Double($0) * 0.25 - 3 }
            let w = (0..<count).map { Double($0 % 3) + 0.5 }
            v.withUnsafeBufferPointer { vp in
                w.withUnsafeBufferPointer { wp in
                    #expect(VectorSums.sum(vp) == v.reduce(0, +))
                    let weighted = zip(v, w).reduce(0) { $0 + $1.0 * $1.1 }
                    #expect(abs(VectorSums.weightedSum(vp, wp) - weighted) <= 1e-12 * max(1, abs(weighted)))
                    let center = 1.5
                    let deviations = zip(v, w).reduce(0) { $0 + $1.1 * ($1.0 - center) * ($1.0 - center) }
                    #expect(abs(VectorSums.weightedSquaredDeviations(vp, wp, from: center) - deviations) <= 1e-12 * max(1, deviations))
                }
            }
        }
    }

    @Test func zeroOneColumnsAreRecognisedExactly() {
        func check(_ values: [Double]) -> Bool { values.withUnsafeBufferPointer { VectorSums.isZeroOne($0) } }
        for count in [1, 8, 13, 64] {
            let binary = (0..<count).map { Double($0 % 2) }
            #expect(check(binary))
            for position in [0, count - 1] {
                for odd in [2.0, 1e-200, 1 + 2.220446049250313e-16, -1, .nan, .infinity] {
                    var v = binary
                    v[position] = odd
                    #expect(!check(v), "\(odd) at \(position) of \(count)")
                }
            }
        }
        #expect(check([-0.0, 1, 0, 1, 1, 0, 0, 0, 1]))
    }
}

struct LargeDesignTests {
    /// Above the threshold the design's columns are filled on all cores; the values must be the
    /// dataset's, row for row, with indicators for a factor and the constant last.
    @Test func parallelFillCopiesEveryColumn() throws {
        let n = 30_000
        let x = (0..<n).map { Double($0 % 97) / 7 }
        let f = (0..<n).map { Double($0 % 4 + 1) }
        let y = (0..<n).map { Double(($0 * 7919) % 5) }
        let data = Dataset(name: "large", columns: [
            Column(name: "y", values: y), Column(name: "x", values: x), Column(name: "f", values: f),
        ] + (2...5).map { Column(name: "x\($0)", values: x) }, codebook: Codebook(dataset: "large", variables: [
            VariableInfo(name: "y", type: .ordinal), VariableInfo(name: "x", type: .continuous),
            VariableInfo(name: "f", type: .categorical),
        ] + (2...5).map { VariableInfo(name: "x\($0)", type: .continuous) }))
        for condition in [nil, "x < 10"] {
            let design = try DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ x + i.f + x2 + x3 + x4 + x5", condition: condition), data: data)
            let rows = design.rows
            #expect(design.terms.map(\.name) == ["x", "f=2", "f=3", "f=4", "x2", "x3", "x4", "x5", "_cons"])
            for (c, term) in design.terms.enumerated() {
                let column = Array(design.column(c))
                let expected: [Double] = rows.map { i in
                    if term.isConstant { return 1 }
                    if let level = term.level { return f[i] == level ? 1 : 0 }
                    return x[i]
                }
                #expect(column == expected, "\(term.name) if \(condition ?? "-")")
            }
        }
    }
}
