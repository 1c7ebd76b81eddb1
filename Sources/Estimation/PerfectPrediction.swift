import Dispatch
import Foundation
import SurveyData

/// Stata's perfect-prediction check for logit/probit: a 0/1 regressor whose nonzero value occurs
/// only with successes (or only with failures) is dropped together with those observations —
/// "x != 0 predicts success perfectly; x dropped and 12 obs not used" — so N matches Stata.
/// The zero side (`x == 0` rows all one outcome) is only named in a note, as Stata keeps the term.
/// Repeats until no regressor qualifies (dropping rows can expose another one).
enum PerfectPrediction {
    struct Outcome {
        var droppedColumns: [Int] = []
        var rowsToDrop = Set<Int>()
        var omitted: [OmittedTerm] = []
        var dropped: [DroppedRows] = []
        var notes: [EstimationNote] = []
    }

    static func check(design: DesignMatrix, outcome y: [Int32], candidates: [Int]) -> Outcome {
        var out = Outcome()
        let n = design.rowCount
        var remaining = candidates.filter { design.terms[$0].isBinary }
        var excluded = [Bool](repeating: false, count: n)
        var flaggedAtZero = Set<Int>()
        var changed = true
        while changed {
            changed = false
            // Every remaining column's counts at once (on all cores for large samples); the walk
            // below takes them in order and stops at the first to drop, as a column-by-column
            // loop would, so the outcome is the same.
            let tallies = Self.tallies(design: design, outcome: y, columns: remaining, excluded: excluded)
            for (position, c) in remaining.enumerated() {
                let base = c * n
                // Weighted outcome counts where the regressor is nonzero ([1]) and zero ([0]).
                let successes = tallies[position].successes, failures = tallies[position].failures
                // The zero side (every row with x == 0 has one outcome) Stata does not drop: it
                // fits, with x's coefficient running off and "N failures completely determined".
                // Kept so (same numbers as Stata), but named in a note, once per regressor.
                if !(successes[1] + failures[1] > 0 && (successes[1] == 0 || failures[1] == 0)) {
                    if successes[0] + failures[0] > 0, successes[0] == 0 || failures[0] == 0,
                       successes[1] + failures[1] > 0, !flaggedAtZero.contains(c) {
                        flaggedAtZero.insert(c)
                        out.notes.append(.perfectPredictionAtZero(term: design.terms[c].name,
                                                                  outcome: successes[0] > 0 ? .success : .failure,
                                                                  count: Int(successes[0] + failures[0])))
                    }
                    continue
                }
                let name = design.terms[c].name
                let what: PredictedOutcome = successes[1] > 0 ? .success : .failure
                let count = Int(successes[1] + failures[1])
                out.notes.append(.perfectPrediction(term: name, outcome: what, count: count))
                out.omitted.append(OmittedTerm(term: name, reason: .predictsPerfectly(what)))
                out.dropped.append(DroppedRows(reason: .predictsPerfectly(term: name, outcome: what), count: count))
                out.droppedColumns.append(c)
                for i in 0..<n where design.x[base + i] != 0 { out.rowsToDrop.insert(i); excluded[i] = true }
                remaining.removeAll { $0 == c }
                changed = true
                break
            }
        }
        return out
    }

    struct Tally { var successes = [0.0, 0.0]; var failures = [0.0, 0.0] }

    /// Weighted outcome counts where each column is nonzero ([1]) and zero ([0]), rows not excluded.
    private static func tallies(design: DesignMatrix, outcome y: [Int32], columns: [Int], excluded: [Bool]) -> [Tally] {
        let n = design.rowCount
        let frequency = isFrequency(design)
        let out = UnsafeMutableBufferPointer<Tally>.allocate(capacity: columns.count)
        defer { out.deallocate() }
        let count: (Int) -> Void = { position in
            var s0 = 0.0, s1 = 0.0, f0 = 0.0, f1 = 0.0
            design.x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { Y in
            excluded.withUnsafeBufferPointer { skip in
            (frequency ? design.weights ?? [] : []).withUnsafeBufferPointer { W in
                let v = x.baseAddress! + columns[position] * n
                for i in 0..<n where !skip[i] {
                    let w = W.isEmpty ? 1 : W[i]
                    if v[i] != 0 {
                        if Y[i] == 1 { s1 += w } else { f1 += w }
                    } else {
                        if Y[i] == 1 { s0 += w } else { f0 += w }
                    }
                }
            }
            }
            }
            }
            out.baseAddress!.advanced(by: position).initialize(to: Tally(successes: [s0, s1], failures: [f0, f1]))
        }
        if n * columns.count >= RowBlocks.parallelThreshold * 4 && RowBlocks(rowCount: n).workerCount > 1 {
            withoutActuallyEscaping(count) { count in
                let task = UncheckedBox(count)
                DispatchQueue.concurrentPerform(iterations: columns.count) { task.value($0) }
            }
        } else {
            for position in columns.indices { count(position) }
        }
        let result = Array(out)
        _ = out.baseAddress.map { $0.deinitialize(count: columns.count) }
        return result
    }

    private static func isFrequency(_ d: DesignMatrix) -> Bool {
        if case .frequency = d.weighting { return true } else { return false }
    }
}

