import Foundation
import Estimation
import SurveyData

/// Which coefficients a column shows: raw, or listcoef's standardized b·sd(x), b/sd(y*),
/// b·sd(x)/sd(y*). Stars and t/z come from the raw estimate (standardizing does not change them).
public enum CoefficientScale: String, Sendable, CaseIterable, Codable {
    case raw, bStdX, bStdY, bStdXY
}

/// What goes in parentheses under a coefficient.
public enum ParenStatistic: String, Sendable, CaseIterable, Codable {
    /// The t (OLS) or z statistic, as the paper prints.
    case t
    case se
    /// The 95 % confidence interval `[low, high]` (exponentiated with odds ratios, as Stata's `or`).
    case ci
}

/// Model statistics shown below the coefficients (a row appears only if some model has it).
public enum RegressionStatistic: String, Sendable, CaseIterable, Codable {
    case n, r2, adjR2, pseudoR2, loglik, lrChi2, f, aic, bic
}

/// One column of a regression table.
public struct RegressionColumn: Sendable {
    /// What a column shows: the model's estimates, or each estimate's change from a baseline fit
    /// of the same model (the what-if view; nil baseline: the baseline has no such model).
    public enum Content: Sendable { case estimates, change(from: ModelResult?) }

    public var title: String?
    public var result: ModelResult
    public var scale: CoefficientScale
    public var content: Content
    /// Estimates compared with this fit: a coefficient whose sign or significance level differs
    /// from it is flagged (the current columns beside a pinned baseline).
    public var comparedWith: ModelResult?
    /// A mark after a term's stars, by term (the Models view's parallel-lines marker `†`).
    public var marks: [String: String] = [:]

    public init(title: String? = nil, result: ModelResult, scale: CoefficientScale = .raw,
                content: Content = .estimates, comparedWith: ModelResult? = nil, marks: [String: String] = [:]) {
        self.title = title; self.result = result; self.scale = scale; self.content = content
        self.comparedWith = comparedWith; self.marks = marks
    }

    var isChange: Bool { if case .change = content { return true } else { return false } }
}

public struct RegressionTableOptions: Sendable {
    public var language: Language
    public var paren: ParenStatistic
    public var factorStyle: FactorLabelStyle
    public var statistics: [RegressionStatistic]
    /// Show only these variables/terms (`union`, `educ`, `educ=3`); nil = all. Cutpoints and the
    /// constant are kept only if listed (`cut`, `_cons`) when a filter is given.
    public var keep: [String]?
    /// Rows added before the statistics, e.g. ("Individual controls", ["Yes", "Yes"]).
    public var extraRows: [(label: String, values: [String])]
    public var showCutpoints: Bool
    /// A header row with each model's outcome label.
    public var showOutcome: Bool
    public var digits: Int
    public var title: String?
    /// Extra notes (e.g. the dataset notice), printed after the automatic ones.
    public var notes: [String]
    /// The (1) (2)… header row (a table of many columns reads better with it).
    public var numberColumns: Bool
    /// A header row above the titles, e.g. "baseline" over the first baseline column.
    public var groupHeader: [String]?
    /// Odds ratios for logit and ordered logit columns (Stata's `or`): exp(b), standard errors
    /// exp(b)·se by the delta method, the interval's ends exponentiated; z, p and stars from the
    /// untransformed test. Cutpoints stay on the logit scale, as Stata shows them.
    public var eform: Bool = false

    public init(language: Language = .en, paren: ParenStatistic = .t,
                factorStyle: FactorLabelStyle = .grouped,
                statistics: [RegressionStatistic] = [.n, .r2, .pseudoR2, .loglik],
                keep: [String]? = nil, extraRows: [(label: String, values: [String])] = [],
                showCutpoints: Bool = true, showOutcome: Bool = true, digits: Int = 3,
                title: String? = nil, notes: [String] = [], numberColumns: Bool = true,
                groupHeader: [String]? = nil) {
        self.language = language; self.paren = paren; self.factorStyle = factorStyle
        self.statistics = statistics; self.keep = keep; self.extraRows = extraRows
        self.showCutpoints = showCutpoints; self.showOutcome = showOutcome; self.digits = digits
        self.title = title; self.notes = notes; self.numberColumns = numberColumns
        self.groupHeader = groupHeader
    }
}

