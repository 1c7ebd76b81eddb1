import Foundation
import Estimation
import Mediation
import SurveyData
import Synchronization

/// What to compute beyond the models' coefficients.
public struct AnalysisRequest: Sendable, Hashable {
    /// Average marginal effects (and effects at the means).
    public var margins: Bool
    public var atMeans: Bool
    /// Variables of Table 1 (nil: the screen's model variables).
    public var describe: [String]?
    /// The mediation analyses to run with the mediator on (nil: none).
    public var mediation: MediationRequest?

    public init(margins: Bool = true, atMeans: Bool = false, describe: [String]? = nil,
                mediation: MediationRequest? = .pathsOnly) {
        self.margins = margins; self.atMeans = atMeans; self.describe = describe; self.mediation = mediation
    }
}

/// Which mediation analyses to run and how.
public struct MediationRequest: Sendable, Hashable {
    public var methods: Set<MediationMethod>
    /// Bootstrap replications / causal simulations.
    public var reps: Int
    public var seed: UInt64

    public init(methods: Set<MediationMethod>, reps: Int = 0, seed: UInt64 = 1) {
        self.methods = methods; self.reps = reps; self.seed = seed
    }

    /// Baron–Kenny paths and Sobel: milliseconds, so every redraw has them.
    public static let pathsOnly = MediationRequest(methods: [.bk, .sobel])
}

