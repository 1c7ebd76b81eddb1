import Foundation
import SurveyData
import Estimation

/// The library entry point the CLI and the explorer call (no process spawning).
public enum Mediation {
    /// Runs every analysis `options.methods` selects. `progress` is called from worker threads;
    /// `isCancelled` is polled between replications (a cancelled run throws `.cancelled`).
    public static func analyze(spec: MediationSpec, data: Dataset,
                               options: MediationOptions = MediationOptions(),
                               progress: (@Sendable (MediationProgress) -> Void)? = nil,
                               isCancelled: (@Sendable () -> Bool)? = nil) throws(MediationError) -> MediationResult {
        var run = try MediationRun(spec: spec, data: data, options: options, progress: progress,
                                   isCancelled: isCancelled)
        return try run.run()
    }

    /// The one-line refusal `analyze` would give for `spec.moderation` (an unknown moderator, one
    /// that is X, M or Y, or a design, variance or weights the conditional bootstrap cannot take
    /// yet), so a front end can show it and keep the unmoderated analysis.
    public static func validateModeration(_ spec: MediationSpec, data: Dataset) throws(MediationError) {
        try ModeratedMediation.validate(spec, data: data)
    }
}

/// One model of the analysis: its design on the common sample and its fit.
struct FittedModel: Sendable {
    let label: String
    let design: DesignMatrix
    let result: ModelResult

    /// `settings`: the analysis whose design, vce and weights every model shares.
    init(label: String, kind: ModelKind, formula: String, data: Dataset, settings: MediationSpec) throws(MediationError) {
        self.label = label
        do {
            let modelSpec = settings.modelSpec(kind: kind, formula: formula)
            design = try DesignMatrix(spec: modelSpec, data: data)
            result = try estimate(kind, design: design)
        } catch {
            throw .estimation("\(label) (\(kind.rawValue) \(formula)): \(error)")
        }
        if !result.converged {
            throw .estimation("\(label) (\(kind.rawValue) \(formula)): did not converge in \(result.iterations) iterations")
        }
    }

    /// True when `term`'s coefficient runs off: its zero side predicts the outcome perfectly.
    func runsOff(_ term: String) -> Bool {
        result.diagnostics.contains { note in
            if case let .perfectPredictionAtZero(t, _, _) = note { return t == term } else { return false }
        }
    }

    func path(_ term: String) throws(MediationError) -> PathEstimate {
        guard let c = result.coefficient(term) else {
            let why = result.omitted.first { $0.term == term }?.reason.text(.en) ?? "not estimated"
            throw .estimation("\(label): '\(term)' omitted (\(why))")
        }
        return PathEstimate(c)
    }

    func predictive() throws(MediationError) -> PredictiveModel {
        try PredictiveModel(result: result, design: design)
    }
}

struct MediationRun {
    let spec: MediationSpec
    let options: MediationOptions
    let progress: (@Sendable (MediationProgress) -> Void)?
    let isCancelled: (@Sendable () -> Bool)?
    let sample: CommonSample
    let outcomeKind: ModelKind
    let mediatorKinds: [ModelKind]
    var notes: [MediationNote] = []

