import Estimation
import SurveyData
import Synchronization

/// Oster's δ and the Cinelli–Hazlett robustness value of the key regressor in the lineup's OLS
/// outcome columns (`OmittedVariableBias`), for the Models view's footer and lesson steps. Only
/// columns whose own inference is classical OLS get them (no weights, robust/cluster variance
/// or survey design: the statistics are defined on the classical quantities, and a footer next
/// to a robust t would mix two tests), on the column's own estimation sample.
public enum ModelSensitivity {
    /// Oster's default multiplier (R²max = 1.3·R̃²).
    public static let rmax = 1.3

    /// `models` with `sensitivity` filled where it applies; a failure leaves it nil (the footer
    /// then shows nothing for that column).
    static func attach(_ models: [FittedModel], spec: Specification, dataset: Dataset, cache: FitCache) -> [FittedModel] {
        models.map { model in
            var model = model
            guard applies(model) else { return model }
            model.sensitivity = cache.sensitivities.value(for: model.plan.spec, treatment: spec.keyRegressor,
                                                         measures: spec.measures) {
                try? OmittedVariableBias.analyze(spec: model.plan.spec, data: dataset, treatment: spec.keyRegressor,
                                                 rmax: rmax)
            }
            return model
        }
    }

    static func applies(_ model: FittedModel) -> Bool {
        let s = model.plan.spec
        return model.plan.role == .outcome && !model.plan.standardized && s.kind == .ols && model.result != nil
            && s.vce == .oim && s.weights == .none && s.design == nil
    }
}

/// Sensitivity statistics already computed, keyed by the column's model, treatment and measures
/// (held by `FitCache`, so undo and toggling back cost nothing).
final class SensitivityStore: Sendable {
    struct Key: Hashable { var spec: ModelSpec; var treatment: String; var measures: [String: VariableType] }
    private let storage = Mutex<[Key: OmittedVariableSensitivity?]>([:])

    func value(for spec: ModelSpec, treatment: String, measures: [String: VariableType],
               compute: () -> OmittedVariableSensitivity?) -> OmittedVariableSensitivity? {
        let key = Key(spec: spec, treatment: treatment, measures: measures)
        if let hit = storage.withLock({ $0[key] }) { return hit }
        let value = compute()
        storage.withLock { store in
            if store.count > 500 { store.removeAll() }
            store[key] = .some(value)
        }
        return value
    }
}
