import Foundation
import Estimation
import SurveyData

/// Deterministic synthetic data for `bench fit` and `scripts/bench-peers`: N rows, 20 regressors
/// (12 continuous, 8 binary) and a 6-category ordinal outcome drawn from an ordered-logit model,
/// plus `yb` (outcome > 2) for the binary models. Same seed → same file, so peers time the very
/// same numbers.
enum BenchFitData {
    static let regressors = (1...20).map { "x\($0)" }
    static var formula: String { "y ~ " + regressors.joined(separator: " + ") }
    static var binaryFormula: String { "yb ~ " + regressors.joined(separator: " + ") }
    /// Issue 14's case on the embedded replica: age squared and the union × industry cells.
    static let interactionTerms = "c.age##c.age + i.union##i.industry"
    static var interactionFormula: String { "skill ~ " + interactionTerms }
    static func interactionFormula(_ kind: ModelKind) -> String { (kind.isBinary ? "training ~ " : "skill ~ ") + interactionTerms }

    /// SplitMix64 (Estimation's, the seeding step of `Xoshiro256StarStar`): tiny, seedable, good
    /// enough for benchmark data.
    struct Generator {
        var state: UInt64
        mutating func uniform() -> Double {
            (Double(Xoshiro256StarStar.splitMix64(&state) >> 11) + 0.5) / 9_007_199_254_740_992
        }
    }

    static func dataset(rows n: Int, seed: UInt64 = 2022) -> Dataset {
        var g = Generator(state: seed)
        var latent = [Double](repeating: 0, count: n)
        var columns: [Column] = []
        for (j, name) in regressors.enumerated() {
            var values = [Double](repeating: 0, count: n)
            let beta = Double((j % 5) - 2) * 0.15
            for i in 0..<n {
                // Continuous: rounded to 3 decimals so the CSV holds exactly these numbers.
                let v = j < 12 ? ((g.uniform() + g.uniform() + g.uniform() - 1.5) * 2000).rounded() / 1000
                               : (g.uniform() < 0.3 + 0.02 * Double(j - 12) ? 1 : 0)
                values[i] = v
                latent[i] += beta * v
            }
            columns.append(Column(name: name, values: values))
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let u = g.uniform()
            let l = latent[i] + log(u / (1 - u))
            y[i] = l < -0.5 ? 1 : l < 0.5 ? 2 : l < 1.2 ? 3 : l < 2 ? 4 : l < 3 ? 5 : 6
        }
        columns.insert(Column(name: "yb", values: y.map { $0 > 2 ? 1 : 0 }), at: 0)
        columns.insert(Column(name: "y", values: y), at: 0)
        let infos = columns.map { c -> VariableInfo in
            let type: VariableType = c.name == "y" ? .ordinal
                : (c.name == "yb" || c.values.allSatisfy { $0 == 0 || $0 == 1 }) ? .binary : .continuous
            return VariableInfo(name: c.name, type: type)
        }
        return Dataset(name: "bench\(n)", columns: columns, codebook: Codebook(dataset: "bench\(n)", variables: infos))
    }

    /// The generated data as the explorer opens it (`bench ui --rows N`): outcome `y`, key
    /// regressor `x13` (binary), the other regressors as two control groups (continuous x1–x12,
    /// binary x14–x20) and a subsample preset, so the default key script toggles controls, groups,
    /// estimators, the variance and a subsample on N rows. No mediator: the Mediation view's
    /// Baron–Kenny fits are not part of the Models view's time.
    static func explorerDataset(rows n: Int) -> Dataset {
        var data = dataset(rows: n)
        var codebook = data.codebook
        codebook.variables.removeAll { $0.name == "yb" }
        codebook.roles = DefaultRoles(outcome: "y", keyRegressor: "x13")
        codebook.controlGroups = [
            ControlGroup(name: "continuous", labelEN: "Continuous", labelZH: "连续变量", terms: (1...12).map { "x\($0)" }),
            ControlGroup(name: "binary", labelEN: "Binary", labelZH: "二值变量", terms: (14...20).map { "x\($0)" }),
        ]
        codebook.subsamples = [SubsamplePreset(name: "x14", labelEN: "x14 = 1", labelZH: "x14 = 1", condition: "x14 == 1")]
        let columns = data.columns.filter { $0.name != "yb" }
        data = Dataset(name: data.name, columns: columns, codebook: codebook)
        return data
    }
}
