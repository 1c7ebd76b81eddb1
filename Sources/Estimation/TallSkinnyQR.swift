import CLapack

/// The R factor of a tall matrix accumulated over row blocks: R ← qr([R; X_block]).R. The same
/// flops as one `dgeqrf` on the whole matrix, but the working copy is one block, not n×k.
enum TallSkinnyQR {
    struct Factor {
        /// Upper-triangular p×p, column-major (p = selected columns + the extra column).
        var r: [Double]
        var size: Int
        /// Squared norm of each (row-scaled) column.
        var norms2: [Double]
    }

    /// R of the matrix whose columns are `columns` of the column-major n×· matrix `x`, followed by
    /// `extra` when given; each row multiplied by `rowScale[i]` when given.
    static func factor(x: [Double], rows n: Int, columns: [Int], extra: [Double]? = nil,
                       rowScale: [Double]? = nil) -> Factor {
        _ = LinearAlgebra.singleThreadedBLAS
        let k = columns.count + (extra == nil ? 0 : 1)
        var r = [Double](repeating: 0, count: k * k)
        var norms2 = [Double](repeating: 0, count: k)
        guard k > 0, n > 0 else { return Factor(r: r, size: k, norms2: norms2) }
        let block = RowBlocks.blockSize
        var a = [Double](repeating: 0, count: (k + block) * k)
        var tau = [Double](repeating: 0, count: k)
        var haveR = false
        var start = 0
        x.withUnsafeBufferPointer { X in
            while start < n {
                let m = min(block, n - start)
                let top = haveR ? k : 0
                let lda = top + m
                for c in 0..<k {
                    let dst = c * lda
                    for i in 0..<top { a[dst + i] = i <= c ? r[c * k + i] : 0 }
                    var s2 = 0.0
                    if c < columns.count {
                        let src = X.baseAddress! + columns[c] * n + start
                        if let scale = rowScale {
                            for t in 0..<m { let v = src[t] * scale[start + t]; a[dst + top + t] = v; s2 += v * v }
                        } else {
                            for t in 0..<m { let v = src[t]; a[dst + top + t] = v; s2 += v * v }
                        }
                    } else if let e = extra {
                        for t in 0..<m {
                            let v = e[start + t] * (rowScale?[start + t] ?? 1)
                            a[dst + top + t] = v; s2 += v * v
                        }
                    }
                    norms2[c] += s2
                }
                _ = LAPACKE_dgeqrf(LAPACK_COL_MAJOR, Int32(lda), Int32(k), &a, Int32(lda), &tau)
                for c in 0..<k { for i in 0..<k { r[c * k + i] = (i <= c && i < lda) ? a[c * lda + i] : 0 } }
                haveR = true
                start += m
            }
        }
        return Factor(r: r, size: k, norms2: norms2)
    }
}
