import Foundation
import SurveyData

/// Term-level helpers for building formulas from roles (the explorer's planner, lesson steps).
public enum FormulaTerms {
    /// The dataset variable a term names: `ib3.educ` → `educ`, `c.age` → `age`, `male` → `male`.
    /// For an interaction (`i.union#c.age`, `c.age##c.age`) its first variable.
    public static func variable(of term: String) -> String {
        if term.contains("#") || term.contains("(") { return variables(of: term).first ?? term }
        guard let dot = term.firstIndex(of: ".") else { return term }
        let prefix = term[..<dot]
        let isOperator = prefix == "c" || prefix == "i"
            || (prefix.hasPrefix("ib") && prefix.dropFirst(2).allSatisfy { $0.isNumber || $0 == "n" })
        return isOperator ? String(term[term.index(after: dot)...]) : term
    }

    /// Terms of a list split at `separators` outside parentheses, trimmed, empty ones dropped:
    /// a group (`i.union##(c.age + i.educ)`) stays one term.
    public static func split(_ text: String, at separators: Set<Character> = ["+"]) -> [String] {
        var terms: [String] = [], current = "", depth = 0
        for c in text {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) }
            if depth == 0 && separators.contains(c) { terms.append(current); current = "" } else { current.append(c) }
        }
        terms.append(current)
        return terms.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Every dataset variable a term names, in order: `i.union##(c.age i.educ)` → union, age, educ.
    /// A term that does not parse gives what `variable(of:)` reads from its text.
    public static func variables(of term: String) -> [String] {
        guard let formula = try? Formula.parse("_ ~ " + term) else {
            return [term.contains("#") || term.contains("(") ? term : variable(of: term)]
        }
        return Array(formula.variables.dropFirst())
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
