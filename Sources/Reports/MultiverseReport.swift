import Foundation
import Analysis
import Estimation
import SurveyData

/// `pathlens multiverse`'s output (and view 7's export tables): JSON (`specifications[]`, `summary[]`), the specification rows
/// as CSV or Markdown, and in text the specification curve of each effect above its indicator
/// panel, then the summary.
public struct MultiverseReport: Sendable {
    public let result: MultiverseResult
    public let language: Language

    public init(result: MultiverseResult, language: Language) { self.result = result; self.language = language }

    private var plan: MultiversePlan { result.plan }
    private var request: MultiverseRequest { plan.request }

    private func subsampleLabel(_ spec: MultiverseSpecification) -> String { request.subsamples[spec.subsample].label }

    public func json(notice: String?) -> JSONValue {
        let specs = result.rows.map { row -> JSONValue in
            let spec = plan.specifications[row.specification]
            return .object([
                ("id", .integer(spec.id)),
                ("controls", .array(spec.controls.map { .string($0) })),
                ("subsample", .string(subsampleLabel(spec))),
                ("estimator", .string(spec.estimator.rawValue)),
                ("effect", .string(row.effect.rawValue)),
                ("n", .integer(row.n)),
                ("estimate", .number(row.estimate)),
                ("se", .number(row.se)),
                ("ci_low", .number(row.ciLow)),
                ("ci_high", .number(row.ciHigh)),
                ("p", .number(row.p)),
                ("terms", .array(spec.terms.map { .string($0) })),
                ("base", .bool(spec.isBase)),
                ("estimated", .bool(row.isEstimated)),
                ("reason", .string(row.failure)),
                ("delta", .number(row.delta)),
            ])
        }
        let summary = result.summary.map { s -> JSONValue in
            .object([
                ("effect", .string(s.effect.rawValue)),
                ("n_specs", .integer(s.nSpecs)),
                ("median", .number(s.median)),
                ("share_positive", .number(s.sharePositive)),
                ("share_significant_positive", .number(s.shareSignificantPositive)),
                ("share_significant_negative", .number(s.shareSignificantNegative)),
                ("min", .number(s.min)),
                ("max", .number(s.max)),
                ("n_failed", .integer(s.nFailed)),
            ])
        }
        var fields: [(String, JSONValue)] = [
            ("x", .string(request.x)), ("y", .string(request.y)), ("m", .string(request.m)),
            ("key_term", .string(plan.keyTerm)),
            ("controls_from", .string(request.controlsFrom.rawValue)),
            ("units", .array(plan.units.map { .object([("label", .string($0.label)), ("terms", .array($0.terms.map { .string($0) }))]) })),
            ("fixed", .array(request.fixed.map { .string($0) })),
            ("subsamples", .array(request.subsamples.map { .object([("label", .string($0.label)), ("if", .string($0.condition))]) })),
            ("estimators", .array(request.estimators.map { .string($0.rawValue) })),
            ("effects", .array(request.effects.map { .string($0.rawValue) })),
            ("vce", .string(request.design == nil ? request.vce.description : "linearized")),
            ("if", .string(request.condition)),
            ("level", .number(request.level)),
            ("rmax", .number(request.rmax)),
            ("n_specifications", .integer(plan.specifications.count)),
            ("specifications", .array(specs)),
            ("summary", .array(summary)),
        ]
        if let design = request.design {
            // The declared design (each specification's strata, PSUs and df are its fit's).
            fields.append(("design", .object([
                ("psu", .string(design.psu)), ("strata", .string(design.strata)), ("weight", .string(design.weight)),
                ("fpc", .string(design.fpc)), ("singleunit", .string(design.singleUnit.rawValue)), ("nest", .bool(design.nest)),
            ])))
        }
        if let notice { fields.append(("notice", .string(notice))) }
        return .object(fields)
    }

    private func number(_ x: Double, _ digits: Int = 4) -> String { x.isFinite ? NumberFormat.fixed(x, digits) : "" }

    /// One row per specification and effect (CSV and Markdown).
    public func specificationTable() -> Table {
        // `delta` (Oster's δ of OLS coefficients) only when `--rmax` asked for it.
        let withDelta = request.rmax != nil
        let headers = ["id", "controls", "subsample", "estimator", "effect", "n", "estimate", "se", "ci_low", "ci_high", "p", "base", "reason"]
            + (withDelta ? ["delta"] : [])
        var table = Table(title: UIText.multiverseSpecTitle.text(language),
                          alignments: [.right, .left, .left, .left, .left, .right, .right, .right, .right, .right, .right, .left, .left]
                            + (withDelta ? [.right] : []),
                          headers: [headers.map { Cell($0) }])
        for row in result.rows {
            let spec = plan.specifications[row.specification]
            table.addRow([Cell(String(spec.id)), Cell(spec.controls.joined(separator: " ")), Cell(subsampleLabel(spec)),
                          Cell(spec.estimator.rawValue), Cell(row.effect.rawValue), Cell(row.n.map(String.init) ?? ""),
                          Cell(number(row.estimate, 6)), Cell(number(row.se, 6)), Cell(number(row.ciLow, 6)),
                          Cell(number(row.ciHigh, 6)), Cell(number(row.p, 6)), Cell(spec.isBase ? "1" : "0"),
                          Cell(row.failure ?? "")] + (withDelta ? [Cell(number(row.delta, 6))] : []))
        }
        return table
    }

