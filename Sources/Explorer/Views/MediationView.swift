import Estimation
import Mediation
import Reports
import SurveyData

/// View 2: the path diagram X → M → Y with a, b, c, c′ and the Baron–Kenny verdict from the
/// mediation engine (on the screen's common sample, with the Models view's `m`/`ym` families),
/// then the bootstrap / KHB / causal estimates as they fill in.
enum MediationView {
    static func format(_ p: PathEstimate?) -> String {
        guard let p else { return "n/a" }
        return NumberFormat.fixed(p.estimate, 3) + NumberFormat.stars(p.p) + " (z=" + NumberFormat.fixed(p.estimate / p.se, 2) + ")"
    }

    static func content(_ state: AppState, env: ExplorerEnvironment, width: Int = 1000, ascii: Bool) -> ViewContent {
        let spec = state.spec
        let language = spec.language
        let zh = language == .zh
        guard let mediator = spec.activeMediator else {
            return .message(zh ? "中介变量未开启：在变量栏按 m 选择中介变量，或按 M 开启。"
                               : "Mediator off: press m on a variable in the variables pane, or M to switch it on.")
        }
        guard let results = state.results, results.spec.activeMediator == mediator else {
            return .message(zh ? "计算中……" : "computing...")
        }
        guard let result = state.bootstrap.output ?? results.mediation, let first = result.mediators.first else {
            let why = results.mediationError ?? results.sampleError ?? ""
            return .message((zh ? "中介分析失败：" : "mediation analysis failed: ") + why)
        }
        let x = env.label(spec.keyRegressor, language), m = env.label(mediator, language), y = env.label(spec.outcome, language)
        let paths = first.paths
        var lines: [StyledLine] = []
        lines.append(StyledLine((zh ? "路径图" : "Path diagram") + "  (N = \(result.n))", style: .bold))
        if let ignored = ignoredOptions(spec) {
            lines.append(StyledLine(EditorText.mediationIgnores(ignored).text(language), style: .negative))
        }
        lines.append(StyledLine("  a  = \(format(paths.a))"))
        lines.append(StyledLine("  [\(x)] ---a---> [\(m)] ---b---> [\(y)]", style: .accent))
        lines.append(StyledLine("  b  = \(format(paths.b))"))
        lines.append(StyledLine("  [\(x)] ------------c / c'-------------> [\(y)]", style: .accent))
        lines.append(StyledLine("  c  = \(format(paths.c))   " + (zh ? "总效应" : "total")))
        lines.append(StyledLine("  c' = \(format(paths.cPrime))   " + (zh ? "直接效应" : "direct")))
        lines.append(StyledLine("  a x b = \(NumberFormat.fixed(first.indirect.estimate, 3))   "
                                + (zh ? "（朴素乘积；各模型尺度不同）" : "(naive product; scales differ across logit models)")))
        // What estimation said about the same fits (perfect prediction, non-convergence…): a path
        // is not shown without the warning that qualifies it.
        for id in ["m", "ym"] {
            guard let model = results.model(id), let fit = model.result else { continue }
            for note in fit.diagnostics { lines.append(StyledLine("  \(model.title): " + note.text(language), style: .negative)) }
        }
        lines.append(StyledLine())
        var verdictLine = StyledLine("Baron-Kenny (" + NumberFormat.fixed(100 * paths.alpha, 0) + "%): ", style: .bold)
        verdictLine.append(paths.verdict.text(language) + verdictReason(paths, language))
        lines.append(verdictLine)
        lines.append(StyledLine())
        lines += bootstrapLines(state, width: width, ascii: ascii)
        return ViewContent(lines: lines, tables: exportTables(result, language: language))
    }

    /// The specification's variance and weights, which the mediation engine does not honour
    /// (said on screen rather than silently ignored); nil under oim without weights.
    static func ignoredOptions(_ spec: Specification) -> String? {
        var parts: [String] = []
        if spec.effectiveVCE != .oim { parts.append("vce \(spec.effectiveVCE)") }
        if let w = spec.weight { parts.append(w.description) }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// Why the engine's verdict is what it is (the rule of `BaronKenny.verdict`).
    static func verdictReason(_ p: BaronKennyResult, _ language: Language) -> String {
        let zh = language == .zh
        if p.a.p >= p.alpha { return zh ? "（a 不显著）" : " (a not significant)" }
        if p.b.p >= p.alpha { return zh ? "（b 不显著）" : " (b not significant)" }
        if p.verdict == .partial { return zh ? "（c′ 仍显著）" : " (c' still significant)" }
        return zh ? "（c′ 不显著）" : " (c' not significant)"
    }

    static func bootstrapLines(_ state: AppState, width: Int = 1000, ascii: Bool) -> [StyledLine] {
        let b = state.bootstrap
        let zh = state.spec.language == .zh
        var lines: [StyledLine] = []
        switch b.phase {
        case .idle:
            lines.append(StyledLine(zh ? "自助法、KHB、因果中介：未开始（按 g 开始）" : "Bootstrap, KHB, causal: not started (g starts them)", style: .dim))
        case .running:
            let width = 30
            let filled = b.total > 0 ? min(width, b.done * width / b.total) : 0
            var line = StyledLine((zh ? "中介分析（" : "Mediation engine (") + (b.stage.isEmpty ? (zh ? "启动" : "starting") : b.stage) + (zh ? "）：[" : "): ["))
            line.append(Cells.repeated("#", filled), style: .accent)
            line.append(Cells.repeated(".", width - filled) + "] \(b.done)/\(b.total)  " + (zh ? "Esc 取消" : "Esc cancels"))
            lines.append(line)
        case .cancelled:
            lines.append(StyledLine((zh ? "自助法：已在 " : "Bootstrap: cancelled at ") + "\(b.done)/\(b.total)" + (zh ? " 取消（按 g 重新开始）" : " (g restarts it)"), style: .dim))
        case let .failed(message):
            lines.append(StyledLine((zh ? "自助法：" : "Bootstrap: ") + message, style: .negative))
        case .finished:
            let reps = b.output?.mediators.first?.bootstrap.map { $0.reps - $0.failed } ?? b.total
            lines.append(StyledLine((zh ? "自助法：" : "Bootstrap: ") + "\(reps)" + (zh ? " 次重复" : " replications"), style: .bold))
        }
        guard let output = b.output else { return lines }
        // The same bilingual summary the lessons show (naive beside KHB / causal), from the result.
        lines += TableLines.lines(MediationTables.summary(output, options: tableOptions(state.spec.language)),
                                  maxWidth: width)
        return lines
    }

    static func tableOptions(_ language: Language) -> MediationTableOptions {
        MediationTableOptions(language: language)
    }

    /// What `x` writes: the full mediation report (paths, indirect effect, bootstrap, KHB, causal).
    static func exportTables(_ result: MediationResult, language: Language) -> [Table] {
        MediationTables.report(result, options: tableOptions(language))
    }
}
