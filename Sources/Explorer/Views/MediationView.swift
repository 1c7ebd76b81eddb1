import Estimation
import Reports
import SurveyData

/// View 2: the path diagram X → M → Y with a, b, c, c′ read from the fitted models, the
/// Baron–Kenny verdict, and the bootstrap / KHB / causal estimates as they fill in.
enum MediationView {
    struct Paths {
        var a: Coefficient?, b: Coefficient?, c: Coefficient?, cPrime: Coefficient?
    }

    static func paths(_ results: ComputeOutput, spec: Specification) -> Paths {
        guard let m = spec.activeMediator else { return Paths() }
        let ym = results.model("ym")
        let total = results.models.first { $0.id.hasPrefix("y.") && !$0.plan.standardized && $0.plan.spec.kind == ym?.plan.spec.kind }
        func coef(_ model: FittedModel?, _ variable: String) -> Coefficient? {
            model?.result?.coefficients.first { ($0.variable ?? FormulaTerms.variable(of: $0.term)) == variable }
        }
        return Paths(a: coef(results.model("m"), spec.keyRegressor), b: coef(ym, m),
                     c: coef(total, spec.keyRegressor), cPrime: coef(ym, spec.keyRegressor))
    }

    /// Baron–Kenny steps at the 5% level: X→Y, X→M, M→Y|X significant; c′ significant or not.
    static func verdict(_ p: Paths) -> String {
        guard let a = p.a, let b = p.b, let c = p.c, let cp = p.cPrime else { return "incomplete: a model failed" }
        if c.p >= 0.05 { return "no total effect of X on Y (c not significant): no mediation to explain" }
        if a.p >= 0.05 || b.p >= 0.05 { return "no mediation: " + (a.p >= 0.05 ? "a" : "b") + " not significant" }
        return cp.p < 0.05 ? "partial mediation (c' still significant)" : "full mediation (c' not significant)"
    }

    static func format(_ c: Coefficient?) -> String {
        guard let c else { return "n/a" }
        return NumberFormat.fixed(c.estimate, 3) + NumberFormat.stars(c.p) + " (z=" + NumberFormat.fixed(c.z, 2) + ")"
    }

    static func content(_ state: AppState, env: ExplorerEnvironment, ascii: Bool) -> ViewContent {
        let spec = state.spec
        guard let mediator = spec.activeMediator else {
            return .message("Mediator off: press m on a variable in the variables pane, or M to switch it on.")
        }
        guard let results = state.results, results.spec.activeMediator == mediator else { return .message("computing...") }
        let language = spec.language
        let x = env.label(spec.keyRegressor, language), m = env.label(mediator, language), y = env.label(spec.outcome, language)
        let p = paths(results, spec: spec)
        var lines: [StyledLine] = []
        lines.append(StyledLine("Path diagram", style: .bold))
        lines.append(StyledLine("  a  = \(format(p.a))"))
        lines.append(StyledLine("  [\(x)] ---a---> [\(m)] ---b---> [\(y)]", style: .accent))
        lines.append(StyledLine("  b  = \(format(p.b))"))
        lines.append(StyledLine("  [\(x)] ------------c / c'-------------> [\(y)]", style: .accent))
        lines.append(StyledLine("  c  = \(format(p.c))   total"))
        lines.append(StyledLine("  c' = \(format(p.cPrime))   direct"))
        if let a = p.a, let b = p.b {
            lines.append(StyledLine("  a x b = \(NumberFormat.fixed(a.estimate * b.estimate, 3))   (naive product; scales differ across logit models)"))
        }
        lines.append(StyledLine())
        var verdictLine = StyledLine("Baron-Kenny (5%, these fits): ", style: .bold)
        verdictLine.append(verdict(p))
        lines.append(verdictLine)
        lines.append(StyledLine())
        lines += bootstrapLines(state, ascii: ascii)
        let table = exportTable(p, x: x, m: m, y: y, output: state.bootstrap.output)
        return ViewContent(lines: lines, tables: [table])
    }

    static func bootstrapLines(_ state: AppState, ascii: Bool) -> [StyledLine] {
        let b = state.bootstrap
        var lines: [StyledLine] = []
        switch b.phase {
        case .idle:
            lines.append(StyledLine("Bootstrap, KHB, causal: not started (g starts them)", style: .dim))
        case .running:
            let width = 30
            let filled = b.total > 0 ? min(width, b.done * width / b.total) : 0
            var line = StyledLine("Mediation engine (\(b.stage.isEmpty ? "starting" : b.stage)): [")
            line.append(Cells.repeated("#", filled), style: .accent)
            line.append(Cells.repeated(".", width - filled) + "] \(b.done)/\(b.total)  Esc cancels")
            lines.append(line)
        case .cancelled:
            lines.append(StyledLine("Bootstrap: cancelled at \(b.done)/\(b.total) (g restarts it)", style: .dim))
        case let .failed(message):
            lines.append(StyledLine("Bootstrap: \(message)", style: .negative))
        case .finished:
            lines.append(StyledLine("Bootstrap: \(b.output?.replications ?? b.total) replications", style: .bold))
        }
        if let output = b.output {
            if let verdict = output.verdict { lines.append(StyledLine("  Baron-Kenny: " + verdict)) }
            for note in output.notes { lines.append(StyledLine("  " + note, style: .dim)) }
            if let ind = output.indirect {
                var text = "  indirect effect = \(NumberFormat.fixed(ind, 4))"
                if let lo = output.ciLow, let hi = output.ciHigh {
                    text += "  95% percentile CI [\(NumberFormat.fixed(lo, 4)), \(NumberFormat.fixed(hi, 4))]"
                }
                lines.append(StyledLine(text))
            }
            if !output.lines.isEmpty {
                lines.append(StyledLine(TextWidth.pad("", to: 26) + TextWidth.pad("naive", to: 18) + "adjusted (KHB / causal)", style: .bold))
                for l in output.lines {
                    lines.append(StyledLine(TextWidth.pad("  " + l.label, to: 26) + TextWidth.pad(l.naive, to: 18) + l.adjusted))
                }
            }
        }
        return lines
    }

    static func exportTable(_ p: Paths, x: String, m: String, y: String, output: MediationOutput?) -> Table {
        var table = Table(title: "Mediation: \(x) -> \(m) -> \(y)", alignments: [.left, .decimal, .decimal, .decimal],
                          headers: [["Path", "b", "z", "p"]])
        for (name, c) in [("a (\(x) -> \(m))", p.a), ("b (\(m) -> \(y) | \(x))", p.b),
                          ("c (total)", p.c), ("c' (direct)", p.cPrime)] {
            table.addRow([Cell(name), Cell(c.map { NumberFormat.fixed($0.estimate, 3) + NumberFormat.stars($0.p) } ?? ""),
                          Cell(c.map { NumberFormat.fixed($0.z, 2) } ?? ""), Cell(c.map { NumberFormat.fixed($0.p, 3) } ?? "")])
        }
        table.notes.append("Baron-Kenny: " + verdict(p))
        if let o = output, let ind = o.indirect {
            var note = "indirect effect \(NumberFormat.fixed(ind, 4))"
            if let lo = o.ciLow, let hi = o.ciHigh { note += " [\(NumberFormat.fixed(lo, 4)), \(NumberFormat.fixed(hi, 4))]" }
            table.notes.append(note)
        }
        return table
    }
}
