import Reports
import Testing
@testable import Explorer

@Suite struct CellGridTests {
    @Test func wideCharactersTakeTwoCellsAndAreNeverSplit() {
        var grid = CellGrid(width: 5, height: 1)
        let used = grid.put("中文字", x: 0, y: 0)
        #expect(used == 4)
        #expect(grid.line(0) == "中文")
        #expect(grid[1, 0].isContinuation)
    }

    @Test func clippingAtALimitLeavesTheWideCharacterOut() {
        var grid = CellGrid(width: 10, height: 1)
        grid.put("ab中文", x: 0, y: 0, limit: 3)
        #expect(grid.line(0) == "ab")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("中文", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.line(0) == " x文")
    }

    @Test func controlCharactersAreShownAsQuestionMarks() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("a\tb", x: 0, y: 0)
        #expect(grid.line(0) == "a?b")
    }

    @Test func sliceReplacesCutWideCharactersWithSpaces() {
        #expect(Cells.slice("a中b", from: 2, width: 2) == " b")
        #expect(Cells.slice("a中b", from: 0, width: 2) == "a ")
    }

    @Test func stylesApplyToTheirCells() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("abcd", x: 0, y: 0, style: .bold)
        grid.applyStyle(.flagged, x: 1, y: 0, count: 2)
        #expect(grid[0, 0].style == .bold)
        #expect(grid[1, 0].style == [.bold, .flagged])
        #expect(grid[3, 0].style == .bold)
    }
}
