import Foundation
import Testing
@testable import Estimation

/// The likelihood pass calls BLAS from two threads at once (`RowBlocks`). A BLAS library built
/// without locking (Debian's serial OpenBLAS) shares its work buffers between such calls and gives
/// different sums from run to run — Newton then wandered for 4–7 iterations instead of 3 at 10^6
/// rows. This pins that every evaluation of the same point is bitwise the same with the blocks split
/// across the cores. A race shows only sometimes: against the serial build it failed in about one
/// run of three.
struct ConcurrentBLASTests {
    @Test(arguments: [(ordered: true, k: 12), (ordered: false, k: 21)])
    func repeatedParallelEvaluationsAreIdentical(ordered: Bool, k: Int) {
        let n = 4 * RowBlocks.parallelThreshold + 1_000, categories = ordered ? 4 : 2
        var state: UInt64 = 99
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Double(state >> 11) + 0.5) / 9007199254740992
        }
        let x = (0..<(n * k)).map { _ in uniform() * 2 - 1 }
        let y = (0..<n).map { _ in Int32(uniform() * Double(categories)) }
        let model = LikelihoodModel(link: .logistic, ordered: ordered, x: x, n: n, k: k, y: y,
                                    categories: categories, weights: nil)
        #expect(RowBlocks(rowCount: n).workerCount > 1 || ProcessInfo.processInfo.activeProcessorCount == 1)
        let theta = (0..<k).map { Double($0 % 3) * 0.1 - 0.1 } + (ordered ? [-1, 0, 1] : [])
        let first = model.evaluate(theta)
        for _ in 0..<40 {
            let again = model.evaluate(theta)
            #expect(again.loglik == first.loglik)
            #expect(again.gradient == first.gradient)
            #expect(again.information == first.information)
        }
    }
}
