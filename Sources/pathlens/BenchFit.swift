import ArgumentParser
import Estimation
import Foundation
import StudyReplica
import SurveyData

/// `pathlens bench fit`: median fit times of every estimator on the embedded replica (when it has
/// been generated) and on synthetic data with 20 regressors; for 10^5 and 10^6 rows also the whole
/// `pathlens fit` process on a generated CSV (load included), its peak memory, and ratios against
/// the peer timings recorded in BENCHMARKS.md (ordinal::clm ordered logit).
struct BenchFit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Time the estimators (in-process and whole `pathlens fit` runs) against peers.")

    @Option(parsing: .unconditional, help: ArgumentHelp("Generated data sizes, comma-separated.", valueName: "n,n"))
    var rows: String = "100000,1000000"

    @Option(parsing: .unconditional, help: ArgumentHelp("Estimators to time, comma-separated (default: all five).", valueName: "m,m"))
    var models: String = "ols,logit,probit,ologit,oprobit"

    @Option(parsing: .unconditional, help: "In-process repetitions per estimator (median reported).")
    var repeats: Int = 7

    @Option(parsing: .unconditional, help: "Whole-process repetitions per size (median reported).")
    var processRepeats: Int = 3

    @Flag(help: "Skip the whole-process timings.")
    var skipProcess = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Only write the generated data with this many rows to --out and exit (for scripts/bench-peers).", valueName: "n"))
    var generate: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("CSV path for --generate.", valueName: "file"))
    var out: String?

    @Flag(help: "Also time R's ordinal::clm (ordered logit) and glm (logit) on the same generated file in this run, and print the ratios.")
    var peers = false

    @Option(parsing: .unconditional, help: "Runs of each R fit with --peers (the fastest is reported).")
    var peerRepeats: Int = 1

    /// ordinal::clm ordered logit with 20 regressors on the same generated data, median fit time
    /// (data in memory) as measured by scripts/bench-peers on this 2-core machine at load average
    /// 1.4 (R's BLAS using both cores) — kept in step with BENCHMARKS.md. Wall and CPU seconds.
    static let clm: [Int: (wall: Double, cpu: Double)] = [
        3_067: (0.033, 0.057), 100_000: (0.998, 1.820), 1_000_000: (14.76, 19.20),
    ]

    private func versusClm(_ n: Int, wall: Double, cpu: Double) -> String {
        guard let peer = Self.clm[n] else { return "" }
        return String(format: "   vs clm fit %.3f s wall / %.3f s CPU: %.1f× / %.1f×",
                      peer.wall, peer.cpu, peer.wall / wall, peer.cpu / cpu)
    }

    func run() throws {
        if let generate {
            guard generate > 0, let out else { throw CLIError("--generate needs a positive row count and --out FILE") }
            try CSVWriter.write(BenchFitData.dataset(rows: generate), to: out)
            print("wrote \(out) (\(generate) rows) and its codebook")
            return
        }
        let sizes = try rows.split(separator: ",").map { text -> Int in
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)), n > 10 else {
                throw CLIError("invalid --rows '\(rows)' (expected comma-separated row counts)")
            }
            return n
        }
        guard repeats > 0, processRepeats > 0 else { throw CLIError("--repeats and --process-repeats must be positive") }
        let kinds = try selectedKinds()
        print("pathlens bench fit — medians; \(ProcessInfo.processInfo.activeProcessorCount) cores; load average \(BenchClock.loadAverage())")
        try benchEmbedded(kinds)
        for n in sizes { try benchGenerated(rows: n, kinds: kinds) }
    }

    // MARK: Embedded replica

    private func selectedKinds() throws -> [ModelKind] {
        try models.split(separator: ",").map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let kind = ModelKind(rawValue: trimmed) else {
                throw CLIError("unknown model '\(trimmed)' in --models (expected ols, logit, probit, ologit or oprobit)")
            }
            return kind
        }
    }

    private func benchEmbedded(_ kinds: [ModelKind]) throws {
        let path: String
        do { path = try EmbeddedData.requireCSV() } catch {
            // The generated sizes can still be timed: say why this part is skipped, and go on.
            print("\nembedded replica skipped: \(error)")
            return
        }
        let data = try DatasetLoader.load(path: path)
        print("\nembedded replica (\(data.rowCount) rows), Dalian Models 1/2/4 formulas:")
        let ordered = DalianStudy.model("model2")?.spec.formula ?? "skill ~ union"
        let binary = DalianStudy.model("model4")?.spec.formula ?? "training ~ union"
        let cases: [(ModelKind, String)] = [(.ols, ordered), (.logit, binary), (.probit, binary),
                                            (.ologit, ordered), (.oprobit, ordered)]
        for (kind, formula) in cases where kinds.contains(kind) {
            let spec = ModelSpec(kind: kind, formula: formula)
            let (time, result) = try medianFit(spec, data: data)
            var line = "  \(pad(kind.rawValue, 8)) \(time.text)  \(result.coefficients.count) terms, N = \(result.n)"
            if kind == .ologit { line += versusClm(3_067, wall: time.wall, cpu: time.cpu) }
            print(line)
        }
        if kinds.contains(.ologit) { try benchParallelLines(data: data) }
        // Issue 14: interactions, with the margins over industry (budget 5 ms at 3,067 rows).
        var options = FitOptions(margins: true)
        options.marginsRequest.over = "industry"
        print("  interactions \(BenchFitData.interactionFormula), margins over industry (budget 5 ms):")
        for kind in kinds {
            let (time, result) = try medianFit(ModelSpec(kind: kind, formula: BenchFitData.interactionFormula(kind)),
                                               data: data, options: options)
            print("    \(pad(kind.rawValue, 8)) \(time.text)  \(result.coefficients.count) terms, \(result.margins.count) effects")
        }
    }

    // MARK: Generated data

    /// Issue 17's budget: the linearized (Taylor) variance of a survey design adds at most 20 % to
    /// the same weighted fit (pweight, robust: the same point estimates); the ratio to the
    /// unweighted fit is printed too. The design: 400 PSUs in 20 strata, weights 1–3.
    private func benchLinearized(data: Dataset, kinds: [ModelKind]) throws {
        var designed = data
        let n = data.rowCount
        designed.setColumn(Column(name: "bench_psu", values: (0..<n).map { Double($0 % 400) }))
        designed.setColumn(Column(name: "bench_stratum", values: (0..<n).map { Double($0 % 20) }))
        designed.setColumn(Column(name: "bench_weight", values: (0..<n).map { 1 + Double(($0 * 7) % 11) / 5 }))
        let design = SurveyDesign(psu: "bench_psu", strata: "bench_stratum", weight: "bench_weight", nest: true)
        print("  svy: linearized variance (400 PSUs, 20 strata) against the same pweight fit (budget +20 %):")
        for kind in kinds {
            let formula = kind.isBinary ? BenchFitData.binaryFormula : BenchFitData.formula
            let (weighted, _) = try medianFit(ModelSpec(kind: kind, formula: formula, vce: .robust, weights: .sampling("bench_weight")),
                                              data: designed)
            var svy = ModelSpec(kind: kind, formula: formula)
            svy.design = design
            let (linearized, result) = try medianFit(svy, data: designed)
            let (plain, _) = try medianFit(ModelSpec(kind: kind, formula: formula), data: designed)
            print(String(format: "    %@ %@  vs pweight %@: %+.0f %%; vs the unweighted oim fit %+.0f %%  (df %d)",
                         pad(kind.rawValue, 8) as NSString, linearized.text as NSString, weighted.text as NSString,
                         100 * (linearized.wall / weighted.wall - 1), 100 * (linearized.wall / plain.wall - 1),
                         result.survey?.df ?? 0))
        }
    }

    private func benchGenerated(rows n: Int, kinds: [ModelKind]) throws {
        let data = BenchFitData.dataset(rows: n)
        print("\ngenerated \(n) rows × 20 regressors (12 continuous, 8 binary), 6 outcome categories:")
        print("  fit only, in process (design matrix + estimation; median, fastest in brackets):")
        var inProcess: [ModelKind: (time: Timing, fastest: Timing, result: ModelResult)] = [:]
        for kind in kinds {
            let formula = kind.isBinary ? BenchFitData.binaryFormula : BenchFitData.formula
            let (time, fastest, result) = try timedFit(ModelSpec(kind: kind, formula: formula), data: data,
                                                       repeats: n >= 1_000_000 ? max(1, min(repeats, 3)) : repeats)
            inProcess[kind] = (time, fastest, result)
            var line = "    \(pad(kind.rawValue, 8)) \(time.text)  [\(fastest.text)]  \(result.iterations) iterations"
            if kind == .ologit, !peers { line += versusClm(n, wall: time.wall, cpu: time.cpu) }
            print(line)
        }
        if n <= 200_000 { try benchLinearized(data: data, kinds: kinds) }
        guard !skipProcess || peers else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pathlens-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("bench\(n).csv").path
        try CSVWriter.write(data, to: csv)
        let csvBytes = (try? FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? 0
        let rawBytes = data.rowCount * data.columns.count * MemoryLayout<Double>.size
        // As a loaded file holds them: compact columns (`ColumnStorage`).
        let storeBytes = data.columns.reduce(0) { $0 + $1.compacted().storage.byteCount }

        // Whole `pathlens fit` processes: ologit always, logit too when it is selected or the
        // peers are timed (glm's counterpart).
        var processes: [ModelKind: (median: BenchClock.Sample, fastest: BenchClock.Sample)] = [:]
        if !skipProcess {
            for kind in [ModelKind.ologit, .logit] where kind == .ologit || kinds.contains(kind) || peers {
                var samples: [BenchClock.Sample] = []
                for _ in 0..<processRepeats {
                    let cpu0 = BenchClock.childCPUSeconds()
                    let wall = try runFitProcess(kind, csv: csv, scratch: directory)
                    samples.append(BenchClock.Sample(wall: wall, cpu: BenchClock.childCPUSeconds() - cpu0))
                }
                let middle = BenchClock.median(samples)
                let fastest = samples.min { $0.wall < $1.wall }!
                processes[kind] = (middle, fastest)
                var line = String(format: "  whole `pathlens fit %@` process (CSV load included): %.3f s wall, %.3f s CPU (fastest %.3f s wall, %.3f s CPU)",
                                  kind.rawValue as NSString, middle.wall, middle.cpu, fastest.wall, fastest.cpu)
                if kind == .ologit, !peers { line += versusClm(n, wall: middle.wall, cpu: middle.cpu) }
                print(line)
            }
            var usage = rusage()
            getrusage(RUSAGE_CHILDREN.rawValue, &usage)
            let peakMB = Double(usage.ru_maxrss) / 1024
            print(String(format: "    peak RSS (largest child so far) %.0f MB; CSV %.1f MB; column store (compact, as loaded) %.1f MB vs raw columns %.1f MB (%.2f×)",
                         peakMB, Double(csvBytes) / 1e6, Double(storeBytes) / 1e6, Double(rawBytes) / 1e6,
                         Double(storeBytes) / Double(max(1, rawBytes))))
        }
        guard peers else { return }
        // The peers on the very same file, now: ratios of their fit alone (data already in R) to
        // PathLens's whole process and to its fit in process, fastest against fastest.
        let found = BenchPeers.run(csv: csv, repeats: peerRepeats, scratch: directory)
        if let note = found.note { print("  peers: \(note)") }
        for (name, kind, peer, target) in [("ordinal::clm", ModelKind.ologit, found.clm, 30.0), ("glm", ModelKind.logit, found.glm, 10.0)] {
            guard let peer else { continue }
            var line = String(format: "  %@ fit alone (fastest of %d): %.3f s wall, %.3f s CPU", name as NSString, max(1, peerRepeats), peer.wall, peer.cpu)
            if let process = processes[kind]?.fastest {
                line += String(format: "; whole `pathlens fit %@` process %.1f× faster (target %.0f×)", kind.rawValue as NSString, peer.wall / process.wall, target)
            }
            if let fit = inProcess[kind] {
                line += String(format: ", fit in process %.1f×", peer.wall / fit.fastest.wall)
                let loglik = fit.result.loglik ?? .nan
                line += String(format: "; log-likelihood %.6f vs %.6f (relative difference %.1e)", loglik, peer.loglik,
                               abs(loglik - peer.loglik) / max(1e-300, abs(peer.loglik)))
            }
            print(line)
        }
    }

    /// Runs this very binary as `pathlens fit ologit FORMULA --data CSV --format json`; wall seconds
    /// from spawn to exit, as a shell would see them. `posix_spawn` and `waitpid` rather than
    /// Foundation's `Process`, whose `waitUntilExit` polls a run loop and added ~50 ms per run.
    private func runFitProcess(_ kind: ModelKind, csv: String, scratch: URL) throws -> Double {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let formula = kind.isBinary ? BenchFitData.binaryFormula : BenchFitData.formula
        let arguments = [executable, "fit", kind.rawValue, formula, "--data", csv, "--format", "json"]
        let errorsPath = scratch.appendingPathComponent("fit-stderr.txt").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = BenchClock.now()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw CLIError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let seconds = BenchClock.now() - start
        // Exited normally with status 0: the low 7 bits (signal) and the exit code are all zero.
        guard status == 0 else {
            let message = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
            throw CLIError("'pathlens fit' failed on \(csv): \(message.prefix(300))")
        }
        return seconds
    }

    // MARK: Helpers

    /// Median wall and CPU seconds of `fitModel` (CPU: all threads of this process — the fairer
    /// number on a shared machine).
    func medianFit(_ spec: ModelSpec, data: Dataset, repeats: Int? = nil,
                   options: FitOptions = FitOptions()) throws -> (Timing, ModelResult) {
        var samples: [BenchClock.Sample] = []
        var last: ModelResult?
        for _ in 0..<(repeats ?? self.repeats) {
            let (sample, result) = try BenchClock.measure { try fitModel(spec, data: data, options: options) }
            samples.append(sample)
            last = result
        }
        guard let result = last else { throw CLIError("no repetitions") }
        let middle = BenchClock.median(samples)
        return (Timing(wall: middle.wall, cpu: middle.cpu), result)
    }

    /// `medianFit` that also reports the fastest run (the fairer number on a shared machine).
    func timedFit(_ spec: ModelSpec, data: Dataset, repeats: Int) throws -> (Timing, Timing, ModelResult) {
        var samples: [BenchClock.Sample] = []
        var last: ModelResult?
        for _ in 0..<repeats {
            let (sample, result) = try BenchClock.measure { try fitModel(spec, data: data) }
            samples.append(sample)
            last = result
        }
        guard let result = last, let fastest = samples.min(by: { $0.wall < $1.wall }) else { throw CLIError("no repetitions") }
        let middle = BenchClock.median(samples)
        return (Timing(wall: middle.wall, cpu: middle.cpu), Timing(wall: fastest.wall, cpu: fastest.cpu), result)
    }

    struct Timing {
        var wall: Double
        var cpu: Double
        var text: String { String(format: "%8.2f ms wall %8.2f ms CPU", wall * 1000, cpu * 1000) }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
