#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one sanitizer for text that reaches a terminal or a text file: labels, cells, names and
/// echoed input come from data files and the command line, and a raw ESC, OSC, BEL, CR or BS, a
/// C1 control or a bidi override in them would drive the user's terminal (move the cursor, set
/// the title, hide or reorder text). Every such character is shown as a visible escape instead:
/// C0 controls and DEL as `\x1b`, C1 controls and the bidi embeddings, overrides and isolates
/// (U+202A–202E, U+2066–2069) and other format/line-separator characters that reorder or break
/// lines as `\u202e`. Line feed and tab are kept where the text is several lines (`keepLayout`).
/// The `\u` forms are also valid JSON escapes, so sanitizing a JSON document never breaks it
/// (JSON strings have no raw C0 controls to begin with: `JSONValue` escapes them).
public enum TerminalText {
    /// Whether `scalar` is shown as an escape (`\n` and `\t` only with `keepLayout == false`).
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar, keepLayout: Bool = true) -> Bool {
        let v = scalar.value
        if v < 0x20 { return !(keepLayout && (v == 0x0A || v == 0x09)) }
        if v < 0x7F { return false }
        if v <= 0x9F { return true }                      // DEL and the C1 controls (CSI, OSC, NEL…)
        if v < 0x2028 { return v == 0x061C || v == 0x200E || v == 0x200F } // ALM, LRM, RLM
        if v <= 0x202E { return true }                    // LS, PS and the bidi embeddings/overrides
        if (0x2066...0x2069).contains(v) { return true }  // the bidi isolates
        return false
    }

    /// `text` with every unsafe character replaced by its escape; `asciiOnly` also escapes every
    /// non-ASCII character (for a terminal whose locale is not UTF-8).
    public static func sanitize(_ text: String, keepLayout: Bool = true, asciiOnly: Bool = false) -> String {
        // Fast path: nothing to change (the usual case), no copy.
        if !text.unicodeScalars.contains(where: { isUnsafe($0, keepLayout: keepLayout) || (asciiOnly && $0.value > 0x7E) }) {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar, keepLayout: keepLayout) || (asciiOnly && scalar.value > 0x7E) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The visible form of one character: `\x1b` for C0 and DEL, `\u202e` above.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        let hex = String(v, radix: 16)
        if v < 0x80 { return "\\x" + (hex.count < 2 ? "0" : "") + hex }
        if v <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\u{" + hex + "}"
    }

    /// Whether the current locale (after `setlocale(LC_ALL, "")`) encodes UTF-8.
    public static var localeIsUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return true }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
