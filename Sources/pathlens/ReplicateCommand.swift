import ArgumentParser
import Foundation
import Reports
import StudyReplica
import SurveyData

/// `pathlens replicate`: re-runs the reference study's whole analysis (Tables 1–5, the marginal
/// effects and the indirect-effect share quoted in its text) on the embedded replica and prints
/// each published number beside the replicated one.
struct Replicate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replicate",
        abstract: "Re-run the Dalian 2022 study on the embedded replica and compare with the published numbers.",
        discussion: """
        The published numbers are read from ../shared/reference/dalian2022_published.json beside the
        repository, or from the file named by $PATHLENS_REFERENCE.

        Examples:
          pathlens replicate
          pathlens replicate --lang zh --format md
          pathlens replicate --format json
        """)

    @Option(parsing: .unconditional, help: ArgumentHelp("text, md or json.", valueName: "format"))
    var format: String = "text"

    @Option(parsing: .unconditional, help: ArgumentHelp("Label language: en or zh.", valueName: "en|zh"))
    var lang: String = "en"

    @Option(parsing: .unconditional, help: ArgumentHelp("Dataset to replicate on (default: the embedded replica).", valueName: "file"))
    var data: String?

    func run() throws {
        try reportingErrors {
            let format = try parseFormat(self.format, allowed: [.text, .md, .json])
            let language: Language = try parseChoice(lang, option: "--lang")
            let published = try PublishedStudy.load()
            let path = try data ?? EmbeddedData.requireCSV(alternative: "pass --data FILE")
            let dataset = Self.withStudyValueNames(try DatasetLoader.load(path: path))
            let replication: Replication
            do {
                replication = try Replication.run(data: dataset, published: published)
            } catch {
                throw CLIError("\(path): cannot replicate the study on this dataset: \(error)")
            }
            if format == .json {
                emit(ReplicationReport.json(replication, language: language).serialized() + "\n")
            } else {
                emit(ReplicationReport.render(replication, format: format, language: language))
            }
        }
    }

    /// A `.dta` or `.sav` carries value labels but not the codebook's value names (`no_grade`),
    /// by which the published tables name their categories; they are taken from the study's
    /// codebook for the same variable and code, so `--data data/dalian2022.dta` replicates
    /// as the CSV does. Names the file has are kept.
    static func withStudyValueNames(_ dataset: Dataset) -> Dataset {
        var dataset = dataset
        for (i, variable) in dataset.codebook.variables.enumerated() {
            guard let study = DalianCodebook.codebook.variable(variable.name) else { continue }
            for (j, value) in variable.values.enumerated() where value.name == nil {
                dataset.codebook.variables[i].values[j].name = study.values.first { $0.code == value.code }?.name
            }
        }
        return dataset
    }
}
