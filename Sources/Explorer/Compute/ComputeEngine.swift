import Foundation
import Estimation
import SurveyData
import Synchronization

/// Fits already made, keyed by model specification: undo, redo and switching a control back
/// cost nothing, and the baseline's models are reused. Shared by the background tasks.
public final class FitCache: Sendable {
    private let storage = Mutex<[ModelSpec: Result<ModelResult, FitFailure>]>([:])
    public init() {}

    func result(for spec: ModelSpec, compute: () -> Result<ModelResult, FitFailure>) -> Result<ModelResult, FitFailure> {
        if let hit = storage.withLock({ $0[spec] }) { return hit }
        let value = compute()
        storage.withLock { store in
            if store.count > 2000 { store.removeAll() }
            store[spec] = value
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
    public static func run(_ spec: Specification, generation: Int, env: ExplorerEnvironment,
                           cache: FitCache, isCancelled: @Sendable () -> Bool = { false }) -> ComputeOutput {
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

        // Models (a standardized column reuses its base fit through the cache).
        let options = FitOptions(margins: true)
        for planned in ModelPlanner.plan(spec, env: env) {
            if isCancelled() { return output }
            var fitted = FittedModel(plan: planned)
            if output.sampleError != nil {
                fitted.error = "not estimated: the subsample condition failed"
            } else {
                switch cache.result(for: planned.spec, compute: {
                    do { return .success(try fitModel(planned.spec, data: data, options: options)) }
                    catch { return .failure(FitFailure(message: "\(error)")) }
                }) {
                case let .success(r): fitted.result = r
                case let .failure(f): fitted.error = f.message
                }
            }
            output.models.append(fitted)
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
