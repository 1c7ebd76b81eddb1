import ArgumentParser
import Foundation
import Mediation
import StudyReplica
import SurveyData

/// `pathlens bench mediate`: the paper's mediation (union → training → skill, logit mediator,
/// ordered-logit outcome) on the embedded replica — 1000 bootstrap replications (two model fits
/// each, plus the BCa jackknife), and the KHB and causal-mediation point estimates — as medians
/// with ratios to the targets (bootstrap < 3 s on 2 cores; KHB and causal < 20 ms; moderated
/// mediation, PROCESS model 7 with 1000 replications, within 1.5× the unmoderated replications).
struct BenchMediate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mediate",
        abstract: "Time the paper's mediation: bootstrap, KHB and causal point estimates.")

    @Option(parsing: .unconditional, help: "Bootstrap replications.")
    var reps: Int = 1000

    @Option(parsing: .unconditional, help: "Repetitions per measurement (median reported).")
    var repeats: Int = 3

    @Option(parsing: .unconditional, help: ArgumentHelp("Worker threads (default: every core).", valueName: "n"))
    var threads: Int?

    static let controls = ["male", "age", "i.educ", "married", "party", "i.occ", "i.industry"]

    func run() throws {
        try reportingErrors {
            guard reps > 0, repeats > 0 else { throw CLIError("--reps and --repeats must be positive") }
            let path = try EmbeddedData.requireCSV()
            let data = try DatasetLoader.load(path: path)
            let spec = MediationSpec(x: "union", mediators: ["training"], y: "skill", controls: Self.controls)
            let cores = threads ?? ProcessInfo.processInfo.activeProcessorCount
            print("pathlens bench mediate — medians of \(repeats); \(cores) worker threads, \(ProcessInfo.processInfo.activeProcessorCount) cores; load average \(BenchClock.loadAverage())")
            print("the paper's mediation: union → training (logit) → skill (ologit), \(data.rowCount) rows, 7 controls\n")

            let boot = try median(repeats) {
                try Mediation.analyze(spec: spec, data: data, options: MediationOptions(
                    methods: [.bootstrap], reps: reps, seed: 1, threads: threads))
            }
            let b = boot.result.mediators.first?.bootstrap
            // The target is 3 s per 1000 replications.
            let budget = 3.0 * Double(reps) / 1000
            print(line("bootstrap, \(reps) reps + jackknife", boot.seconds, target: budget,
                       detail: "\(b?.failed ?? 0) failed; CPU \(fmt(boot.cpu, 2)) s = \(fmt(boot.cpu / Double(cores), 2)) s per core"))
            let noJack = try median(repeats) {
                try Mediation.analyze(spec: spec, data: data, options: MediationOptions(
                    methods: [.bootstrap], reps: reps, seed: 1, jackknifeGroups: 2, threads: threads))
            }
            print(line("bootstrap, \(reps) reps only", noJack.seconds, target: budget,
                       detail: String(format: "CPU %.2f s = %.2f s per core; %.2f ms CPU per replication (2 fits)",
                                      noJack.cpu, noJack.cpu / Double(cores), noJack.cpu / Double(reps) * 1000)))
            // The same bootstrap under a survey design (Rao–Wu, PSUs within strata) and with
            // clusters: target within 1.5× the unweighted bootstrap (issue 17).
            let designed = Self.withBenchDesign(data)
            var svySpec = spec
            svySpec.design = SurveyDesign(psu: "bench_psu", strata: "industry", weight: "bench_weight", nest: true)
            let svyBoot = try median(repeats) {
                try Mediation.analyze(spec: svySpec, data: designed, options: MediationOptions(
                    methods: [.bootstrap], reps: reps, seed: 1, jackknifeGroups: 2, threads: threads))
            }
            print(line("design bootstrap (Rao–Wu), \(reps) reps", svyBoot.seconds, target: 1.5 * noJack.seconds,
                       detail: String(format: "%.2f× the unweighted bootstrap; %d PSUs, %d failed", svyBoot.seconds / noJack.seconds,
                                      svyBoot.result.mediators.first?.bootstrap?.units ?? 0,
                                      svyBoot.result.mediators.first?.bootstrap?.failed ?? 0)))
            var clusterSpec = spec
            clusterSpec.vce = .cluster("bench_psu")
            let clusterBoot = try median(repeats) {
                try Mediation.analyze(spec: clusterSpec, data: designed, options: MediationOptions(
                    methods: [.bootstrap], reps: reps, seed: 1, jackknifeGroups: 2, threads: threads))
            }
            print(line("cluster bootstrap, \(reps) reps", clusterBoot.seconds, target: 1.5 * noJack.seconds,
                       detail: String(format: "%.2f× the unweighted bootstrap", clusterBoot.seconds / noJack.seconds)))
            // Moderated mediation, PROCESS model 7: age moderates union → training (age leaves the
            // controls, as the moderated models enter it); target 1.5× the unmoderated replications.
            var moderated = spec
            moderated.controls = Self.controls.filter { $0 != "age" }
            moderated.moderation = ModerationSpec(moderator: "age", moderate: .a)
            let model7 = try median(repeats) {
                try Mediation.analyze(spec: moderated, data: data, options: MediationOptions(
                    methods: [.bootstrap], reps: reps, seed: 1, threads: threads))
            }
            print(line("moderated (model 7), \(reps) reps", model7.seconds, target: 1.5 * noJack.seconds,
                       detail: String(format: "%.2f× the unmoderated replications; %d failed; CPU %.2f s",
                                      model7.seconds / noJack.seconds, model7.result.moderation?.failed ?? 0, model7.cpu)))
            let bk = try median(max(repeats, 5)) {
                try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.bk]))
            }
            print(line("Baron–Kenny + Sobel (3 fits)", bk.seconds, target: nil, detail: ""))
            let khb = try median(max(repeats, 5)) {
                try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.khb], reps: 0))
            }
            print(line("KHB point estimates (incl. fits)", khb.seconds, target: 0.020,
                       detail: String(format: "%.1f ms beyond the Baron–Kenny fits", (khb.seconds - bk.seconds) * 1000)))
            let causal = try median(max(repeats, 5)) {
                try Mediation.analyze(spec: spec, data: data, options: MediationOptions(methods: [.causal], reps: 0))
            }
            print(line("causal point estimates (incl. fits)", causal.seconds, target: 0.020,
                       detail: String(format: "%.1f ms beyond the Baron–Kenny fits", (causal.seconds - bk.seconds) * 1000)))
            print("\nKHB and causal rows include the three model fits Baron–Kenny needs (that row alone).")
            print("Wall times depend on the machine's load; CPU per core is what an idle \(cores)-core machine would take.")
        }
    }

    /// The embedded replica with a synthetic two-stage design for timing only: 40 PSUs per
    /// industry stratum (`bench_psu`, numbered within strata) and unequal weights `bench_weight`.
    static func withBenchDesign(_ data: Dataset) -> Dataset {
        let n = data.rowCount
        let psu = (0..<n).map { Double($0 % 40) }
        let weight = (0..<n).map { 1 + Double(($0 * 7) % 11) / 5 }
        var codebook = data.codebook
        codebook.variables += [VariableInfo(name: "bench_psu", type: .continuous),
                               VariableInfo(name: "bench_weight", type: .continuous)]
        return Dataset(name: data.name, source: data.source,
                       columns: data.columns + [Column(name: "bench_psu", values: psu), Column(name: "bench_weight", values: weight)],
                       codebook: codebook)
    }

    /// Median wall time and median CPU time (all threads) of `n` runs.
    private func median(_ n: Int, _ body: () throws -> MediationResult) throws -> (seconds: Double, cpu: Double, result: MediationResult) {
        var samples: [BenchClock.Sample] = []
        var last: MediationResult?
        for _ in 0..<n {
            let (sample, result) = try BenchClock.measure(body)
            samples.append(sample)
            last = result
        }
        guard let result = last else { throw CLIError("no measurement") }
        let middle = BenchClock.median(samples)
        return (middle.wall, middle.cpu, result)
    }

    private func fmt(_ x: Double, _ digits: Int = 4) -> String { String(format: "%.\(digits)f", x) }

    private func line(_ label: String, _ seconds: Double, target: Double?, detail: String) -> String {
        let time = seconds < 1 ? String(format: "%8.1f ms", seconds * 1000) : String(format: "%8.2f s ", seconds)
        let budget = target.map { $0 < 1 ? String(format: "%.0f ms", $0 * 1000) : String(format: "%.1f s", $0) }
        var text = label.padding(toLength: 38, withPad: " ", startingAt: 0) + time
        if let target, let budget {
            text += String(format: "   target %@: %.2f× of budget %@", budget, seconds / target, seconds <= target ? "(met)" : "(MISSED)")
        }
        if !detail.isEmpty { text += "   " + detail }
        return text
    }
}
