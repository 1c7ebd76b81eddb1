import Foundation
import Estimation
import Mediation
import SurveyData

/// Fits every specification of a plan: one design per subsample (`MultiverseSampleDesign`),
/// column subsets per specification, Newton–Raphson warm-started from the nearest fitted
/// specification (the same controls but the highest unit, fitted just before it in its chain),
/// chains spread over the cores. The CLI, the benchmark and the explorer's view 7 call it.
public enum Multiverse {
    /// Runs `plan`. `first` is fitted (and reported through `onRows`) before the others — the
    /// explorer's current specification; `onRows` is called from worker threads as specifications
    /// finish; a cancelled run (`isCancelled`) stops early and returns what it has.
    public static func run(_ plan: MultiversePlan, dataset: Dataset, threads: Int? = nil, first: Int? = nil,
                           onRows: (@Sendable ([MultiverseRow]) -> Void)? = nil,
                           isCancelled: (@Sendable () -> Bool)? = nil) throws(MultiverseError) -> MultiverseResult {
        var samples: [MultiverseSampleDesign] = []
        for s in plan.request.subsamples.indices {
            samples.append(try MultiverseSampleDesign(plan: plan, subsample: s, dataset: dataset))
        }
        if plan.request.effects.contains(.ame), case .code(let code) = plan.request.ameOutcome,
           let y = dataset.column(plan.request.y)?.values, !y.contains(code) {
            throw MultiverseError("--ame-outcome \(formatCode(code)): no observation of '\(plan.request.y)' has that category")
        }
        let fitter = MultiverseFitter(plan: plan, samples: samples, dataset: dataset)
        let collector = MultiverseCollector(onRows: onRows)
        if let first, plan.specifications.indices.contains(first) {
            collector.add(fitter.rows(for: first, warm: nil).rows, reported: first)
        }
        // Chains: per subsample and estimator, blocks of consecutive control subsets (4 blocks, so
        // two cores stay busy with one subsample and one estimator).
        let g = plan.units.count
        let blockBits = min(g, 2)
        let perChain = 1 << g
        let blockSize = perChain >> blockBits
        let chains = plan.specifications.count / perChain
        let items = (0..<(chains << blockBits)).map { ($0 >> blockBits, $0 & ((1 << blockBits) - 1)) }
        let workers = max(1, min(threads ?? ProcessInfo.processInfo.activeProcessorCount, items.count))
        let queue = MultiverseWorkQueue(count: items.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let item = queue.next() {
                let (chain, block) = items[item]
                var fitted: [UInt64: ModelResult] = [:]
                for low in 0..<blockSize {
                    if isCancelled?() == true { return }
                    let mask = UInt64(block * blockSize + low)
                    let index = chain * perChain + Int(mask)
                    // The nearest fitted specification: this one without its highest unit of the block.
                    var warm: ModelResult?
                    if low > 0 {
                        let top = UInt64(1) << UInt64(Int.bitWidth - 1 - low.leadingZeroBitCount)
                        warm = fitted[mask & ~top]
                    }
                    let out = fitter.rows(for: index, warm: warm)
                    if let r = out.fit, r.converged { fitted[mask] = r }
                    collector.add(out.rows, reported: index)
                }
            }
        }
        return MultiverseResult(plan: plan, rows: collector.all)
    }
}

/// Fits one specification and turns it into its effect rows.
struct MultiverseFitter: Sendable {
    let plan: MultiversePlan
    let samples: [MultiverseSampleDesign]
    let dataset: Dataset

    private var request: MultiverseRequest { plan.request }

    func rows(for index: Int, warm: ModelResult?) -> (rows: [MultiverseRow], fit: ModelResult?) {
        let spec = plan.specifications[index]
        let sample = samples[spec.subsample]
        var rows: [MultiverseRow] = []
        var fit: ModelResult?
        let direct = request.effects.filter { !$0.isMediated }
        if !direct.isEmpty {
            do {
                let design = try sample.design(for: spec, plan: plan, dataset: dataset)
                var options = FitOptions()
                if direct.contains(.ame) {
                    options.margins = true
                    options.marginsRequest = MarginsRequest(dydx: [request.x])
                }
                if let warm { options.start = Self.start(from: warm, for: design, kind: spec.estimator) }
                let result = try estimate(spec.estimator, design: design, options: options)
                fit = result
                for effect in direct {
                    var r = row(effect, index: index, result: result, key: sample.keyName)
                    if effect == .coef, r.isEstimated { r.delta = delta(spec, sample: sample) }
                    rows.append(r)
                }
            } catch {
                for effect in direct { rows.append(MultiverseRow(specification: index, effect: effect, failure: error.description)) }
            }
        }
        let mediated = request.effects.filter { $0.isMediated && $0.applies(to: spec.estimator) }
        if !mediated.isEmpty { rows += mediation(mediated, index: index, spec: spec, sample: sample) }
        return (rows, fit)
    }

