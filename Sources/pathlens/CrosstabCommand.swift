import ArgumentParser
import Estimation
import Reports
import SurveyData

/// `pathlens crosstab ROW COL`: counts, percentages and association statistics (Table 2).
struct Crosstab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosstab",
        abstract: "Two-way table with chi2, Cramer's V, gamma and Kendall's tau-b.")

    @Argument(help: ArgumentHelp("Row variable.", valueName: "row"))
    var row: String

    @Argument(help: ArgumentHelp("Column variable.", valueName: "col"))
    var column: String

    @OptionGroup var dataOptions: DataOptions

    @OptionGroup var weightOption: FrequencyWeightOption

    @Option(parsing: .unconditional, help: ArgumentHelp("text, md, csv or json.", valueName: "format"))
    var format: String = "text"

    @Option(parsing: .unconditional, help: ArgumentHelp("Percentages: col, row or none.", valueName: "col|row|none"))
    var percent: String = "col"

    func run() throws {
        try reportingErrors {
            let format = try parseFormat(self.format, allowed: [.text, .md, .csv, .json])
            let percent: CrosstabPercent = try parseChoice(self.percent, option: "--percent")
            let language = try dataOptions.language
            let dataset = try dataOptions.load(fweight: weightOption.fweight)
            try dataOptions.requireVariables([row, column], in: dataset)
            let rows = try dataOptions.subsample(dataset)
            let table = try CrossTabulation(rows, row: row, column: column, frequencyWeight: weightOption.fweight)
            let notice = try dataOptions.notice(dataset)
            if format == .json {
                emit(CrosstabTable.json(table, codebook: dataset.codebook, language: language,
                                        notice: notice).serialized() + "\n")
                return
            }
            let rendered = CrosstabTable.build(table, codebook: dataset.codebook, language: language,
                                               percent: percent, notes: dataOptions.conditionNotes)
            emit(renderWithNotice(rendered, format: format, notice: notice))
        }
    }
}
