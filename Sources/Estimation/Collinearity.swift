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
        if clearlyFullRank(x: x, rows: n, order: order) { return [] }
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

    /// Smallest singular value of the unit-scaled columns, relative to the largest, above which
    /// nothing can be collinear: far above both `tolerance` and what a cross-product loses.
    static let clearMargin = 1e-4

    /// True when the columns in `order` are so far from collinear that the QR above would drop
    /// none: from their cross-product matrix (one `dsyrk` pass over the rows, half the work of
    /// the QR and at BLAS-3 speed) scaled to unit diagonal, whose eigenvalues are the squared
    /// singular values σ² of the unit-scaled columns. When σ_min ≥ 1e-4 σ_max, every column's
    /// residual on the others (the QR's |r_cc| / ‖x_c‖) and every pivot of the rank check are
    /// ≥ σ_min ≥ 1e-4 ≫ 1e-7, so the QR's answer is known: nothing dropped. The eigenvalues of
    /// the cross products are accurate to ~1e-15 σ_max², far below the 1e-8 σ_max² that matters.
    /// Anything closer goes through the QR.
    static func clearlyFullRank(x: [Double], rows n: Int, order: [Int]) -> Bool {
        _ = LinearAlgebra.singleThreadedBLAS
        let k = order.count
        guard n >= k, let low = order.min(), let high = order.max() else { return false }
        // The cross products of the contiguous columns low...high (the design's columns are
        // adjacent), block by block on all cores; the wanted ones are picked out after.
        let width = high - low + 1
        let partials = RowBlocks(rowCount: n).map({ [Double](repeating: 0, count: width * width) }) {
            (gram: inout [Double], range: Range<Int>) in
            x.withUnsafeBufferPointer { X in
                cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(width), Int32(range.count), 1,
                            X.baseAddress! + low * n + range.lowerBound, Int32(n), 1, &gram, Int32(width))
            }
        }
        var full = partials[0]
        for other in partials.dropFirst() { for i in full.indices { full[i] += other[i] } }
        var c = [Double](repeating: 0, count: k * k)
        for (b, j) in order.enumerated() {
            for (a, i) in order.enumerated() {
                let (r, s) = i - low <= j - low ? (i - low, j - low) : (j - low, i - low)
                c[b * k + a] = full[s * width + r]
            }
        }
        var scale = [Double](repeating: 0, count: k)
        for d in 0..<k {
            let g = c[d * k + d]
            guard g > 0, g.isFinite else { return false }
            scale[d] = 1 / g.squareRoot()
        }
        for b in 0..<k { for a in 0..<k { c[b * k + a] *= scale[a] * scale[b] } }
        var eigenvalues = [Double](repeating: 0, count: k)
        guard LAPACKE_dsyev(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "N")), Int8(UInt8(ascii: "U")), Int32(k),
                            &c, Int32(k), &eigenvalues) == 0,
              let smallest = eigenvalues.first, let largest = eigenvalues.last, largest > 0, smallest.isFinite
        else { return false }
        return smallest >= clearMargin * clearMargin * largest
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
