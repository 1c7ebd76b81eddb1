/// Helpers that keep error messages on one line and readable: user text is shown with line breaks
/// escaped and cut short; long lists are cut with a count of what was left out. Control and bidi
/// characters are shown by `TerminalText` (`\x1b`, `\u202e`), line breaks as `\n` and `\r`.
public enum MessageText {
    public static func quote(_ text: String, limit: Int = 60) -> String {
        var shown = text
        if shown.count > limit { shown = String(shown.prefix(limit)) + "…" }
        shown = TerminalText.sanitize(shown.replacingOccurrences(of: "\r", with: "\\r")
                                          .replacingOccurrences(of: "\n", with: "\\n"), keepLayout: false)
        return "'\(shown)'"
    }

    public static func list(_ items: [String], limit: Int = 12) -> String {
        let shown = items.prefix(limit).map { quote($0, limit: 30).dropFirst().dropLast() }.joined(separator: ", ")
        return items.count > limit ? shown + ", … (\(items.count - limit) more)" : shown
    }

    /// A character as it should appear in a message: control characters as `U+XXXX`.
    static func character(_ c: Character) -> String {
        let shown = c.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? "U+" + String(scalar.value, radix: 16, uppercase: true)
                                                          : String(scalar)
        }.joined()
        return "'\(shown)'"
    }
}
