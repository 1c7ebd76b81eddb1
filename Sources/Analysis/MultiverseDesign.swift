import Foundation
import Estimation
import SurveyData

/// One subsample's design with every control of the multiverse, built once; each specification
/// takes its columns (key regressor, fixed terms, the units that are on, `_cons`) instead of
/// parsing and expanding its own formula. All specifications of a subsample share its rows (the
/// complete cases of every variable any of them uses: one sample per curve).
struct MultiverseSampleDesign: Sendable {
    let condition: String?
    let full: DesignMatrix?
    /// Why the subsample has no design (no observations, an outcome that does not vary…).
    let failure: String?
    /// Columns always in: the key regressor's and the fixed terms'.
    let baseColumns: [Int]
    /// Columns per control unit.
    let unitColumns: [[Int]]
    /// The key regressor's design term (`union=1`, `age`).
    let keyName: String
    /// False when a control or fixed term is an interaction: which cells enter depends on the
    /// lower-order terms present (Stata's coding), so those specifications build their own design.
    let usesColumnSubsets: Bool

    /// Which subsample of the plan this is.
    let subsample: Int

    init(plan: MultiversePlan, subsample: Int, dataset: Dataset) throws(MultiverseError) {
        let request = plan.request
        self.subsample = subsample
        condition = plan.condition(subsample: subsample)
        let allTerms = [plan.keyTerm] + request.fixed + plan.units.flatMap(\.terms)
        let spec = plan.modelSpec(request.estimators[0], formula: "\(request.y) ~ " + allTerms.joined(separator: " + "),
                                  subsample: subsample)
        usesColumnSubsets = !(request.fixed + plan.units.flatMap(\.terms)).contains { $0.contains("#") }
        let design: DesignMatrix
        do {
            design = try DesignMatrix(spec: spec, data: dataset)
        } catch {
            switch error {
            case .formula, .unknownVariable, .data:
                throw MultiverseError("subsample \(request.subsamples[subsample].label): \(error)")
            case .invalidModel, .numerical:
                full = nil; failure = error.description; baseColumns = []; unitColumns = []
                keyName = plan.keyTerm
                return
            }
        }
        full = design
        failure = nil
        let terms = design.formula.terms
        func formulaTerms(of texts: [String]) -> Set<Int> {
            guard !texts.isEmpty, let f = try? Formula.parse("_ ~ " + texts.joined(separator: " + ")) else { return [] }
            let keys = Set(f.terms.map(\.key))
            return Set(terms.indices.filter { keys.contains(terms[$0].key) })
        }
        func columns(_ formulaTerms: Set<Int>) -> [Int] {
            design.terms.indices.filter { design.terms[$0].formulaTerm.map(formulaTerms.contains) ?? false }
        }
        let keyTerms = formulaTerms(of: [plan.keyTerm])
        let keyColumns = columns(keyTerms)
        guard keyColumns.count == 1 else {
            let names = keyColumns.map { design.terms[$0].name }.joined(separator: ", ")
            throw MultiverseError("key regressor '\(request.x)' enters as \(keyColumns.count) columns (\(names)); the multiverse needs one coefficient: a 0/1 or continuous --x")
        }
        keyName = design.terms[keyColumns[0]].name
        var taken = keyTerms.union(formulaTerms(of: request.fixed))
        baseColumns = columns(taken)
        var perUnit: [[Int]] = []
        for unit in plan.units {
            let mine = formulaTerms(of: unit.terms).subtracting(taken)
            taken.formUnion(mine)
            perUnit.append(columns(mine))
        }
        unitColumns = perUnit
    }

    /// The columns of `spec`, in design order, `_cons` last.
    func columns(for spec: MultiverseSpecification) -> [Int] {
        var cols = baseColumns
        for (u, c) in unitColumns.enumerated() where spec.mask & (1 << UInt64(u)) != 0 { cols += c }
        return cols.sorted()
    }

    /// The design of one specification: its columns of the full design, or (with interactions)
    /// its own design on the same rows.
    func design(for spec: MultiverseSpecification, plan: MultiversePlan, dataset: Dataset) throws(EstimationError) -> DesignMatrix {
        guard let full else { throw .invalidModel(failure ?? "no observations") }
        let formula = plan.formula(spec)
        guard usesColumnSubsets else {
            return try DesignMatrix(spec: plan.modelSpec(spec.estimator, formula: formula, subsample: subsample), data: dataset)
        }
        let cols = columns(for: spec) + [full.columnCount - 1]
        let n = full.rowCount
        var x = [Double](repeating: 0, count: n * cols.count)
        full.x.withUnsafeBufferPointer { src in
            x.withUnsafeMutableBufferPointer { dst in
                for (c, j) in cols.enumerated() {
                    for i in 0..<n { dst[c * n + i] = src[j * n + i] }
                }
            }
        }
        var d = full
        d.x = x
        d.terms = cols.map { full.terms[$0] }
        d.spec.formula = formula
        d.spec.kind = spec.estimator
        let kept = Set(d.terms.compactMap(\.variable) + d.terms.flatMap { $0.components.map(\.variable) })
        d.omitted = full.omitted.filter { o in
            let variable = o.term.split(whereSeparator: { $0 == "=" || $0 == "#" }).first.map(String.init) ?? o.term
            return kept.contains(variable)
        }
        return d
    }
}