    init(spec: MediationSpec, data: Dataset, options: MediationOptions,
         progress: (@Sendable (MediationProgress) -> Void)?, isCancelled: (@Sendable () -> Bool)?) throws(MediationError) {
        guard !spec.mediators.isEmpty else { throw .invalidSpec("no mediator given (--m)") }
        let roles = [spec.x] + spec.mediators + [spec.y]
        if Set(roles).count != roles.count {
            throw .invalidSpec("x, mediators and y must be different variables (got x \(spec.x), m \(spec.mediators.joined(separator: ",")), y \(spec.y))")
        }
        guard options.reps >= 0, options.reps <= 1_000_000 else {
            throw .invalidSpec("--reps must be between 0 and 1000000 (got \(options.reps))")
        }
        guard options.alpha > 0, options.alpha < 1 else {
            throw .invalidSpec("alpha must be between 0 and 1 (got \(options.alpha))")
        }
        guard (1...200).contains(options.quadratureNodes) else {
            throw .invalidSpec("quadrature nodes must be between 1 and 200 (got \(options.quadratureNodes))")
        }
        guard options.level > 0, options.level < 1 else {
            throw .invalidSpec("the confidence level must be between 0 and 1 (got \(options.level))")
        }
        for (role, v) in [("key regressor", spec.x)] + spec.mediators.map({ ("mediator", $0) })
        where data.info(v)?.type == .categorical {
            throw .invalidSpec("\(role) '\(v)' is categorical (unordered); mediation needs a binary or continuous \(role) (make a 0/1 indicator)")
        }
        if spec.design != nil, spec.vce != .oim || spec.weights != .none {
            throw .invalidSpec("a survey design carries its own weight and linearized variance; --vce, --fweight and --pweight cannot be combined with it")
        }
        // Moderated mediation fits its own models on the common sample: not under a subpopulation.
        if spec.subpop != nil, spec.moderation != nil { throw .invalidSpec(MediationSurveyText.subpopModeration.text(.en)) }
        if let k = spec.outcomeModel, k.isGeneralizedOrdered { try GeneralizedOrderedPaths.validateOptions(spec, kind: k) }
        try ModeratedMediation.validate(spec, data: data)
        self.spec = spec; self.options = options; self.progress = progress; self.isCancelled = isCancelled
        sample = try CommonSample(spec: spec, data: data)
        if let k = spec.outcomeModel {
            outcomeKind = k
        } else {
            outcomeKind = try CommonSample.defaultKind(of: spec.y, in: sample.data, isOutcome: true)
        }
        if outcomeKind.isGeneralizedOrdered {
            try GeneralizedOrderedPaths.validate(spec, kind: outcomeKind, data: sample.data)
        } else if spec.parallelLines != nil {
            throw .invalidSpec("--autofit applies to --y-model gologit or goprobit only (got \(outcomeKind.rawValue))")
        }
        var mk: [ModelKind] = []
        for m in spec.mediators {
            let k: ModelKind
            if let given = spec.mediatorModel { k = given } else {
                k = try CommonSample.defaultKind(of: m, in: sample.data, isOutcome: false)
            }
            guard !k.hasOrderedOutcome else {
                throw .invalidSpec("mediator model for '\(m)' must be ols, logit or probit (got \(k.rawValue))")
            }
            if k.isBinary, let values = sample.data.column(m)?.values, values.contains(where: { $0 != 0 && $0 != 1 }) {
                throw .invalidSpec("mediator '\(m)' has values other than 0 and 1; a \(k.rawValue) mediator model needs a 0/1 variable")
            }
            mk.append(k)
        }
        mediatorKinds = mk
    }

    /// One model of the analysis on its sample: the common sample, or under a subpopulation the
    /// whole design with the subpopulation's rows estimated on (`CommonSample.modelData`).
    func model(_ label: String, _ kind: ModelKind, _ formula: String) throws(MediationError) -> FittedModel {
        try FittedModel(label: label, kind: kind, formula: formula, data: sample.modelData, settings: sample.settings(spec))
    }

    private func formula(_ outcome: String, _ terms: [String]) -> String {
        "\(outcome) ~ \((terms + spec.controls).joined(separator: " + "))"
    }

    private func checkCancelled() throws(MediationError) {
        if let isCancelled, isCancelled() { throw .cancelled }
    }

