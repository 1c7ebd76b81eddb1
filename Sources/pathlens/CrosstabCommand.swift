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

    @Option(help: ArgumentHelp("text, md, csv or json.", valueName: "format"))
    var format: String = "text"

    @Option(help: ArgumentHelp("Percentages: col, row or none.", valueName: "col|row|none"))
    var percent: String = "col"

    func run() throws {
        try reportingErrors {
            let format: OutputFormat = try parseChoice(self.format, option: "--format")
            guard format != .latex else { throw CLIError("invalid value 'latex' for --format (expected one of: text, md, csv, json)") }
            let percent: CrosstabPercent = try parseChoice(self.percent, option: "--percent")
            let language = try dataOptions.language
            let dataset = try dataOptions.load()
            for name in [row, column] where dataset.column(name) == nil {
                throw CLIError("unknown variable '\(name)' (dataset \(dataset.name))")
            }
            let rows = try dataOptions.subsample(dataset)
            let table = try CrossTabulation(rows, row: row, column: column, frequencyWeight: dataOptions.fweight)
            let notice = try dataOptions.notice(dataset)
            if format == .json {
                emit(CrosstabTable.json(table, codebook: dataset.codebook, language: language,
                                        notice: notice).serialized() + "\n")
                return
            }
            var notes: [String] = []
            if let condition = dataOptions.condition { notes.append("if " + condition) }
            let rendered = CrosstabTable.build(table, codebook: dataset.codebook, language: language,
                                               percent: percent, notes: notes)
            emit(renderWithNotice(rendered, format: format, notice: notice))
        }
    }
}
