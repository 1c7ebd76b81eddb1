import Dispatch
import Foundation
import SurveyData

/// One column of a design matrix.
public struct DesignTerm: Sendable, Equatable, Hashable {
    /// `age`, `educ=3` (factor indicator), `_cons`.
    public var name: String
    /// The dataset variable (nil for `_cons`).
    public var variable: String?
    /// The factor level for indicators.
    public var level: Double?
    /// Takes only the values 0 and 1 in the estimation sample and is not `c.`-prefixed: margins use
    /// a discrete change 0→1, perfect-prediction checks apply.
    public var isBinary: Bool
    /// Index of the formula term it came from; indicators of one factor share it (margins set the
    /// siblings to 0). nil for `_cons`.
    public var formulaTerm: Int?
    /// An interaction column's factors in formula order (`1.union#c.age`: union at level 1, age
    /// continuous — level nil); empty for main effects. `variable` and `level` are nil then, so
    /// nothing mistakes the product for a level of its first factor.
    public var components: [Component] = []

    public struct Component: Sendable, Equatable, Hashable {
        public var variable: String
        /// The level the indicator is 1 at; nil for a continuous factor (its value enters).
        public var level: Double?
        public init(variable: String, level: Double?) { self.variable = variable; self.level = level }
    }

    public var isConstant: Bool { variable == nil && components.isEmpty }
    public var isInteraction: Bool { !components.isEmpty }

    public init(name: String, variable: String?, level: Double? = nil, isBinary: Bool, formulaTerm: Int?,
                components: [Component] = []) {
        self.name = name; self.variable = variable; self.level = level
        self.isBinary = isBinary; self.formulaTerm = formulaTerm; self.components = components
    }
}

/// The numbers an estimator needs, built once from a spec and a dataset: the candidate regressors
/// (column-major, ready for LAPACK, `_cons` last), the outcome, weights, cluster ids and the dataset
/// row each observation came from. Row-dependent pruning (collinearity, perfect prediction) happens
/// in `estimate`, so a resampled design (`subset(rows:)`, `reweighted(_:)`) is refitted consistently
/// without re-parsing anything.
public struct DesignMatrix: Sendable {
    public var spec: ModelSpec
    public var formula: Formula
    public var outcome: String
    /// Candidate columns; the last one is `_cons` (ordered models ignore it).
    public var terms: [DesignTerm]
    /// Column-major values: column j occupies `x[j*rowCount ..< (j+1)*rowCount]`.
    public var x: [Double]
    public var y: [Double]
    /// Per-row weights (nil = unweighted). Frequency weights count as copies of the row.
    public var weights: [Double]?
    public var weighting: Weighting
    /// Cluster index 0..<clusterCount per row when the variance is clustered.
    public var clusters: [Int]?
    public var clusterCount: Int
    /// Row of the source dataset for each observation.
    public var rows: [Int]
    /// Factor levels with no observations in the estimation sample.
    public var omitted: [OmittedTerm]
    /// Rows excluded before estimation, by reason, in the order the checks ran.
    public var dropped: [DroppedRows]
    /// What validating the formula changed (a repeated term kept once); `estimate` reports them.
    public var notes: [EstimationNote] = []
    /// The survey design resolved on the data (`spec.design`): PSUs, strata, fpc, for the
    /// linearized variance. nil without a design.
    public var survey: SurveyStructure? = nil
    /// The regressor variables' dataset columns (shared, compact): `variableValues` reads them.
    var variableColumns: [String: Column] = [:]
    /// Factor variables (`i.`, `ib#.`, categorical bare names, anything inside `#`): the levels
    /// present in the estimation sample, sorted, and the base level.
    public var factorLevels: [String: [Double]] = [:]
    public var factorBases: [String: Double] = [:]

    public var rowCount: Int { y.count }

    /// A regressor variable's values on the design's rows, for margins that set or shift a
    /// variable and rebuild every column it enters (`ConditionalMargins`); read on demand from
    /// the dataset's column, so a design holds no second copy of its variables.
    public func variableValues(_ name: String) -> [Double]? {
        guard let column = variableColumns[name] else { return nil }
        return [Double](unsafeUninitializedCapacity: rows.count) { buffer, initialized in
            if let base = buffer.baseAddress { column.storage.copy(rows: rows, into: base) }
            initialized = rows.count
        }
    }
    public var columnCount: Int { terms.count }

    /// A copy of column `j`.
    public func column(_ j: Int) -> ArraySlice<Double> {
        x[(j * rowCount)..<((j + 1) * rowCount)]
    }

