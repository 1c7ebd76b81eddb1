import Estimation
import SurveyData

/// How factor indicators (`educ=3`) are labelled in a table.
public enum FactorLabelStyle: String, Sendable, CaseIterable {
    /// A row with the variable label (and reference category), then indented value labels.
    case grouped
    /// "Education: Bachelor or above" on each row.
    case combined
    /// Only the value label ("Bachelor or above").
    case valueOnly
}

/// Turns formula terms into human labels from the codebook, in Chinese or English. Terms the
/// codebook does not know keep their formula name, so nothing is ever unlabelled.
public struct TermLabeler: Sendable {
    public var codebook: Codebook?
    public var language: Language

    public init(codebook: Codebook?, language: Language) {
        self.codebook = codebook; self.language = language
    }

    /// The variable's label, or its name.
    public func variableLabel(_ name: String) -> String {
        codebook?.variable(name)?.label(language) ?? name
    }

    /// The value label of `code` for `variable`, or the code.
    public func valueLabel(_ variable: String, _ code: Double) -> String {
        codebook?.variable(variable)?.valueLabel(for: code)?.label(language) ?? formatCode(code)
    }

    /// A value label fit for a column heading: the label when it is at most `cells` (18) wide,
    /// else the value's short name (`junior` for "junior worker (national vocational
    /// qualification level 5)"), else the label clipped.
    public func shortValueLabel(_ variable: String, _ code: Double, cells: Int = 18) -> String {
        let full = valueLabel(variable, code)
        if TextWidth.width(full) <= cells { return full }
        if let name = codebook?.variable(variable)?.valueLabel(for: code)?.name, TextWidth.width(name) <= cells {
            return name
        }
        return TextWidth.clip(full, to: cells, ellipsis: true)
    }

    /// Splits a term into (variable, level): uses the coefficient's own fields when present,
    /// otherwise parses `var=code` and strips Stata prefixes (`c.age`, `i.educ`).
    public func parse(term: String, variable: String? = nil, level: Double? = nil) -> (variable: String?, level: Double?) {
        if let variable { return (variable, level) }
        if term == "_cons" || term.contains("#") { return (nil, nil) }
        if let eq = term.firstIndex(of: "=") {
            let name = stripPrefix(String(term[..<eq]))
            return (name, Double(term[term.index(after: eq)...]))
        }
        // An interaction's factor at a level, Stata style: `2.industry`, `-1.x`, `1.5.x`.
        if let dot = term.lastIndex(of: "."), let code = Double(term[..<dot]) {
            return (String(term[term.index(after: dot)...]), code)
        }
        return (stripPrefix(term), nil)
    }

    /// A label for a coefficient term with factor levels shown as `style` asks (`grouped`
    /// gives the value label alone; the caller adds the group row).
    public func label(term: String, variable: String? = nil, level: Double? = nil,
                      style: FactorLabelStyle = .combined) -> String {
        if term == "_cons" { return ReportText.constant(language) }
        if term.contains("#") {
            // Interaction: label each factor of the product.
            return term.split(separator: "#").map { label(term: String($0), style: .combined) }
                .joined(separator: " # ")
        }
        let (name, code) = parse(term: term, variable: variable, level: level)
        guard let name else { return term }
        guard codebook?.variable(name) != nil else { return term }
        if let code {
            switch style {
            case .grouped, .valueOnly: return valueLabel(name, code)
            case .combined: return variableLabel(name) + ReportText.labelSeparator(language) + valueLabel(name, code)
            }
        }
        return variableLabel(name)
    }

    /// `cut1` → "Cutpoint 1" / "阈值点 1".
    public func cutpointLabel(_ term: String) -> String {
        let digits = term.drop { !$0.isNumber }
        return digits.isEmpty ? term : ReportText.cutpoint(String(digits), language)
    }

    /// The heading of a factor group: variable label and, when known, its reference category
    /// (the labelled level without an indicator among `levels`, or the codebook's base).
    public func groupHeading(variable: String, levels: [Double]) -> String {
        var heading = variableLabel(variable)
        if let info = codebook?.variable(variable) {
            let missing = info.values.map(\.code).filter { !levels.contains($0) && !info.missingCodes.contains($0) }
            let base = missing.count == 1 ? missing[0] : info.base
            if let base { heading += ReportText.reference(valueLabel(variable, base), language) }
        }
        return heading
    }

    private func stripPrefix(_ s: String) -> String {
        for prefix in ["c.", "i.", "o."] where s.hasPrefix(prefix) { return String(s.dropFirst(2)) }
        if s.hasPrefix("ib"), let dot = s.firstIndex(of: ".") { return String(s[s.index(after: dot)...]) }
        return s
    }
}
