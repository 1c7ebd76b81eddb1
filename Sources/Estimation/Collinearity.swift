import CLapack
import Foundation

/// Finds regressors that are linear combinations of earlier ones, as Stata's `_rmcoll`: the LATER
/// term in formula order goes ("omitted because of collinearity").
///
/// The R factor of X is accumulated block by block (a tall-skinny QR, so no n×k copy is made);
/// pivoted QR (`dgeqp3`) on R gives the numerical rank, and the diagonal of the unpivoted R — the
/// norm of each column's residual on all earlier columns — says which columns carry no new
/// direction, in order.
enum Collinearity {
    /// Relative tolerance on a column's residual norm (R's `lm` uses the same 1e-7).
    static let tolerance = 1e-7

    /// Columns of the column-major n×(total) matrix `x`, taken in `order`, that are collinear
    /// with earlier ones in that order. Returns indices into `x`'s columns.
    static func collinearColumns(x: [Double], rows n: Int, order: [Int]) -> Set<Int> {
        let k = order.count
        guard k > 0, n > 0 else { return [] }
        let factor = TallSkinnyQR.factor(x: x, rows: n, columns: order)
        let r = factor.r, norms2 = factor.norms2
        // Which columns add no new direction, in order.
        var dropped = Set<Int>()
        for c in 0..<k {
            let norm = norms2[c].squareRoot()
            if norm == 0 || abs(r[c * k + c]) <= tolerance * norm { dropped.insert(order[c]) }
        }
        // Pivoted QR on the unit-scaled R: the numerical rank must agree with what is kept.
        let rank = numericalRank(r: r, norms: norms2.map { $0.squareRoot() }, k: k)
        if rank < k - dropped.count {
            // Borderline case (a column within the tolerance of the span of the others, later ones
            // included, though above it on the earlier ones alone): latest first, drop a column only
            // when the rest keep the rank — it carries no direction of its own — until the kept
            // count fits the rank. A column whose removal lowers the rank stays, and the search
            // goes on to earlier columns; the first column in `order` (the constant) is never tried.
            var kept = (0..<k).filter { !dropped.contains(order[$0]) }
            var position = kept.count - 1
            while kept.count > rank, position > 0 {
                var without = kept
                without.remove(at: position)
                let subset = subMatrix(r, k: k, columns: without)
                let sub = numericalRank(r: subset, norms: without.map { norms2[$0].squareRoot() }, k: without.count, rows: k)
                if sub >= rank {
                    dropped.insert(order[kept[position]])
                    kept = without
                }
                position -= 1
            }
        }
        return dropped
    }

    private static func subMatrix(_ r: [Double], k: Int, columns: [Int]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(k * columns.count)
        for c in columns { out.append(contentsOf: r[(c * k)..<((c + 1) * k)]) }
        return out
    }

    /// Rank of the `rows`×k matrix `r` after scaling columns to unit norm, by `dgeqp3`.
    static func numericalRank(r: [Double], norms: [Double], k: Int, rows: Int? = nil) -> Int {
        let m = rows ?? k
        guard k > 0 else { return 0 }
        var a = r
        for c in 0..<k {
            let s = norms[c] > 0 ? 1 / norms[c] : 0
            for i in 0..<m { a[c * m + i] *= s }
        }
        var jpvt = [Int32](repeating: 0, count: k)
        var tau = [Double](repeating: 0, count: min(m, k))
        _ = LAPACKE_dgeqp3(LAPACK_COL_MAJOR, Int32(m), Int32(k), &a, Int32(m), &jpvt, &tau)
        let first = abs(a[0])
        guard first > 0 else { return 0 }
        var rank = 0
        for i in 0..<min(m, k) where abs(a[i * m + i]) > tolerance * first { rank += 1 }
        return rank
    }
}
