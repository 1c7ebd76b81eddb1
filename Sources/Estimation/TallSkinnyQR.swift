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

    /// One worker's R factor and its block-sized scratch, as raw buffers: the copy loop writes
    /// every element of every block (array writes through an `inout` struct check uniqueness each
    /// time), and LAPACK gets its workspace once instead of allocating it per block.
    private final class Partial {
        let k: Int
        var haveR = false
        /// k×k, column-major.
        let r: UnsafeMutablePointer<Double>
        let norms2: UnsafeMutablePointer<Double>
        /// (k + rows)×k stacking [R; X_block], fully written before each factorisation.
        let work: UnsafeMutablePointer<Double>
        let tau: UnsafeMutablePointer<Double>
        let lapackWork: UnsafeMutablePointer<Double>
        let lapackWorkCount: Int

        init(k: Int, rows: Int) {
            self.k = k
            r = RawBuffers.zeroed(k * k)
            norms2 = RawBuffers.zeroed(k)
            work = RawBuffers.scratch((k + rows) * k)
            tau = RawBuffers.scratch(k)
            // dgeqrf's workspace for the largest stack (a query, as LAPACK documents).
            var optimal = 0.0
            _ = LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, Int32(k + rows), Int32(k), work, Int32(k + rows), tau, &optimal, -1)
            lapackWorkCount = max(k, Int(optimal))
            lapackWork = RawBuffers.scratch(lapackWorkCount)
        }

        deinit {
            for buffer in [r, norms2, work, tau, lapackWork] { buffer.deallocate() }
        }

        /// QR of the lda×k matrix in `work`; keeps its R in `r`. The `_work` entry point skips
        /// LAPACKE's NaN scan of the whole block (the design has no missing values by now).
        func factorWork(lda: Int) {
            _ = LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, Int32(lda), Int32(k), work, Int32(lda), tau,
                                    lapackWork, Int32(lapackWorkCount))
            for c in 0..<k { for i in 0..<k { r[c * k + i] = (i <= c && i < lda) ? work[c * lda + i] : 0 } }
            haveR = true
        }

        /// Copies R (upper triangle, zeros below) into rows `offset..<offset+k` of `work` (leading dimension `lda`).
        func stackR(_ source: UnsafePointer<Double>, at offset: Int, lda: Int) {
            for c in 0..<k {
                for i in 0..<k { work[c * lda + offset + i] = i <= c ? source[c * k + i] : 0 }
            }
        }
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
        let partials = RowBlocks(rowCount: n).map({ Partial(k: k, rows: max(block, k)) }) {
            (part: inout Partial, range: Range<Int>) in
            let start = range.lowerBound, m = range.count
            let top = part.haveR ? k : 0
            let lda = top + m
            if part.haveR { part.stackR(part.r, at: 0, lda: lda) }
            x.withUnsafeBufferPointer { X in
            (rowScale ?? []).withUnsafeBufferPointer { scale in
            (extra ?? []).withUnsafeBufferPointer { e in
                for c in 0..<k {
                    let dst = part.work + c * lda + top
                    let src = c < columns.count ? X.baseAddress! + columns[c] * n + start : e.baseAddress! + start
                    var s2 = 0.0
                    if scale.isEmpty {
                        for t in 0..<m { let v = src[t]; dst[t] = v; s2 += v * v }
                    } else {
                        for t in 0..<m { let v = src[t] * scale[start + t]; dst[t] = v; s2 += v * v }
                    }
                    part.norms2[c] += s2
                }
            }
            }
            }
            part.factorWork(lda: lda)
        }
        let total = partials[0]
        for other in partials.dropFirst() where other.haveR {
            // Stack the two R factors and factor again.
            total.stackR(total.r, at: 0, lda: 2 * k)
            total.stackR(other.r, at: k, lda: 2 * k)
            for c in 0..<k { total.norms2[c] += other.norms2[c] }
            total.factorWork(lda: 2 * k)
        }
        return Factor(r: Array(UnsafeBufferPointer(start: total.r, count: k * k)), size: k,
                      norms2: Array(UnsafeBufferPointer(start: total.norms2, count: k)))
    }
}
