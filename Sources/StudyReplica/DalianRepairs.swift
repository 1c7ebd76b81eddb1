/// Small-cell repairs. A cell of a few rows (4 self-employed, 26 with primary schooling, 34
/// farmers) that is all one value would make a logit or ordered-logit coefficient infinite, or make
/// Stata drop the rows for perfect prediction. Each repair swaps the values of two rows of the SAME
/// union group (so Table 2 still holds exactly), choosing the outside row whose score is nearest.
extension DalianGenerator {
    /// Rows in any small cell: never used as the outside partner of a swap.
    static func smallCellRows(_ c: DalianRecords) -> Set<Int> {
        Set((0..<c.count).filter { c.educ[$0] == 1 || c.occ[$0] == 6 || c.occ[$0] == 7 })
    }

    static func rows(_ c: DalianRecords, where keep: (Int) -> Bool) -> [Int] {
        (0..<c.count).filter(keep)
    }

    /// The two secondary-industry self-employed are both trained (Stata's logit then drops them:
    /// Model 9's N = 1795); every other small cell, in the full sample and in the secondary
    /// subsample, has trained and untrained workers.
    static func repairTraining(_ c: inout DalianRecords, score: [Double]) {
        let protected = smallCellRows(c)
        let snapshot = c
        let secondarySelfEmployed = rows(snapshot) { snapshot.occ[$0] == 6 && snapshot.industry[$0] == 2 }
        for r in secondarySelfEmployed where c.training[r] == 0 {
            swapWithNearest(r, wanting: 1, values: &c.training, union: c.union, score: score, protected: protected)
        }
        let cells: [[Int]] = [
            rows(snapshot) { snapshot.occ[$0] == 6 && snapshot.industry[$0] != 2 },
            rows(snapshot) { snapshot.educ[$0] == 1 },
            rows(snapshot) { snapshot.educ[$0] == 1 && snapshot.industry[$0] == 2 },
            rows(snapshot) { snapshot.occ[$0] == 7 },
            rows(snapshot) { snapshot.occ[$0] == 7 && snapshot.industry[$0] == 2 },
        ]
        for cell in cells { mix(cell, values: &c.training, union: c.union, score: score, protected: protected) }
    }

    /// No small cell (full sample or secondary subsample) is all one skill grade.
    static func repairSkill(_ c: inout DalianRecords, score: [Double]) {
        let protected = smallCellRows(c)
        let snapshot = c
        let cells: [[Int]] = [
            rows(snapshot) { snapshot.occ[$0] == 6 },
            rows(snapshot) { snapshot.occ[$0] == 6 && snapshot.industry[$0] == 2 },
            rows(snapshot) { snapshot.educ[$0] == 1 },
            rows(snapshot) { snapshot.educ[$0] == 1 && snapshot.industry[$0] == 2 },
            rows(snapshot) { snapshot.occ[$0] == 7 },
            rows(snapshot) { snapshot.occ[$0] == 7 && snapshot.industry[$0] == 2 },
        ]
        for cell in cells { mix(cell, values: &c.skill, union: c.union, score: score, protected: protected) }
    }

    /// If every row of `cell` (two or more rows) has the same value, moves its most borderline row
    /// one step: up (to the nearest higher value) unless all are at the top value already.
    static func mix(_ cell: [Int], values: inout [Int], union: [Int], score: [Double], protected: Set<Int>) {
        guard cell.count >= 2, let first = cell.first, cell.allSatisfy({ values[$0] == values[first] }) else { return }
        let value = values[first]
        let top = values.max() ?? value
        let up = value < top
        let byScore = ascending(cell, by: score)
        guard let r = up ? byScore.last : byScore.first else { return }
        let wanted = up ? value + 1 : value - 1
        swapWithNearest(r, wanting: wanted, values: &values, union: union, score: score, protected: protected)
    }

    /// Swaps `values[r]` with that of the row of the same union group, outside `protected`, holding
    /// `wanted`, whose score is nearest to row r's.
    static func swapWithNearest(_ r: Int, wanting wanted: Int, values: inout [Int], union: [Int],
                                score: [Double], protected: Set<Int>) {
        var best: Int? = nil
        for q in values.indices where union[q] == union[r] && values[q] == wanted && !protected.contains(q) {
            if let b = best {
                let dq = abs(score[q] - score[r]), db = abs(score[b] - score[r])
                if dq < db || (dq == db && q < b) { best = q }
            } else {
                best = q
            }
        }
        if let q = best { values.swapAt(r, q) }
    }
}
