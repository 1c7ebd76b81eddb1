import Foundation
import Estimation
import Mediation
import Reports
import SurveyData

/// `pathlens mediate` output: report tables (text / Markdown through the Reports renderers) and
/// the documented JSON.
enum MediateReport {
    static func tables(_ r: MediationResult, interval: BootstrapInterval) -> [Table] {
        var tables: [Table] = []
        let header = "\(r.x) → \(r.mediators.map(\.mediator).joined(separator: ", ")) → \(r.y)"
        var summary = Table(title: "Mediation: \(header)", alignments: [.left, .left])
        summary.addRow(["Observations", Cell(String(r.n))])
        summary.addRow(["Outcome model", Cell(r.outcomeModel.rawValue)])
        for m in r.mediators { summary.addRow([Cell("Mediator model (\(m.mediator))"), Cell(m.mediatorModel.rawValue)]) }
        if !r.controls.isEmpty { summary.addRow(["Controls", Cell(r.controls.joined(separator: " + "))]) }
        if let c = r.condition { summary.addRow(["Subsample", Cell("if \(c)")]) }
        for d in r.dropped { summary.addRow([Cell("Rows dropped (\(d.reason))"), Cell(String(d.count))]) }
        tables.append(summary)
        for m in r.mediators { tables += mediatorTables(m, r: r, interval: interval) }
        if let k = r.khb { tables.append(khbTable(k, x: r.x)) }
        if !r.notes.isEmpty {
            var notes = Table(title: "Notes", alignments: [.left])
            for n in r.notes { notes.addRow([Cell(n)]) }
            tables.append(notes)
        }
        return tables
    }

    private static func f(_ x: Double, _ d: Int = 4) -> String { NumberFormat.fixed(x, d) }
    private static func p(_ x: Double) -> String { x.isFinite && x < 0.0001 ? "<0.0001" : f(x) }
    private static func ci(_ i: Interval?) -> String { i.map { "[\(f($0.low)), \(f($0.high))]" } ?? "" }

    static func mediatorTables(_ m: MediatorAnalysis, r: MediationResult, interval: BootstrapInterval) -> [Table] {
        var out: [Table] = []
        let bk = m.paths
        var paths = Table(title: "Baron–Kenny paths (\(m.mediator))", alignments: [.left, .left, .decimal, .decimal, .decimal],
                          headers: [["Path", "Model", "Coef.", "SE", "p"]])
        let rows: [(String, String, PathEstimate)] = [
            ("c   \(r.x) → \(r.y)", r.outcomeModel.rawValue, bk.c),
            ("a   \(r.x) → \(m.mediator)", m.mediatorModel.rawValue, bk.a),
            ("b   \(m.mediator) → \(r.y) | \(r.x)", r.outcomeModel.rawValue, bk.b),
            ("c′  \(r.x) → \(r.y) | \(m.mediator)", r.outcomeModel.rawValue, bk.cPrime)]
        for (label, model, e) in rows {
            paths.addRow([Cell(label), Cell(model), Cell(f(e.estimate) + NumberFormat.stars(e.p)), Cell(f(e.se)), Cell(p(e.p))])
        }
        paths.addRow(["Verdict", Cell("\(bk.verdict.rawValue) (α = \(bk.alpha))"), "", "", ""], kind: .ruleAbove)
        paths.addRow(["a·b / c", "", Cell(f(bk.proportionOfTotal)), "", ""])
        paths.addRow(["a·b / (a·b + c′)", "", Cell(f(bk.proportionOfSum)), "", ""])
        paths.notes = ["Verdict: a and b significant → partial if c′ is significant, full if not; otherwise none."]
            + bk.warnings + ["*** p < .01, ** p < .05, * p < .1"]
        out.append(paths)

        var ind = Table(title: "Indirect effect a·b (\(m.mediator))", alignments: [.left, .decimal, .decimal, .decimal, .decimal, .decimal, .decimal],
                        headers: [["Scale", "a·b", "Sobel SE", "Aroian SE", "Goodman SE", "z", "p"]])
        func addIndirect(_ label: String, _ e: IndirectEffect) {
            ind.addRow([Cell(label), Cell(f(e.estimate)), Cell(f(e.sobelSE)), Cell(f(e.aroianSE)),
                        Cell(f(e.goodmanSE)), Cell(f(e.sobelZ, 2)), Cell(p(e.sobelP))])
        }
        addIndirect("coefficients", m.indirect)
        if let s = m.standardized {
            addIndirect("y*-standardized", s.indirect)
            ind.notes.append("y*-standardized (MacKinnon & Dwyer 1993): a / sd(\(m.mediator)*) = a / \(f(s.sdM)), b / sd(\(r.y)*) = b / \(f(s.sdY)).")
        }
        out.append(ind)

        if let b = m.bootstrap {
            var t = Table(title: "Bootstrap (\(b.reps) replications, seed \(b.seed), \(b.failed) failed)",
                          alignments: [.left, .decimal, .decimal, .decimal, .left, .left, .left],
                          headers: [["Statistic", "Estimate", "Bias", "SE", "Percentile", "BC", "BCa"]])
            for (label, s) in [("a·b", b.indirect), ("a·b / (a·b + c′)", b.proportion)] {
                t.addRow([Cell(label), Cell(f(s.estimate)), Cell(f(s.bias)), Cell(f(s.se)),
                          Cell(ci(s.percentile)), Cell(ci(s.bc)), Cell(ci(s.bca))])
            }
            t.notes = ["\(Int((b.level * 100).rounded())) % intervals; cases resampled within the estimation sample; BCa acceleration from the jackknife. Headline interval: \(interval.rawValue)."]
            out.append(t)
        }
        if let c = m.causal { out += causalTables(c, mediator: m.mediator) }
        return out
    }

