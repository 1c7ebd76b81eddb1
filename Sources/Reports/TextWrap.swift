/// Greedy line breaking by display cells, shared by the lesson pane, the explorer's views and
/// their notes: breaks at spaces, or between two wide (CJK) characters, and follows the usual
/// Chinese rule (禁则): a line never starts with closing punctuation (`，。？！：；）` …) and never
/// ends with an opening one (`（` …) — such a character moves with its neighbour. A word longer
/// than the width is cut.
public enum TextWrap {
    /// Characters that may not begin a line.
    static let noLineStart: Set<Character> = ["，", "。", "？", "！", "：", "；", "）", "、", "」", "』", "》", "”", "’", "…", "%", ")", ",", ".", ";", ":", "?", "!"]
    /// Characters that may not end a line.
    static let noLineEnd: Set<Character> = ["（", "「", "『", "《", "“", "‘", "("]

    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(2, width)
        var lines: [String] = []
        var current: [Character] = []
        var currentWidth = 0
        /// Positions in `current` after which a break is allowed.
        var breaks: [Int] = []

        func cells(_ chars: ArraySlice<Character>) -> Int { chars.reduce(0) { $0 + TextWidth.width($1) } }
        func emit(_ chars: ArraySlice<Character>) {
            var s = String(chars)
            while s.hasSuffix(" ") { s.removeLast() }
            lines.append(s)
        }
        /// A legal break position at or before `limit`: not before a no-start character, not after
        /// a no-end one.
        func legal(_ k: Int) -> Bool {
            guard k > 0, k < current.count else { return false }
            if noLineStart.contains(current[k]) { return false }
            if noLineEnd.contains(current[k - 1]) { return false }
            return true
        }

        for character in text {
            let w = TextWidth.width(character)
            if character == " " && current.isEmpty { continue }
            current.append(character)
            currentWidth += w
            let k = current.count - 1
            if k > 0 && (current[k - 1] == " " || TextWidth.width(current[k - 1]) == 2 || w == 2) { breaks.append(k) }
            if currentWidth > width && character == " " {
                emit(current[...])
                current = []
                currentWidth = 0
                breaks = []
                continue
            }
            while currentWidth > width && current.count > 1 {
                if let b = breaks.last(where: legal) {
                    // Break at the last legal opportunity; the rest starts the next line.
                    emit(current[..<b])
                    current = Array(current[b...].drop { $0 == " " })
                } else {
                    // No opportunity: cut the word, taking no-start characters along with the
                    // character before them so they do not begin the line.
                    var cut = current.count - 1
                    while cut > 1 && noLineStart.contains(current[cut]) { cut -= 1 }
                    emit(current[..<cut])
                    current = Array(current[cut...])
                }
                currentWidth = cells(current[...])
                breaks = []
                for k in current.indices where k > 0 && (current[k - 1] == " " || TextWidth.width(current[k - 1]) == 2 || TextWidth.width(current[k]) == 2) {
                    breaks.append(k)
                }
            }
        }
        if !current.isEmpty { emit(current[...]) }
        return lines.isEmpty ? [""] : lines
    }
}
