import Estimation
import SurveyData

/// The paper's Table 1: for categorical, binary and ordinal variables a row per category with
/// its count and percentage (value labels); for continuous variables N, mean, sd, min, max.
public enum DescribeTable {
    public static func build(_ descriptions: [VariableDescription], codebook: Codebook?,
                             language: Language = .en, title: String? = nil,
                             notes: [String] = []) -> Table {
        let labeler = TermLabeler(codebook: codebook, language: language)
        // Under a survey design: two more columns, the linearized SE and the design effect.
        let design = descriptions.contains { $0.meanSE != nil || $0.categories.contains { $0.se != nil } }
        var table = Table(title: title ?? UIText.describeTableTitle.text(language),
                          alignments: [.left, .decimal, .decimal, .decimal, .decimal, .decimal] + (design ? [.decimal, .decimal] : []))
        table.headers = [[Cell(UIText.describeVariable.text(language)), Cell(UIText.describeCount.text(language)),
                          Cell(UIText.describeMeanPercent.text(language)), Cell(UIText.describeSD.text(language)),
                          Cell(UIText.describeMin.text(language)), Cell(UIText.describeMax.text(language))]
                         + (design ? [Cell(SurveyReportText.seHeader(language)), Cell(SurveyReportText.deffHeader(language))] : [])]
        func designCells(_ se: Double?, _ deff: Double?) -> [Cell] {
            design ? [Cell(se.map { NumberFormat.fixed($0, 2) } ?? ""), Cell(deff.map { NumberFormat.fixed($0, 2) } ?? "")] : []
        }
        for d in descriptions {
            let label = labeler.variableLabel(d.variable)
            if d.type == .continuous {
                table.addRow([Cell(label), Cell(NumberFormat.count(d.n)), Cell(NumberFormat.fixed(d.mean, 2)),
                              Cell(NumberFormat.fixed(d.sd, 2)), Cell(number(d.min)), Cell(number(d.max))]
                             + designCells(d.meanSE, d.deff))
            } else {
                table.addRow([Cell(label), Cell(NumberFormat.count(d.n))])
                for category in d.categories {
                    table.addRow([Cell(labeler.valueLabel(d.variable, category.code), indent: 1),
                                  Cell(NumberFormat.count(category.count)),
                                  Cell(NumberFormat.fixed(category.percent, 2))]
                                 + (design ? [Cell(""), Cell(""), Cell("")] + designCells(category.se, category.deff) : []))
                }
            }
            // As Stata's `tab x, missing`: one row per kind of missing value, below the variable.
            for m in d.missingByKind {
                table.addRow([Cell(MissingText.row(m.kind, label: codebook?.variable(d.variable)?.missingLabel(m.kind, language),
                                                   language), indent: 1),
                              Cell(NumberFormat.count(m.count))])
            }
        }
        table.notes = notes
        let missing = descriptions.filter { $0.missing > 0 }
        if !missing.isEmpty {
            let list = missing.map { "\(labeler.variableLabel($0.variable)) \(NumberFormat.count($0.missing))" }
            table.notes.insert(UIText.describeMissing.text(language, list.joined(separator: UIText.listSeparator.text(language))), at: 0)
        }
        return table
    }

    /// Structured JSON for `describe --format json`.
    /// With a survey `design`: `design{psu strata weight fpc singleunit}` and `subpop` at the top,
    /// `mean_se` and `deff` per variable, `se` and `deff` per category (percent scale).
    public static func json(_ descriptions: [VariableDescription], codebook: Codebook?,
                            language: Language = .en, notice: String? = nil,
                            design: SurveyDesign? = nil, subpop: String? = nil) -> JSONValue {
        let labeler = TermLabeler(codebook: codebook, language: language)
        let designMembers: [(String, JSONValue)] = design.map { d in [
            ("design", .object([("psu", .string(d.psu)), ("strata", .string(d.strata)), ("weight", .string(d.weight)),
                                ("fpc", .string(d.fpc)), ("singleunit", .string(d.singleUnit.rawValue))])),
            ("subpop", .string(subpop)),
        ] } ?? []
        return .object(designMembers + [
            ("variables", .array(descriptions.map { d in
                .object([
                    ("variable", .string(d.variable)),
                    ("label", .string(labeler.variableLabel(d.variable))),
                    ("type", .string(d.type.rawValue)),
                    ("n", .number(d.n)),
                    ("missing", .number(d.missing)),
                    ("mean", .number(d.mean)),
                    ("sd", .number(d.sd)),
                    ("min", .number(d.min)),
                    ("max", .number(d.max)),
                ] + (design == nil ? [] : [("mean_se", .number(d.meanSE)), ("deff", .number(d.deff))]) + [
                    ("categories", .array(d.categories.map { c in
                        .object([
                            ("code", .number(c.code)),
                            ("label", .string(labeler.valueLabel(d.variable, c.code))),
                            ("count", .number(c.count)),
                            ("percent", .number(c.percent)),
                        ] + (design == nil ? [] : [("se", .number(c.se)), ("deff", .number(c.deff))]))
                    })),
                    ("missing_values", missingJSON(d, info: codebook?.variable(d.variable), language: language)),
                ])
            })),
            ("notice", .string(notice)),
        ])
    }

    /// `{"total": n, "by_kind": [{"kind": ".a", "code": null, "label": "refused", "n": k}, …]}`:
    /// `kind` is `.`, `.a`…`.z` or the user-missing code as text, `code` the user-missing code as a
    /// number (null otherwise), `label` null when the kind has none.
    static func missingJSON(_ d: VariableDescription, info: VariableInfo?, language: Language) -> JSONValue {
        .object([
            ("total", .number(d.missing)),
            ("by_kind", .array(d.missingByKind.map { m in
                var code: Double? = nil
                if case let .userCode(c) = m.kind { code = c }
                return .object([
                    ("kind", .string(m.kind.description)),
                    ("code", .number(code)),
                    ("label", .string(info?.missingLabel(m.kind, language))),
                    ("n", .number(m.count)),
                ])
            })),
        ])
    }

    private static func number(_ x: Double) -> String {
        x == x.rounded() ? NumberFormat.count(x) : NumberFormat.fixed(x, 2)
    }
}

/// The words of missing-value rows (en/zh), shared by `describe` and the explorer's Describe view.
public enum MissingText {
    /// `. (system missing)`, `.a refused`, `999 not measured (user-missing)`.
    public static func row(_ kind: MissingKind, label: String?, _ language: Language) -> String {
        switch kind {
        case .system: return UIText.systemMissing.text(language)
        case .extended: return label.map { "\(kind) \($0)" } ?? kind.description
        case .userCode:
            let tag = UIText.userMissing.text(language)
            return (label.map { "\(kind) \($0)" } ?? kind.description) + tag
        }
    }
}
