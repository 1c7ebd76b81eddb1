import Foundation
import Estimation
import Mediation
import Reports
import SurveyData

/// `pathlens mediate` output: the Reports module's mediation tables (`MediationTables.report`)
/// in text, Markdown, LaTeX or CSV, in English or Chinese; or the documented JSON.
enum MediateReport {
    static func tables(_ r: MediationResult, options: MediationTableOptions) -> [Table] {
        MediationTables.report(r, options: options)
    }

    /// The dataset notice goes above a text report, as a quote above Markdown, as a note of the
    /// first LaTeX table, and to stderr beside JSON and CSV (which stay data).
    static func render(_ r: MediationResult, format: OutputFormat, options: MediationTableOptions,
                       notice: String?) throws -> String {
        switch format {
        case .json:
            if let notice { printError("note: \(notice)") }
            return try r.json()
        case .text, .md:
            var parts = tables(r, options: options).map { format.render($0) }
            if let notice { parts.insert(format == .md ? "> \(notice)\n" : notice + "\n", at: 0) }
            return parts.joined(separator: "\n")
        case .latex:
            var tables = tables(r, options: options)
            if let notice, !tables.isEmpty { tables[0].notes.append(notice) }
            return tables.map { format.render($0) }.joined(separator: "\n")
        case .csv:
            if let notice { printError("note: \(notice)") }
            // One block per table, separated by an empty line; each block's first line is its title.
            return tables(r, options: options).map { t in
                (t.title.map { CSVRenderer.line([$0]) + "\n" } ?? "") + format.render(t)
            }.joined(separator: "\n")
        }
    }
}
