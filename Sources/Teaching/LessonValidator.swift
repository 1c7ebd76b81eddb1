import Estimation
import SurveyData

/// Checks every placeholder of every step against what the step computes: a model the step fits,
/// a variable of the dataset, a crosstab the step shows, a mediation analysis the step runs.
/// So a lesson that parses can only quote numbers its screen shows.
enum LessonValidator {
    static func check(_ lesson: Lesson, dataset: Dataset, reference: ReferenceStudy?) throws(LessonError) {
        for step in lesson.steps {
            let fits = Set(StepPlan.fits(step.spec, dataset: dataset).map(\.id))
            let baseFits = step.spec.pinStep.map { pin in
                Set(StepPlan.fits(lesson.steps[pin - 1].spec, dataset: dataset).map(\.id))
            }
            for id in step.spec.marginsModels where !fits.contains(id) {
                throw LessonError(file: lesson.file, line: step.keyLines["margins_of"] ?? step.line,
                                  "margins_of: model '\(id)' is not fitted in this step (fitted: \(fits.sorted().joined(separator: ", ")))")
            }
            for language in lesson.languages {
                guard let text = step.texts[language] else { continue }
                for source in text.lines + [text.question] {
                    guard case .success(let pieces) = Placeholder.scan(source.text, line: source.line) else { continue }
                    for case .placeholder(let p) in pieces {
                        if let message = problem(p, spec: step.spec, fits: fits, baseFits: baseFits, dataset: dataset, reference: reference) {
                            throw LessonError(file: lesson.file, line: p.line, "\(p.source): \(message)")
                        }
                    }
                }
            }
        }
    }

    static func problem(_ p: Placeholder, spec: LessonSpecification, fits: Set<String>, baseFits: Set<String>?,
                        dataset: Dataset, reference: ReferenceStudy?) -> String? {
        let args = p.arguments
        let noMediation = "the step runs no mediation analysis (set 'mediator:' and 'mediation:')"
        func known(_ variable: String) -> String? {
            dataset.column(variable) == nil ? "unknown variable '\(variable)' (dataset \(dataset.name))" : nil
        }
        func termProblem(_ term: String) -> String? {
            if term == "_cons" || (term.hasPrefix("cut") && Int(term.dropFirst(3)) != nil) { return nil }
            return known(String(term.split(separator: "=").first ?? Substring(term)))
        }
        func codeProblem(_ arg: String) -> String? {
            let parts = arg.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, Double(parts[1]) != nil else { return "expected VAR=CODE, found '\(arg)'" }
            return known(parts[0])
        }
        if p.kind.usesModel {
            var id = args[0]
            var available = fits
            if id.hasPrefix("base:") {
                id = String(id.dropFirst(5))
                guard let baseFits else { return "'base:' needs a pinned baseline ('pin: N' in the step's spec)" }
                available = baseFits
            }
            guard available.contains(id) else {
                return "model '\(id)' is not fitted in this step (fitted: \(available.sorted().joined(separator: ", ")))"
            }
            switch p.kind {
            case .cut: return Int(args[1]).map { $0 >= 1 ? nil : "K must be 1 or more" } ?? "K must be a number"
            case .ame, .mem:
                let wanted: LessonMargins = p.kind == .ame ? .average : .means
                if spec.margins != wanted && spec.margins != .both {
                    return "the step computes no \(p.kind == .ame ? "average marginal effects" : "effects at the means") (set 'margins: \(wanted.rawValue)' or 'both')"
                }
                if !spec.marginsModels.isEmpty && !spec.marginsModels.contains(args[0]) {
                    return "the step does not show the margins of '\(args[0])' (add it to 'margins_of:')"
                }
                return termProblem(args[1])
            default:
                return args.count > 1 ? termProblem(args[1]) : nil
            }
        }
        switch p.kind {
        case .pct, .count:
            if let m = codeProblem(args[0]) { return m }
            return describedProblem(String(args[0].split(separator: "=")[0]), spec: spec)
        case .mean, .sd:
            return known(args[0]) ?? describedProblem(args[0], spec: spec)
        case .colpct:
            if let m = codeProblem(args[0]) ?? codeProblem(args[1]) { return m }
            return crosstabProblem(String(args[0].split(separator: "=")[0]), String(args[1].split(separator: "=")[0]), spec: spec)
        case .chi2, .cramersv, .gamma:
            return known(args[0]) ?? known(args[1]) ?? crosstabProblem(args[0], args[1], spec: spec)
        case .path, .pathz, .verdict, .alpha, .indirect, .sobelz, .share:
            return StepPlan.runsMediation(spec) ? nil : noMediation
        case .khb:
            guard StepPlan.runsMediation(spec) else { return noMediation }
            return spec.mediation.contains(.khb) ? nil : "the step does not run KHB (add khb to 'mediation:')"
        case .acme, .ade, .totaleffect, .propmed, .acmelow, .acmehigh, .rho0:
            guard StepPlan.runsMediation(spec) else { return noMediation }
            guard spec.mediation.contains(.causal) else { return "the step does not run causal mediation (add causal to 'mediation:')" }
            if (p.kind == .acmelow || p.kind == .acmehigh) && spec.simulations == 0 {
                return "intervals need simulations (set 'sims:')"
            }
            if p.kind == .rho0 && !(spec.mediatorModel == .ols && spec.outcomeModel == .ols) {
                return "the sensitivity analysis needs an ols mediator and an ols outcome model (set 'mediator_model: ols' and 'outcome_model: ols')"
            }
            return nil
        case .paper:
            guard let reference else { return "no reference study's figures are available to this lesson" }
            return dataset.name == reference.datasetName ? nil : "the paper's figures exist for the embedded \(reference.datasetName) data only"
        case .n:
            return nil
        default:
            return nil
        }
    }

    private static func describedProblem(_ variable: String, spec: LessonSpecification) -> String? {
        if spec.describe.isEmpty || spec.describe.contains(variable) { return nil }
        return "'\(variable)' is not among the step's 'describe:' variables"
    }

    private static func crosstabProblem(_ row: String, _ column: String, spec: LessonSpecification) -> String? {
        if spec.crosstabs.contains(LessonCrosstab(row: row, column: column)) { return nil }
        return "the step shows no crosstab '\(row) x \(column)' (set 'crosstab: \(row) x \(column)')"
    }
}
