import Testing
@testable import Explorer

/// The snapshot format itself: text, then a style layer of runs per row; a change of style alone
/// is a mismatch.
@Suite struct SnapshotFormatTests {
    @Test func textThenStyleRunsPerRow() {
        var grid = CellGrid(width: 12, height: 3)
        grid.put(" Title", x: 0, y: 0, style: .reverse)
        grid.applyStyle(.reverse, x: 6, y: 0, count: 6)
        grid.put("a 工会 b", x: 0, y: 1)
        grid.applyStyle([.bold, .accent], x: 2, y: 1, count: 4)
        grid.put("x", x: 11, y: 2, style: .dim)
        #expect(Snapshot.render(grid) == """
             Title
            a 工会 b
                       x
            \(Snapshot.styleHeader)
             0: 0-11 reverse
             1: 2-5 bold+accent
             2: 11-11 dim

            """)
    }

    func helpScreen() -> CellGrid {
        var state = TestData.state()
        state.overlay = .help(scroll: 0)
        return Screen.render(state, env: TestData.env)
    }

    /// One cell turned bold, same text: the comparison with the committed snapshot fails and says
    /// it is the style layer that differs.
    @Test func aStyleOnlyChangeIsAMismatch() throws {
        let grid = helpScreen()
        #expect(Snapshot.mismatch(grid, "help-80x24") == nil)
        var changed = grid
        let y = 3, x = try #require((0..<grid.width).first { !grid[$0, 3].style.contains(.bold) })
        changed.applyStyle(.bold, x: x, y: y, count: 1)
        #expect(changed.text == grid.text)
        let problem = try #require(Snapshot.mismatch(changed, "help-80x24"))
        #expect(problem.contains("style layer"), "\(problem)")
        #expect(problem.contains("\(y): "), "\(problem)")
    }

    @Test func aTextChangeNamesTheRow() {
        let expected = "ab\ncd\n\(Snapshot.styleHeader)\n 0: 0-1 bold\n"
        let actual = "ab\ncx\n\(Snapshot.styleHeader)\n 0: 0-1 bold\n"
        #expect(Snapshot.difference(expected: expected, actual: actual)?.hasPrefix("text row 1") == true)
        #expect(Snapshot.difference(expected: expected, actual: expected) == nil)
    }
}
