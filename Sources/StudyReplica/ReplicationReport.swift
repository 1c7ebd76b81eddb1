import Foundation
import Estimation
import Reports
import SurveyData

/// Renders a `Replication` as the paper lays out its tables — same rows, order, stars and t/z in
/// parentheses — with the published number, the replica's, their difference and the difference in
/// published SEs side by side; one table per model so each fits a terminal. Short notes under each
/// section say where the paper is inconsistent.
public enum ReplicationReport {
    /// A heading, its tables and the reader's notes.
    public struct Section: Sendable {
        public var id: String
        public var heading: String
        public var tables: [Table]
        public var notes: [String]
    }

    public static func sections(_ r: Replication, language: Language) -> [Section] {
        let text = Words(language)
        var out: [Section] = [
            Section(id: "table1", heading: text.table1Title(r), tables: [table1(r, text)],
                    notes: notes(r, "table1", language)),
            Section(id: "table2", heading: text.table2Title(r), tables: [table2(r, text)],
                    notes: notes(r, "table2", language)),
        ]
        for table in r.modelTables {
            out.append(Section(id: table.id, heading: language == .zh ? table.titleZH : table.titleEN,
                               tables: table.models.map { modelTable($0, r, text) },
                               notes: notes(r, table.id, language)))
        }
        if let parallel = parallelLinesSection(r, language: language) { out.append(parallel) }
        out.append(Section(id: "effects", heading: text.effectsTitle, tables: [effectsTable(r, text)],
                           notes: notes(r, "effects", language)))
        out.append(Section(id: "indirect", heading: text.indirectTitle, tables: [indirectTable(r, text)],
                           notes: notes(r, "indirect", language)))
        return out
    }

