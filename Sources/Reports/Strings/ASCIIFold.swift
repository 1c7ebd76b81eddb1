/// The ASCII form of every non-ASCII symbol the screens and tables use, for a terminal whose
/// locale is not UTF-8 (`ρ` → `rho`, `′` → `'`, `·` → `*`, `—` → `-`, `→` → `->`). Text is
/// folded before it is laid out, so columns stay aligned; anything left over becomes `?`.
public enum ASCIIFold {
    static let symbols: [Character: String] = [
        "ρ": "rho", "σ": "sigma", "θ": "theta", "γ": "gamma", "τ": "tau", "χ": "chi", "β": "b", "α": "alpha",
        "Δ": "d", "δ": "d", "μ": "mu", "π": "pi", "Σ": "sum", "Φ": "Phi",
        "′": "'", "″": "''", "’": "'", "‘": "'", "“": "\"", "”": "\"",
        "·": "*", "×": "x", "÷": "/", "−": "-", "–": "-", "—": "-", "…": "...",
        "→": "->", "←": "<-", "†": "!", "↑": "^", "↓": "v", "⇒": "=>",
        "≥": ">=", "≤": "<=", "≠": "!=", "≈": "~", "±": "+/-", "√": "sqrt",
        "²": "2", "³": "3", "¹": "1", "₀": "0", "₁": "1", "₂": "2", "ⱼ": "j", "ᵢ": "i",
        "°": " deg", "%": "%", "é": "e", "ö": "o", "ü": "u", "ä": "a", "Ö": "O", "É": "E",
        "\u{00A0}": " ",
    ]

    /// `text` with each known symbol replaced by its ASCII form; other non-ASCII characters are
    /// kept (the screen's last pass shows them as `?`).
    public static func fold(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value > 0x7e }) else { return text }
        var out = ""
        for ch in text {
            if let ascii = symbols[ch] { out += ascii } else { out.append(ch) }
        }
        return out
    }

    /// Every cell, header, title and note of `table` folded.
    public static func fold(_ table: Table) -> Table {
        var t = table
        t.title = t.title.map(fold)
        t.headers = t.headers.map { $0.map(fold) }
        t.rows = t.rows.map { TableRow($0.cells.map(fold), kind: $0.kind) }
        t.notes = t.notes.map(fold)
        return t
    }

    static func fold(_ cell: Cell) -> Cell {
        var c = cell
        c.text = fold(c.text)
        return c
    }
}
