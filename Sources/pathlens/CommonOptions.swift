import ArgumentParser
import Foundation
import Reports
import StudyReplica
import SurveyData

/// Options shared by every command that reads a dataset: where it comes from, which rows and the
/// label language. The frequency weight is its own group (`FrequencyWeightOption`), so that
/// `help mediate`, which takes no weight, does not list it.
struct DataOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "Dataset file: .csv (with NAME.codebook.json beside it when available), .dta or .sav.",
        discussion: "Default: the embedded synthetic replica of the Dalian 2022 survey.",
        valueName: "file"))
    var data: String?

    @Option(name: .customLong("if"), parsing: .unconditional, help: ArgumentHelp(
        "Stata-style condition selecting rows, e.g. 'male == 1 & inrange(age, 20, 40)'.",
        valueName: "expr"))
    var condition: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Label language: en or zh.", valueName: "en|zh"))
    var lang: String = "en"

    var language: Language {
        get throws { try parseChoice(lang, option: "--lang") }
    }

    /// The file the data comes from (the embedded dataset when --data is not given).
    var path: String { data ?? EmbeddedData.csvPath }

    /// Loads the dataset; tells stderr when its codebook was inferred rather than read, and checks
    /// that the frequency-weight variable (if any) exists.
    func load(fweight: String? = nil) throws -> Dataset {
        if data == nil { _ = try EmbeddedData.requireCSV(alternative: "pass --data FILE") }
        let dataset = try DatasetLoader.load(path: path)
        if dataset.codebook.inferred {
            printError("note: \(path): \(Codebook.inferredNote)")
        }
        // How the file was read (missing tokens, a column read as text, the delimiter…).
        for note in dataset.notes where note != Codebook.inferredNote { printError("note: \(path): \(note)") }
        if let fweight, dataset.column(fweight) == nil {
            throw CLIError("unknown variable '\(fweight)' in --fweight (dataset \(dataset.name))")
        }
        return dataset
    }

    /// The rows selected by --if (all rows without it); an empty selection is an error.
    func subsample(_ dataset: Dataset) throws -> Dataset {
        guard let condition else { return dataset }
        let mask = try Filter(condition, dataset: dataset).mask(on: dataset)
        guard mask.contains(true) else { throw CLIError("no observations satisfy --if '\(condition)'") }
        return dataset.subset(mask)
    }

    /// Fails with one line naming the first of `names` that the dataset lacks.
    func requireVariables(_ names: [String], in dataset: Dataset) throws {
        for name in names where dataset.column(name) == nil {
            throw CLIError("unknown variable '\(name)' (dataset \(dataset.name))")
        }
    }

    /// The table note recording the row selection ("if …"); none without --if.
    var conditionNotes: [String] {
        condition.map { ["if " + $0] } ?? []
    }

    /// The dataset's notice (the synthetic-data notice) in the chosen language.
    func notice(_ dataset: Dataset) throws -> String? {
        try dataset.codebook.notice(language)
    }
}

/// `--fweight` for the commands that take a frequency weight (fit, describe, crosstab).
struct FrequencyWeightOption: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Frequency-weight variable (non-negative integers).", valueName: "var"))
    var fweight: String?
}

/// Parses an option value among a fixed set, with a one-line error listing the choices
/// (ArgumentParser's own message for a bad enum value spans several lines).
func parseChoice<T: RawRepresentable & CaseIterable>(_ text: String, option: String) throws -> T
where T.RawValue == String {
    if let value = T(rawValue: text.lowercased()) { return value }
    let choices = T.allCases.map(\.rawValue).joined(separator: ", ")
    throw CLIError("invalid value '\(text)' for \(option) (expected one of: \(choices))")
}

/// Parses --format among the formats a command can write (not every command renders every format).
func parseFormat(_ text: String, allowed: [OutputFormat]) throws -> OutputFormat {
    let format: OutputFormat = try parseChoice(text, option: "--format")
    guard allowed.contains(format) else {
        let choices = allowed.map(\.rawValue).joined(separator: ", ")
        throw CLIError("invalid value '\(text)' for --format (expected one of: \(choices))")
    }
    return format
}

/// Runs a command body so that any error reaches the user as one line: ArgumentParser prints
/// `Error: <message>` and exits 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CLIError {
        throw error
    } catch {
        let text = String(describing: error)
        throw CLIError(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }
}

/// One line on stderr (a note), through the one writer (`Output`).
func printError(_ line: String) {
    Output.errorLine(line)
}

/// Writes rendered output without adding a newline of its own, through the one writer (`Output`).
func emit(_ text: String) {
    Output.out(text)
}

/// `print` for the bench reports, through the one writer (`Output`), so that a failed write is
/// reported instead of lost in stdio's buffer.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Output.out(items.map { "\($0)" }.joined(separator: separator) + terminator)
}

/// A table in the requested format, with the dataset notice placed as each format expects:
/// a line above a text table, a note in Markdown/LaTeX, on stderr for CSV (which stays data).
func renderWithNotice(_ table: Table, format: OutputFormat, notice: String?) -> String {
    var table = table
    switch format {
    case .text:
        return (notice.map { $0 + "\n" } ?? "") + format.render(table)
    case .md, .latex:
        if let notice { table.notes.append(notice) }
        return format.render(table)
    case .csv:
        if let notice { printError("note: \(notice)") }
        return format.render(table)
    case .json:
        return format.render(table)
    }
}
