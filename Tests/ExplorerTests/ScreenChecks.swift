import Testing
@testable import Explorer

/// What every rendered screen must satisfy whatever its size: a number is drawn whole (with its
/// stars and parentheses) or not at all, and no star is left behind by a cut or a sideways
/// scroll. Checked on the view area against the view's own lines: a token with a digit or a
/// star that is not a whole token of some content line was cut.
enum ScreenChecks {
    static func tokens(_ text: String) -> [Substring] { text.split(separator: " ") }

    static func isNumeric(_ token: Substring) -> Bool { token.contains { $0.isNumber || $0 == "*" } }

    /// Problems in the view area (columns from `viewX`, rows 2…height-2) of `grid`.
    static func clippedNumbers(_ grid: CellGrid, viewX: Int, content: [StyledLine]) -> [String] {
        let whole = Set(content.flatMap { tokens($0.text) })
        var problems: [String] = []
        for y in 2..<(grid.height - 1) {
            var row = ""
            for x in viewX..<grid.width { row += grid[x, y].text }
            for token in tokens(row) where isNumeric(token) && !whole.contains(token) {
                problems.append("row \(y): '\(token)' is not a whole token of the view (in: \(row))")
            }
            // A star-only token is a fragment unless it is the legend's (`* p<0.1`).
            let t = tokens(row)
            for (k, token) in t.enumerated() where token.allSatisfy({ $0 == "*" }) {
                if k + 1 < t.count, t[k + 1].hasPrefix("p<") { continue }
                problems.append("row \(y): star fragment '\(token)' (in: \(row))")
            }
        }
        return problems
    }

    /// The view's left edge as `Screen.render` lays it out.
    static func viewX(_ state: AppState) -> Int {
        if state.zoom { return 0 }
        let lesson = state.lesson.map(\.isActive) ?? false
        return (lesson ? LessonScreen.paneWidth(state.width) : Screen.variablesPaneWidth(state.width)) + 2
    }

    /// Renders `state`, records every clipped number or star fragment as an issue, returns the grid.
    static func render(_ state: AppState, env: ExplorerEnvironment, _ name: String,
                       sourceLocation: SourceLocation = #_sourceLocation) -> CellGrid {
        let grid = Screen.render(state, env: env)
        guard state.width >= Screen.minimumWidth, state.height >= Screen.minimumHeight else { return grid }
        let x = viewX(state)
        let content: [StyledLine]
        if let lesson = state.lesson, lesson.isActive,
           let tables = LessonScreen.tables(lesson, width: state.width - x, ascii: !env.unicode) {
            content = tables.lines
        } else {
            content = Screen.viewContent(state, env: env, width: state.width - x, height: state.height - 3).lines
        }
        for problem in clippedNumbers(grid, viewX: x, content: content) {
            Issue.record(Comment(rawValue: "\(name): \(problem)"), sourceLocation: sourceLocation)
        }
        return grid
    }
}
