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
        defaultTerm(name, info: measuredInfo(name, in: dataset, spec: spec))
    }

    /// The key regressor as it is written inside an interaction with a control (`KEY##TERM`):
    /// as `ModelLineup` enters it (`FormulaTerms.term(for:name:)`), so the formula names it one
    /// way only — a bare key (a 0/1 `union`) becomes `c.union`, since a bare name inside `##`
    /// is a factor and `union + i.union##…` is refused as naming one variable two ways.
    public static func interactionKeyTerm(_ name: String, in dataset: Dataset, spec: Specification) -> String {
        let term = FormulaTerms.term(for: measuredInfo(name, in: dataset, spec: spec), name: name)
        return term == name ? "c.\(name)" : term
    }

    /// `name`'s codebook entry with the specification's measure override applied.
    static func measuredInfo(_ name: String, in dataset: Dataset, spec: Specification) -> VariableInfo? {
        var info = dataset.info(name)
        if let measure = spec.measures[name] {
            if info == nil { info = VariableInfo(name: name, type: measure) } else { info!.type = measure }
        }
        return info
    }
}
