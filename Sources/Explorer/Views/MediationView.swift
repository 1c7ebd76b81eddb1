import Foundation
import Estimation
import Mediation
import Reports
import SurveyData

/// View 2: the path diagram X → M → Y with a, b, c, c′ and the Baron–Kenny verdict from the
/// mediation engine (on the screen's common sample, with the Models view's `m`/`ym` families),
/// then the bootstrap / KHB / causal estimates as they fill in.
enum MediationView {
    /// `statistic`: `t` under a survey design (p on the design df), else `z`.
    static func format(_ p: PathEstimate?, runsOff: Bool = false, language: Language = .en, statistic: String = "z") -> String {
        guard let p else { return "n/a" }
        // Stata's iteration-limit value for a separated path differs between machines and means
        // nothing: the path is shown as not estimable, the fit's note below says why.
        if runsOff { return UIText.pathRunsOff.text(language) }
        return NumberFormat.fixed(p.estimate, 3) + NumberFormat.stars(p.p) + " (\(statistic)=" + NumberFormat.fixed(p.estimate / p.se, 2) + ")"
    }

    static func content(_ state: AppState, env: ExplorerEnvironment, width: Int = 1000, ascii: Bool) -> ViewContent {
        let spec = state.spec
        let language = ascii ? .en : spec.language
        // The designated mediator is analysed whether or not `M` put it into the Models view.
        guard let mediator = spec.mediator else { return .message(UIText.noMediator.text(language)) }
        guard let results = state.results, results.spec.mediator == mediator else {
            return .message(UIText.computing.text(language))
        }
        guard let result = state.bootstrap.output ?? results.mediation, let first = result.mediators.first else {
            let why = results.mediationError ?? results.sampleError ?? ""
            return .message(UIText.mediationFailed.text(language, why))
        }
        var lines = diagram(result, first: first, spec: spec, results: results, env: env, language: language, width: width)
        lines.append(StyledLine())
        lines += moderationLines(result, results: results, env: env, language: language, width: width, ascii: ascii)
        lines += bootstrapLines(state, width: width, ascii: ascii)
        return ViewContent(lines: lines, tables: exportTables(result, bootstrap: state.bootstrap.output, language: language))
    }

    /// The path diagram drawn downwards so it fits an 80-column screen beside the variables
    /// pane: X, a, M, b, Y, then c and c′ of X → Y, the naive product and the verdict.
    static func diagram(_ result: MediationResult, first: MediatorAnalysis, spec: Specification, results: ComputeOutput,
                        env: ExplorerEnvironment, language: Language, width: Int) -> [StyledLine] {
        let labelWidth = max(8, width - 6)
        func label(_ name: String) -> String { TextWidth.clip(env.label(name, language), to: labelWidth, ellipsis: true) }
        func prose(_ text: String, indent: Int = 0, style: CellStyle = []) -> [StyledLine] {
            let pad = String(repeating: " ", count: indent)
            return TextWrap.lines(text, width: max(10, width - indent)).map { StyledLine(pad + $0, style: style) }
        }
        let paths = first.paths
        let statistic = spec.design == nil ? "z" : "t"
        var lines: [StyledLine] = []
        lines.append(StyledLine(UIText.pathDiagram.text(language) + "  (N = \(result.n))", style: .bold))
        if !spec.mediatorOn { lines += prose(UIText.mediatorNotInModels.text(language), style: .dim) }
        if let moderation = result.moderation { lines += prose(UIText.moderatedDiagram.text(language, moderation.moderator), style: .dim) }
        lines.append(StyledLine("  X  " + label(spec.keyRegressor), style: .accent))
        lines.append(StyledLine("   |   a  = " + format(paths.a, runsOff: first.runsOff.contains("a"), language: language, statistic: statistic)))
        lines.append(StyledLine("   v", style: .accent))
        lines.append(StyledLine("  M  " + label(first.mediator), style: .accent))
        lines.append(StyledLine("   |   b  = " + format(paths.b, runsOff: first.runsOff.contains("b"), language: language, statistic: statistic)))
        lines.append(StyledLine("   v", style: .accent))
        lines.append(StyledLine("  Y  " + label(spec.outcome), style: .accent))
        lines.append(StyledLine("  X → Y   c  = " + format(paths.c, runsOff: first.runsOff.contains("c"), language: language, statistic: statistic) + "  " + UIText.total.text(language)))
        lines.append(StyledLine("          c′ = " + format(paths.cPrime, runsOff: first.runsOff.contains("c'"), language: language, statistic: statistic) + "  " + UIText.direct.text(language)))
        let separated = !first.runsOff.isDisjoint(with: ["a", "b"])
        lines += prose("  a·b = " + (separated ? UIText.pathRunsOff.text(language)
            : NumberFormat.fixed(first.indirect.estimate, 3) + "  (" + UIText.naiveProduct.text(language) + ")"), indent: 0)
        // What estimation said about the same fits (perfect prediction, non-convergence…): a path
        // is not shown without the warning that qualifies it.
        var shown = Set<String>()
        for id in ["m", "ym"] {
            guard let model = results.model(id), let fit = model.result else { continue }
            for note in fit.diagnostics {
                shown.insert(note.text(.en))
                lines += prose("  \(model.title): " + note.text(language), style: .negative)
            }
        }
        // The mediation engine's own fits (the same models when the Models view has them).
        for note in first.fitNotes where shown.insert(note.text(.en)).inserted {
            lines += prose("  " + note.text(language), style: .negative)
        }
        let verdict = UIText.baronKenny.text(language, NumberFormat.fixed(100 * paths.alpha, 0))
            + (separated ? UIText.verdictNotAssessed.text(language) : paths.verdict.text(language) + verdictReason(paths, language))
        lines += prose(verdict, style: .bold)
        return lines
    }

