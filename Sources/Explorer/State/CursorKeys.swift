/// The cursor of the variables pane and the scroll of the view: arrows, hjkl, pages, Home/End.
enum CursorKeys {
    static func perform(_ action: KeyAction, key: Key, _ state: inout AppState, env: ExplorerEnvironment) {
        let backward = [Key.up, .char("k"), .pageUp, .home].contains(key)
        switch action {
        case .cursorMove, .scrollRows:
            move(&state, by: backward ? -1 : 1, env: env)
        case .page:
            move(&state, by: (backward ? -1 : 1) * max(1, state.height - 6), env: env)
        case .cursorEnds:
            if backward { setCursor(&state, 0, direction: 1, env: env) } else {
                setCursor(&state, env.paneRows.count - 1, direction: -1, env: env)
            }
        case .scrollEnds:
            state.scrollRow = backward ? 0 : Int.max / 2
        case .scrollLeft:
            state.scrollColumn = max(0, state.scrollColumn - 1)
        case .scrollRight:
            state.scrollColumn += 1
        default:
            break
        }
    }

    /// The cursor in the variables pane, the view's rows in the view pane (or zoomed).
    static func move(_ state: inout AppState, by delta: Int, env: ExplorerEnvironment) {
        if state.focus == .view || state.zoom {
            state.scrollRow = max(0, state.scrollRow + delta)
        } else {
            setCursor(&state, state.cursor + delta, direction: delta >= 0 ? 1 : -1, env: env)
        }
    }

    /// Moves to `row`, skipping section headers in `direction`.
    static func setCursor(_ state: inout AppState, _ row: Int, direction: Int, env: ExplorerEnvironment) {
        let rows = env.paneRows
        guard !rows.isEmpty else { state.cursor = 0; return }
        var r = min(max(0, row), rows.count - 1)
        while r >= 0, r < rows.count, case .section = rows[r] { r += direction }
        if r < 0 || r >= rows.count {
            r = min(max(0, row), rows.count - 1)
            while r >= 0, r < rows.count, case .section = rows[r] { r -= direction }
        }
        state.cursor = min(max(0, r), rows.count - 1)
    }

    static func clampCursor(_ state: inout AppState, env: ExplorerEnvironment) {
        setCursor(&state, state.cursor, direction: 1, env: env)
    }

    static func rowUnderCursor(_ state: AppState, env: ExplorerEnvironment) -> PaneRow? {
        env.paneRows.indices.contains(state.cursor) ? env.paneRows[state.cursor] : nil
    }
}