    /// Oster's δ for β = 0 of an OLS specification with `--rmax` (NaN without controls or when it
    /// cannot be computed), on the subsample's shared rows: `OmittedVariableBias`, the engine of
    /// `pathlens sensitivity`.
    private func delta(_ spec: MultiverseSpecification, sample: MultiverseSampleDesign) -> Double {
        guard let rmax = request.rmax, spec.estimator == .ols, !(request.fixed + spec.terms).isEmpty else { return .nan }
        let model = plan.modelSpec(.ols, formula: plan.formula(spec), subsample: sample.subsample)
        return (try? OmittedVariableBias.analyze(spec: model, data: dataset, treatment: request.x, rmax: rmax))?.delta ?? .nan
    }

    /// Start values for `design` from a fitted neighbour: its estimate per term (0 for a term it
    /// lacks), then its cutpoints. Ignored by the estimator unless the length fits the pruned model.
    static func start(from warm: ModelResult, for design: DesignMatrix, kind: ModelKind) -> [Double]? {
        guard kind != .ols, warm.model == kind else { return nil }
        let estimates = Dictionary(warm.coefficients.map { ($0.term, $0.estimate) }, uniquingKeysWith: { a, _ in a })
        let terms = kind.isOrdered ? design.terms.filter { !$0.isConstant } : design.terms
        return terms.map { estimates[$0.name] ?? 0 } + warm.cutpoints.map(\.estimate)
    }

    /// Two-sided critical value at the request's level: t with the residual df for OLS (the design
    /// df for every model under a survey design, as `fit --svy`), else normal.
    private func critical(df: Double?) -> Double {
        let upper = 1 - (1 - request.level) / 2
        if let df, df > 0 { return Distributions.tQuantile(upper, df: df) }
        return Distributions.normalQuantile(upper)
    }

    private func interval(_ estimate: Double, _ se: Double, df: Double?) -> (Double, Double) {
        guard estimate.isFinite, se.isFinite else { return (.nan, .nan) }
        let q = critical(df: df)
        return (estimate - q * se, estimate + q * se)
    }

    private func row(_ effect: MultiverseEffect, index: Int, result: ModelResult, key: String) -> MultiverseRow {
        var row = MultiverseRow(specification: index, effect: effect, n: result.n)
        guard result.converged else {
            row.failure = "convergence not achieved (\(result.iterations) iterations)"
            return row
        }
        let df: Double?
        if let survey = result.survey { df = Double(survey.df) } else {
            df = result.model == .ols ? Double(result.fDF2 ?? (result.n - result.coefficients.count)) : nil
        }
        switch effect {
        case .coef:
            guard let c = result.coefficient(key) else {
                let why = result.omitted.first { $0.term == key }?.reason.text(.en) ?? "not estimated"
                row.failure = "'\(key)' omitted (\(why))"
                return row
            }
            row.estimate = c.estimate; row.se = c.se; row.p = c.p
            (row.ciLow, row.ciHigh) = interval(c.estimate, c.se, df: df)
        case .ame:
            let margins = result.margins.filter { $0.term == key && $0.at == .average && $0.atValue == nil && $0.over == nil }
            let chosen: MarginalEffect?
            if result.model.isOrdered {
                switch request.ameOutcome {
                case .first: chosen = margins.first
                case .last: chosen = margins.last
                case .code(let code): chosen = margins.first { $0.outcome == formatCode(code) }
                }
            } else {
                chosen = margins.first
            }
            guard let m = chosen else {
                let omitted = result.omitted.first { $0.term == key }?.reason.text(.en)
                row.failure = omitted.map { "'\(key)' omitted (\($0))" } ?? "no marginal effect of '\(key)' on that outcome in the estimation sample"
                return row
            }
            row.estimate = m.effect; row.se = m.se; row.p = m.p
            (row.ciLow, row.ciHigh) = interval(m.effect, m.se, df: df)
        case .indirect, .khb, .acme:
            break
        }
        return row
    }