/// Journal-style regression table: models side by side, one row per term (labelled from the
/// codebook), coefficient with stars and t/z (or SE) in parentheses below, cutpoints, then
/// N, (pseudo) R², log likelihood; omitted terms, dropped rows and model notes as footnotes.
/// Used by `fit`, `replicate` and the explorer's Models view.
public enum RegressionTable {
    public static func build(_ columns: [RegressionColumn], codebook: Codebook?,
                             options: RegressionTableOptions = RegressionTableOptions()) -> Table {
        let language = options.language
        let labeler = TermLabeler(codebook: codebook, language: language)
        let count = columns.count
        var table = Table(title: options.title,
                          alignments: [.left] + Array(repeating: .decimal, count: count))

        // Headers: (1) (2)…, outcome labels, model titles.
        if let group = options.groupHeader {
            table.headers.append([.empty] + group.map { Cell($0, alignment: .left) })
        }
        let numbers = columns.indices.map { Cell("(\($0 + 1))", alignment: .center) }
        if options.numberColumns && count > 1 { table.headers.append([.empty] + numbers) }
        if options.showOutcome {
            table.headers.append([.empty] + columns.map {
                Cell(labeler.variableLabel($0.result.outcome), alignment: .center)
            })
        }
        table.headers.append([.empty] + columns.map { column in
            var title = column.title ?? ReportText.modelName(column.result.model, language)
            if column.title == nil, let scale = ReportText.scaleName(column.scale, language) {
                title += UIText.parenthesized.text(language, scale)
            }
            return Cell(title, alignment: .center)
        })

        // Rows: union of terms in first-seen order, factor levels kept together, `_cons` last.
        let terms = orderedTerms(columns)
        var groupsShown: Set<String> = []
        for entry in terms where isKept(entry, keep: options.keep, labeler: labeler) {
            let factor = entry.level != nil && entry.variable.map { isFactor($0, codebook) } == true
            if factor, options.factorStyle == .grouped, let variable = entry.variable,
               !groupsShown.contains(variable) {
                groupsShown.insert(variable)
                let levels = terms.filter { $0.variable == variable }.compactMap(\.level)
                table.addRow([Cell(labeler.groupHeading(variable: variable, levels: levels))])
            }
            let label: String
            if entry.level != nil && !factor, let variable = entry.variable {
                label = labeler.variableLabel(variable) // binary entered as i.var: its label
            } else {
                label = labeler.label(term: entry.term, variable: entry.variable, level: entry.level,
                                      style: factor ? options.factorStyle : .combined)
            }
            let indent = factor && options.factorStyle == .grouped ? 1 : 0
            var top = [Cell(label, indent: indent)]
            var bottom = [Cell.empty]
            for column in columns {
                let (estimate, paren) = coefficientCells(entry.term, column: column, options: options)
                top.append(estimate)
                bottom.append(paren)
            }
            table.addRow(top)
            if bottom.dropFirst().contains(where: { !$0.text.isEmpty }) { table.addRow(bottom) }
            addEquationRows(entry.term, columns: columns, indent: indent + 1, to: &table, options: options)
        }

        // Cutpoints.
        if options.showCutpoints, options.keep.map({ $0.contains("cut") }) ?? true {
            let cuts = orderedUnique(columns.flatMap { $0.result.cutpoints.map(\.term) })
            var first = true
            for term in cuts {
                var top = [Cell(labeler.cutpointLabel(term))]
                var bottom = [Cell.empty]
                for column in columns {
                    let cut = column.scale == .raw && !column.isChange ? column.result.cutpoints.first { $0.term == term } : nil
                    // Stars as on coefficients: the paper (and esttab) star cutpoints too.
                    top.append(cut.map { starred($0.estimate, p: $0.p, digits: options.digits) } ?? .empty)
                    bottom.append(Cell(cut.map { parenText($0.se, z: $0.z, low: $0.ciLow, high: $0.ciHigh, options: options, scaleFactor: 1) } ?? ""))
                }
                table.addRow(top, kind: first ? .ruleAbove : .data)
                if bottom.dropFirst().contains(where: { !$0.text.isEmpty }) { table.addRow(bottom) }
                first = false
            }
        }

        // Extra indicator rows, then statistics.
        var firstFooterRow = true
        for extra in options.extraRows {
            table.addRow([Cell(extra.label)] + extra.values.map { Cell($0, alignment: .center) },
                         kind: firstFooterRow ? .ruleAbove : .data)
            firstFooterRow = false
        }
        for statistic in options.statistics {
            let values = columns.map { $0.isChange ? nil : statisticText(statistic, $0.result) }
            guard values.contains(where: { $0 != nil }) else { continue }
            let label = statisticLabel(statistic, language)
            table.addRow([Cell(label, latex: statisticLatex(statistic, language))]
                         + values.map { Cell($0 ?? "") },
                         kind: firstFooterRow ? .ruleAbove : .data)
            firstFooterRow = false
        }

        table.notes = notes(columns, labeler: labeler, options: options)
        return table
    }