/// The one analysis layer: turns a specification into every result a screen or a lesson step
/// shows — the common sample, the lineup's models, Table 1, crosstabs and the mediation paths —
/// synchronously. The explorer's background worker, the lesson runner, `bench ui` and the tests
/// call it.
public enum AnalysisEngine {
    public static func run(_ spec: Specification, generation: Int = 0, dataset unmeasured: Dataset,
                           cache: FitCache = FitCache(), request: AnalysisRequest = AnalysisRequest(),
                           isCancelled: @escaping @Sendable () -> Bool = { false },
                           partial: ((AnalysisResult) -> Void)? = nil) -> AnalysisResult {
        let clock = ContinuousClock()
        let start = clock.now
        let data = spec.measured(unmeasured)
        var output = AnalysisResult(generation: generation, spec: spec)

        // The `if` subsample and the common sample.
        do {
            let sample = try PanelSample(spec, measured: data)
            output.sample = sample
            output.sampleN = sample.subsampleN
            if spec.condition != nil { output.mask = sample.subsampleMask }
        } catch {
            output.sampleError = spec.condition != nil ? "subsample: \(error)" : "\(error)"
        }

        // Models: the distinct fits run in parallel (a standardized column shares its base fit).
        let options = FitOptions(margins: request.margins, atMeans: request.margins && request.atMeans)
        let plan = ModelLineup.plan(spec, measured: data)
        var distinct: [ModelSpec] = []
        for p in plan where !distinct.contains(p.spec) { distinct.append(p.spec) }
        let fits = Mutex<[ModelSpec: Result<ModelResult, FitFailure>]>([:])
        output.marginsIncluded = request.margins
            || distinct.allSatisfy { cache.cached($0, measures: spec.measures, margins: true) != nil }
        if output.sampleError == nil {
            // With a listener, the cheap least-squares columns first (on all cores), shown at once,
            // then the likelihood models; without one, all together.
            let batches = partial == nil ? [distinct]
                : [distinct.filter { $0.kind == .ols }, distinct.filter { $0.kind != .ols }].filter { !$0.isEmpty }
            for (b, specs) in batches.enumerated() {
                DispatchQueue.concurrentPerform(iterations: specs.count) { i in
                    if isCancelled() { return }
                    let modelSpec = specs[i]
                    let result = cache.result(for: modelSpec, measures: spec.measures, margins: options.margins, atMeans: options.atMeans) {
                        fit(modelSpec, data: data, options: options, cache: cache, measures: spec.measures)
                    }
                    fits.withLock { $0[modelSpec] = result }
                }
                if isCancelled() { return output }
                if let partial, b < batches.count - 1 {
                    var early = output
                    early.models = fitted(plan, fits.withLock { $0 }, pending: true)
                    early.marginsIncluded = false
                    early.elapsedMilliseconds = milliseconds(clock.now - start)
                    partial(early)
                }
            }
        }
        output.models = fitted(plan, fits.withLock { $0 }, pending: false)
        if output.sampleError == nil {
            output.models = ModelSensitivity.attach(output.models, spec: spec, dataset: data, cache: cache)
        }
        // The Margins view's conditional effects of the key regressor over what it is interacted with.
        if request.margins, let sample = output.sample,
           let conditional = ConditionalEffectsPlan.plan(spec, measured: data, rows: sample.mask) {
            output.models = ConditionalEffects.attach(output.models, plan: conditional, data: data, cache: cache,
                                                      measures: spec.measures, isCancelled: isCancelled)
            if isCancelled() { return output }
        }

        // Baron–Kenny on the same sample and families as the models: the designated mediator's,
        // whether or not it is switched into the Models view's columns (the Mediation view
        // always analyses it; with the mediator off its sample also needs the mediator).
        if output.sampleError == nil, spec.mediator != nil, let mediationRequest = request.mediation {
            do {
                let (mediationSpec, refusal) = try self.moderatedMediationSpec(spec, measured: data, plan: plan)
                output.moderationError = refusal
                output.mediation = try cache.mediation(mediationSpec, mediationRequest, measures: spec.measures) { () throws(MediationError) in
                    try mediation(mediationSpec, measured: data, request: mediationRequest, isCancelled: isCancelled)
                }
            } catch .cancelled {
                return output
            } catch {
                output.mediationError = "\(error)"
            }
        }

        // Table 1 and crosstabs on the screen's sample (design-based under a declared design).
        if let sample = output.sample {
            let names = (request.describe ?? spec.modelVariables).filter { data.column($0) != nil }
            ScreenDescriptives.fill(&output, spec: spec, data: data, sample: sample, variables: names)
        }
        output.elapsedMilliseconds = milliseconds(clock.now - start)
        return output
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// The lineup's columns with the fits made so far; `pending` marks those still running
    /// (otherwise a missing fit means the subsample condition failed).
    private static func fitted(_ plan: [LineupModel], _ results: [ModelSpec: Result<ModelResult, FitFailure>],
                               pending: Bool) -> [FittedModel] {
        plan.map { planned in
            var fitted = FittedModel(plan: planned)
            switch results[planned.spec] {
            case let .success(r)?:
                fitted.result = ParallelLinesColumnNotes.condensed(r)
                fitted.parallelLines = ParallelLinesCheck(r)
            case let .failure(f)?: fitted.error = f.message
            case nil:
                if pending { fitted.pending = true } else { fitted.error = "not estimated: the subsample condition failed" }
            }
            return fitted
        }
    }

    /// Samples from this many rows up start a likelihood fit from the nearest specification
    /// already fitted (one control more or less): one Newton pass fewer at 10^6 rows. Smaller
    /// samples always start afresh, so their numbers never depend on what was fitted before.
    static let warmStartRows = 100_000

    /// One model of the lineup. A fit with margins whose fit without them is cached starts at its
    /// estimates (Newton stops at once: the same numbers) and reports that fit's iteration count;
    /// a large sample's new fit starts from the nearest cached one.
    private static func fit(_ modelSpec: ModelSpec, data: Dataset, options: FitOptions, cache: FitCache,
                            measures: [String: VariableType]) -> Result<ModelResult, FitFailure> {
        var fitOptions = options.checkingParallelLines(modelSpec)
        var base: ModelResult? = nil
        if modelSpec.kind != .ols {
            if options.margins, case let .success(found)? = cache.cached(modelSpec, measures: measures, margins: false) {
                base = found
                fitOptions.start = found.coefficients.map(\.estimate) + found.cutpoints.map(\.estimate)
            } else if data.rowCount >= warmStartRows {
                fitOptions.warmStart = cache.nearestWarmStart(for: modelSpec, measures: measures)
            }
        }
        do {
            var result = try fitModel(modelSpec, data: data, options: fitOptions)
            if let base, result.converged, result.loglik == base.loglik { result.iterations = base.iterations }
            return .success(result)
        } catch {
            return .failure(FitFailure(message: "\(error)"))
        }
    }

    /// The mediation engine's analysis of the specification: the lineup's families, the screen's
    /// common sample (in per-model mode, the analysis's own).
    public static func mediation(_ spec: Specification, dataset unmeasured: Dataset, request: MediationRequest,
                                 threads: Int? = nil,
                                 progress: (@Sendable (MediationProgress) -> Void)? = nil,
                                 isCancelled: (@Sendable () -> Bool)? = nil) throws(MediationError) -> MediationResult {
        let dataset = spec.measured(unmeasured)
        return try mediation(try self.moderatedMediationSpec(spec, measured: dataset, plan: nil).spec, measured: dataset, request: request,
                             threads: threads, progress: progress, isCancelled: isCancelled)
    }

    private static func mediation(_ mediationSpec: MediationSpec, measured dataset: Dataset, request: MediationRequest,
                                  threads: Int? = nil,
                                  progress: (@Sendable (MediationProgress) -> Void)? = nil,
                                  isCancelled: (@Sendable () -> Bool)? = nil) throws(MediationError) -> MediationResult {
        var options = MediationOptions(methods: request.methods, reps: request.reps, seed: request.seed, threads: threads)
        options.sensitivity = request.methods.contains(.causal) || request.methods.contains(.all)
        return try Mediation.analyze(spec: mediationSpec, data: dataset, options: options,
                                     progress: progress, isCancelled: isCancelled)
    }

    /// The families are the lineup's (`ModelLineup.mediationFamilies`), so the Models view's `m`
    /// and `ym` columns are the engine's models. The designated mediator is analysed whether or
    /// not it is switched on (`Specification.mediationAnalysis`).
    public static func mediationSpec(_ spec: Specification, dataset: Dataset) throws(MediationError) -> MediationSpec {
        try mediationSpec(spec, measured: spec.measured(dataset), plan: nil)
    }

    /// The analysis with the specification's moderator (PROCESS model 7, 14 or 58 by
    /// `Specification.moderate`): the control terms that name W leave the controls, since the
    /// moderated models enter W themselves. A moderation the engine refuses (a design, W in a
    /// role) gives the unmoderated analysis and the refusal's line for the screen.
    static func moderatedMediationSpec(_ spec: Specification, measured dataset: Dataset,
                                       plan: [LineupModel]?) throws(MediationError) -> (spec: MediationSpec, refusal: String?) {
        let plain = try mediationSpec(spec, measured: dataset, plan: plan)
        guard let w = spec.moderator else { return (plain, nil) }
        var moderated = plain
        moderated.controls = plain.controls.filter { !FormulaTerms.variables(of: $0).contains(w) }
        moderated.moderation = ModerationSpec(moderator: w, moderate: spec.moderate)
        do {
            try Mediation.validateModeration(moderated, data: dataset)
            return (moderated, nil)
        } catch {
            return (plain, "\(error)")
        }
    }

    /// `plan`: the screen's lineup when already planned (its outcome models give the families).
    private static func mediationSpec(_ spec: Specification, measured dataset: Dataset,
                                      plan: [LineupModel]?) throws(MediationError) -> MediationSpec {
        guard let spec = spec.mediationAnalysis, let m = spec.activeMediator else { throw .invalidSpec("no mediator given") }
        let families = plan.map { ModelLineup.mediationFamilies(spec, measured: dataset, lineup: $0) }
            ?? ModelLineup.mediationFamilies(spec, dataset: dataset)
        var mediation = MediationSpec(x: spec.keyRegressor, mediators: [m], y: spec.outcome,
                                      controls: spec.effectiveControls,
                                      mediatorModel: families.mediator,
                                      outcomeModel: families.outcome,
                                      condition: spec.design == nil ? spec.condition : nil,
                                      sampleVariables: spec.sampling == .common ? PanelSample.variables(spec) : [])
        // The paths have the Models view's variance: under a declared design the design's
        // (weighted, linearized; the subsample a subpopulation), else `V`'s variance and `W`'s
        // weights, as `pathlens mediate --vce … --pweight/--fweight …` takes them.
        mediation.design = spec.design
        mediation.subpop = spec.design == nil ? nil : spec.condition
        if spec.design == nil {
            mediation.vce = spec.vce
            mediation.weights = spec.weighting
        }
        return mediation
    }
}
