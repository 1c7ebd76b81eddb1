import Reports
import SurveyData

/// Marks the rows a step tells the class to look at (its `highlight:` items) with `>> ` before
/// the row label, so the handout points at the same numbers the explorer highlights.
enum StepHighlights {
    static let marker = ">> "

    static func mark(_ tables: [Table], highlights: [String], codebook: Codebook, language: Language) -> [Table] {
        guard !highlights.isEmpty else { return tables }
        let labeler = TermLabeler(codebook: codebook, language: language)
        var exact = Set<String>(), prefixes: [String] = []
        for item in highlights {
            if let p = mediationPrefixes[item] { prefixes += p; continue }
            if item.hasPrefix("cut"), Int(item.dropFirst(3)) != nil { exact.insert(labeler.cutpointLabel(item)); continue }
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2, let code = Double(parts[1]) {
                exact.insert(labeler.valueLabel(parts[0], code))
            } else {
                exact.insert(labeler.variableLabel(item))
            }
        }
        return tables.map { table in
            var table = table
            for i in table.rows.indices {
                guard var first = table.rows[i].cells.first, !first.text.isEmpty else { continue }
                if exact.contains(first.text) || prefixes.contains(where: { first.text.hasPrefix($0) }) {
                    first.text = marker + first.text
                    table.rows[i].cells[0] = first
                }
            }
            return table
        }
    }

    /// Row labels of the mediation summary, by highlight name (both languages).
    static let mediationPrefixes: [String: [String]] = [
        "a": ["a: ", "a："], "b": ["b: ", "b："], "c": ["c: ", "c："], "cprime": ["c′"],
        "indirect": ["a·b (", "a·b（"], "share": ["a·b/"], "khb": ["KHB"], "acme": ["ACME"], "ade": ["ADE"],
        "total": ["total effect", "总效应"], "propmed": ["proportion mediated", "中介比例"],
        "rho": ["ρ"], "verdict": ["Baron–Kenny"],
    ]
}
