import SurveyData

/// Term-level helpers for building formulas from roles (the explorer's planner, lesson steps).
public enum FormulaTerms {
    /// The dataset variable a term names: `ib3.educ` → `educ`, `c.age` → `age`, `male` → `male`.
    public static func variable(of term: String) -> String {
        guard let dot = term.firstIndex(of: ".") else { return term }
        let prefix = term[..<dot]
        let isOperator = prefix == "c" || prefix == "i"
            || (prefix.hasPrefix("ib") && prefix.dropFirst(2).allSatisfy { $0.isNumber || $0 == "n" })
        return isOperator ? String(term[term.index(after: dot)...]) : term
    }

    /// How a variable enters a formula when nothing else says: `c.` for continuous variables,
    /// `i.` for categorical or ordinal ones with more than two labelled levels, else the bare name.
    public static func term(for info: VariableInfo?, name: String) -> String {
        switch info?.type {
        case .continuous?: return "c.\(name)"
        case .categorical?, .ordinal?:
            return info.map { $0.values.count > 2 } ?? false ? "i.\(name)" : name
        default: return name
        }
    }
}
