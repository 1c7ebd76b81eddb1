import ArgumentParser
import Foundation
import Mediation
import SurveyData

/// `mediate --moderator W [--moderate a|b|both] [--w-values v1,v2,…]`: moderated mediation,
/// Hayes' PROCESS models 7 (a), 14 (b) and 58 (both).
struct ModerationOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Moderator W: conditional indirect effects at its values (PROCESS models 7, 14, 58).", valueName: "var"))
    var moderator: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Path W moderates: a (model 7), b (model 14) or both (model 58).", valueName: "path"))
    var moderate: String?

    @Option(name: .customLong("w-values"), parsing: .unconditional, help: ArgumentHelp(
        "Moderator values (default: a factor's levels; a continuous W's mean and ±1 SD).", valueName: "v1,v2,…"))
    var wValues: String?

    /// The moderation the options ask for (nil without --moderator); --moderate and --w-values
    /// without it are refused rather than ignored.
    func spec(in dataset: Dataset) throws -> ModerationSpec? {
        guard let moderator else {
            if moderate != nil { throw CLIError("--moderate needs --moderator VAR") }
            if wValues != nil { throw CLIError("--w-values needs --moderator VAR") }
            return nil
        }
        guard dataset.column(moderator) != nil else {
            throw CLIError("--moderator: unknown variable '\(moderator)' (dataset \(dataset.name))")
        }
        let path: ModeratedPath = try moderate.map { try parseChoice($0, option: "--moderate") } ?? .a
        var values: [Double]?
        if let wValues {
            let parts = wValues.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            values = []
            for part in parts {
                guard let v = Double(part), v.isFinite else {
                    throw CLIError("--w-values: '\(part)' is not a number (expected values such as 30,40,50)")
                }
                values?.append(v)
            }
        }
        return ModerationSpec(moderator: moderator, moderate: path, wValues: values)
    }
}