    /// The mediated effects through `Mediation.analyze`: the mediator model `mediate` chooses, the
    /// specification's estimator for the outcome, on the subsample's shared rows.
    private func mediation(_ effects: [MultiverseEffect], index: Int, spec: MultiverseSpecification,
                           sample: MultiverseSampleDesign) -> [MultiverseRow] {
        guard let m = request.m else { return [] }
        var mspec = MediationSpec(x: request.x, mediators: [m], y: request.y, controls: request.fixed + spec.terms,
                                  mediatorModel: nil, outcomeModel: spec.estimator, condition: sample.condition,
                                  sampleVariables: plan.sampleVariables)
        mspec.design = nil
        var methods: Set<MediationMethod> = [.sobel]
        if effects.contains(.khb) { methods.insert(.khb) }
        if effects.contains(.acme) { methods.insert(.causal) }
        var options = MediationOptions(methods: methods, reps: request.acmeReps(effects), seed: request.seed,
                                       level: request.level, threads: 1)
        options.sensitivity = false
        let result: MediationResult
        do {
            result = try Mediation.analyze(spec: mspec, data: dataset, options: options)
        } catch {
            return effects.map { MultiverseRow(specification: index, effect: $0, failure: error.description) }
        }
        let z = critical(df: nil)
        return effects.map { effect in
            var row = MultiverseRow(specification: index, effect: effect, n: result.n)
            guard let analysis = result.mediators.first else { row.failure = "no mediator analysis"; return row }
            switch effect {
            case .indirect:
                let ie = analysis.indirect
                row.estimate = ie.estimate; row.se = ie.sobelSE; row.p = ie.sobelP
                if ie.estimate.isFinite, ie.sobelSE.isFinite {
                    row.ciLow = ie.estimate - z * ie.sobelSE; row.ciHigh = ie.estimate + z * ie.sobelSE
                }
            case .khb:
                guard let khb = result.khb else { row.failure = "KHB not computed"; return row }
                row.estimate = khb.diff.estimate; row.se = khb.diff.se; row.p = khb.diff.p
                if khb.diff.estimate.isFinite, khb.diff.se.isFinite {
                    row.ciLow = khb.diff.estimate - z * khb.diff.se; row.ciHigh = khb.diff.estimate + z * khb.diff.se
                }
            case .acme:
                guard let causal = analysis.causal else { row.failure = "causal mediation not computed"; return row }
                let acme = causal.effects.acmeAverage
                row.estimate = acme.estimate
                if let ci = acme.ci { row.ciLow = ci.low; row.ciHigh = ci.high }
            case .coef, .ame:
                break
            }
            return row
        }
    }
}

extension MultiverseRequest {
    /// Simulations for the ACME interval: `reps` when the ACME is asked for (none otherwise).
    func acmeReps(_ effects: [MultiverseEffect]) -> Int { effects.contains(.acme) ? reps : 0 }
}

/// Rows collected from the workers (and passed on as they arrive).
final class MultiverseCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [MultiverseRow] = []
    private var reported = Set<Int>()
    private let onRows: (@Sendable ([MultiverseRow]) -> Void)?

    init(onRows: (@Sendable ([MultiverseRow]) -> Void)?) { self.onRows = onRows }

    /// Adds a specification's rows unless it was already reported (the `first` one).
    func add(_ new: [MultiverseRow], reported index: Int) {
        lock.lock()
        let fresh = reported.insert(index).inserted
        if fresh { rows += new }
        lock.unlock()
        if fresh { onRows?(new) }
    }

    var all: [MultiverseRow] { lock.lock(); defer { lock.unlock() }; return rows }
}

/// Hands out work items to the workers in order.
final class MultiverseWorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var index = 0
    private let count: Int
    init(count: Int) { self.count = count }
    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard index < count else { return nil }
        index += 1
        return index - 1
    }
}
