import Reports
import SurveyData

/// Renders the whole state into a cell grid: title bar, specification bar, variables pane,
/// the current view, status line, and any dialog on top. Pure: same state, same grid.
public enum Screen {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    /// With `cache`, content that the last frame already built for the same inputs is reused
    /// (the grid is the same either way).
    public static func render(_ state: AppState, env: ExplorerEnvironment, cache: RenderCache? = nil) -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        guard state.width >= minimumWidth, state.height >= minimumHeight else {
            let message = "Terminal too small: \(state.width)x\(state.height), need \(minimumWidth)x\(minimumHeight)"
            grid.put(message, x: 0, y: 0)
            grid.put("Enlarge the window, or press q to quit.", x: 0, y: 1)
            return grid
        }
        var state = state
        if !env.unicode { state.spec.language = .en }
        Chrome.titleBar(state, env: env, into: &grid)
        Chrome.specBar(state, env: env, into: &grid)
        let top = 2
        let bodyHeight = state.height - 3
        var viewX = 0
        let lesson = state.lesson.flatMap { $0.isActive ? $0 : nil }
        if !state.zoom {
            let paneWidth = lesson != nil ? LessonScreen.paneWidth(state.width)
                : state.width >= 120 ? 40 : state.width >= 100 ? 34 : 28
            if let lesson {
                LessonScreen.drawPane(lesson, language: state.spec.language, env: env, into: &grid,
                                      x: 0, y: top, width: paneWidth, height: bodyHeight, cache: cache)
            } else {
                VariablesPane.draw(state, env: env, into: &grid, x: 0, y: top, width: paneWidth, height: bodyHeight)
            }
            for row in top..<(top + bodyHeight) { grid.put("|", x: paneWidth, y: row, style: .dim) }
            viewX = paneWidth + 2
        }
        let viewWidth = state.width - viewX
        // While a lesson is active its step's tables (every number the text quotes) fill the view.
        let lessonTables = lesson.flatMap { LessonScreen.tables($0, width: viewWidth, ascii: !env.unicode, cache: cache) }
        let content = lessonTables ?? cachedViewContent(state, env: env, width: viewWidth, height: bodyHeight, cache: cache)
        let scrollRow = state.view == .data && lessonTables == nil ? 0 : state.scrollRow
        let used = grid.draw(content.lines, x: viewX, y: top, width: viewWidth, height: bodyHeight,
                             row: scrollRow, column: state.scrollColumn * 8)
        // Tell the user when the view is wider than the screen (h/l scroll, z zooms).
        if used.widest > viewWidth {
            let hint = used.column + viewWidth < used.widest ? " more: Right " : " Left "
            grid.put(hint, x: state.width - TextWidth.width(hint), y: 1, style: .reverse)
        }
        Chrome.statusLine(state, env: env, into: &grid)
        if let overlay = state.overlay { Overlays.draw(overlay, language: state.spec.language, into: &grid) }
        if case let .editor(editor)? = state.overlay { VariableEditorOverlay.draw(editor, state, env: env, into: &grid) }
        if !env.unicode { grid.replaceNonASCII() }
        return grid
    }

    static func cachedViewContent(_ state: AppState, env: ExplorerEnvironment, width: Int, height: Int,
                                  cache: RenderCache?) -> ViewContent {
        guard let cache else { return viewContent(state, env: env, width: width, height: height) }
        return cache.viewContent(RenderCache.ViewKey(state, env: env, width: width, height: height)) {
            viewContent(state, env: env, width: width, height: height)
        }
    }

    /// The current view's lines and export tables.
    public static func viewContent(_ state: AppState, env: ExplorerEnvironment, width: Int = 1000, height: Int) -> ViewContent {
        switch state.view {
        case .models: return ModelsView.content(state, env: env, width: width)
        case .mediation: return MediationView.content(state, env: env, width: width, ascii: !env.unicode)
        case .margins: return MarginsView.content(state, env: env, width: width)
        case .crosstab: return CrosstabView.content(state, env: env)
        case .describe: return DescribeView.content(state, env: env)
        case .data: return DataView.content(state, env: env, visibleRows: height)
        }
    }
}

extension CellGrid {
    /// Without a UTF-8 locale the terminal cannot show other characters: `?` instead.
    mutating func replaceNonASCII() {
        for y in 0..<height {
            var x = 0
            while x < width {
                let cell = self[x, y]
                if cell.text.unicodeScalars.contains(where: { $0.value > 0x7e }) {
                    let wide = x + 1 < width && self[x + 1, y].isContinuation
                    put(wide ? "??" : "?", x: x, y: y, style: cell.style)
                    x += wide ? 2 : 1
                } else { x += 1 }
            }
        }
    }
}
