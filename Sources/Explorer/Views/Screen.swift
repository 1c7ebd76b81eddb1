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
            let language = env.unicode ? state.spec.language : .en
            grid.put(UIText.tooSmall.text(language, state.width, state.height, minimumWidth, minimumHeight), x: 0, y: 0)
            grid.put(UIText.enlarge.text(language), x: 0, y: 1)
            return grid
        }
        var state = state
        if !env.unicode { state.spec.language = .en }
        Chrome.titleBar(state, env: env, into: &grid)
        let top = 2
        let bodyHeight = state.height - 3
        var viewX = 0
        let lesson = state.lesson.flatMap { $0.isActive ? $0 : nil }
        if !state.zoom {
            let paneWidth = lesson != nil ? LessonScreen.paneWidth(state.width) : variablesPaneWidth(state.width)
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
        var content = lessonTables ?? cachedViewContent(state, env: env, width: viewWidth, height: bodyHeight, cache: cache)
        // Without UTF-8, prose gets the ASCII form of its symbols (tables were folded before layout).
        if !env.unicode {
            for k in content.lines.indices where content.lines[k].columns.isEmpty {
                content.lines[k].foldToASCII()
            }
        }
        let scrollRow = state.view == .data && lessonTables == nil ? 0 : state.scrollRow
        let used = grid.draw(content.lines, x: viewX, y: top, width: viewWidth, height: bodyHeight,
                             row: scrollRow, column: state.scrollColumn)
        // Tell the user how many whole columns are off-screen and which key scrolls to them.
        let hint = offScreenHint(used, language: env.unicode ? state.spec.language : .en)
        Chrome.specBar(state, env: env, into: &grid, reserve: hint.map { TextWidth.width($0) + 1 } ?? 0)
        if let hint { grid.put(hint, x: max(0, state.width - TextWidth.width(hint)), y: 1, style: .reverse) }
        Chrome.statusLine(state, env: env, into: &grid)
        if let overlay = state.overlay { Overlays.draw(overlay, language: state.spec.language, ascii: !env.unicode, into: &grid) }
        if case let .editor(editor)? = state.overlay { VariableEditorOverlay.draw(editor, state, env: env, into: &grid) }
        if !env.unicode { grid.replaceNonASCII() }
        return grid
    }

    /// The variables pane narrows on a narrow screen so the Models view keeps three whole
    /// model columns at 80 cells (`z` hides the pane).
    static func variablesPaneWidth(_ totalWidth: Int) -> Int {
        totalWidth >= 120 ? 40 : totalWidth >= 100 ? 34 : 24
    }

    /// " 3 more columns: Right " and the like; nil when every column is in view.
    static func offScreenHint(_ drawn: DrawnView, language: Language) -> String? {
        let left = KeyTable.label(.scrollLeft, in: .global), right = KeyTable.label(.scrollRight, in: .global)
        switch (drawn.hiddenLeft, drawn.hiddenRight) {
        case (0, 0): return nil
        case (0, 1): return " " + UIText.columnOffRight.text(language, right) + " "
        case (0, let r): return " " + UIText.columnsOffRight.text(language, r, right) + " "
        case (1, 0): return " " + UIText.columnOffLeft.text(language, left) + " "
        case (let l, 0): return " " + UIText.columnsOffLeft.text(language, l, left) + " "
        case let (l, r): return " " + UIText.columnsOffBoth.text(language, l + r, left, right) + " "
        }
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
        case .crosstab: return CrosstabView.content(state, env: env, width: width)
        case .describe: return DescribeView.content(state, env: env, width: width)
        case .data: return DataView.content(state, env: env, visibleRows: height)
        case .multiverse: return MultiverseView.content(state, env: env, width: width, height: height)
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
