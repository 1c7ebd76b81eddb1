import Foundation
import SurveyData
import Estimation

/// The one estimation sample every model of an analysis uses: rows selected by the `if`
/// condition with no missing value (NaN or user-missing code) in any variable involved, so paths
/// from different models are comparable and bootstrap resamples line up across models.
struct CommonSample {
    let data: Dataset
    let dropped: [DroppedRows]
    /// The data the analysis' models are fitted on (`MediationRun.model`): `data`, or under a
    /// subpopulation the whole dataset, the models' `subpop` selecting `data`'s rows while every
    /// PSU stays in the variance and in the bootstrap's resampling.
    let modelData: Dataset
    /// Every variable whose missing rows leave the sample.
    private let variables: [String]

    init(spec: MediationSpec, data full: Dataset) throws(MediationError) {
        var variables = [spec.x] + spec.mediators + [spec.y]
        if !spec.controls.isEmpty {
            let text = "\(spec.y) ~ \(spec.controls.joined(separator: " + "))"
            let controls: [String]
            do {
                controls = try Formula.parse(text).terms.flatMap { $0.factors.map(\.variable) }
            } catch {
                throw .invalidSpec("controls: \(error)")
            }
            let roles: [(String, String)] = [("key regressor", spec.x), ("outcome", spec.y)]
                + spec.mediators.map { ("mediator", $0) }
            for (role, name) in roles where controls.contains(name) {
                throw .invalidSpec("'\(name)' is both the \(role) and a control; remove it from the controls")
            }
            variables += controls
        }
        variables += spec.sampleVariables
        variables += spec.moderation.map { [$0.moderator] } ?? []
        variables += spec.varianceVariables
        var seen = Set<String>()
        variables = variables.filter { seen.insert($0).inserted }
        for v in variables where full.column(v) == nil {
            throw .invalidSpec("unknown variable '\(v)' in dataset \(full.name)")
        }
        let sample: EstimationSample
        do {
            sample = try EstimationSample(data: full, condition: spec.condition, variables: variables)
        } catch .data(let e) {
            throw .invalidSpec("\(e)")
        } catch {
            throw .invalidSpec("\(error)")
        }
        var keep = sample.keep
        var dropped = sample.dropped
        // Stata's subpop(): the rows estimated on, out of a design that keeps them all.
        if let subpop = spec.subpop {
            guard spec.design != nil else { throw .invalidSpec(MediationSurveyText.subpopNeedsDesign(subpop).text(.en)) }
            let inSubpop: [Bool]
            do { inSubpop = try EstimationSample(data: full, condition: subpop, variables: []).keep }
            catch { throw .invalidSpec("subpop: \(error)") }
            guard inSubpop.indices.contains(where: { inSubpop[$0] && sample.keep[$0] }) else {
                throw .invalidSpec(SurveyText.emptySubpop(subpop).text(.en))
            }
            var outside = 0
            for i in keep.indices where keep[i] && !inSubpop[i] { keep[i] = false; outside += 1 }
            if outside > 0 { dropped.append(DroppedRows(reason: .outsideSubpopulation, count: outside)) }
        }
        guard keep.contains(true) else {
            throw .invalidSpec("no observations: the if condition and missing values leave an empty sample")
        }
        self.data = full.subset(keep)
        self.dropped = dropped
        self.modelData = spec.subpop == nil ? data : full
        self.variables = variables
    }

    /// `spec` as the analysis' models take it: under a subpopulation, fitted on `modelData`, they
    /// need every variable of the sample (`MediationSpec.modelSpec`).
    func settings(_ spec: MediationSpec) -> MediationSpec {
        guard spec.subpop != nil else { return spec }
        var s = spec
        s.sampleVariables = variables
        return s
    }

    /// The family a variable's model defaults to: `ModelKind.defaultKind(for:role:)` from its
    /// codebook type (or, without one, from its values: 0/1 → logit, else ols). Unordered
    /// categorical variables have no mediation model.
    static func defaultKind(of variable: String, in data: Dataset, isOutcome: Bool) throws(MediationError) -> ModelKind {
        let role = isOutcome ? "outcome" : "mediator"
        if let info = data.info(variable) {
            guard info.type != .categorical,
                  let kind = ModelKind.defaultKind(for: info.type, role: isOutcome ? .outcome : .mediator) else {
                throw .invalidSpec("\(role) '\(variable)' is categorical (unordered); mediation needs a binary, ordinal or continuous \(role) — choose --\(isOutcome ? "y" : "m")-model")
            }
            return kind
        }
        let values = Set(data.column(variable)?.values.filter { !$0.isNaN } ?? [])
        return values.isSubset(of: [0, 1]) && values.count == 2 ? .logit : .ols
    }
}
