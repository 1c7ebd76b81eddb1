import Dispatch
import Foundation

/// The clocks and the median every `pathlens bench` subcommand reports, so their numbers mean the
/// same thing: wall time from the monotonic clock, CPU time of all this process's threads (the
/// fairer number on a shared machine), and the median of the runs (the mean of the middle two for
/// an even count).
enum BenchClock {
    struct Sample { var wall: Double; var cpu: Double }

    /// Seconds on the monotonic clock.
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// CPU seconds used so far by every thread of this process.
    static func processCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// CPU seconds (user + system) used so far by the children this process waited for.
    static func childCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Wall and CPU seconds of one call of `body`, with its result.
    static func measure<T>(_ body: () throws -> T) rethrows -> (Sample, T) {
        let wall0 = now(), cpu0 = processCPUSeconds()
        let value = try body()
        return (Sample(wall: now() - wall0, cpu: processCPUSeconds() - cpu0), value)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// Median wall and median CPU time of `samples`.
    static func median(_ samples: [Sample]) -> Sample {
        Sample(wall: median(samples.map(\.wall)), cpu: median(samples.map(\.cpu)))
    }

    /// The 1-minute load average, as the benchmarks print it beside their numbers.
    static func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        guard getloadavg(&loads, 3) == 3 else { return "unknown" }
        return String(format: "%.2f", loads[0])
    }
}