    mutating func run() throws(MediationError) -> MediationResult {
        let n = sample.data.rowCount
        let level = options.level
        progress?(MediationProgress(stage: .fitting, completed: 0, total: 1))
        let total = try model("total-effect model", outcomeKind, formula(spec.y, [spec.x]))
        let c = try total.path(spec.x)

        var analyses: [MediatorAnalysis] = []
        var mediatorFits: [FittedModel] = []
        var singleFull: FittedModel?
        for (j, m) in spec.mediators.enumerated() {
            try checkCancelled()
            let mk = mediatorKinds[j]
            let aFit = try model("mediator model", mk, formula(m, [spec.x]))
            let fullFit = try model("outcome model", outcomeKind, formula(spec.y, [spec.x, m]))
            mediatorFits.append(aFit)
            if spec.mediators.count == 1 { singleFull = fullFit }
            let a = try aFit.path(spec.x)
            let generalized = outcomeKind.isGeneralizedOrdered
            let paths: BaronKennyResult
            if generalized {
                paths = try GeneralizedOrderedPaths.result(a: a, total: total.result, full: fullFit.result, x: spec.x, m: m,
                                                           mediatorModel: mk, outcomeModel: outcomeKind, alpha: options.alpha)
            } else {
                paths = BaronKenny.result(a: a, b: try fullFit.path(m), c: c, cPrime: try fullFit.path(spec.x),
                                          mediatorModel: mk, outcomeModel: outcomeKind, alpha: options.alpha)
            }
            let b = paths.b
            let indirect = IndirectEffect(a: a, b: b)
            let standardized = generalized ? nil : StandardizedIndirect(
                a: a, b: b, sdM: try latentSD(aFit), sdY: try latentSD(fullFit))

            var boot: BootstrapResult?
            // Under a moderator the replications go to the conditional effects (PROCESS reports no
            // unconditional indirect effect for models 7, 14 and 58).
            if options.runs(.bootstrap), options.reps > 0, spec.moderation == nil, !generalized {
                boot = try bootstrap(aFit: aFit, fullFit: fullFit, mediator: m, level: level)
            }
            var causal: CausalResult?
            if options.runs(.causal), generalized {
                causal = try generalizedCausal(aFit: aFit, fullFit: fullFit, mediator: m, mediatorKind: mk, level: level)
            } else if options.runs(.causal) {
                causal = try causalMediation(aFit: aFit, fullFit: fullFit, total: total, mediator: m,
                                             mediatorKind: mk, level: level)
            }
            var analysis = MediatorAnalysis(mediator: m, mediatorModel: mk, paths: paths,
                                            indirect: indirect, standardized: standardized,
                                            bootstrap: boot, causal: causal)
            for (name, fit, term) in [("a", aFit, spec.x), ("b", fullFit, m), ("c", total, spec.x), ("c'", fullFit, spec.x)]
            where fit.runsOff(term) { analysis.runsOff.insert(name) }
            analysis.fitNotes = total.result.diagnostics + aFit.result.diagnostics + fullFit.result.diagnostics
            analyses.append(analysis)
        }

        // How a published "indirect share" (the reference paper's 65 %) arises, and what to read instead.
        if outcomeKind.isGeneralizedOrdered {
            notes.append(.generalizedOrderedPathsOnly(GeneralizedOrderedPaths.skipped(options)))
        }
        for m in analyses where m.mediatorModel != outcomeKind && !outcomeKind.isGeneralizedOrdered {
            notes.append(.indirectShareMixesScales(mediator: m.mediator, share: m.paths.proportionOfSum,
                                                   mediatorModel: m.mediatorModel, outcomeModel: outcomeKind))
        }

        var khb: KHBResult?
        var khbEquations: [KHBResult]?
        if options.runs(.khb) {
            if outcomeKind.isGeneralizedOrdered {
                khbEquations = try generalizedKHB(total: total, mediatorFits: mediatorFits, joint: singleFull)
            } else if outcomeKind == .ols {
                notes.append(.khbNeedsNonlinearOutcome)
            } else {
                khb = try karlsonHolmBreen(total: total, mediatorFits: mediatorFits, joint: singleFull)
            }
        }
        // How replicates were drawn, once (clusters or PSUs within strata).
        let resampled = options.reps > 0 && (options.runs(.bootstrap)
            || (options.runs(.causal) && (options.causalInterval == .bootstrap || spec.design != nil)))
        if resampled, let resampling = DesignResampling(design: total.design) {
            if let survey = total.design.survey {
                notes.append(.designBootstrap(units: resampling.unitCount, strata: survey.strataCount, clusters: nil))
                let singles = resampling.singletonStrata.map { survey.stratumLabels[$0] }
                if !singles.isEmpty { notes.append(.singlePSUStrataKept(singles)) }
            } else if case .cluster(let v) = spec.vce {
                notes.append(.designBootstrap(units: resampling.unitCount, strata: 1, clusters: v))
            }
        }
        var seen = Set<MediationNote>()
        notes = notes.filter { seen.insert($0).inserted }
        var moderation: ModerationResult?
        if let mod = spec.moderation {
            try checkCancelled()
            moderation = try moderatedMediation(mod, mediatorKind: mediatorKinds[0])
        }
        var result = MediationResult(n: n, x: spec.x, y: spec.y, controls: spec.controls,
                                     condition: spec.condition, outcomeModel: outcomeKind,
                                     mediators: analyses, khb: khb, dropped: sample.dropped, diagnostics: notes)
        result.moderation = moderation
        result.khbEquations = khbEquations
        if let survey = total.result.survey {
            result.vce = "linearized"
            result.design = MediationDesignSummary(survey)
            result.subpop = spec.subpop
        } else if case .sampling = spec.weights, spec.vce == .oim {
            result.vce = "robust" // Stata: sampling weights imply the robust variance
        } else if spec.vce != .oim {
            result.vce = spec.vce.description
        }
        return result
    }