    // MARK: cells

    private static func coefficientCells(_ term: String, column: RegressionColumn,
                                         options: RegressionTableOptions) -> (Cell, Cell) {
        if case .change(let baseline) = column.content {
            // A term that varies by equation (gologit) has no single change.
            if column.result.varies(term) || baseline?.varies(term) == true { return (.empty, .empty) }
            return (changeCell(term, now: column.result, base: baseline, scale: column.scale, options: options), .empty)
        }
        let result = column.result
        if result.varies(term) { return (Cell(ParallelLinesPhrases.variesCell.text(options.language), alignment: .center), .empty) }
        if result.omitted.contains(where: { $0.term == term }) {
            return (Cell(ReportText.omittedCell(options.language)), .empty)
        }
        guard let c = result.coefficient(term) else { return (.empty, .empty) }
        guard let value = scaled(c, column.scale) else { return (.empty, .empty) }
        if isEform(column, options) {
            let or = Foundation.exp(c.estimate)
            var estimate = starred(or, p: c.p, digits: options.digits)
            if let mark = column.marks[term] { estimate = marked(estimate, mark) }
            if let base = column.comparedWith {
                estimate.flagged = base.coefficient(term).map { changed(c, $0, column.scale) } ?? true
            }
            let paren: String
            switch options.paren {
            case .t: paren = "(" + NumberFormat.fixed(c.z, 2) + ")"
            case .se: paren = "(" + NumberFormat.fixed(or * c.se, options.digits) + ")"
            case .ci: paren = interval(Foundation.exp(c.ciLow), Foundation.exp(c.ciHigh), digits: options.digits)
            }
            return (estimate, Cell(paren))
        }
        var estimate = starred(value, p: c.p, digits: options.digits)
        if let mark = column.marks[term] { estimate = marked(estimate, mark) }
        if let base = column.comparedWith {
            estimate.flagged = base.coefficient(term).map { changed(c, $0, column.scale) } ?? true
        }
        let factor = column.scale == .raw ? 1 : (c.estimate != 0 ? abs(value / c.estimate) : Double.nan)
        return (estimate, Cell(parenText(c.se, z: c.z, low: c.ciLow, high: c.ciHigh, options: options, scaleFactor: factor)))
    }

    /// The change of a term's estimate from the baseline fit (`+0.031`), flagged and marked when
    /// its sign or significance level changed (`+0.120 +*`: more stars now; `-*` fewer; `+-`
    /// the sign flipped) — a mark that survives without colour and in every export;
    /// `new`/`dropped` when only one of the fits has the term.
    private static func changeCell(_ term: String, now: ModelResult, base: ModelResult?, scale: CoefficientScale,
                                   options: RegressionTableOptions) -> Cell {
        guard let base else { return .empty }
        switch (now.coefficient(term), base.coefficient(term)) {
        case (nil, nil): return .empty
        case (nil, _?): return Cell(UIText.changeDropped.text(options.language), flagged: true)
        case (_?, nil): return Cell(UIText.changeNew.text(options.language), flagged: true)
        case let (n?, b?):
            guard let nv = scaled(n, scale), let bv = scaled(b, scale) else { return Cell(".") }
            let d = nv - bv
            let mark = changeMark(n, b, scale)
            return Cell((d >= 0 ? "+" : "") + NumberFormat.fixed(d, options.digits) + (mark.isEmpty ? "" : " " + mark),
                        flagged: !mark.isEmpty)
        }
    }

    /// The marks a change cell can carry, in the legend's order.
    public static let changeMarks = ["+*", "-*", "+-"]

    /// `+-` for a sign change, else `+*` / `-*` for more / fewer stars, else nothing.
    private static func changeMark(_ n: Coefficient, _ b: Coefficient, _ scale: CoefficientScale) -> String {
        guard let nv = scaled(n, scale), let bv = scaled(b, scale) else { return "" }
        if (nv > 0) != (bv > 0) && nv != 0 && bv != 0 { return "+-" }
        let now = NumberFormat.stars(n.p).count, before = NumberFormat.stars(b.p).count
        return now > before ? "+*" : now < before ? "-*" : ""
    }

