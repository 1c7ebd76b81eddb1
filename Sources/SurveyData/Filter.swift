/// Stata-style `if` expressions selecting a subsample.
public struct Filter: Sendable {
    public let text: String

    /// Parses `text`; names and value labels are checked against `codebook`/`variables`.
    public init(_ text: String, dataset: Dataset) throws {
        self.text = text
        throw SurveyDataError.filter(expression: text, column: 1, message: "filters are not implemented yet")
    }

    /// One Bool per row of `dataset`.
    public func mask(on dataset: Dataset) throws -> [Bool] {
        Array(repeating: true, count: dataset.rowCount)
    }
}
