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

    @OptionGroup var surveyOptions: SurveyOptions

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
            let design = try surveyOptions.design(for: dataset)
            if design != nil, weightOption.fweight != nil { throw CLIError(SurveyCLIText.weightWithDesign.text(language)) }
            var notes = dataOptions.conditionNotes
            let descriptions: [VariableDescription]
            if let design {
                let designVariables = Set(design.variables)
                let shown = variables.isEmpty ? names.filter { !designVariables.contains($0) } : names
                descriptions = try SurveyDescriptives.describe(rows, variables: shown, design: design, subpop: surveyOptions.subpop)
                notes.append(SurveyReportText.describeNote(design, subpop: surveyOptions.subpop, language))
                if dataOptions.condition != nil { notes.append(EstimationNote.ifChangesDesign.text(language)) }
            } else {
                descriptions = try DescriptiveStatistics.describe(rows, variables: names,
                                                                  frequencyWeight: weightOption.fweight)
            }
            let notice = try dataOptions.notice(dataset)
            if format == .json {
                emit(DescribeTable.json(descriptions, codebook: dataset.codebook, language: language,
                                        notice: notice, design: design, subpop: surveyOptions.subpop).serialized() + "\n")
                return
            }
            let table = DescribeTable.build(descriptions, codebook: dataset.codebook, language: language,
                                            notes: notes)
            emit(renderWithNotice(table, format: format, notice: notice))
        }
    }
}