    /// Builds the design for `spec` on `data`: parses the formula, applies the `if` condition,
    /// deletes rows with a missing value in any variable used (counted per first missing variable,
    /// in formula order: outcome, terms, weight, cluster), and expands factors.
    public init(spec: ModelSpec, data: Dataset) throws(EstimationError) {
        let (formula, formulaNotes) = try Formula.parse(spec.formula).validated()
        try DesignLimits.check(termCount: formula.terms.count, formula: spec.formula)
        self.notes = formulaNotes
        self.spec = spec
        self.formula = formula
        self.outcome = formula.outcome
        // A survey design's weight is the sampling weight; the design carries its own.
        if spec.design != nil, spec.weights != .none { throw .invalidModel(SurveyText.designWithWeights.text(.en)) }
        let weighting: Weighting = spec.design?.weight.map { .sampling($0) } ?? spec.weights
        self.weighting = weighting

        // Every named variable must exist.
        var used: [String] = formula.variables
        if let w = weighting.variable { used.append(w) }
        if let design = spec.design { used.append(contentsOf: [design.strata, design.psu, design.fpc].compactMap { $0 }) }
        var clusterVariable: String?
        if case .cluster(let v) = spec.vce { clusterVariable = v; used.append(v) }
        var seen = Set<String>()
        used = used.filter { seen.insert($0).inserted }
        var columns: [String: Column] = [:]
        for name in used {
            guard let column = data.column(name) else { throw .unknownVariable(name) }
            columns[name] = column
        }
        let shared = spec.sampleVariables.filter { seen.insert($0).inserted }
        for name in shared where data.column(name) == nil { throw .unknownVariable(name) }
        try Self.refuseTextAsNumber(formula: formula, weight: weighting.variable, data: data)

        // Subsample and listwise deletion, counted by the first variable found missing (the
        // model's own variables first, then those of the shared sample).
        let n = data.rowCount
        let sample = try EstimationSample(data: data, condition: spec.condition, variables: used + shared)
        var keep = sample.keep
        var dropped = sample.dropped

        // Stata's subpop(): the design sample (the `if` rows with the design variables) stays for
        // the variance; estimation uses its rows in the subpopulation with the model's variables.
        var designKeep: [Bool]? = nil
        if let design = spec.design, let subpop = spec.subpop {
            designKeep = try EstimationSample(data: data, condition: spec.condition, variables: design.variables).keep
            let inSubpop = try EstimationSample(data: data, condition: subpop, variables: []).keep
            guard (0..<n).contains(where: { inSubpop[$0] && designKeep![$0] }) else {
                throw .invalidModel(SurveyText.emptySubpop(subpop).text(.en))
            }
            var outside = 0
            for i in 0..<n where keep[i] && !inSubpop[i] { keep[i] = false; outside += 1 }
            if outside > 0 { dropped.append(DroppedRows(reason: .outsideSubpopulation, count: outside)) }
        }

        // Weights: validated, zero weights dropped (Stata drops them too).
        var weightValues: [Double]?
        if let wName = weighting.variable, let w = columns[wName] {
            var zero = 0
            if var design = designKeep {
                for i in 0..<n where design[i] {
                    if w[i] < 0 { throw .invalidModel(SurveyText.negativeWeight(wName, value: w[i], row: i + 1).text(.en)) }
                    if !(w[i] > 0) { design[i] = false }
                }
                designKeep = design
            }
            for i in 0..<n where keep[i] {
                let v = w[i]
                if v < 0 { throw .invalidModel("weight '\(wName)' is negative (\(v)) in row \(i + 1)") }
                if case .frequency = weighting, v != v.rounded() {
                    throw .invalidModel("frequency weight '\(wName)' is not an integer (\(v)) in row \(i + 1)")
                }
                if !v.isFinite { throw .invalidModel("weight '\(wName)' is not finite in row \(i + 1)") }
                if v == 0 { keep[i] = false; zero += 1 }
            }
            if zero > 0 { dropped.append(DroppedRows(reason: .zeroWeight, count: zero)) }
            weightValues = w.values
        }

        var rows: [Int] = []
        rows.reserveCapacity(n)
        for i in 0..<n where keep[i] { rows.append(i) }
        let m = rows.count
        guard !rows.isEmpty else {
            // Say which step emptied the sample (e.g. a text column read as all missing).
            let reasons = dropped.map { "\($0.reason) \($0.count)" }.joined(separator: ", ")
            throw .invalidModel("no observations for '\(spec.formula)' in \(n) rows (\(reasons.isEmpty ? "empty dataset" : reasons))")
        }
        self.rows = rows
        // Every row kept (the common case of a whole file): y, the weights and the variables'
        // values are the dataset's own arrays, shared copy-on-write rather than gathered row by
        // row (at 10^6 rows × 20 regressors the gathers were 170 MB of copies per design).
        let allRows = m == n
        let yAll = columns[formula.outcome] ?? Column(name: formula.outcome, values: [])
        self.y = allRows ? yAll.values : rows.map { yAll[$0] }
        self.weights = weightValues.map { w in allRows ? w : rows.map { w[$0] } }
        if let design = spec.design {
            if let c = spec.condition, !c.trimmingCharacters(in: .whitespaces).isEmpty { self.notes.append(.ifChangesDesign) }
            let designRows = designKeep.map { keep in (0..<n).filter { keep[$0] } } ?? rows
            self.survey = try SurveyStructure(design: design, subpop: spec.subpop, data: data, designRows: designRows,
                                              estimationRows: rows, weights: self.weights)
        }

        // Clusters.
        if let cv = clusterVariable, let values = columns[cv] {
            var ids: [Double: Int] = [:]
            var cl = [Int](repeating: 0, count: m)
            for (r, i) in rows.enumerated() {
                let v = values[i]
                if let id = ids[v] { cl[r] = id } else { let id = ids.count; ids[v] = id; cl[r] = id }
            }
            self.clusters = cl
            self.clusterCount = ids.count
        } else {
            self.clusters = nil
            self.clusterCount = 0
        }

        // Expand terms: first decide every column, then fill one preallocated column-major block.
        var terms: [DesignTerm] = []
        var sources: [DesignColumnSource] = []
        var omitted: [OmittedTerm] = []
        var cellNotes: [EstimationNote] = []
        var levelsOf: [String: FactorLevels] = [:]
        func levels(_ factor: Formula.Factor, base: Double?) throws(EstimationError) -> FactorLevels {
            if let known = levelsOf[factor.variable] { return known }
            let found = try FactorLevels(variable: factor.variable, values: columns[factor.variable] ?? Column(name: factor.variable, values: []),
                                         info: data.info(factor.variable), rows: rows, allRows: allRows,
                                         base: base, column: factor.column)
            levelsOf[factor.variable] = found
            return found
        }
        let modelKeys = Set(formula.terms.map(\.key))
        for (t, term) in formula.terms.enumerated() {
            if term.isInteraction {
                let cells = try InteractionCells(term: term, index: t, modelKeys: modelKeys, columns: columns,
                                                 rows: rows) { f, b throws(EstimationError) in try levels(f, base: b) }
                terms += cells.terms; sources += cells.sources
                omitted += cells.empty.map { OmittedTerm(term: $0, reason: .empty) }
                cellNotes += cells.empty.map { EstimationNote.emptyCell(term: $0) }
                continue
            }
            guard let values = columns[term.variable] else { continue }
            let info = data.info(term.variable)
            let asFactor: Bool
            var base: Double? = nil
            switch term.kind {
            case .continuous: asFactor = false
            case .factor(let b): asFactor = true; base = b
            case .automatic: asFactor = info?.type == .categorical
            }
            if !asFactor {
                var binary = term.kind != .continuous
                if binary {
                    if allRows {
                        if case .doubles(let plain) = values.storage {
                            binary = plain.withUnsafeBufferPointer { VectorSums.isZeroOne($0) }
                        } else {
                            binary = values.storage.isZeroOne
                        }
                    } else {
                        for i in rows where values[i] != 0 && values[i] != 1 { binary = false; break }
                    }
                }
                terms.append(DesignTerm(name: term.variable, variable: term.variable, isBinary: binary, formulaTerm: t))
                sources.append(.values(values))
                continue
            }
            let found = try levels(term.factors[0], base: base)
            for level in found.levels where level != found.base {
                let name = "\(term.variable)=\(formatCode(level))"
                guard found.present.contains(level) else {
                    omitted.append(OmittedTerm(term: name, reason: .empty))
                    continue
                }
                terms.append(DesignTerm(name: name, variable: term.variable, level: level, isBinary: true, formulaTerm: t))
                sources.append(.indicator(values, level))
            }
        }
        self.notes += cellNotes
        for (variable, found) in levelsOf {
            factorLevels[variable] = found.levels.filter { found.present.contains($0) }
            factorBases[variable] = found.base
        }
        for variable in formula.variables.dropFirst() {
            if let column = columns[variable] { variableColumns[variable] = column }
        }
        terms.append(DesignTerm(name: "_cons", variable: nil, isBinary: false, formulaTerm: nil))
        let k = terms.count
        try DesignLimits.check(rows: m, columns: k, formula: spec.formula)
        let x = [Double](unsafeUninitializedCapacity: m * k) { buffer, count in
            HugePages.advise(buffer.baseAddress, count: m * k)
            let base = UncheckedBox(buffer.baseAddress!)
            // One column per task: large samples fill the columns on all cores.
            let fill: (Int) -> Void = { c in
                let dst = base.value + c * m
                guard c < sources.count else { dst.update(repeating: 1, count: m); return } // _cons
                switch sources[c] {
                case .values(let v):
                    v.storage.copy(rows: allRows ? nil : rows, into: dst)
                case .indicator(let v, let level):
                    v.storage.indicator(level, rows: allRows ? nil : rows, into: dst)
                case .product(let parts):
                    for (r, i) in rows.enumerated() {
                        var value = 1.0
                        for part in parts { value *= part.level.map { part.values[i] == $0 ? 1 : 0 } ?? part.values[i] }
                        dst[r] = value
                    }
                }
            }
            if m * k >= RowBlocks.parallelThreshold * 4 {
                withoutActuallyEscaping(fill) { fill in
                    let task = UncheckedBox(fill)
                    DispatchQueue.concurrentPerform(iterations: k) { task.value($0) }
                }
            } else {
                for c in 0..<k { fill(c) }
            }
            count = m * k
        }
        self.terms = terms
        self.x = x
        self.omitted = omitted
        self.dropped = dropped
    }

