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

    @OptionGroup var surveyOptions: SurveyOptions

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
            // Under a survey design: the Rao–Scott corrected test (Stata's svy: tabulate).
            let design = try surveyOptions.design(for: dataset)
            if design != nil, weightOption.fweight != nil { throw CLIError(SurveyCLIText.weightWithDesign.text(language)) }
            var notes = dataOptions.conditionNotes
            var raoScott: RaoScott? = nil
            if let design {
                raoScott = try RaoScott.test(rows, row: row, column: column, design: design, subpop: surveyOptions.subpop)
                notes.append(SurveyReportText.raoScottNote(raoScott, design: design, subpop: surveyOptions.subpop, language))
                if dataOptions.condition != nil { notes.append(EstimationNote.ifChangesDesign.text(language)) }
            }
            let notice = try dataOptions.notice(dataset)
            if format == .json {
                var json = CrosstabTable.json(table, codebook: dataset.codebook, language: language, notice: notice)
                if let design, case .object(var members) = json {
                    members.append(("design", .object([("psu", .string(design.psu)), ("strata", .string(design.strata)),
                                                       ("weight", .string(design.weight)), ("fpc", .string(design.fpc))])))
                    members.append(("subpop", .string(surveyOptions.subpop)))
                    members.append(("rao_scott", raoScott.map { t in
                        .object([("f", .number(t.f)), ("ndf", .number(t.ndf)), ("ddf", .number(t.ddf)), ("p", .number(t.p))])
                    } ?? .null))
                    json = .object(members)
                }
                emit(json.serialized() + "\n")
                return
            }
            let rendered = CrosstabTable.build(table, codebook: dataset.codebook, language: language,
                                               percent: percent, notes: notes)
            emit(renderWithNotice(rendered, format: format, notice: notice))
        }
    }
}
