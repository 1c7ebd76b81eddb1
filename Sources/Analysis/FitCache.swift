import Estimation
import Mediation
import SurveyData
import Synchronization

/// Fits already made, keyed by model specification (which includes its shared sample): undo,
/// redo and switching a control back cost nothing, and a baseline's models are reused. Shared
/// by background tasks. The key includes the specification's measures: a bare term of a
/// variable typed categorical expands into indicators, so the same formula is another model.
public final class FitCache: Sendable {
    struct Key: Hashable { var spec: ModelSpec; var measures: [String: VariableType]; var options: FitOptionsKey }
    struct FitOptionsKey: Hashable { var margins: Bool; var atMeans: Bool }
    private let storage = Mutex<[Key: Result<ModelResult, FitFailure>]>([:])
    struct MediationKey: Hashable { var spec: MediationSpec; var measures: [String: VariableType]; var request: MediationRequest }
    private let mediations = Mutex<[MediationKey: MediationResult]>([:])
    struct ConditionalKey: Hashable { var spec: ModelSpec; var measures: [String: VariableType]; var plan: ConditionalEffectsPlan }
    private let conditionals = Mutex<[ConditionalKey: ConditionalEffects]>([:])
    /// The OLS columns' omitted-variable sensitivity (`ModelSensitivity`).
    let sensitivities = SensitivityStore()
    public init() {}

    /// A mediation analysis already run on the same specification and request (the quick pass
    /// and the margins pass of one redraw share it).
    func mediation(_ spec: MediationSpec, _ request: MediationRequest, measures: [String: VariableType] = [:],
                   compute: () throws(MediationError) -> MediationResult) throws(MediationError) -> MediationResult {
        let key = MediationKey(spec: spec, measures: measures, request: request)
        if let hit = mediations.withLock({ $0[key] }) { return hit }
        let value = try compute()
        mediations.withLock { store in
            if store.count > 200 { store.removeAll() }
            store[key] = value
        }
        return value
    }

    /// Conditional effects already computed for the same model and plan.
    func conditional(_ spec: ModelSpec, _ plan: ConditionalEffectsPlan, measures: [String: VariableType] = [:],
                     compute: () -> ConditionalEffects) -> ConditionalEffects {
        let key = ConditionalKey(spec: spec, measures: measures, plan: plan)
        if let hit = conditionals.withLock({ $0[key] }) { return hit }
        let value = compute()
        conditionals.withLock { store in
            if store.count > 2000 { store.removeAll() }
            store[key] = value
        }
        return value
    }

    /// A cached fit; a fit with margins also answers a request without them.
    func cached(_ spec: ModelSpec, measures: [String: VariableType] = [:], margins: Bool,
                atMeans: Bool = false) -> Result<ModelResult, FitFailure>? {
        storage.withLock { store in
            func key(_ m: Bool, _ a: Bool) -> Key { Key(spec: spec, measures: measures, options: FitOptionsKey(margins: m, atMeans: a)) }
            if let hit = store[key(true, true)] { return hit }
            if let hit = store[key(true, atMeans)], margins || !atMeans {
                return hit
            }
            if !margins { return store[key(false, false)] }
            return nil
        }
    }

    /// Start values for `spec` from the successful fit of the same estimator, outcome, subsample,
    /// variance and weights whose formula shares the most terms with it (a toggled control: all
    /// but one), or nil when there is none. Only the path of Newton's method changes.
    func nearestWarmStart(for spec: ModelSpec, measures: [String: VariableType] = [:]) -> WarmStart? {
        func parts(_ formula: String) -> (outcome: Substring, terms: Set<Substring>) {
            let sides = formula.split(separator: "~", maxSplits: 1)
            let terms = sides.count > 1 ? sides[1].split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces)[...] } : []
            return (sides.first.map { $0.trimmingCharacters(in: .whitespaces)[...] } ?? "", Set(terms))
        }
        let wanted = parts(spec.formula)
        return storage.withLock { store in
            var best: (score: Int, result: ModelResult)? = nil
            for (key, value) in store {
                guard case let .success(result) = value, result.converged, key.measures == measures,
                      key.spec.kind == spec.kind, key.spec.condition == spec.condition, key.spec.vce == spec.vce,
                      key.spec.weights == spec.weights, key.spec.design == spec.design, key.spec.subpop == spec.subpop
                else { continue }
                let other = parts(key.spec.formula)
                guard other.outcome == wanted.outcome else { continue }
                let shared = other.terms.intersection(wanted.terms).count
                let score = shared - other.terms.symmetricDifference(wanted.terms).count
                if shared > 0, score > (best?.score ?? Int.min) { best = (score, result) }
            }
            guard let result = best?.result else { return nil }
            return WarmStart(coefficients: Dictionary(result.coefficients.map { ($0.term, $0.estimate) }, uniquingKeysWith: { a, _ in a }),
                             cutpoints: result.cutpoints.map(\.estimate))
        }
    }

    func result(for spec: ModelSpec, measures: [String: VariableType] = [:], margins: Bool, atMeans: Bool = false,
                compute: () -> Result<ModelResult, FitFailure>) -> Result<ModelResult, FitFailure> {
        if let hit = cached(spec, measures: measures, margins: margins, atMeans: atMeans) { return hit }
        let value = compute()
        storage.withLock { store in
            if store.count > 2000 { store.removeAll() }
            store[Key(spec: spec, measures: measures, options: FitOptionsKey(margins: margins, atMeans: margins && atMeans))] = value
        }
        return value
    }
}

/// A fit's one-line error (kept as text: estimation errors print Stata-style messages).
public struct FitFailure: Error, Sendable {
    public let message: String
    public init(message: String) { self.message = message }
}