    /// A CSV column read as text because of a cell that is not a number (`1,5`, `n.a.`) holds
    /// lexicographic rank codes: using it as a number (outcome, `c.x`, a bare name, a weight) would
    /// regress on those codes, so it is an error naming the column and the cell. `i.x` stays allowed.
    static func refuseTextAsNumber(formula: Formula, weight: String?, data: Dataset) throws(EstimationError) {
        func check(_ name: String, role: String) throws(EstimationError) {
            guard let cell = data.info(name)?.nonNumericCell else { return }
            throw .invalidModel(FormulaCheckText.textColumn(variable: name, cell: cell, role: role).text(.en))
        }
        try check(formula.outcome, role: "the outcome")
        for term in formula.terms {
            for factor in term.factors where !factor.isFactor { try check(factor.variable, role: term.text) }
            // In an interaction even `i.` is refused on a text column, as Stata refuses string
            // variables in factor notation: products of rank codes are not what anyone means.
            for factor in term.factors where term.isInteraction && factor.isFactor {
                if let info = data.info(factor.variable), info.textEncoded || info.nonNumericCell != nil {
                    throw .formula(formula: formula.text, column: factor.column,
                                   message: FormulaCheckText.textInInteraction(variable: factor.variable, term: term.text).text(.en))
                }
            }
        }
        if let weight { try check(weight, role: "the weights") }
    }

