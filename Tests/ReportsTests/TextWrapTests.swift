import Testing
@testable import Reports

/// Line breaking by display cells with the Chinese rule: no closing punctuation at a line start,
/// no opening bracket at a line end.
@Suite struct TextWrapTests {
    @Test func breaksAtSpacesAndBetweenChineseCharacters() {
        #expect(TextWrap.lines("one two three", width: 7) == ["one two", "three"])
        #expect(TextWrap.lines("工会会员参加培训", width: 6) == ["工会会", "员参加", "培训"])
        #expect(TextWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func noClosingPunctuationStartsALineAndNoOpeningBracketEndsOne() {
        let closing: Set<Character> = ["，", "。", "？", "！", "：", "；", "）"]
        let text = "工会会员参加培训了吗？是的，参加了（大多数）。技能等级：提高；原因（见下）。"
        for width in 8...30 { // (at 4–6 cells "数）。" cannot be kept together)
            let lines = TextWrap.lines(text, width: width)
            #expect(lines.joined() == text, "width \(width): text lost")
            for line in lines {
                #expect(TextWidth.width(line) <= width, "width \(width): \(line) too wide")
                #expect(!(line.first.map(closing.contains) ?? false), "width \(width): \(line) starts with closing punctuation")
                #expect(line.last != "（", "width \(width): \(line) ends with （")
            }
        }
        // The case: a question mark never begins a line.
        #expect(TextWrap.lines("为什么工会会员更可能参加培训？", width: 28).allSatisfy { $0.first != "？" })
    }
}
