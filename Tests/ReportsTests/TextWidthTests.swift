import Testing
@testable import Reports

@Suite struct TextWidthTests {
    @Test func measuresASCIIAndChinese() {
        #expect(TextWidth.width("abc") == 3)
        #expect(TextWidth.width("技能水平") == 8)
        #expect(TextWidth.width("加入工会 union") == 14)
        #expect(TextWidth.width("（参照组）") == 10) // fullwidth parentheses are wide too
        #expect(TextWidth.width("") == 0)
    }

    @Test func combiningMarksTakeNoCell() {
        #expect(TextWidth.width("e\u{301}") == 1)
    }

    @Test func clipNeverSplitsAWideCharacter() {
        #expect(TextWidth.clip("技能水平", to: 3) == "技")
        #expect(TextWidth.clip("技能水平", to: 4) == "技能")
        #expect(TextWidth.clip("ab技能", to: 3) == "ab")
        #expect(TextWidth.clip("abc", to: 0) == "")
        #expect(TextWidth.clip("abcdefgh", to: 6, ellipsis: true) == "abc...")
        #expect(TextWidth.clip("职业技能等级", to: 8, ellipsis: true) == "职业...")
    }

    @Test func padsToExactDisplayWidth() {
        #expect(TextWidth.pad("技能", to: 5) == "技能 ")
        #expect(TextWidth.pad("技能", to: 5, alignment: .right) == " 技能")
        #expect(TextWidth.pad("ab", to: 6, alignment: .center) == "  ab  ")
        // A wide character straddling the edge is dropped and the gap filled with a space.
        #expect(TextWidth.pad("技能水平", to: 5) == "技能 ")
        for n in 0..<10 { #expect(TextWidth.width(TextWidth.pad("技a能b水平", to: n)) == n) }
    }

    @Test func controlCharactersNeverGiveNegativeWidths() {
        #expect(TextWidth.width("a\tb") == 3)
    }
}
