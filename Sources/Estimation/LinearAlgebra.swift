import CLapack
import Dispatch
import Foundation

/// Thin wrappers over LAPACKE/CBLAS for the small dense problems estimation needs. Matrices are
/// column-major `[Double]`; p×p symmetric matrices are kept full (both triangles).
public enum LinearAlgebra {
    /// OpenBLAS threads cost more than they save on the k×k and block-sized problems here; rows
    /// are split across cores by `RowBlocks` instead. Set once, before the first BLAS call.
    static let singleThreadedBLAS: Void = { openblas_set_num_threads(1) }()

    /// For a program's first line, while it has no other thread: BLAS on the calling threads only,
    /// and OpenBLAS's own worker threads stopped. Debian's default (threaded) OpenBLAS starts them
    /// when it is loaded, and idle they spin on `sched_yield` for about 0.1 s before sleeping,
    /// taking a core from every short run (~20 ms of a 0.1 s `pathlens fit`). Stopping them is the
    /// call OpenBLAS makes itself before a fork; with one thread set they are not started again.
    /// Debian's serial OpenBLAS would have no threads at all, but it is built without locking and
    /// gives wrong results when two threads call it at once, as `RowBlocks` does.
    public static func useCallingThreadsOnly() {
        _ = singleThreadedBLAS
        // Looked up rather than linked: builds without a thread server do not have it.
        guard let stop = dlsym(nil, "blas_thread_shutdown_") else { return }
        _ = unsafeBitCast(stop, to: (@convention(c) () -> Int32).self)()
    }

    /// Mirrors the upper triangle of a column-major p×p matrix into the lower one.
    static func symmetrizeFromUpper(_ a: inout [Double], _ p: Int) {
        for j in 0..<p { for i in 0..<j { a[i * p + j] = a[j * p + i] } }
    }

    /// Cholesky factor (upper) of a symmetric positive-definite matrix; nil if not PD.
    static func cholesky(_ a: [Double], _ p: Int) -> [Double]? {
        guard p > 0 else { return [] }
        var r = a
        let info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int32(p), &r, Int32(p))
        guard info == 0 else { return nil }
        for j in 0..<p { for i in (j + 1)..<p { r[j * p + i] = 0 } } // clear below diagonal
        return r
    }

    /// Solves A x = b given A's upper Cholesky factor.
    static func choleskySolve(_ r: [Double], _ p: Int, _ b: [Double]) -> [Double] {
        guard p > 0 else { return [] }
        var x = b
        var rr = r
        _ = LAPACKE_dpotrs(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int32(p), 1, &rr, Int32(p), &x, Int32(p))
        return x
    }

    /// A⁻¹ from A's upper Cholesky factor, full symmetric.
    static func inverseFromCholesky(_ r: [Double], _ p: Int) -> [Double]? {
        guard p > 0 else { return [] }
        var inv = r
        guard LAPACKE_dpotri(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int32(p), &inv, Int32(p)) == 0 else { return nil }
        symmetrizeFromUpper(&inv, p)
        return inv
    }

    /// Solves A x = b for a symmetric positive-definite p×p A (LAPACK Cholesky); nil if A is not PD.
    /// Public so that other modules (the mediation sensitivity fits) do not hand-roll a Cholesky.
    public static func solveSPD(_ a: [Double], _ b: [Double], _ p: Int) -> [Double]? {
        guard let r = cholesky(a, p) else { return nil }
        return choleskySolve(r, p, b)
    }

    /// Inverse of a symmetric positive-definite matrix.
    static func inverseSPD(_ a: [Double], _ p: Int) -> [Double]? {
        guard let r = cholesky(a, p) else { return nil }
        return inverseFromCholesky(r, p)
    }

    /// C = A B for column-major A (m×k) and B (k×n).
    static func multiply(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        guard m > 0, n > 0, k > 0 else { return c }
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1,
                    a, Int32(m), b, Int32(k), 0, &c, Int32(m))
        return c
    }

    /// The sandwich A B A for symmetric p×p A and B.
    static func sandwich(_ bread: [Double], _ meat: [Double], _ p: Int) -> [Double] {
        multiply(multiply(bread, meat, m: p, k: p, n: p), bread, m: p, k: p, n: p)
    }

    /// x'Ax.
    static func quadraticForm(_ x: [Double], _ a: [Double], _ p: Int) -> Double {
        var s = 0.0
        for j in 0..<p { var t = 0.0; for i in 0..<p { t += a[j * p + i] * x[i] }; s += t * x[j] }
        return s
    }
}

/// Splits observations into cache-sized blocks and, for large samples, spreads the blocks over
/// the cores. Each worker accumulates into its own partial result; the caller merges them.
struct RowBlocks {
    static let blockSize = 2048
    /// Below this many rows a second thread costs more than it saves.
    static let parallelThreshold = 40_000

    let rowCount: Int

    var workerCount: Int {
        rowCount < Self.parallelThreshold ? 1 : max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// Runs `body(worker, rowRange)` over all blocks; returns one partial per worker.
    func map<Partial>(_ make: () -> Partial, _ body: (inout Partial, Range<Int>) -> Void) -> [Partial] {
        let workers = workerCount
        let blocks = (rowCount + Self.blockSize - 1) / Self.blockSize
        if workers == 1 || blocks < 2 {
            var partial = make()
            var start = 0
            while start < rowCount {
                let end = min(rowCount, start + Self.blockSize)
                body(&partial, start..<end)
                start = end
            }
            return [partial]
        }
        let box = PartialsBox<Partial>((0..<workers).map { _ in make() })
        let perWorker = (blocks + workers - 1) / workers
        withoutActuallyEscaping(body) { body in
            let bodyBox = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var partial = box.get(w)
                var b = w * perWorker
                let bEnd = min(blocks, (w + 1) * perWorker)
                while b < bEnd {
                    let start = b * Self.blockSize
                    bodyBox.value(&partial, start..<min(rowCount, start + Self.blockSize))
                    b += 1
                }
                box.set(w, partial)
            }
        }
        return box.values
    }
}

/// Per-worker results written from `concurrentPerform`; each worker touches only its own slot.
final class PartialsBox<T>: @unchecked Sendable {
    private(set) var values: [T]
    private let lock = NSLock()
    init(_ values: [T]) { self.values = values }
    func set(_ i: Int, _ v: T) { lock.lock(); values[i] = v; lock.unlock() }
    func get(_ i: Int) -> T { lock.lock(); defer { lock.unlock() }; return values[i] }
}

/// Wraps a non-Sendable closure known to be safe to call concurrently (it writes only through
/// its own `inout` partial).
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
