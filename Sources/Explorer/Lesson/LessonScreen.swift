import Reports
import SurveyData
import Teaching

/// What the screen shows while a lesson is active: the lesson pane in place of the variables
/// pane, and the step's own tables in the view area. The tables hold every number the step's
/// text quotes (effects at means, fully standardized columns, KHB, sensitivity), which the live
/// views do not all show; `Esc` returns to the live views.
enum LessonScreen {
    /// Wider than the variables pane: the pane carries prose.
    static func paneWidth(_ totalWidth: Int) -> Int {
        totalWidth >= 120 ? 48 : totalWidth >= 100 ? 40 : 34
    }

    static func paneLines(_ mode: LessonMode, width: Int, language: Language, env: ExplorerEnvironment) -> [StyledLine] {
        guard let step = mode.currentRendered else {
            let zh = language == .zh
            let n = mode.session.step, count = mode.session.stepCount
            var lines = [StyledLine(zh ? "第 \(n)/\(count) 步" : "Step \(n)/\(count)", style: [.bold, .accent]), StyledLine()]
            if let error = mode.error {
                // One-line messages name file and line first: break after those parts to fit the pane.
                lines += error.components(separatedBy: ": ").map { StyledLine($0, style: .negative) }
            } else {
                lines.append(StyledLine(zh ? "正在计算本步的数字…" : "computing this step's numbers...", style: .dim))
            }
            return lines
        }
        return LessonPane.lines(step, width: width, language: language, codebook: env.codebook).map { line in
            switch line.style {
            case .title: return StyledLine(line.text, style: [.bold, .accent])
            case .body: return StyledLine(line.text)
            case .lookAt: return StyledLine(line.text, style: .accent)
            case .question: return StyledLine(line.text, style: [.bold, .reverse])
            case .footer: return StyledLine(line.text, style: .dim)
            }
        }
    }

    static func drawPane(_ mode: LessonMode, language: Language, env: ExplorerEnvironment, into grid: inout CellGrid,
                         x: Int, y: Int, width: Int, height: Int, cache: RenderCache? = nil) {
        let textWidth = max(10, width - 1)
        let key = RenderCache.LessonKey(mode, language: language, width: textWidth, unicode: env.unicode)
        let lines = cache?.lessonPane(key) { paneLines(mode, width: textWidth, language: language, env: env) }
            ?? paneLines(mode, width: textWidth, language: language, env: env)
        grid.draw(lines, x: x, y: y, width: width, height: height, row: mode.paneScroll, column: 0)
    }

    /// `tables(_:width:ascii:)`, reused from `cache` while the step and the width stay.
    static func tables(_ mode: LessonMode, width: Int, ascii: Bool, cache: RenderCache?) -> ViewContent? {
        guard let cache else { return tables(mode, width: width, ascii: ascii) }
        let key = RenderCache.LessonKey(mode, language: mode.session.language, width: width, unicode: !ascii)
        return cache.lessonTables(key) { tables(mode, width: width, ascii: ascii) }
    }

    /// The step's tables, rows it points at (`>> ` before the label) highlighted; nil until
    /// the step is rendered (the live view shows meanwhile).
    static func tables(_ mode: LessonMode, width: Int, ascii: Bool) -> ViewContent? {
        guard let step = mode.currentRendered, !step.tables.isEmpty else { return nil }
        let zh = mode.session.language == .zh
        var lines = [StyledLine(zh ? "本步的表格（Esc 返回实时视图，z 全宽）" : "This step's tables (Esc: live views, z: full width)", style: .dim), StyledLine()]
        for table in step.tables {
            var styles: [Int: [Int: CellStyle]] = [:]
            for (r, row) in table.rows.enumerated() where row.cells.first?.text.hasPrefix(">> ") == true {
                styles[r] = Dictionary(uniqueKeysWithValues: row.cells.indices.map { ($0, [.bold, .accent]) })
            }
            lines += TableLines.lines(table, styles: styles, maxWidth: width, ascii: ascii)
            lines.append(StyledLine())
        }
        return ViewContent(lines: lines, tables: step.tables)
    }
}