    static func causalTables(_ c: CausalResult, mediator: String) -> [Table] {
        var out: [Table] = []
        func effectRows(_ t: inout Table, _ e: CausalEffects) {
            let rows: [(String, EffectEstimate)] = [
                ("ACME (control)", e.acmeControl), ("ACME (treated)", e.acmeTreated), ("ACME (average)", e.acmeAverage),
                ("ADE (control)", e.adeControl), ("ADE (treated)", e.adeTreated), ("ADE (average)", e.adeAverage),
                ("Total effect", e.total), ("Proportion mediated (average)", e.propMediatedAverage)]
            for (label, v) in rows { t.addRow([Cell(label), Cell(f(v.estimate)), Cell(ci(v.ci))]) }
        }
        var main = Table(title: "Causal mediation (\(mediator); effects on \(c.scale))",
                         alignments: [.left, .decimal, .left], headers: [["Effect", "Estimate", "Interval"]])
        effectRows(&main, c.effects)
        main.notes = ["Imai, Keele & Tingley (2010); point estimates by exact integration over the mediator; intervals: \(c.interval.rawValue), \(c.sims) draws (\(c.failed) failed); control \(formatCode(c.controlValue)), treated \(formatCode(c.treatValue))."]
        out.append(main)
        let categories = c.byOutcome.filter { $0.outcome != "expected" }
        if !categories.isEmpty {
            var by = Table(title: "Causal mediation by outcome category (\(mediator); effects on Pr(y = k))",
                           alignments: [.left] + Array(repeating: .decimal, count: categories.count),
                           headers: [["Effect"] + categories.map { Cell("k = \($0.outcome)") }])
            let picks: [(String, (CausalEffects) -> EffectEstimate)] = [
                ("ACME (average)", { $0.acmeAverage }), ("ADE (average)", { $0.adeAverage }), ("Total effect", { $0.total })]
            for (label, pick) in picks {
                by.addRow([Cell(label)] + categories.map { Cell(f(pick($0.effects).estimate)) })
            }
            out.append(by)
        }
        if let s = c.sensitivity {
            var t = Table(title: "Sensitivity to sequential ignorability (\(s.method))", alignments: [.decimal, .decimal],
                          headers: [["ρ", "ACME"]])
            for target in [-0.5, -0.3, -0.1, 0, 0.1, 0.3, 0.5] {
                if let i = s.rho.firstIndex(where: { abs($0 - target) < 1e-9 }) {
                    t.addRow([Cell(f(target, 1)), Cell(f(s.acme[i]))])
                }
            }
            t.notes = ["ACME = 0 at ρ = \(s.rhoAtZero.map { f($0) } ?? "(no crossing)")."]
            out.append(t)
        }
        return out
    }

    static func khbTable(_ k: KHBResult, x: String) -> Table {
        var t = Table(title: "KHB decomposition of \(x) (\(k.model.rawValue); mediators \(k.mediators.joined(separator: ", ")))",
                      alignments: [.left, .decimal, .decimal, .decimal], headers: [["", "Coef.", "SE", "p"]])
        t.addRow(["Reduced", Cell(f(k.reduced.estimate)), Cell(f(k.reduced.se)), ""])
        t.addRow(["Full", Cell(f(k.full.estimate)), Cell(f(k.full.se)), ""])
        t.addRow(["Difference", Cell(f(k.diff.estimate)), Cell(f(k.diff.se)), Cell(p(k.diff.p))])
        t.addRow(["Confounding ratio", Cell(f(k.confRatio)), "", ""], kind: .ruleAbove)
        t.addRow(["Confounding percentage", Cell(f(k.confPct, 2)), "", ""])
        t.addRow(["Rescale factor", Cell(f(k.rescFact)), "", ""])
        if k.shares.count > 1 {
            for s in k.shares {
                t.addRow([Cell("  \(s.mediator): \(f(s.pctOfDiff, 1)) % of difference"), Cell(f(s.estimate)), Cell(f(s.se)), Cell(p(s.p))])
            }
        }
        t.notes = ["Karlson, Holm & Breen (2012): reduced = X with the mediators' residuals on X and the controls; full = X with the mediators; delta-method SE of the difference."]
        return t
    }

    static func render(_ r: MediationResult, format: OutputFormat, interval: BootstrapInterval,
                       notice: String?) throws -> String {
        switch format {
        case .json:
            return try r.json()
        case .text, .md:
            var parts = tables(r, interval: interval).map { format.render($0) }
            if let notice { parts.insert(format == .md ? "> \(notice)\n" : notice + "\n", at: 0) }
            return parts.joined(separator: "\n")
        case .latex, .csv:
            throw CLIError("mediate writes text, md or json (got \(format.rawValue))")
        }
    }
}