    /// sd of the latent variable of a binary/ordered model (√(var(x̂β) + var(ε))) or of y (ols).
    private func latentSD(_ fit: FittedModel) throws(MediationError) -> Double {
        let model = try fit.predictive()
        guard let link = Link(model.kind) else {
            return sampleVariance(model.y).squareRoot()
        }
        let eta = model.partialPredictor(model.parameters, excluding: [])
        return (sampleVariance(eta) + link.errorVariance).squareRoot()
    }

    // MARK: bootstrap

    private func bootstrap(aFit: FittedModel, fullFit: FittedModel, mediator m: String,
                           level: Double) throws(MediationError) -> BootstrapResult {
        let x = spec.x, mk = aFit.result.model, yk = fullFit.result.model
        let aDesign = aFit.design, fullDesign = fullFit.design
        let n = aDesign.rowCount
        let seed = options.seed, reps = options.reps
        // Refits start from the full-sample estimates: a resample's optimum is close by.
        let aStart = FitOptions.warm(from: aFit.result), fullStart = FitOptions.warm(from: fullFit.result)
        @Sendable func statistic(_ ad: DesignMatrix, _ fd: DesignMatrix) -> (Double, Double)? {
            do {
                let ra = try estimate(mk, design: ad, options: aStart)
                let rf = try estimate(yk, design: fd, options: fullStart)
                guard ra.converged, rf.converged, let a = ra.coefficient(x)?.estimate,
                      let b = rf.coefficient(m)?.estimate, let cp = rf.coefficient(x)?.estimate else { return nil }
                let ab = a * b
                guard ab.isFinite else { return nil }
                return (ab, ab / (ab + cp))
            } catch {
                return nil
            }
        }
        let progress = self.progress
        let bootProgress = progress.map { p in { @Sendable done in p(MediationProgress(stage: .bootstrap, completed: done, total: reps)) } }
        let replicates: [(Double, Double)?]
        let jack: [(Double, Double)?]
        if let resampling = DesignResampling(design: aDesign) {
            // Clusters, PSUs within strata (Rao–Wu) or weighted rows: replicate weights.
            replicates = try ReplicationRunner.run(count: reps, threads: options.threads, isCancelled: isCancelled,
                                                   progress: bootProgress) { r in
                var g = ReplicationGenerator(seed: seed, replication: r)
                let w = resampling.replicateWeights(using: &g)
                return statistic(aDesign.replicate(weights: w), fullDesign.replicate(weights: w))
            }
            let groups = resampling.jackknifeGroups(limit: options.jackknifeGroups)
            jack = try ReplicationRunner.run(
                count: groups, threads: options.threads, isCancelled: isCancelled,
                progress: progress.map { p in { @Sendable done in p(MediationProgress(stage: .jackknife, completed: done, total: groups)) } }
            ) { gIndex in
                let w = resampling.jackknifeWeights(group: gIndex, of: groups)
                return statistic(aDesign.replicate(weights: w), fullDesign.replicate(weights: w))
            }
        } else {
            replicates = try ReplicationRunner.run(count: reps, threads: options.threads, isCancelled: isCancelled,
                                                   progress: bootProgress) { r in
                var g = ReplicationGenerator(seed: seed, replication: r)
                let rows = g.resample(n)
                return statistic(aDesign.subset(rows: rows), fullDesign.subset(rows: rows))
            }
            // Jackknife (leave one out, or delete-d groups above `jackknifeGroups` cases) for BCa.
            let groups = max(2, min(n, options.jackknifeGroups))
            jack = try ReplicationRunner.run(
                count: groups, threads: options.threads, isCancelled: isCancelled,
                progress: progress.map { p in { @Sendable done in p(MediationProgress(stage: .jackknife, completed: done, total: groups)) } }
            ) { gIndex in
                let rows = (0..<n).filter { $0 % groups != gIndex }
                return statistic(aDesign.subset(rows: rows), fullDesign.subset(rows: rows))
            }
        }
        let ok = replicates.compactMap { $0 }
        let a = try aFit.path(x).estimate, b = try fullFit.path(m).estimate, cp = try fullFit.path(x).estimate
        let ab = a * b
        var result = BootstrapResult(
            reps: reps, seed: seed, failed: reps - ok.count, level: level,
            indirect: BootstrapIntervals.summarize(replicates: ok.map(\.0), estimate: ab,
                                                   jackknife: jack.compactMap { $0?.0 }, level: level),
            proportion: BootstrapIntervals.summarize(replicates: ok.map(\.1), estimate: ab / (ab + cp),
                                                     jackknife: jack.compactMap { $0?.1 }, level: level))
        if let resampling = DesignResampling(design: aDesign), aDesign.survey != nil || aDesign.clusters != nil {
            result.resampling = aDesign.survey != nil ? "psu-within-strata" : "clusters"
            result.units = resampling.unitCount
        }
        return result
    }

