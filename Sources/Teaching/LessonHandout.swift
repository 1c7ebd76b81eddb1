import Reports
import SurveyData

/// `pathlens teach --print`: the whole lesson as a Markdown handout — each step's explanation
/// with its live numbers, the numbers to look at, the tables its screen shows, and the question.
public enum LessonHandout {
    /// `steps`: which steps (1-based) to include; nil = all.
    public static func markdown(_ runner: LessonRunner, language: Language, steps: [Int]? = nil) throws -> String {
        let zh = language == .zh
        var out = "# " + runner.lesson.title(language) + "\n\n"
        if let notice = runner.dataset.codebook.notice(language) { out += "> " + notice + "\n\n" }
        for number in steps ?? Array(1...runner.stepCount) {
            let step = try runner.render(step: number, language: language)
            out += "## " + UIText.handoutStep.text(language, number, step.count) + step.title + "\n\n"
            out += "*" + specSummary(step.spec, baseline: step.baselineSpec, language: language) + "*\n\n"
            out += step.lines.joined(separator: "\n") + "\n\n"
            if !step.highlights.isEmpty {
                // The colon inside the emphasis, the space outside: `**Look at: **` is not
                // emphasis in CommonMark (a closing `**` cannot follow a space).
                out += "**" + UIText.handoutLookAt.text(language) + "** "
                    + step.highlights.map { label($0, runner.dataset.codebook, language) }.joined(separator: UIText.enumerationSeparator.text(language))
                    + UIText.handoutMarked.text(language) + "\n\n"
            }
            for table in step.tables {
                out += OutputFormat.md.render(table) + "\n"
            }
            out += "**" + UIText.handoutQuestion.text(language) + "** " + step.question + "\n\n"
        }
        return out
    }

    /// Readable names of the mediation quantities a step may highlight.
    static var mediationNames: [String: Phrase] { UIText.mediationNames }

    /// One line saying what the step sets: view, models, subsample, mediator, pinned baseline.
    static func specSummary(_ s: LessonSpecification, baseline: LessonSpecification?, language: Language) -> String {
        let a = s.analysis
        let view = UIText.summaryView.text(language, s.view.name)
        var formula: String = "\(a.outcome) ~ \(a.keyRegressor)"
        if let m = a.activeMediator { formula += " + " + m }
        if !a.controls.isEmpty { formula += " + " + a.controls.joined(separator: " + ") }
        let estimators = UIText.summaryEstimators.text(language, a.estimators.rawValue)
        var parts: [String] = [view, formula, estimators]
        if let c = a.condition { parts.append("if " + c) }
        if a.mediatorModel != nil || a.outcomeModel != nil {
            let standard = UIText.summaryDefault.text(language)
            let models: String = (a.mediatorModel?.rawValue ?? standard) + "/" + (a.outcomeModel?.rawValue ?? standard)
            parts.append(UIText.summaryMediationModels.text(language, models))
        }
        if let b = baseline {
            let full = UIText.summaryFullSample.text(language)
            parts.append(UIText.summaryBaseline.text(language, b.condition.map { "if " + $0 } ?? full))
        }
        return parts.joined(separator: UIText.clauseSeparator.text(language))
    }

    static func label(_ item: String, _ codebook: Codebook, _ language: Language) -> String {
        if let words = mediationNames[item] { return words.text(language) }
        let parts = item.split(separator: "=").map(String.init)
        if let info = codebook.variable(parts[0]) {
            if parts.count == 2, let code = Double(parts[1]), let v = info.valueLabel(for: code) {
                return info.label(language) + " = " + v.label(language)
            }
            return info.label(language) + " (`\(item)`)"
        }
        return "`\(item)`"
    }
}
