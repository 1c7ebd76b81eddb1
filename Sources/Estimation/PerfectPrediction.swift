/// Stata's perfect-prediction check for logit/probit: a 0/1 regressor whose nonzero value occurs
/// only with successes (or only with failures) is dropped together with those observations —
/// "x != 0 predicts success perfectly; x dropped and 12 obs not used" — so N matches Stata.
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
        var changed = true
        while changed {
            changed = false
            for c in remaining {
                let base = c * n
                var successes = 0.0, failures = 0.0
                for i in 0..<n where !excluded[i] && design.x[base + i] != 0 {
                    let w = isFrequency(design) ? (design.weights?[i] ?? 1) : 1
                    if y[i] == 1 { successes += w } else { failures += w }
                }
                guard successes + failures > 0, successes == 0 || failures == 0 else { continue }
                let name = design.terms[c].name
                let what: PredictedOutcome = successes > 0 ? .success : .failure
                let count = Int(successes + failures)
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

    private static func isFrequency(_ d: DesignMatrix) -> Bool {
        if case .frequency = d.weighting { return true } else { return false }
    }
}
