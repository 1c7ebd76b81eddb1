import ArgumentParser
import Foundation
import StudyReplica

/// `pathlens synth dalian2022 --seed N --out DIR`: regenerates the embedded synthetic replica
/// (CSV + codebook + Stata .dta). With the default seed it reproduces the shipped `data/` files.
struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate the synthetic replica of the Dalian 2022 worker survey (CSV, codebook, .dta).",
        discussion: """
            The replica is calibrated to the paper's published tables: Tables 1 and 2 hold exactly, \
            Models 1-10 re-estimate close to the published coefficients. It is not the survey's \
            microdata. The shipped data/ was made with the default seed (\(DalianGenerator.defaultSeed)); \
            the calibration holds for that seed only (see data/README.md).
            """)

    @Argument(help: ArgumentHelp("Which study to generate (only 'dalian2022').", valueName: "study"))
    var study: String = "dalian2022"

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed of the random generator.", valueName: "n"))
    var seed: UInt64 = DalianGenerator.defaultSeed

    @Option(parsing: .unconditional, help: ArgumentHelp("Directory to write the files into (created if missing).", valueName: "dir"))
    var out: String = "data"

    @Option(parsing: .unconditional, help: ArgumentHelp("Generator parameters as JSON (calibration only; default: the calibrated values).",
                               valueName: "file"))
    var parameters: String?

    func run() throws {
        try reportingErrors {
            guard study == "dalian2022" else {
                throw CLIError("unknown study '\(study)' (expected: dalian2022)")
            }
            var values = DalianParameters.calibrated
            if let path = parameters {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CLIError("\(path): cannot read the parameters file")
                }
                do {
                    values = try JSONDecoder().decode(DalianParameters.self, from: data)
                } catch let error as DecodingError {
                    throw CLIError("\(path): not a valid parameters file: \(Self.describe(error))")
                } catch {
                    throw CLIError("\(path): not a valid parameters file: malformed JSON")
                }
            }
            let paths = try DalianReplica.write(to: out, seed: seed, parameters: values)
            for path in paths { emit("wrote \(path)\n") }
            if seed != DalianGenerator.defaultSeed || parameters != nil {
                printError("note: calibrated for seed \(DalianGenerator.defaultSeed) with the built-in parameters; other seeds match Tables 1-2 exactly but the models only roughly")
            }
        }
    }

    /// One line naming the JSON key at fault.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .keyNotFound(key, context):
            let at = path(context.codingPath)
            return "missing key '\(key.stringValue)'" + (at.isEmpty ? "" : " in \(at)")
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "wrong type at \(path(context.codingPath))"
        case let .dataCorrupted(context):
            return context.codingPath.isEmpty ? "malformed JSON" : "invalid value at \(path(context.codingPath))"
        @unknown default:
            return "malformed JSON"
        }
    }
}
