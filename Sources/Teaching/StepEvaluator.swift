import Estimation
import Mediation
import SurveyData

/// What one step's specification produced: the sample, the fitted models (or why each failed),
/// descriptive statistics, crosstabs and the mediation analysis.
public struct StepResults: Sendable {
    public var spec: LessonSpecification
    /// The step's subsample (every row without a condition).
    public var sample: Dataset
    public var plan: [PlannedFit]
    public var fits: [String: ModelResult]
    public var fitErrors: [String: String]
    public var descriptions: [VariableDescription]
    public var crosstabs: [LessonCrosstab: CrossTabulation]
    public var mediation: MediationResult?
    public var mediationError: String?
}

/// Computes a step's results from its specification alone (no explorer state).
enum StepEvaluator {
    static func evaluate(_ spec: LessonSpecification, dataset: Dataset) throws -> StepResults {
        var sample = dataset
        if let condition = spec.condition {
            let mask = try Filter(condition, dataset: dataset).mask(on: dataset)
            sample = dataset.subset(mask)
        }
        let plan = StepPlan.fits(spec, dataset: dataset)
        var fits: [String: ModelResult] = [:], errors: [String: String] = [:]
        let options = FitOptions(margins: spec.margins != .none,
                                 atMeans: spec.margins == .means || spec.margins == .both)
        for fit in plan {
            do { fits[fit.id] = try fitModel(fit.spec, data: dataset, options: options) } catch {
                errors[fit.id] = "\(error)"
            }
        }
        let describeNames = spec.describe.isEmpty ? sample.variableNames : spec.describe
        let descriptions = try DescriptiveStatistics.describe(sample, variables: describeNames)
        var crosstabs: [LessonCrosstab: CrossTabulation] = [:]
        for pair in spec.crosstabs {
            crosstabs[pair] = try CrossTabulation(sample, row: pair.row, column: pair.column)
        }
        var mediation: MediationResult?, mediationError: String?
        if let m = StepPlan.mediation(spec) {
            var methods: Set<MediationMethod> = [.bk]
            for method in m.methods {
                switch method {
                case .bk: methods.insert(.bk)
                case .sobel: methods.insert(.sobel)
                case .khb: methods.insert(.khb)
                case .causal: methods.insert(.causal)
                case .bootstrap: methods.insert(.bootstrap)
                }
            }
            let mspec = MediationSpec(x: m.x, mediators: [m.mediator], y: m.y, controls: m.controls,
                                      mediatorModel: m.mediatorModel, outcomeModel: m.outcomeModel,
                                      condition: m.condition)
            do {
                mediation = try Mediation.analyze(spec: mspec, data: dataset,
                                                  options: MediationOptions(methods: methods, reps: m.simulations, seed: 1))
            } catch {
                mediationError = "\(error)"
            }
        }
        return StepResults(spec: spec, sample: sample, plan: plan, fits: fits, fitErrors: errors,
                           descriptions: descriptions, crosstabs: crosstabs, mediation: mediation,
                           mediationError: mediationError)
    }
}
