import Testing
import Foundation
import Estimation
@testable import Mediation

/// The case-resampling bootstrap against R's `boot` (4000 replications) on Mroz. Different RNGs,
/// so the comparison allows a few Monte Carlo SEs: for R = 1000 here and 4000 in R the 2.5 %
/// quantile has MC sd ≈ √(.025·.975/R)/φ(1.96) bootstrap-SEs (0.085 and 0.042), combined 0.095;
/// endpoints may differ by 0.4 SE (≈ 4 MC sds). The SE's relative MC sd is √(1/2R) per run
/// (2.2 % and 1.1 %, combined 2.5 %): allowed 10 %.
@Suite struct BootstrapTests {
    static let spec = MediationSpec(x: "wc", mediators: ["lwg"], y: "inc", controls: ["age", "k5", "k618"])

    @Test func matchesRBootWithinMonteCarloError() throws {
        let r = try Mediation.analyze(spec: Self.spec, data: try Fixtures.mroz(),
                                      options: MediationOptions(methods: [.bootstrap], reps: 1000, seed: 1))
        let b = try #require(r.mediators.first?.bootstrap)
        #expect(b.failed == 0 && b.reps == 1000)
        for (key, stat) in [("indirect", b.indirect), ("proportion", b.proportion)] {
            let se = Fixtures.number("bootstrap_mroz", key, "se")
            #expect(close(stat.estimate, Fixtures.number("bootstrap_mroz", key, "t0")))
            #expect(abs(stat.se / se - 1) < 0.10, "\(key) se \(stat.se) vs \(se)")
            for (name, interval) in [("percentile", stat.percentile), ("bc", stat.bc), ("bca", stat.bca)] {
                let lo = Fixtures.number("bootstrap_mroz", key, name, 0)
                let hi = Fixtures.number("bootstrap_mroz", key, name, 1)
                #expect(abs(interval.low - lo) < 0.4 * se, "\(key) \(name) low \(interval.low) vs \(lo)")
                #expect(abs(interval.high - hi) < 0.4 * se, "\(key) \(name) high \(interval.high) vs \(hi)")
            }
        }
    }

    @Test func sameSeedSameResultWhateverTheThreads() throws {
        let data = try Fixtures.mroz()
        let one = try Mediation.analyze(spec: Self.spec, data: data,
                                        options: MediationOptions(methods: [.bootstrap], reps: 200, seed: 42, jackknifeGroups: 20, threads: 1))
        let two = try Mediation.analyze(spec: Self.spec, data: data,
                                        options: MediationOptions(methods: [.bootstrap], reps: 200, seed: 42, jackknifeGroups: 20, threads: 2))
        let other = try Mediation.analyze(spec: Self.spec, data: data,
                                          options: MediationOptions(methods: [.bootstrap], reps: 200, seed: 43, jackknifeGroups: 20, threads: 2))
        #expect(one.mediators[0].bootstrap == two.mediators[0].bootstrap)
        #expect(one.mediators[0].bootstrap != other.mediators[0].bootstrap)
    }

    @Test func cancellationStopsBetweenReplications() throws {
        let counter = Counter()
        #expect(throws: MediationError.cancelled) {
            _ = try Mediation.analyze(spec: Self.spec, data: try Fixtures.mroz(),
                                      options: MediationOptions(methods: [.bootstrap], reps: 1000),
                                      progress: { _ in counter.increment() },
                                      isCancelled: { counter.value >= 10 })
        }
        #expect(counter.value < 1000)
    }

    @Test func intervalArithmetic() {
        let t = (1...999).map(Double.init)
        // Type-6 quantile: (R + 1)p-th order statistic.
        #expect(BootstrapIntervals.quantile(sorted: t, 0.025) == 25)
        #expect(BootstrapIntervals.quantile(sorted: t, 0.975) == 975)
        // An estimate at the median: z0 = 0, so BC equals the percentile interval.
        let bc = BootstrapIntervals.bca(sorted: t, estimate: 500, acceleration: 0, level: 0.95)
        #expect(abs(bc.low - 25) < 1e-9 && abs(bc.high - 975) < 1e-9)
        // Symmetric jackknife values: no acceleration.
        #expect(BootstrapIntervals.acceleration(jackknife: [-1, 0, 1]) == 0)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func increment() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
