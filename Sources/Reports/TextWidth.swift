import CTextWidth
#if canImport(Glibc)
import Glibc
#endif

/// Display width in terminal cells, measured with glibc's `wcwidth` — the function ncursesw and
/// tmux use — so aligned columns stay aligned on screen (a hand-made width table disagrees with
/// glibc on thousands of characters). Chinese characters are 2 cells, combining marks 0.
///
/// `wcwidth` answers −1 for every non-ASCII character in the plain C locale, which is how test
/// processes and many scripts start; the first use therefore switches LC_CTYPE to the user's
/// locale, or to C.UTF-8 when that is not a UTF-8 locale.
public enum TextWidth {
    /// The LC_CTYPE locale in use after the first measurement (for diagnostics).
    public static var locale: String { ensureUTF8Locale }

    private static let ensureUTF8Locale: String = {
        func current() -> String { setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "" }
        func isUTF8(_ name: String) -> Bool {
            let lower = name.lowercased()
            return lower.contains("utf-8") || lower.contains("utf8")
        }
        if isUTF8(current()) { return current() }
        if let set = setlocale(LC_CTYPE, ""), isUTF8(String(cString: set)) { return current() }
        for candidate in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if setlocale(LC_CTYPE, candidate) != nil { return current() }
        }
        return current()
    }()

    /// Cells taken by one Unicode scalar. Control characters (−1 from `wcwidth`) count as 1 so a
    /// stray tab or newline can never make a width negative.
    public static func width(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value >= 0x20 && scalar.value < 0x7F { return 1 }
        _ = ensureUTF8Locale
        let w = Int(wcwidth(wchar_t(bitPattern: scalar.value)))
        return w < 0 ? 1 : w
    }

    /// Cells taken by one user-perceived character (a grapheme cluster).
    public static func width(_ character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    /// Cells taken by `text` on one line.
    public static func width(_ text: some StringProtocol) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += width(scalar) }
        return total
    }

    /// The longest prefix of `text` that fits in `cells`, never splitting a wide character;
    /// with `ellipsis`, a clipped text ends in `...` (ASCII: `…` is ambiguous-width).
    public static func clip(_ text: String, to cells: Int, ellipsis: Bool = false) -> String {
        guard cells > 0 else { return "" }
        if width(text) <= cells { return text }
        let marker = ellipsis && cells > 3 ? "..." : ""
        let budget = cells - marker.count
        var result = ""
        var used = 0
        for character in text {
            let w = width(character)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return result + marker
    }

    /// `text` clipped to `cells` and padded with spaces to exactly `cells` display cells.
    /// A wide character that would straddle the edge is dropped and replaced by a space.
    public static func pad(_ text: String, to cells: Int, alignment: Alignment = .left,
                           ellipsis: Bool = false) -> String {
        let clipped = clip(text, to: cells, ellipsis: ellipsis)
        let gap = max(0, cells - width(clipped))
        switch alignment {
        case .left: return clipped + String(repeating: " ", count: gap)
        case .right, .decimal: return String(repeating: " ", count: gap) + clipped
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + clipped + String(repeating: " ", count: gap - left)
        }
    }
}