    private static func scaled(_ c: Coefficient, _ scale: CoefficientScale) -> Double? {
        switch scale {
        case .raw: return c.estimate
        case .bStdX: return c.bStdX
        case .bStdY: return c.bStdY
        case .bStdXY: return c.bStdXY
        }
    }

    /// A coefficient's sign or significance level differs between two fits.
    private static func changed(_ n: Coefficient, _ b: Coefficient, _ scale: CoefficientScale) -> Bool {
        guard let nv = scaled(n, scale), let bv = scaled(b, scale) else { return false }
        let signChanged = (nv > 0) != (bv > 0) && nv != 0 && bv != 0
        return signChanged || NumberFormat.stars(n.p) != NumberFormat.stars(b.p)
    }

    /// `0.262**`, with the stars as a LaTeX superscript.
    static func starred(_ value: Double, p: Double, digits: Int) -> Cell {
        let number = NumberFormat.fixed(value, digits)
        let stars = NumberFormat.stars(p)
        return Cell(number + stars, latex: stars.isEmpty ? nil : LatexRenderer.escape(number) + "$^{\(stars)}$")
    }

    static func parenText(_ se: Double, z: Double, low: Double, high: Double, options: RegressionTableOptions,
                                  scaleFactor: Double) -> String {
        switch options.paren {
        case .t: return "(" + NumberFormat.fixed(z, 2) + ")"
        case .se: return "(" + NumberFormat.fixed(se * scaleFactor, options.digits) + ")"
        case .ci:
            let ends = [low * scaleFactor, high * scaleFactor].sorted()
            return interval(ends[0], ends[1], digits: options.digits)
        }
    }

    /// `[0.912, 1.530]`.
    private static func interval(_ low: Double, _ high: Double, digits: Int) -> String {
        "[" + NumberFormat.fixed(low, digits) + ", " + NumberFormat.fixed(high, digits) + "]"
    }

    /// A column shown as odds ratios: `eform` on, a logit or ordered logit fit, unstandardized
    /// estimates (not a change column).
    static func isEform(_ column: RegressionColumn, _ options: RegressionTableOptions) -> Bool {
        options.eform && column.scale == .raw && !column.isChange
            && (column.result.model == .logit || column.result.model == .ologit)
    }

    private static func statisticText(_ s: RegressionStatistic, _ r: ModelResult) -> String? {
        switch s {
        case .n: return String(r.n)
        case .r2: return r.model == .ols ? r.r2.map { NumberFormat.fixed($0, 3) } : nil
        case .adjR2: return r.model == .ols ? r.adjR2.map { NumberFormat.fixed($0, 3) } : nil
        case .pseudoR2: return r.model == .ols ? nil : r.pseudoR2.map { NumberFormat.fixed($0, 3) }
        case .loglik: return r.loglik.map { NumberFormat.fixed($0, 2) }
        case .lrChi2: return r.model == .ols ? nil : r.lrChi2.map { NumberFormat.fixed($0, 2) }
        case .f: return r.model == .ols ? r.fStat.map { NumberFormat.fixed($0, 2) } : nil
        case .aic: return r.aic.map { NumberFormat.fixed($0, 2) }
        case .bic: return r.bic.map { NumberFormat.fixed($0, 2) }
        }
    }

    private static func statisticLabel(_ s: RegressionStatistic, _ l: Language) -> String {
        switch s {
        case .n: return ReportText.observations(l)
        case .r2: return ReportText.r2(l)
        case .adjR2: return ReportText.adjR2(l)
        case .pseudoR2: return ReportText.pseudoR2(l)
        case .loglik: return ReportText.logLikelihood(l)
        case .lrChi2: return ReportText.lrChi2(l)
        case .f: return ReportText.fStatistic(l)
        case .aic: return ReportText.aic(l)
        case .bic: return ReportText.bic(l)
        }
    }

    private static func statisticLatex(_ s: RegressionStatistic, _ l: Language) -> String? {
        switch s {
        case .r2: return "$R^2$"
        case .adjR2: return UIText.latexAdjustedR2.text(l)
        case .pseudoR2: return UIText.latexPseudoR2.text(l)
        case .lrChi2: return UIText.latexLRChi2.text(l)
        default: return nil
        }
    }

