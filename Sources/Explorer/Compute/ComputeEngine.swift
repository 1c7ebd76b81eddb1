import Foundation
import Estimation
import SurveyData
import Synchronization

/// Fits already made, keyed by model specification: undo, redo and switching a control back
/// cost nothing, and the baseline's models are reused. Shared by the background tasks.
public final class FitCache: Sendable {
    struct Key: Hashable { var spec: ModelSpec; var margins: Bool }
    private let storage = Mutex<[Key: Result<ModelResult, FitFailure>]>([:])
    public init() {}

    /// A cached fit; a fit with margins also answers a request without them.
    func cached(_ spec: ModelSpec, margins: Bool) -> Result<ModelResult, FitFailure>? {
        storage.withLock { $0[Key(spec: spec, margins: true)] ?? (margins ? nil : $0[Key(spec: spec, margins: false)]) }
    }

    func result(for spec: ModelSpec, margins: Bool, compute: () -> Result<ModelResult, FitFailure>) -> Result<ModelResult, FitFailure> {
        if let hit = cached(spec, margins: margins) { return hit }
        let value = compute()
        storage.withLock { store in
            if store.count > 2000 { store.removeAll() }
            store[Key(spec: spec, margins: margins)] = value
        }
        return value
    }
}

/// A fit's one-line error (kept as text: estimation errors print Stata-style messages).
public struct FitFailure: Error, Sendable { public let message: String }

/// Runs everything one specification needs — subsample, models with margins, summaries and
/// crosstabs — synchronously. The background worker calls it off the input thread; `bench ui`
/// and the tests call it directly.
public enum ComputeEngine {
    /// With `margins: false` the models come without marginal effects — fast enough to redraw
    /// the Models view at once; the worker then runs again with margins for the Margins view.
    public static func run(_ spec: Specification, generation: Int, env: ExplorerEnvironment,
                           cache: FitCache, margins: Bool = true,
                           isCancelled: @Sendable () -> Bool = { false }) -> ComputeOutput {
        let clock = ContinuousClock()
        let start = clock.now
        var output = ComputeOutput(generation: generation, spec: spec)
        let data = env.dataset

        // Subsample.
        var sample = data
        if let condition = spec.subsample?.condition {
            do {
                let mask = try Filter(condition, dataset: data).mask(on: data)
                output.mask = mask
                output.sampleN = mask.reduce(0) { $0 + ($1 ? 1 : 0) }
                sample = data.subset(mask)
            } catch {
                output.sampleError = "subsample: \(error)"
            }
        } else {
            output.sampleN = data.rowCount
        }

        // Models: the distinct fits run in parallel (a standardized column shares its base fit).
        let options = FitOptions(margins: margins)
        let plan = ModelPlanner.plan(spec, env: env)
        var distinct: [ModelSpec] = []
        for p in plan where !distinct.contains(p.spec) { distinct.append(p.spec) }
        let fits = Mutex<[ModelSpec: Result<ModelResult, FitFailure>]>([:])
        if output.sampleError == nil {
            let specs = distinct
            DispatchQueue.concurrentPerform(iterations: specs.count) { i in
                if isCancelled() { return }
                let modelSpec = specs[i]
                let result = cache.result(for: modelSpec, margins: margins) {
                    do { return .success(try fitModel(modelSpec, data: data, options: options)) }
                    catch { return .failure(FitFailure(message: "\(error)")) }
                }
                fits.withLock { $0[modelSpec] = result }
            }
            if isCancelled() { return output }
        }
        let results = fits.withLock { $0 }
        output.marginsIncluded = margins || distinct.allSatisfy { cache.cached($0, margins: true) != nil }
        output.models = plan.map { planned in
            var fitted = FittedModel(plan: planned)
            switch results[planned.spec] {
            case let .success(r)?: fitted.result = r
            case let .failure(f)?: fitted.error = f.message
            case nil: fitted.error = "not estimated: the subsample condition failed"
            }
            return fitted
        }

        // Table 1 and crosstabs within the subsample.
        let names = DescribeView.variables(spec).filter { data.column($0) != nil }
        output.summaries = (try? DescriptiveStatistics.describe(sample, variables: names)) ?? []
        output.crosstabs = spec.crosstabs.map { pair in
            do { return CrosstabOutput(pair: pair, table: try CrossTabulation(sample, row: pair.row, column: pair.column)) }
            catch { return CrosstabOutput(pair: pair, error: "\(pair.row) x \(pair.column): \(error)") }
        }
        let elapsed = clock.now - start
        output.elapsedMilliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return output
    }
}
