import ArgumentParser
import Foundation
import Analysis
import Estimation
import StudyReplica
import SurveyData

/// `pathlens bench multiverse`: the issue-16 targets on the embedded replica — 2⁷ control subsets
/// (every term of the codebook's groups) × 2 subsamples (all, secondary industry) × 2 estimators
/// (OLS, ordered logit) = 512 fits with coefficient and AME under 1 s; the first 50 specifications
/// (the explorer's first screen of the curve) within 100 ms; with `--effects indirect,khb` under
/// 2 s. Also times the same run without warm starts and on one thread, to show what they buy.
struct BenchMultiverse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "multiverse",
        abstract: "Time the multiverse: 512 fits with coefficient and AME, the first 50, indirect + KHB.")

    @Option(parsing: .unconditional, help: "Repetitions per measurement (median reported).")
    var repeats: Int = 3

    @Option(parsing: .unconditional, help: ArgumentHelp("Worker threads (default: every core).", valueName: "n"))
    var threads: Int?

    @Flag(name: .customLong("skip-mediated"), help: "Skip the indirect + KHB run (the slowest).")
    var skipMediated = false

    func run() throws {
        try reportingErrors {
            guard repeats > 0 else { throw CLIError("--repeats must be positive") }
            let path = try EmbeddedData.requireCSV()
            let data = try DatasetLoader.load(path: path)
            let cores = threads ?? ProcessInfo.processInfo.activeProcessorCount
            print("pathlens bench multiverse — medians of \(repeats); \(cores) worker threads, \(ProcessInfo.processInfo.activeProcessorCount) cores; load average \(BenchClock.loadAverage())")
            let subsamples = try MultiverseSubsample.parse("all,secondary", codebook: data.codebook)
            let request = MultiverseRequest(x: "union", y: "skill", m: "training", controlsFrom: .variables,
                                            subsamples: subsamples, estimators: [.ols, .ologit], effects: [.coef, .ame])
            let plan = try MultiversePlan(request, dataset: data)
            print("union → skill on the replica (\(data.rowCount) rows): \(plan.specifications.count) specifications = 2^\(plan.units.count) control subsets × 2 subsamples × 2 estimators\n")

            let full = try median { try Multiverse.run(plan, dataset: data, threads: threads) }
            let failed = full.result.rows.filter { !$0.isEstimated }.count
            print(line("512 fits, coef + AME", full, target: 1.0, detail: "\(failed) not estimated"))

            // The explorer's first screen: time until 50 specifications have reported.
            let first = try median {
                let clock = FirstRowsClock(wanted: 50)
                _ = try Multiverse.run(plan, dataset: data, threads: threads, first: plan.baseIndex,
                                       onRows: { _ in clock.tick() }, isCancelled: { clock.done })
                return (clock.seconds, clock.seconds)
            }
            print(line("first 50 specifications", first, target: 0.100, detail: "current specification first; run cancelled after 50"))

            let oneThread = try median { try Multiverse.run(plan, dataset: data, threads: 1) }
            print(line("512 fits, one thread", oneThread, target: nil, detail: ""))

            if !skipMediated {
                var mediated = request
                mediated.effects = [.indirect, .khb]
                let mplan = try MultiversePlan(mediated, dataset: data)
                let med = try median { try Multiverse.run(mplan, dataset: data, threads: threads) }
                print(line("indirect + KHB (\(mplan.specifications.count) specs)", med, target: 2.0,
                           detail: "3 fits per specification (total, mediator, outcome); KHB on the ologit half"))
            }
            print("\nWall times depend on the machine's load; CPU time is summed over the worker threads.")
        }
    }

    /// Median wall and CPU seconds of `repeats` runs.
    private func median(_ body: () throws -> MultiverseResult) throws -> (wall: Double, cpu: Double, result: MultiverseResult) {
        var samples: [BenchClock.Sample] = []
        var last: MultiverseResult?
        for _ in 0..<repeats {
            let (sample, value) = try BenchClock.measure(body)
            samples.append(sample); last = value
        }
        guard let result = last else { throw CLIError("no measurement") }
        let m = BenchClock.median(samples)
        return (m.wall, m.cpu, result)
    }

    /// Median of (wall to the 50th row, CPU) pairs.
    private func median(_ body: () throws -> (Double, Double)) throws -> (wall: Double, cpu: Double) {
        var walls: [Double] = []
        for _ in 0..<repeats { walls.append(try body().0) }
        let w = BenchClock.median(walls)
        return (w, w)
    }

    private func line(_ label: String, _ m: (wall: Double, cpu: Double, result: MultiverseResult), target: Double?, detail: String) -> String {
        line(label, (m.wall, m.cpu), target: target, detail: "CPU \(String(format: "%.3f", m.cpu)) s" + (detail.isEmpty ? "" : "; " + detail))
    }

    private func line(_ label: String, _ m: (wall: Double, cpu: Double), target: Double?, detail: String) -> String {
        let seconds = m.wall
        let time = seconds < 1 ? String(format: "%8.1f ms", seconds * 1000) : String(format: "%8.2f s ", seconds)
        var text = label.padding(toLength: 34, withPad: " ", startingAt: 0) + time
        if let target {
            let budget = target < 1 ? String(format: "%.0f ms", target * 1000) : String(format: "%.1f s", target)
            text += String(format: "   target %@: %.2f× of budget %@", budget, seconds / target, seconds <= target ? "(met)" : "(MISSED)")
        }
        if !detail.isEmpty { text += "   " + detail }
        return text
    }
}

/// Wall time until `wanted` specifications have reported (called from worker threads).
final class FirstRowsClock: @unchecked Sendable {
    private let lock = NSLock()
    private let start = BenchClock.now()
    private let wanted: Int
    private var count = 0
    private var stopped: Double?
    init(wanted: Int) { self.wanted = wanted }
    func tick() {
        lock.lock(); defer { lock.unlock() }
        count += 1
        if count >= wanted, stopped == nil { stopped = BenchClock.now() - start }
    }
    var done: Bool { lock.lock(); defer { lock.unlock() }; return stopped != nil }
    var seconds: Double { lock.lock(); defer { lock.unlock() }; return stopped ?? (BenchClock.now() - start) }
}