    /// `other` restricted to (or, with repeated indices, resampled from) its rows `subset`, given as
    /// valid indices 0..<rowCount: x, y, weights, dataset row numbers and clusters (renumbered dense)
    /// are copied row by row; everything else (spec, terms, omitted, dropped…) is kept as is.
    /// Used by `subset(rows:)`, which filters out-of-range indices first.
    init(copying other: DesignMatrix, rows subset: [Int]) {
        self = other
        let m = subset.count, k = other.columnCount, n = other.rowCount
        var x = [Double](repeating: 0, count: m * k)
        other.x.withUnsafeBufferPointer { src in
            x.withUnsafeMutableBufferPointer { dst in
                for j in 0..<k {
                    let s = j * n, d = j * m
                    for (r, i) in subset.enumerated() { dst[d + r] = src[s + i] }
                }
            }
        }
        self.x = x
        self.y = subset.map { other.y[$0] }
        self.weights = other.weights.map { w in subset.map { w[$0] } }
        self.rows = subset.map { other.rows[$0] }
        self.survey = other.survey?.restricted(to: subset)
        if let cl = other.clusters {
            // Renumber so cluster ids stay dense.
            var map: [Int: Int] = [:]
            self.clusters = subset.map { i in
                if let id = map[cl[i]] { return id }
                let id = map.count; map[cl[i]] = id; return id
            }
            self.clusterCount = map.count
        }
    }

    /// The design restricted to (or resampled with repeats from) observations `rows`, given as
    /// indices 0..<rowCount of this design. Bootstrap: pass a resample drawn with replacement.
    /// Indices out of range are ignored.
    public func subset(rows indices: [Int]) -> DesignMatrix {
        DesignMatrix(copying: self, rows: indices.filter { $0 >= 0 && $0 < rowCount })
    }

    /// The same design with per-observation frequency weights multiplied in (e.g. bootstrap counts:
    /// 0 leaves a row out, 2 counts it twice). Cheaper than `subset` for large designs.
    public func reweighted(_ counts: [Double]) -> DesignMatrix {
        var copy = self
        let base = weights ?? [Double](repeating: 1, count: rowCount)
        copy.weights = zip(base, counts + [Double](repeating: 0, count: max(0, rowCount - counts.count)))
            .map { $0 * max(0, $1) }
        if case .none = weighting { copy.weighting = .frequency("(resample)") }
        return copy
    }
}
