import SurveyData

/// Formula-term helpers shared by the variables pane and the model planner.
enum Terms {
    /// The dataset variable a term names: `ib3.educ` → `educ`, `c.age` → `age`, `male` → `male`.
    static func variable(of term: String) -> String {
        guard let dot = term.firstIndex(of: ".") else { return term }
        let prefix = term[..<dot]
        let isOperator = prefix == "c" || prefix == "i" || (prefix.hasPrefix("ib") && prefix.dropFirst(2).allSatisfy { $0.isNumber || $0 == "n" })
        return isOperator ? String(term[term.index(after: dot)...]) : term
    }

    /// How a variable enters a formula when no codebook group says otherwise.
    static func term(for info: VariableInfo?, name: String) -> String {
        switch info?.type {
        case .continuous?: return "c.\(name)"
        case .categorical?, .ordinal?:
            return info.map { $0.values.count > 2 } ?? false ? "i.\(name)" : name
        default: return name
        }
    }
}
