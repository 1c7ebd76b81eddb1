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
            out += "## " + (zh ? "第 \(number) 步（共 \(step.count) 步）：" : "Step \(number) of \(step.count): ") + step.title + "\n\n"
            out += "*" + specSummary(step.spec, baseline: step.baselineSpec, language: language) + "*\n\n"
            out += step.lines.joined(separator: "\n") + "\n\n"
            if !step.highlights.isEmpty {
                out += "**" + (zh ? "请看：" : "Look at: ") + "** "
                    + step.highlights.map { label($0, runner.dataset.codebook, language) }.joined(separator: zh ? "、" : ", ")
                    + (zh ? "（表中以 `>>` 标出）" : " (marked `>>` in the tables)") + "\n\n"
            }
            for table in step.tables {
                out += OutputFormat.md.render(table) + "\n"
            }
            out += "**" + (zh ? "课堂问题：" : "Question for the class: ") + "** " + step.question + "\n\n"
        }
        return out
    }

    /// Readable names of the mediation quantities a step may highlight.
    static let mediationNames: [String: (en: String, zh: String)] = [
        "a": ("path a", "a 路径"), "b": ("path b", "b 路径"), "c": ("path c (total)", "c 路径（总效应）"),
        "cprime": ("path c′ (direct)", "c′ 路径（直接效应）"), "indirect": ("a·b", "a·b"),
        "share": ("the shares mediated", "中介比例"), "khb": ("KHB", "KHB"), "acme": ("ACME", "ACME"),
        "ade": ("ADE", "ADE"), "total": ("total effect", "总效应"), "propmed": ("proportion mediated", "中介比例"),
        "rho": ("ρ at which the ACME vanishes", "使 ACME 为零的 ρ"), "verdict": ("the Baron–Kenny verdict", "Baron–Kenny 结论"),
    ]

    /// One line saying what the step sets: view, models, subsample, mediator, pinned baseline.
    static func specSummary(_ s: LessonSpecification, baseline: LessonSpecification?, language: Language) -> String {
        let zh = language == .zh
        let a = s.analysis
        let view: String = (zh ? "视图 " : "view ") + s.view.name
        var formula: String = "\(a.outcome) ~ \(a.keyRegressor)"
        if let m = a.activeMediator { formula += " + " + m }
        if !a.controls.isEmpty { formula += " + " + a.controls.joined(separator: " + ") }
        let estimators: String = (zh ? "估计量 " : "estimators ") + a.estimators.rawValue
        var parts: [String] = [view, formula, estimators]
        if let c = a.condition { parts.append("if " + c) }
        if a.mediatorModel != nil || a.outcomeModel != nil {
            let models: String = (a.mediatorModel?.rawValue ?? "default") + "/" + (a.outcomeModel?.rawValue ?? "default")
            parts.append((zh ? "中介分析模型 " : "mediation models ") + models)
        }
        if let b = baseline {
            let full: String = zh ? "全样本" : "full sample"
            parts.append((zh ? "基准固定为 " : "baseline pinned: ") + (b.condition.map { "if " + $0 } ?? full))
        }
        return parts.joined(separator: "; ")
    }

    static func label(_ item: String, _ codebook: Codebook, _ language: Language) -> String {
        if let words = mediationNames[item] { return language == .zh ? words.zh : words.en }
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
