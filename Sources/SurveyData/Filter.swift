/// Stata-style `if` expressions selecting a subsample, e.g.
/// `male == 1 & inrange(age, 20, 40) & industry == "secondary" & !missing(union)`.
///
/// Numbers, variable names, `"strings"` (a value label of the variable they are compared with),
/// `== != ~= < <= > >=`, `+ - * / ^`, `&`, `|`, `!`/`~`, parentheses, `inlist(v, a, b, …)`,
/// `inrange(v, a, b)`, `missing(v, …)` and the missing literals `.` and `.a`–`.z`. Missing values follow Stata:
/// they compare as larger than every number (see `FilterEvaluator`). The text is parsed and checked
/// once; `mask(on:)` then evaluates whole columns, cheap enough to run on every keystroke.
public struct Filter: Sendable {
    public let text: String
    let program: FilterProgram
    /// The variables the expression reads.
    public let variables: [String]

    /// Parses `text`; names and value labels are checked against `codebook`/`variables`.
    public init(_ text: String, dataset: Dataset) throws {
        self.text = text
        let syntax = try FilterParser.parse(text)
        program = try FilterResolver(text: text, dataset: dataset).resolve(syntax)
        variables = program.variables
    }

    /// One Bool per row of `dataset`.
    public func mask(on dataset: Dataset) throws -> [Bool] {
        let evaluator = FilterEvaluator(dataset: dataset, rows: dataset.rowCount)
        return evaluator.mask(try evaluator.evaluate(program))
    }
}