    /// With a moderator W (`Specification.moderator`): the conditional a, b and indirect effects
    /// at each W value and the index of moderated mediation (PROCESS model 7, 14 or 58), with
    /// bootstrap intervals once the run is in; or the one line saying why W was not analysed.
    static func moderationLines(_ result: MediationResult, results: ComputeOutput, env: ExplorerEnvironment,
                                language: Language, width: Int, ascii: Bool) -> [StyledLine] {
        if let refusal = results.moderationError {
            return TextWrap.lines(UIText.moderationRefused.text(language, refusal), width: max(10, width))
                .map { StyledLine($0, style: .negative) } + [StyledLine()]
        }
        guard let moderation = result.moderation else { return [] }
        // W's levels by their value labels (female, male), as the diagram names its variables.
        let options = MediationTableOptions(language: language, labeler: TermLabeler(codebook: env.codebook, language: language))
        return TableLines.lines(ModerationTables.conditional(moderation, result: result, options: options),
                                maxWidth: width, ascii: ascii) + [StyledLine()]
    }

    /// Why the engine's verdict is what it is (the rule of `BaronKenny.verdict`).
    static func verdictReason(_ p: BaronKennyResult, _ language: Language) -> String {
        if p.a.p >= p.alpha { return UIText.aNotSignificant.text(language) }
        if p.b.p >= p.alpha { return UIText.bNotSignificant.text(language) }
        if p.verdict == .partial { return UIText.cPrimeSignificant.text(language) }
        return UIText.cPrimeNotSignificant.text(language)
    }

    static func bootstrapLines(_ state: AppState, width: Int = 1000, ascii: Bool) -> [StyledLine] {
        let b = state.bootstrap
        let language = ascii ? .en : state.spec.language
        func prose(_ text: String, style: CellStyle) -> [StyledLine] {
            TextWrap.lines(text, width: max(10, width)).map { StyledLine($0, style: style) }
        }
        var lines: [StyledLine] = []
        switch b.phase {
        case .idle:
            lines += prose(UIText.bootstrapNotStarted.text(language), style: .dim)
        case .running:
            let barWidth = max(5, min(30, width - 40))
            let filled = b.total > 0 ? min(barWidth, b.done * barWidth / b.total) : 0
            // The engine's stage in words: what is being computed.
            let stage = MediationProgress.Stage(rawValue: b.stage).map { stageName($0).text(language) } ?? UIText.starting.text(language)
            var line = StyledLine(UIText.mediationRunning.text(language, stage) + "[")
            line.append(Cells.repeated("#", filled), style: .accent)
            line.append(Cells.repeated(".", barWidth - filled) + "] \(b.done)/\(b.total)")
            lines.append(line)
            lines.append(StyledLine(UIText.escCancels.text(language), style: .dim))
        case .cancelled:
            lines += prose(UIText.bootstrapCancelled.text(language, b.done, b.total), style: .dim)
        case let .failed(message):
            lines += prose(UIText.bootstrapFailed.text(language, message), style: .negative)
        case .finished:
            let reps = b.output?.mediators.first?.bootstrap.map { $0.reps - $0.failed } ?? b.total
            lines.append(StyledLine(UIText.bootstrapDone.text(language, reps), style: .bold))
        }
        guard let output = b.output else { return lines }
        // The same bilingual summary the lessons show (naive beside KHB / causal), from the result.
        lines += TableLines.lines(MediationTables.summary(output, options: tableOptions(language)),
                                  maxWidth: width, ascii: ascii)
        return lines
    }

    static func stageName(_ stage: MediationProgress.Stage) -> Phrase {
        switch stage {
        case .fitting: return UIText.stageFitting
        case .bootstrap: return UIText.stageBootstrap
        case .jackknife: return UIText.stageJackknife
        case .causal: return UIText.stageCausal
        }
    }

    static func tableOptions(_ language: Language) -> MediationTableOptions {
        MediationTableOptions(language: language)
    }

    /// What `x` writes: everything the view shows — the summary table beside the naive numbers
    /// once the engine's run is in, then the full report (overview, paths with the verdict,
    /// indirect effect with Sobel, bootstrap intervals, causal effects with sensitivity, KHB).
    static func exportTables(_ result: MediationResult, bootstrap: MediationResult?, language: Language) -> [Table] {
        let summary = bootstrap.map { [MediationTables.summary($0, options: tableOptions(language))] } ?? []
        return summary + MediationTables.report(result, options: tableOptions(language))
    }
}