    // MARK: KHB

    /// `joint`: the outcome model with every mediator, when already fitted (one mediator).
    private mutating func karlsonHolmBreen(total: FittedModel, mediatorFits: [FittedModel],
                                           joint fitted: FittedModel?) throws(MediationError) -> KHBResult {
        let fullFit: FittedModel
        if let fitted { fullFit = fitted } else {
            fullFit = try model("KHB full model", outcomeKind, formula(spec.y, [spec.x] + spec.mediators))
        }
        let full = try fullFit.predictive()
        guard let xIndex = full.column(of: spec.x) else { throw .estimation("KHB: '\(spec.x)' omitted from the full model") }
        var mIndices: [Int] = []
        for m in spec.mediators {
            guard let j = full.column(of: m) else { throw .estimation("KHB: mediator '\(m)' omitted from the full model") }
            mIndices.append(j)
        }
        let joint = try khbTheta(mediatorFits)
        let theta = joint.estimates, vt = joint.variance
        let naive = try total.path(spec.x)
        return KHB.decompose(model: outcomeKind, mediators: spec.mediators,
                             fullParameters: full.parameters, fullVariance: full.vcov,
                             xIndex: xIndex, mediatorIndices: mIndices,
                             naive: EstimateSE(estimate: naive.estimate, se: naive.se),
                             theta: theta, thetaVariance: vt)
    }

