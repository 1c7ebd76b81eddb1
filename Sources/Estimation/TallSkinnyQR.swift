import CLapack

/// The R factor of a tall matrix accumulated over row blocks: R ← qr([R; X_block]).R. The same
/// flops as one `dgeqrf` on the whole matrix, but the working copy is one block, not n×k; for
/// large n each core factors its share of the blocks and the per-core R factors are merged by one
/// more small QR.
enum TallSkinnyQR {
    struct Factor {
        /// Upper-triangular p×p, column-major (p = selected columns + the extra column).
        var r: [Double]
        var size: Int
        /// Squared norm of each (row-scaled) column.
        var norms2: [Double]
    }

    private struct Partial {
        var r: [Double]
        var norms2: [Double]
        var haveR = false
        var work: [Double]
        var tau: [Double]
    }

    /// R of the matrix whose columns are `columns` of the column-major n×· matrix `x`, followed by
    /// `extra` when given; each row multiplied by `rowScale[i]` when given.
    static func factor(x: [Double], rows n: Int, columns: [Int], extra: [Double]? = nil,
                       rowScale: [Double]? = nil) -> Factor {
        _ = LinearAlgebra.singleThreadedBLAS
        let k = columns.count + (extra == nil ? 0 : 1)
        guard k > 0, n > 0 else {
            return Factor(r: [Double](repeating: 0, count: k * k), size: k, norms2: [Double](repeating: 0, count: k))
        }
        let block = RowBlocks.blockSize
        let partials = RowBlocks(rowCount: n).map({
            Partial(r: [Double](repeating: 0, count: k * k), norms2: [Double](repeating: 0, count: k),
                    work: [Double](repeating: 0, count: (k + block) * k), tau: [Double](repeating: 0, count: k))
        }) { (part: inout Partial, range: Range<Int>) in
            let start = range.lowerBound, m = range.count
            let top = part.haveR ? k : 0
            let lda = top + m
            x.withUnsafeBufferPointer { X in
                for c in 0..<k {
                    let dst = c * lda
                    for i in 0..<top { part.work[dst + i] = i <= c ? part.r[c * k + i] : 0 }
                    var s2 = 0.0
                    if c < columns.count {
                        let src = X.baseAddress! + columns[c] * n + start
                        if let scale = rowScale {
                            for t in 0..<m { let v = src[t] * scale[start + t]; part.work[dst + top + t] = v; s2 += v * v }
                        } else {
                            for t in 0..<m { let v = src[t]; part.work[dst + top + t] = v; s2 += v * v }
                        }
                    } else if let e = extra {
                        for t in 0..<m {
                            let v = e[start + t] * (rowScale?[start + t] ?? 1)
                            part.work[dst + top + t] = v; s2 += v * v
                        }
                    }
                    part.norms2[c] += s2
                }
            }
            factorInPlace(&part, k: k, lda: lda)
        }
        var total = partials[0]
        for other in partials.dropFirst() where other.haveR {
            // Stack the two R factors and factor again.
            let lda = 2 * k
            for c in 0..<k {
                for i in 0..<k {
                    total.work[c * lda + i] = i <= c ? total.r[c * k + i] : 0
                    total.work[c * lda + k + i] = i <= c ? other.r[c * k + i] : 0
                }
                total.norms2[c] += other.norms2[c]
            }
            factorInPlace(&total, k: k, lda: lda)
        }
        return Factor(r: total.r, size: k, norms2: total.norms2)
    }

    /// QR of the lda×k matrix in `work`; keeps its R in `r`.
    private static func factorInPlace(_ part: inout Partial, k: Int, lda: Int) {
        _ = LAPACKE_dgeqrf(LAPACK_COL_MAJOR, Int32(lda), Int32(k), &part.work, Int32(lda), &part.tau)
        for c in 0..<k { for i in 0..<k { part.r[c * k + i] = (i <= c && i < lda) ? part.work[c * lda + i] : 0 } }
        part.haveR = true
    }
}
