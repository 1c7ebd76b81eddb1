import SurveyData
import Estimation

/// How the explorer enters a variable as a control when the user switches it on (Space, the
/// variable editor's role or entry default) and no codebook control group writes its term.
///
/// A binary control enters as `i.VAR`: since a bare 0/1 regressor gets the derivative in the
/// margins (Stata's `margins, dydx(*)`), the factor operator is what keeps a binary control's
/// margin a discrete change 0 → 1, as Stata users write it. Its coefficient is the same column
/// either way. Other measures follow `FormulaTerms.term(for:name:)`: `c.` for continuous, `i.`
/// for categorical or ordinal variables of more than two labelled levels.
public enum ControlEntry {
    /// The term `name` enters as, with `info`'s measure (the codebook's, or the user's override).
    public static func defaultTerm(_ name: String, info: VariableInfo?) -> String {
        if info?.type == .binary { return "i.\(name)" }
        return FormulaTerms.term(for: info, name: name)
    }

    /// The same with the measure the specification gives `name` (its `measures` override, else
    /// the codebook's type).
    public static func defaultTerm(_ name: String, in dataset: Dataset, spec: Specification) -> String {
        var info = dataset.info(name)
        if let measure = spec.measures[name] {
            if info == nil { info = VariableInfo(name: name, type: measure) } else { info!.type = measure }
        }
        return defaultTerm(name, info: info)
    }
}
