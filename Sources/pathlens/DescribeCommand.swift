import ArgumentParser
import Estimation
import Reports
import SurveyData

/// `pathlens describe [VARS…]`: Table-1 style descriptive statistics.
struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Counts and percentages per category; mean, sd, min, max for continuous variables.")

    @Argument(help: ArgumentHelp("Variables to describe (default: all).", valueName: "var"))
    var variables: [String] = []

    @OptionGroup var dataOptions: DataOptions

    @OptionGroup var weightOption: FrequencyWeightOption

    @Option(parsing: .unconditional, help: ArgumentHelp("text, md, csv or json.", valueName: "format"))
    var format: String = "text"

    func run() throws {
        try reportingErrors {
            let format = try parseFormat(self.format, allowed: [.text, .md, .csv, .json])
            let language = try dataOptions.language
            let dataset = try dataOptions.load(fweight: weightOption.fweight)
            try dataOptions.requireVariables(variables, in: dataset)
            let rows = try dataOptions.subsample(dataset)
            let names = variables.isEmpty ? dataset.variableNames.filter { $0 != weightOption.fweight } : variables
            let descriptions = try DescriptiveStatistics.describe(rows, variables: names,
                                                                  frequencyWeight: weightOption.fweight)
            let notice = try dataOptions.notice(dataset)
            if format == .json {
                emit(DescribeTable.json(descriptions, codebook: dataset.codebook, language: language,
                                        notice: notice).serialized() + "\n")
                return
            }
            let table = DescribeTable.build(descriptions, codebook: dataset.codebook, language: language,
                                            notes: dataOptions.conditionNotes)
            emit(renderWithNotice(table, format: format, notice: notice))
        }
    }
}
