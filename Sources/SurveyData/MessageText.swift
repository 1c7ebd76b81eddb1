/// Helpers that keep error messages on one line and readable: user text is shown with line breaks
/// escaped and cut short; long lists are cut with a count of what was left out.
enum MessageText {
    static func quote(_ text: String, limit: Int = 60) -> String {
        var cut = text
        if cut.count > limit { cut = String(cut.prefix(limit)) + "…" }
        return "'\(escapingControls(cut))'"
    }

    /// Line breaks as `\r`/`\n`, every other control character and bidi override as `\u{…}`, so
    /// echoed user text cannot drive the terminal.
    static func escapingControls(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x0A { out += "\\n"; continue }
            if v == 0x0D { out += "\\r"; continue }
            if scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                out += "\\u{" + String(v, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func list(_ items: [String], limit: Int = 12) -> String {
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