/// Complete separation by one regressor, found before fitting, as Stata's `logit`/`ologit` stop
/// with "outcome = x > c predicts data perfectly" (r(2000)): the outcome's categories occupy
/// disjoint, ordered ranges of x, so the likelihood has no maximum and any estimate printed would
/// be an artefact of the iteration limit. Quasi-complete separation (ranges touching at one value)
/// is left to `PerfectPrediction` and the "completely determined" note. One pass per column.
enum CompleteSeparation {
    /// The first regressor among `candidates` (in formula order) that separates `y` (category
    /// indices 0..<categories), worded as Stata does; nil when none does.
    static func find(design: DesignMatrix, outcome y: [Int32], categories: Int, candidates: [Int]) -> String? {
        let n = design.rowCount
        guard categories >= 2, n > 0 else { return nil }
        // Each column's range per category in one pass, columns on all cores for large samples
        // (it was a serial 10^6-row loop per regressor); the first separating one in order wins.
        let columns = candidates.filter { !design.terms[$0].isConstant }
        let ranges = UnsafeMutableBufferPointer<ColumnRange>.allocate(capacity: columns.count)
        defer { ranges.deallocate() }
        let scan: (Int) -> Void = { index in
            ranges.baseAddress!.advanced(by: index).initialize(to: Self.range(of: columns[index], design: design, y: y, categories: categories))
        }
        if n * columns.count >= RowBlocks.parallelThreshold * 4 && RowBlocks(rowCount: n).workerCount > 1 {
            withoutActuallyEscaping(scan) { scan in
                let task = UncheckedBox(scan)
                DispatchQueue.concurrentPerform(iterations: columns.count) { task.value($0) }
            }
        } else {
            for index in columns.indices { scan(index) }
        }
        defer { _ = ranges.baseAddress.map { $0.deinitialize(count: columns.count) } }
        for (index, c) in columns.enumerated() {
            let term = design.terms[c]
            let (low, high, present) = (ranges[index].low, ranges[index].high, ranges[index].present)
            let levels = (0..<categories).filter { present[$0] }
            guard levels.count >= 2 else { continue }
            let increasing = zip(levels, levels.dropFirst()).allSatisfy { high[$0] < low[$1] }
            let decreasing = zip(levels, levels.dropFirst()).allSatisfy { low[$0] > high[$1] }
            guard increasing || decreasing else { continue }
            let name = term.name
            let outcome = design.outcome
            if levels.count == 2 {
                let cut = increasing ? high[levels[0]] : low[levels[0]]
                return EstimationProblemText.separated(outcome: outcome, condition: "\(name) \(increasing ? ">" : "<") \(shortNumber(cut))").text(.en)
            }
            return EstimationProblemText.separatedOrdered(outcome: outcome, term: name).text(.en)
        }
        return nil
    }

    /// One column's smallest and largest value in each outcome category (rows of positive weight).
    struct ColumnRange { var low: [Double]; var high: [Double]; var present: [Bool] }

    private static func range(of c: Int, design: DesignMatrix, y: [Int32], categories: Int) -> ColumnRange {
        var low = [Double](repeating: .infinity, count: categories)
        var high = [Double](repeating: -.infinity, count: categories)
        var present = [Bool](repeating: false, count: categories)
        let n = design.rowCount
        design.x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { Y in
        low.withUnsafeMutableBufferPointer { lo in
        high.withUnsafeMutableBufferPointer { hi in
        present.withUnsafeMutableBufferPointer { seen in
            let v = x.baseAddress! + c * n
            if let w = design.weights {
                for i in 0..<n where w[i] > 0 {
                    let j = Int(Y[i]), value = v[i]
                    seen[j] = true
                    if value < lo[j] { lo[j] = value }
                    if value > hi[j] { hi[j] = value }
                }
            } else {
                for i in 0..<n {
                    let j = Int(Y[i]), value = v[i]
                    seen[j] = true
                    if value < lo[j] { lo[j] = value }
                    if value > hi[j] { hi[j] = value }
                }
            }
        }
        }
        }
        }
        }
        return ColumnRange(low: low, high: high, present: present)
    }

    private static func shortNumber(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(format: "%.6g", v)
    }
}

/// Estimation errors worded as Stata words them, en and zh.
enum EstimationProblemText {
    /// Stata: "outcome = x > 3 predicts data perfectly", r(2000).
    case separated(outcome: String, condition: String)
    case separatedOrdered(outcome: String, term: String)
    /// No single regressor separates, but together they do (every observation predicted with certainty).
    case separatedJointly(outcome: String)
    /// Every row left after the perfect-prediction drops has one outcome.
    case separatedByDrops(outcome: String, terms: [String])
    /// OLS sums of squares overflow (values of magnitude ~1e155 and beyond).
    case overflow(outcome: String)

    func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case let .separated(outcome, condition):
            return zh ? "结果 \(outcome) = \(condition) 完全预测数据（完全分离，Stata r(2000)）"
                      : "outcome \(outcome) = \(condition) predicts data perfectly (complete separation; Stata r(2000))"
        case let .separatedOrdered(outcome, term):
            return zh ? "\(term) 完全预测结果 \(outcome) 的类别（完全分离，Stata r(2000)）"
                      : "\(term) predicts the categories of outcome \(outcome) perfectly (complete separation; Stata r(2000))"
        case .separatedJointly(let outcome):
            return zh ? "回归变量共同完全预测结果 \(outcome)（完全分离）；系数不是有限值，模型无法估计"
                      : "the regressors together predict outcome \(outcome) perfectly (complete separation); the coefficients are not finite and the model cannot be estimated"
        case .overflow(let outcome):
            return zh ? "\(outcome) 模型的平方和溢出（数值过大，约 1e155 以上）；请重新缩放变量"
                      : "the sums of squares of the model for \(outcome) overflow (values of magnitude 1e155 or more); rescale the variables"
        case let .separatedByDrops(outcome, terms):
            let list = terms.joined(separator: ", ")
            return zh ? "\(list) 完全预测结果 \(outcome)：删除被完全预测的观测后结果不再变化（完全分离，Stata r(2000)）"
                      : "\(list) predicts outcome \(outcome) perfectly: once the perfectly predicted observations are dropped the outcome does not vary (complete separation; Stata r(2000))"
        }
    }
}