    /// KHB's θ: the mediators regressed by ols on X and the controls (same design as the mediator
    /// models), jointly, with the variance the analysis asks for (oim, robust, cluster, linearized).
    func khbTheta(_ mediatorFits: [FittedModel]) throws(MediationError) -> JointOLSCoefficient {
        guard let first = mediatorFits.first else { throw .estimation("KHB: no mediator") }
        let ols: ModelResult
        do { ols = try estimate(.ols, design: first.design) } catch {
            throw .estimation("KHB: ols regression of \(first.design.outcome): \(error)")
        }
        do {
            return try first.design.jointOLSCoefficient(term: spec.x, columns: ols.coefficients.map(\.term),
                                                        outcomes: mediatorFits.map(\.design.y))
        } catch {
            throw .estimation("KHB: the regression of the mediators on '\(spec.x)': \(error)")
        }
    }

    // MARK: causal mediation

    private mutating func causalMediation(aFit: FittedModel, fullFit: FittedModel, total: FittedModel,
                                          mediator m: String, mediatorKind: ModelKind,
                                          level: Double) throws(MediationError) -> CausalResult {
        let control = 0.0, treat = 1.0
        if let xs = sample.data.column(spec.x)?.values, xs.contains(where: { $0 != 0 && $0 != 1 }) {
            notes.append(.causalContrastsZeroAndOne(x: spec.x))
        }
        let engine = try CausalEngine(mediator: try aFit.predictive(), outcome: try fullFit.predictive(),
                                      x: spec.x, m: m, control: control, treat: treat)
        let fine = GaussHermite(count: max(1, options.quadratureNodes)).standardNormal
        let coarse = GaussHermite(count: max(8, options.quadratureNodes / 3)).standardNormal
        let point = engine.allEffects(mediatorParams: engine.mediator.parameters,
                                      outcomeParams: engine.outcome.parameters, quadrature: fine)
        let sims = options.reps
        var causalInterval = options.causalInterval
        if spec.design != nil, causalInterval != .bootstrap {
            causalInterval = .bootstrap
            notes.append(.causalIntervalsByDesignBootstrap)
        }
        var draws: [[[Double]]] = []
        var failed = 0
        if sims > 0 {
            let progress = self.progress
            let report = progress.map { p in { @Sendable (done: Int) in p(MediationProgress(stage: .causal, completed: done, total: sims)) } }
            let seed = options.seed ^ 0x5DEE_CE66_D1CE_4E5B
            switch causalInterval {
            case .quasiBayesian:
                guard let mDist = MultivariateNormal(mean: engine.mediator.parameters, covariance: engine.mediator.vcov),
                      let yDist = MultivariateNormal(mean: engine.outcome.parameters, covariance: engine.outcome.vcov) else {
                    throw .estimation("causal mediation: a variance matrix is not positive semi-definite")
                }
                let cutStart = engine.outcome.coefficientCount
                let results = try ReplicationRunner.run(count: sims, threads: options.threads,
                                                        isCancelled: isCancelled, progress: report) { s -> [[Double]]? in
                    var g = ReplicationGenerator(seed: seed, replication: s)
                    let mp = mDist.draw(using: &g)
                    var yp = yDist.draw(using: &g)
                    if yp.count > cutStart { yp[cutStart...].sort() }
                    return engine.allEffects(mediatorParams: mp, outcomeParams: yp, quadrature: coarse)
                }
                draws = results.compactMap { $0 }
            case .bootstrap:
                let refits = ReplicateRefits(mediator: aFit.design, outcome: fullFit.design, mediatorKind: mediatorKind,
                                             outcomeKind: fullFit.result.model, mediatorStart: FitOptions.warm(from: aFit.result),
                                             outcomeStart: FitOptions.warm(from: fullFit.result))
                let x = spec.x
                let results = try ReplicationRunner.run(count: sims, threads: options.threads,
                                                        isCancelled: isCancelled, progress: report) { s -> [[Double]]? in
                    var g = ReplicationGenerator(seed: seed, replication: s)
                    guard let r = refits.refit(using: &g),
                          let e = try? CausalEngine(mediator: PredictiveModel(result: r.mediator, design: r.mediatorDesign),
                                                    outcome: PredictiveModel(result: r.outcome, design: r.outcomeDesign),
                                                    x: x, m: m, control: control, treat: treat) else { return nil }
                    return e.allEffects(mediatorParams: e.mediator.parameters,
                                        outcomeParams: e.outcome.parameters, quadrature: coarse)
                }
                draws = results.compactMap { $0 }
            }
            failed = sims - draws.count
        }
        let names = engine.scaleNames
        let headlineIndex = names.count - 1
        func scale(_ k: Int) -> CausalEffects {
            CausalEngine.assemble(point[k], draws: draws.map { $0[k] }, level: level)
        }
        let byOutcome = outcomeKind.isOrdered
            ? (0..<names.count).map { (outcome: $0 == headlineIndex ? "expected" : names[$0], effects: scale($0)) }
            : []
        var sensitivity: SensitivityResult?
        let grid = options.sensitivityGrid.map { $0.filter { $0 > -1 && $0 < 1 }.sorted() }
        if !options.sensitivity {
            // Not requested.
        } else if fullFit.design.weights != nil || spec.design != nil {
            notes.append(.sensitivityUnweightedOnly)
        } else if mediatorKind == .ols, outcomeKind == .ols {
            let a = try aFit.path(spec.x).estimate
            sensitivity = MediationSensitivity.linear(beta2: a, totalResiduals: try total.predictive().residuals(),
                                                      mediatorResiduals: engine.mediator.residuals(),
                                                      rho: grid ?? MediationSensitivity.grid)
        } else if mediatorKind == .ols, outcomeKind == .probit || outcomeKind == .oprobit {
            sensitivity = MediationSensitivity.latentOutcome(engine: engine, quadrature: fine,
                                                             rho: grid ?? MediationSensitivity.latentGrid)
        } else if mediatorKind == .probit, outcomeKind == .oprobit {
            try checkCancelled()
            sensitivity = MediationSensitivity.orderedProbit(engine: engine, rho: grid ?? MediationSensitivity.latentGrid,
                                                             isCancelled: isCancelled)
            try checkCancelled()
        } else if mediatorKind == .probit, outcomeKind == .ols {
            sensitivity = try MediationSensitivity.binaryMediator(engine: engine, outcomeDesign: fullFit.design,
                                                                  rho: grid ?? MediationSensitivity.latentGrid)
        } else if !notes.contains(where: { if case .sensitivityNotCovered = $0 { return true } else { return false } }) {
            notes.append(.sensitivityNotCovered(mediatorModel: mediatorKind, outcomeModel: outcomeKind))
        }
        let scaleName: String
        switch outcomeKind {
        case .ols: scaleName = "E(\(spec.y))"
        case .logit, .probit: scaleName = "Pr(\(spec.y) = 1)"
        case .ologit, .oprobit, .gologit, .goprobit: scaleName = "E(\(spec.y)) (expected category code)"
        }
        return CausalResult(mediatorModel: mediatorKind, outcomeModel: outcomeKind, scale: scaleName,
                            effects: scale(headlineIndex), byOutcome: byOutcome,
                            interval: causalInterval, sims: sims, failed: failed,
                            controlValue: control, treatValue: treat, sensitivity: sensitivity)
    }
}

extension FitOptions {
    /// Options whose Newton start is `result`'s estimates (coefficients, then cutpoints).
    static func warm(from result: ModelResult) -> FitOptions {
        var options = FitOptions()
        options.start = result.coefficients.map(\.estimate) + result.cutpoints.map(\.estimate)
        return options
    }
}

func sampleVariance(_ v: [Double]) -> Double {
    guard v.count > 1 else { return .nan }
    let mean = v.reduce(0, +) / Double(v.count)
    return v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count - 1)
}