    public func summaryTable() -> Table {
        let headers = [UIText.multiverseEffect, UIText.multiverseSpecs, UIText.multiverseMedian, UIText.multiversePositive,
                       UIText.multiverseSigPositive, UIText.multiverseSigNegative, UIText.multiverseMin, UIText.multiverseMax,
                       UIText.multiverseFailed]
        let percentLevel = NumberFormat.fixed((1 - request.level) * 100, 0)
        var table = Table(title: UIText.multiverseSummaryTitle.text(language, percentLevel),
                          alignments: [.left] + [Alignment](repeating: .right, count: 8),
                          headers: [headers.map { Cell($0.text(language)) }])
        func share(_ x: Double) -> String { x.isFinite ? NumberFormat.fixed(x * 100, 1) + " %" : "" }
        for s in result.summary {
            table.addRow([Cell(effectName(s.effect)), Cell(String(s.nSpecs)), Cell(number(s.median)), Cell(share(s.sharePositive)),
                          Cell(share(s.shareSignificantPositive)), Cell(share(s.shareSignificantNegative)),
                          Cell(number(s.min)), Cell(number(s.max)), Cell(String(s.nFailed))])
        }
        return table
    }

    /// The curve of one effect (estimated specifications only), the base specification marked
    /// (or, with `marked`, that specification instead: the explorer's current one).
    public func curve(_ effect: MultiverseEffect, marked: Int? = nil) -> SpecificationCurve {
        let data = MultiverseCurveData(result: result, effect: effect)
        return SpecificationCurve(points: data.points.map { p in
            SpecificationCurve.Point(estimate: p.estimate, low: p.low, high: p.high,
                                     marked: marked.map { $0 == p.specification } ?? p.isBase, indicators: p.indicators)
        }, indicatorLabels: data.indicatorLabels, blockStarts: data.blockStarts)
    }

    public func effectName(_ effect: MultiverseEffect) -> String {
        switch effect {
        case .coef: return UIText.multiverseEffectCoef.text(language, plan.keyTerm)
        case .ame: return UIText.multiverseEffectAME.text(language, plan.keyTerm)
        case .indirect: return UIText.multiverseEffectIndirect.text(language)
        case .khb: return UIText.multiverseEffectKHB.text(language)
        case .acme: return UIText.multiverseEffectACME.text(language)
        }
    }

    private var title: String {
        UIText.multiverseTitle.text(language, request.x, request.y, plan.specifications.count, 1 << plan.units.count,
                                    request.subsamples.count, request.estimators.count)
    }

    /// Under a survey design: "survey design …: linearized variance; subsamples are subpopulations".
    private var designNote: [String] {
        request.design.map { [UIText.designSet.text(language, $0.argument)] } ?? []
    }

    private func failureNotes() -> [String] {
        result.summary.compactMap { s in
            guard s.nFailed > 0, let first = result.rows.first(where: { $0.effect == s.effect && !$0.isEstimated }) else { return nil }
            return UIText.multiverseFailedNote.text(language, effectName(s.effect), s.nFailed,
                                                    plan.specifications[first.specification].id, first.failure ?? "")
        }
    }

    public func markdown(notice: String?) -> String {
        var summary = summaryTable()
        summary.title = title
        summary.notes = designNote + failureNotes() + [notice].compactMap { $0 }
        return OutputFormat.md.render(summary) + "\n" + OutputFormat.md.render(specificationTable())
    }

    /// The curve of each effect (sorted estimates, whiskers, base specification marked) above the
    /// indicator panel, then the summary table.
    public func text(notice: String?, width: Int, ascii: Bool) -> String {
        var out: [String] = []
        if let notice { out.append(notice) }
        out.append(title)
        out += designNote
        let marker = ascii ? "*" : "◆"
        let percent = NumberFormat.fixed(request.level * 100, 0)
        for effect in request.effects {
            let curve = self.curve(effect)
            out.append("")
            guard !curve.points.isEmpty else { out.append(UIText.multiverseNoCurve.text(language, effectName(effect))); continue }
            out.append(UIText.multiverseCurveTitle.text(language, effectName(effect), curve.points.count, percent, marker,
                                                        request.subsamples[0].label, request.estimators[0].rawValue))
            out += curve.lines(width: width, height: 12, ascii: ascii)
        }
        out.append("")
        var summary = summaryTable()
        summary.notes = failureNotes()
        var table = OutputFormat.text.render(ascii ? ASCIIFold.fold(summary) : summary)
        if table.hasSuffix("\n") { table.removeLast() }
        out.append(table)
        let text = out.joined(separator: "\n") + "\n"
        return ascii ? ASCIIFold.fold(text) : text
    }
}