    // MARK: notes

    private static func notes(_ columns: [RegressionColumn], labeler: TermLabeler,
                              options: RegressionTableOptions) -> [String] {
        let language = options.language
        var notes = [ReportText.starsNote(language),
                     // A linearized (svy) fit tests with t on the design df, as OLS does.
                     ReportText.parenNote(options.paren, kinds: columns.map { $0.result.survey != nil ? .ols : $0.result.model }, language)]
        if columns.contains(where: { isEform($0, options) }) {
            notes.append(UIText.oddsRatioNote.text(language))
        }
        // Each distinct note once, naming the columns it applies to (a model shown raw and
        // standardized has the same notes twice).
        var columnNotes: [(text: String, columns: [String])] = []
        func add(_ text: String, _ column: String) {
            if let k = columnNotes.firstIndex(where: { $0.text == text }) {
                if !columnNotes[k].columns.contains(column) { columnNotes[k].columns.append(column) }
            } else {
                columnNotes.append((text, [column]))
            }
        }
        for (k, column) in columns.enumerated() where !column.isChange {
            let name = options.numberColumns ? "(\(k + 1))" : (column.title ?? "(\(k + 1))")
            for omitted in column.result.omitted {
                let label = labeler.label(term: omitted.term, style: .combined)
                add(ReportText.omittedNote(term: label, reason: omitted.reason, language), name)
            }
            for dropped in column.result.dropped where dropped.count > 0 {
                add(ReportText.droppedNote(count: dropped.count, reason: dropped.reason, language), name)
            }
            if let survey = column.result.survey {
                add(SurveyReportText.designNote(survey, language), name)
            } else if let vce = ReportText.varianceNote(column.result.spec.vce, language) { add(vce, name) }
            if let weights = ReportText.weightsNote(column.result.spec.weights, language) { add(weights, name) }
            // Estimation also words each omission as a note (`.collinear`, `.perfectPrediction`);
            // the omitted-term footnote already says it, labelled.
            let omittedTerms = column.result.omitted.map(\.term)
            for note in column.result.diagnostics where !(note.omittedTerm.map(omittedTerms.contains) ?? false) {
                add(note.text(language), name)
            }
        }
        for note in columnNotes {
            notes.append(columns.count == 1 ? note.text : ReportText.columnNote(note.columns, note.text, language))
        }
        return notes + options.notes
    }

    // MARK: term order

    struct TermEntry: Equatable {
        var term: String
        var variable: String?
        var level: Double?
    }

    /// Union of coefficient and omitted terms over the columns, first-seen order, each factor's
    /// levels kept together, the constant last.
    static func orderedTerms(_ columns: [RegressionColumn]) -> [TermEntry] {
        let labeler = TermLabeler(codebook: nil, language: .en)
        var entries: [TermEntry] = []
        func add(_ entry: TermEntry) {
            guard !entries.contains(where: { $0.term == entry.term }) else { return }
            if let v = entry.variable, let last = entries.lastIndex(where: { $0.variable == v }) {
                entries.insert(entry, at: last + 1)
            } else {
                entries.append(entry)
            }
        }
        for column in columns {
            for c in column.result.coefficients where c.term != "_cons" {
                let parsed = labeler.parse(term: c.term, variable: c.variable, level: c.level)
                add(TermEntry(term: c.term, variable: parsed.variable, level: parsed.level))
            }
            for o in column.result.omitted where o.term != "_cons" {
                let parsed = labeler.parse(term: o.term)
                add(TermEntry(term: o.term, variable: parsed.variable, level: parsed.level))
            }
        }
        if columns.contains(where: { $0.result.coefficient("_cons") != nil }) {
            entries.append(TermEntry(term: "_cons"))
        }
        return entries
    }

    private static func orderedUnique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }

    /// Indicators of a binary variable read as the variable itself ("Union member"); any other
    /// variable with level indicators is a factor (grouped under its label).
    private static func isFactor(_ variable: String, _ codebook: Codebook?) -> Bool {
        codebook?.variable(variable)?.type != .binary
    }

    private static func isKept(_ entry: TermEntry, keep: [String]?, labeler: TermLabeler) -> Bool {
        guard let keep else { return true }
        return keep.contains(entry.term) || entry.variable.map { keep.contains($0) } == true
    }
}
