import Foundation
import Reports
import SurveyData

/// `x`: the current view's tables as Markdown, LaTeX or CSV, written by `AtomicFile`. The
/// document passes `TerminalText.sanitize`: a control or bidi character in a label or cell would
/// otherwise reach the terminal of whoever `cat`s the file.
public enum ViewExport {
    public static func document(_ state: AppState, env: ExplorerEnvironment, format: ExportFormat) -> String {
        let tables: [Table]
        if state.view == .data {
            tables = [DataView.table(state, env: env)]
        } else {
            tables = Screen.viewContent(state, env: env, height: state.height).tables
        }
        guard !tables.isEmpty else { return "" }
        let language = state.spec.language
        let note = state.spec.design.map { UIText.exportNoteDesign.text(language, $0.argument) }
            ?? UIText.exportNote.text(language, state.spec.effectiveVCE.description,
                                      state.spec.weight?.description ?? UIText.roleNone.text(language))
        return tables.map { table in
            var table = table
            table.notes.append(note)
            switch format {
            case .markdown: return MarkdownRenderer.render(table)
            case .latex: return LatexRenderer.render(table)
            case .csv: return CSVRenderer.render(table)
            }
        }.joined(separator: "\n")
    }

    /// Writes the document; the returned message goes to the status line.
    public static func write(_ state: AppState, env: ExplorerEnvironment, format: ExportFormat, to path: String) throws -> String {
        let text = document(state, env: env, format: format)
        guard !text.isEmpty else { throw ExplorerError(UIText.nothingToExport.text(state.spec.language, state.view.title)) }
        do {
            try AtomicFile.write(TerminalText.sanitize(text), to: path)
        } catch {
            throw ExplorerError("\(error)")
        }
        let message = UIText.exported.text(state.spec.language, state.view.title, format.title, path)
        // View 7: the curve as SVG beside the rows.
        if state.view == .multiverse, let svg = MultiverseView.svg(state) {
            let svgPath = (path.hasSuffix("." + format.fileExtension) ? String(path.dropLast(format.fileExtension.count + 1)) : path) + ".svg"
            do {
                try AtomicFile.write(TerminalText.sanitize(svg), to: svgPath)
            } catch {
                throw ExplorerError("\(error)")
            }
            return UIText.multiverseExported.text(state.spec.language, message, svgPath)
        }
        return message
    }
}