    /// The whole report as terminal text or Markdown (the synthetic-data notice first).
    public static func render(_ r: Replication, format: OutputFormat, language: Language) -> String {
        let text = Words(language)
        let markdown = format == .md
        var out: [String] = []
        if let notice = language == .zh ? r.noticeZH : r.noticeEN {
            out.append(markdown ? "> " + notice : notice)
            out.append("")
        }
        out.append(markdown ? "# " + text.reportTitle : text.reportTitle)
        out.append("")
        out.append(text.summary(r.summary))
        for section in sections(r, language: language) {
            out.append("")
            if markdown {
                out.append("## " + section.heading)
            } else {
                out.append(section.heading)
                out.append(String(repeating: "=", count: max(3, TextWidth.width(section.heading))))
            }
            for table in section.tables {
                out.append("")
                out.append(trimmingTrailingNewlines(format.render(table)))
            }
            if !section.notes.isEmpty {
                out.append("")
                for note in section.notes { out.append((markdown ? "- " : text.notePrefix) + note) }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func notes(_ r: Replication, _ id: String, _ language: Language) -> [String] {
        (r.notes[id] ?? []).map { language == .zh ? $0.zh : $0.en }
    }

    // MARK: Tables 1 and 2

    static func table1(_ r: Replication, _ text: Words) -> Table {
        let labeler = TermLabeler(codebook: r.codebook, language: text.language)
        var table = comparisonTable(text.table1Headers)
        var current: String?
        for row in r.table1 {
            if row.paperVariable != current {
                current = row.paperVariable
                table.addRow([Cell(text.language == .zh ? row.labelZH : short(row.labelEN))])
            }
            table.addRow([Cell(short(labeler.valueLabel(row.variable, row.code)), indent: 1),
                          Cell(String(row.publishedCount)), Cell(String(row.replicatedCount)),
                          Cell(NumberFormat.fixed(row.publishedPercent, 2)),
                          Cell(NumberFormat.fixed(row.replicatedPercent, 2)),
                          Cell(signed(row.replicatedPercent - row.publishedPercent, 2))])
        }
        let age = r.age
        table.addRow([Cell(text.ageLabel)], kind: .ruleAbove)
        table.addRow([Cell(text.ageMean, indent: 1), .empty, .empty, Cell(NumberFormat.fixed(age.publishedMean, 2)),
                      Cell(NumberFormat.fixed(age.replicatedMean, 2)), Cell(signed(age.replicatedMean - age.publishedMean, 2))])
        table.addRow([Cell(text.ageRange, indent: 1), .empty, .empty,
                      Cell("\(NumberFormat.count(age.publishedMin))-\(NumberFormat.count(age.publishedMax))"),
                      Cell("\(NumberFormat.count(age.replicatedMin))-\(NumberFormat.count(age.replicatedMax))"), .empty])
        table.addRow([Cell(text.ageSD, indent: 1), .empty, .empty, Cell(age.impliedSD.map { "(" + NumberFormat.fixed($0, 2) + ")" } ?? "."),
                      Cell(NumberFormat.fixed(age.replicatedSD, 2)), .empty])
        table.notes = [text.ageSDNote]
        return table
    }

    static func table2(_ r: Replication, _ text: Words) -> Table {
        let labeler = TermLabeler(codebook: r.codebook, language: text.language)
        var table = comparisonTable(text.table2Headers)
        var current: String?
        let rows = Dictionary(grouping: r.table2) { "\($0.variable)|\($0.category)" }
        var seen: Set<String> = []
        for cell in r.table2 where seen.insert("\(cell.variable)|\(cell.category)").inserted {
            if cell.variable != current {
                current = cell.variable
                table.addRow([Cell(labeler.variableLabel(cell.variable))])
            }
            let pair = rows["\(cell.variable)|\(cell.category)"] ?? []
            let nonMember = pair.first { $0.union == 0 }, member = pair.first { $0.union == 1 }
            table.addRow([Cell(short(labeler.valueLabel(cell.variable, cell.code)), indent: 1)]
                         + [nonMember, member].flatMap { c -> [Cell] in
                             [Cell(c.map { String($0.publishedCount) } ?? ""), Cell(c.map { String($0.replicatedCount) } ?? "")]
                         })
            table.addRow([.empty] + [nonMember, member].flatMap { c -> [Cell] in
                [Cell(c.map { NumberFormat.fixed($0.publishedPercent, 2) } ?? ""),
                 Cell(c.map { NumberFormat.fixed($0.replicatedPercent, 2) } ?? "")]
            })
        }
        table.notes = [text.columnPercentNote]
        return table
    }

    // MARK: Tables 3-5

    static func modelTable(_ m: ReplicatedModel, _ r: Replication, _ text: Words) -> Table {
        let labeler = TermLabeler(codebook: r.codebook, language: text.language)
        var table = Table(title: text.modelTitle(m), alignments: [.left] + Array(repeating: .decimal, count: 4) + [.left])
        table.headers = [[.empty] + text.comparisonHeaders.map { Cell($0, alignment: .center) } + [.empty]]
        var group: String?
        var firstFooter = true
        for row in m.rows {
            let isCut = row.modelTerm.hasPrefix("cut") || row.modelTerm == "_cons"
            let parsed = labeler.parse(term: row.modelTerm)
            let factor = parsed.level != nil && parsed.variable.map { r.codebook.variable($0)?.type != .binary } == true
            var kind = TableRow.Kind.data
            if isCut && firstFooter { kind = .ruleAbove; firstFooter = false }
            if factor, let variable = parsed.variable, variable != group {
                group = variable
                let levels = m.rows.compactMap { labeler.parse(term: $0.modelTerm) }
                    .filter { $0.variable == variable }.compactMap(\.level)
                table.addRow([Cell(labeler.groupHeading(variable: variable, levels: levels))])
            } else if !factor {
                group = nil
            }
            let label: String
            if row.modelTerm.hasPrefix("cut") {
                label = labeler.cutpointLabel(row.modelTerm)
            } else {
                label = labeler.label(term: row.modelTerm, style: factor ? .grouped : .combined)
            }
            table.addRow([Cell(label, indent: factor ? 1 : 0),
                          Cell(number(row.published, row.starsPublished, digits: digits(row.published))),
                          Cell(row.replicated.map { number($0, row.starsReplicated, digits: digits(row.published)) } ?? "."),
                          Cell(row.diff.map { signed($0, digits(row.published)) } ?? "."),
                          Cell(row.distanceInSE.map { NumberFormat.fixed($0, 2) } ?? "."),
                          Cell(text.flag(row))], kind: kind)
            table.addRow([.empty, Cell(paren(row.publishedStat)), Cell(paren(row.replicatedStat)), .empty, .empty, .empty])
        }
        table.addRow([Cell(ReportText.observations(text.language)), Cell(String(m.publishedN)),
                      Cell(String(m.replicatedN)), Cell(m.replicatedN == m.publishedN ? "0" : signedInt(m.replicatedN - m.publishedN)),
                      .empty, .empty], kind: .ruleAbove)
        let fitLabel = m.fitStatistic == "r2" ? ReportText.r2(text.language) : ReportText.pseudoR2(text.language)
        table.addRow([Cell(fitLabel), Cell(m.publishedFit.map { NumberFormat.fixed($0, 3) } ?? "."),
                      Cell(m.replicatedFit.map { NumberFormat.fixed($0, 3) } ?? "."),
                      Cell(m.publishedFit.flatMap { p in m.replicatedFit.map { signed($0 - p, 3) } } ?? "."),
                      .empty, .empty])
        table.notes = [text.modelNote(m)] + m.estimationNotes.map { $0.text(text.language) }
        return table
    }

    // MARK: text figures

    static func effectsTable(_ r: Replication, _ text: Words) -> Table {
        let labeler = TermLabeler(codebook: r.codebook, language: text.language)
        var table = comparisonTable(text.effectHeaders)
        var current: String?
        for e in r.effects {
            let key = "\(e.term)|\(e.model)"
            if key != current {
                current = key
                table.addRow([Cell(text.effectHeading(e, termLabel: labeler.variableLabel(e.term)))])
            }
            let outcome = e.model == "model4" ? text.trainingProbability
                : short(labeler.valueLabel("skill", Double(e.outcome) ?? .nan))
            table.addRow([Cell(outcome, indent: 1), Cell(e.published.map { signed($0, 2) } ?? "<1"),
                          Cell(e.replicated.map { signed($0, 2) } ?? "."), Cell(e.diff.map { signed($0, 2) } ?? "")])
        }
        return table
    }

    static func indirectTable(_ r: Replication, _ text: Words) -> Table {
        let s = r.indirectShare
        var table = comparisonTable(text.indirectHeaders)
        func fixed(_ x: Double?, _ d: Int) -> String { x.map { NumberFormat.fixed($0, d) } ?? "." }
        func ratio(_ f: (Double, Double, Double, Double) -> Double, _ a: Double?, _ b: Double?, _ cp: Double?, _ c: Double?) -> Double? {
            guard let a, let b, let cp, let c else { return nil }
            return f(a, b, cp, c)
        }
        table.addRow([Cell(text.shareFormula), Cell(NumberFormat.fixed(s.publishedPercent, 0)),
                      Cell(fixed(s.replicatedPercent, 1))])
        table.addRow([Cell(text.shareRecomputed, indent: 1), Cell(NumberFormat.fixed(s.publishedReconstructedPercent, 1)), .empty])
        for (label, p, q) in [(text.aLabel, s.publishedA, s.a), (text.bLabel, s.publishedB, s.b),
                              (text.cPrimeLabel, s.publishedCPrime, s.cPrime), (text.cLabel, s.publishedC, s.c)] {
            table.addRow([Cell(label, indent: 1), Cell(fixed(p, 3)), Cell(fixed(q, 3))])
        }
        let abOverC = ratio({ a, b, _, c in 100 * a * b / c }, s.publishedA, s.publishedB, s.publishedCPrime, s.publishedC)
        let difference = ratio({ _, _, cp, c in 100 * (c - cp) / c }, s.publishedA, s.publishedB, s.publishedCPrime, s.publishedC)
        table.addRow([Cell(text.abOverC), Cell(fixed(abOverC, 1)), Cell(fixed(s.replicatedABOverC, 1))],
                     kind: .ruleAbove)
        table.addRow([Cell(text.differenceMethod), Cell(fixed(difference, 1)),
                      Cell(fixed(s.replicatedDifferencePercent, 1))])
        return table
    }

    /// A label column, then one decimal column per header (headers centred).
    static func comparisonTable(_ headers: [String]) -> Table {
        var table = Table(title: nil, alignments: [.left] + Array(repeating: .decimal, count: headers.count))
        table.headers = [[.empty] + headers.map { Cell($0, alignment: .center) }]
        return table
    }

    // MARK: number cells

    /// Decimals as the paper prints the value (Model 5 uses 4).
    static func digits(_ published: Double) -> Int {
        let scaled = (abs(published) * 1000).rounded()
        return abs(abs(published) * 1000 - scaled) > 1e-6 ? 4 : 3
    }

    static func number(_ value: Double, _ stars: String?, digits: Int) -> String {
        NumberFormat.fixed(value, digits) + (stars ?? "")
    }

    static func paren(_ stat: Double?) -> String { stat.map { "(" + NumberFormat.fixed($0, 2) + ")" } ?? "" }

    /// `+0.038`, `-0.024`; a difference that rounds to zero is `0.000`, without a sign.
    static func signed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "." }
        let text = NumberFormat.fixed(value, digits)
        if Double(text) == 0 { return NumberFormat.fixed(0, digits) }
        return value > 0 ? "+" + text : text
    }

    /// English labels the paper's JSON spells out at length ("junior worker (national vocational
    /// qualification level 5)") lose their parenthetical in table rows.
    static func short(_ label: String) -> String {
        guard let open = label.firstIndex(of: "("), open > label.startIndex else { return label }
        return String(label[..<open]).trimmingCharacters(in: .whitespaces)
    }

    static func signedInt(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

    static func trimmingTrailingNewlines(_ text: String) -> String {
        var text = text
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
