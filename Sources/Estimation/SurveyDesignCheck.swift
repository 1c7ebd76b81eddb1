import SurveyData

extension SurveyDesign {
    /// Checks the design on every row of `data` that has its variables, before anything is
    /// fitted: the weight is never negative and somewhere positive, PSUs nest in strata (or
    /// `nest`), the fpc is constant within strata, positive and not below the sampled PSUs.
    /// The explorer's `D` prompt calls it so that a bad design is refused there, in one line,
    /// instead of being accepted and then failing in every model column. Zero weights are
    /// allowed (their rows leave the estimation, as Stata's).
    public func check(on data: Dataset, language: Language = .en) throws(EstimationError) {
        let sample = try EstimationSample(data: data, condition: nil, variables: variables)
        var rows = (0..<data.rowCount).filter { sample.keep[$0] }
        if let name = weight, let w = data.column(name)?.values {
            if let i = rows.first(where: { w[$0] < 0 }) {
                throw .invalidModel(SurveyText.negativeWeight(name, value: w[i], row: i + 1).text(language))
            }
            rows = rows.filter { w[$0] > 0 }
            guard !rows.isEmpty else { throw .invalidModel(SurveyText.noPositiveWeight(name).text(language)) }
        }
        _ = try SurveyStructure(design: self, subpop: nil, data: data, designRows: rows, estimationRows: rows,
                                weights: nil, language: language)
    }
}
