import Foundation

extension Codebook {
    /// Shown (by the CLI and explorer) when a dataset came without a codebook.
    public static let inferredNote = "no codebook: variable types inferred"
}

/// Reads and writes `NAME.codebook.json`, the sidecar that gives a CSV its labels and types.
public enum CodebookFile {
    /// `dir/NAME.codebook.json` for `dir/NAME.csv`.
    public static func sidecarPath(forDataAt path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingPathExtension().path + ".codebook.json"
    }

    public static func read(path: String) throws -> Codebook {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SurveyDataError.codebook(file: path, message: "cannot read the file")
        }
        do {
            return try JSONDecoder().decode(Codebook.self, from: data)
        } catch let error as DecodingError {
            throw SurveyDataError.codebook(file: path, message: describe(error))
        } catch {
            throw SurveyDataError.codebook(file: path, message: "malformed JSON")
        }
    }

    /// Writes `codebook` as indented JSON with sorted keys (stable diffs), atomically.
    public static func write(_ codebook: Codebook, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(codebook)
        } catch {
            throw SurveyDataError.write(file: path, message: "cannot encode the codebook: \(error)")
        }
        try AtomicFile.write(Array(data) + [0x0A], to: path)
    }

    /// One line: where in the JSON the problem is and what it is.
    static func describe(_ error: DecodingError) -> String {
        func location(_ path: [CodingKey]) -> String {
            let parts = path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
            let joined = parts.joined()
            return joined.isEmpty ? "top level" : String(joined.drop { $0 == "." })
        }
        func oneLine(_ text: String) -> String {
            text.split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        switch error {
        case let .keyNotFound(key, context):
            return "missing key '\(key.stringValue)' at \(location(context.codingPath))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "wrong type at \(location(context.codingPath)): \(oneLine(context.debugDescription))"
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty { return "malformed JSON: \(oneLine(context.debugDescription))" }
            return "invalid value at \(location(context.codingPath)): \(oneLine(context.debugDescription))"
        @unknown default:
            return "malformed codebook"
        }
    }
}
