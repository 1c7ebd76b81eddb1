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
            let codebook = try JSONDecoder().decode(Codebook.self, from: data)
            try validate(codebook, file: path)
            return codebook
        } catch let error as SurveyDataError {
            throw error
        } catch let error as DecodingError {
            throw SurveyDataError.codebook(file: path, message: describe(error))
        } catch {
            throw SurveyDataError.codebook(file: path, message: "malformed JSON")
        }
    }

    /// What the JSON grammar cannot say: a value code listed twice for one variable is an error, as
    /// Stata's `label define` refuses to relabel a value without `modify` (r(180)) — counting it
    /// twice made percentages sum past 100; missing tokens must be non-empty and at most 64.
    static func validate(_ codebook: Codebook, file: String) throws {
        for variable in codebook.variables {
            var seen = Set<Double>()
            for value in variable.values where !seen.insert(value.code).inserted {
                throw SurveyDataError.codebook(file: file,
                    message: CodebookText.duplicateCode(variable: variable.name, code: formatCode(value.code)).text(.en))
            }
        }
        if let tokens = codebook.missingTokens {
            if tokens.contains(where: { $0.trimmingBlanks().isEmpty }) {
                throw SurveyDataError.codebook(file: file, message: CodebookText.emptyToken.text(.en))
            }
            if tokens.count > MissingTokens.maximumCount {
                throw SurveyDataError.codebook(file: file, message: CodebookText.tooManyTokens(tokens.count).text(.en))
            }
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

/// The codebook checks' messages, en and zh.
enum CodebookText {
    case duplicateCode(variable: String, code: String)
    case emptyToken
    case tooManyTokens(Int)

    func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case let .duplicateCode(variable, code):
            return zh ? "变量 \(MessageText.quote(variable)) 的取值 \(code) 出现了两次"
                      : "variable \(MessageText.quote(variable)): value code \(code) is listed twice"
        case .emptyToken:
            return zh ? "missing_tokens 含有空字符串（空单元格总是缺失）"
                      : "missing_tokens holds an empty string (an empty cell is always missing)"
        case .tooManyTokens(let count):
            return zh ? "missing_tokens 有 \(count) 项，最多 \(MissingTokens.maximumCount) 项"
                      : "missing_tokens has \(count) entries; at most \(MissingTokens.maximumCount) are allowed"
        }
    }
}
