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
                           isCancelled: @escaping @Sendable () -> Bool = { false }) -> AnalysisResult {
        let clock = ContinuousClock()
        let start = clock.now
        let data = spec.measured(unmeasured)
        var output = AnalysisResult(generation: generation, spec: spec)

        // The `if` subsample and the common sample.
        do {
            let sample = try PanelSample(spec, dataset: data)
            output.sample = sample
            output.sampleN = sample.subsampleN
            if spec.condition != nil { output.mask = sample.subsampleMask }
        } catch {
            output.sampleError = spec.condition != nil ? "subsample: \(error)" : "\(error)"
        }

        // Models: the distinct fits run in parallel (a standardized column shares its base fit).
        let options = FitOptions(margins: request.margins, atMeans: request.margins && request.atMeans)
        let plan = ModelLineup.plan(spec, dataset: data)
        var distinct: [ModelSpec] = []
        for p in plan where !distinct.contains(p.spec) { distinct.append(p.spec) }
        let fits = Mutex<[ModelSpec: Result<ModelResult, FitFailure>]>([:])
        if output.sampleError == nil {
            let specs = distinct
            DispatchQueue.concurrentPerform(iterations: specs.count) { i in
                if isCancelled() { return }
                let modelSpec = specs[i]
                let result = cache.result(for: modelSpec, measures: spec.measures, margins: options.margins, atMeans: options.atMeans) {
                    do { return .success(try fitModel(modelSpec, data: data, options: options.checkingParallelLines(modelSpec))) }
                    catch { return .failure(FitFailure(message: "\(error)")) }
                }
                fits.withLock { $0[modelSpec] = result }
            }
            if isCancelled() { return output }
        }
        let results = fits.withLock { $0 }
        output.marginsIncluded = request.margins
            || distinct.allSatisfy { cache.cached($0, measures: spec.measures, margins: true) != nil }
        output.models = plan.map { planned in
            var fitted = FittedModel(plan: planned)
            switch results[planned.spec] {
            case let .success(r)?:
                fitted.result = ParallelLinesColumnNotes.condensed(r)
                fitted.parallelLines = ParallelLinesCheck(r)
            case let .failure(f)?: fitted.error = f.message
            case nil: fitted.error = "not estimated: the subsample condition failed"
            }
            return fitted
        }
        if output.sampleError == nil {
            output.models = ModelSensitivity.attach(output.models, spec: spec, dataset: data, cache: cache)
        }

        // Baron–Kenny on the same sample and families as the models: the designated mediator's,
        // whether or not it is switched into the Models view's columns (the Mediation view
        // always analyses it; with the mediator off its sample also needs the mediator).
        if output.sampleError == nil, spec.mediator != nil, let mediationRequest = request.mediation {
            do {
                let mediationSpec = try self.mediationSpec(spec, dataset: data)
                output.mediation = try cache.mediation(mediationSpec, mediationRequest, measures: spec.measures) { () throws(MediationError) in
                    try mediation(spec, dataset: data, request: mediationRequest, isCancelled: isCancelled)
                }
            } catch .cancelled {
                return output
            } catch {
                output.mediationError = "\(error)"
            }
        }

        // Table 1 and crosstabs on the screen's sample.
        if let sample = output.sample {
            let rows = spec.sampling == .common ? sample.mask : sample.subsampleMask
            let screenData = rows.allSatisfy { $0 } ? data : data.subset(rows)
            let names = (request.describe ?? spec.modelVariables).filter { data.column($0) != nil }
            output.summaries = (try? DescriptiveStatistics.describe(screenData, variables: names)) ?? []
            for name in names {
                let counts = MissingCount.tally(data.column(name)?.values ?? [], mask: sample.subsampleMask)
                if !counts.isEmpty { output.missingByVariable[name] = counts }
            }
            output.crosstabs = spec.crosstabs.map { pair in
                do { return CrosstabOutput(pair: pair, table: try CrossTabulation(screenData, row: pair.row, column: pair.column)) }
                catch { return CrosstabOutput(pair: pair, error: "\(pair.row) x \(pair.column): \(error)") }
            }
        }
        let elapsed = clock.now - start
        output.elapsedMilliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return output
    }

    /// The mediation engine's analysis of the specification: the lineup's families, the screen's
    /// common sample (in per-model mode, the analysis's own).
    public static func mediation(_ spec: Specification, dataset unmeasured: Dataset, request: MediationRequest,
                                 threads: Int? = nil,
                                 progress: (@Sendable (MediationProgress) -> Void)? = nil,
                                 isCancelled: (@Sendable () -> Bool)? = nil) throws(MediationError) -> MediationResult {
        let dataset = spec.measured(unmeasured)
        let mediationSpec = try self.mediationSpec(spec, dataset: dataset)
        var options = MediationOptions(methods: request.methods, reps: request.reps, seed: request.seed, threads: threads)
        options.sensitivity = request.methods.contains(.causal) || request.methods.contains(.all)
        return try Mediation.analyze(spec: mediationSpec, data: dataset, options: options,
                                     progress: progress, isCancelled: isCancelled)
    }

    /// The families are the lineup's (`ModelLineup.mediationFamilies`), so the Models view's `m`
    /// and `ym` columns are the engine's models. The designated mediator is analysed whether or
    /// not it is switched on (`Specification.mediationAnalysis`).
    public static func mediationSpec(_ spec: Specification, dataset: Dataset) throws(MediationError) -> MediationSpec {
        guard let spec = spec.mediationAnalysis, let m = spec.activeMediator else { throw .invalidSpec("no mediator given") }
        let families = ModelLineup.mediationFamilies(spec, dataset: dataset)
        var mediation = MediationSpec(x: spec.keyRegressor, mediators: [m], y: spec.outcome,
                                      controls: spec.effectiveControls,
                                      mediatorModel: families.mediator,
                                      outcomeModel: families.outcome,
                                      condition: spec.condition,
                                      sampleVariables: spec.sampling == .common ? PanelSample.variables(spec) : [])
        // Under a declared design the paths are the design's (weighted, linearized). Without one
        // the Mediation view keeps its observed-information paths whatever `V`/`W` say.
        mediation.design = spec.design
        return mediation
    }
}
