import Foundation

/// The paper's published numbers (`dalian2022_published.json`, kept outside the repository in
/// `shared/reference/`) as Swift values: the parts `replicate` compares against. Only the fields
/// used are modelled; the JSON holds more (hypotheses, external figures).
public struct PublishedStudy: Decodable, Sendable {
    public var N: Int
    public var table1: PublishedTable1
    public var table2: PublishedTable2
    public var table3: PublishedModelTable
    public var table4: PublishedModelTable
    public var table5: PublishedModelTable
    public var textFigures: PublishedTextFigures

    /// Tables 3–5 in order.
    public var modelTables: [(id: String, table: PublishedModelTable)] {
        [("table3", table3), ("table4", table4), ("table5", table5)]
    }

    /// The published model `model1` … `model10`.
    public func model(_ id: String) -> PublishedModel? {
        (table3.models + table4.models + table5.models).first { $0.id == id }
    }
}

public struct PublishedTable1: Decodable, Sendable {
    public var titleZh: String
    public var titleEn: String
    public var N: Int
    public var variables: [PublishedVariable]
    public var age: PublishedAge
    public var notes: [String]
}

public struct PublishedVariable: Decodable, Sendable {
    /// The paper's variable name (`skill`, `gender`, `education`…), not the dataset's.
    public var variable: String
    public var labelZh: String
    public var labelEn: String
    public var categories: [PublishedCategory]
}

public struct PublishedCategory: Decodable, Sendable {
    public var category: String
    public var labelZh: String
    public var labelEn: String
    public var code: Int
    public var count: Int
    public var pct: Double
}

public struct PublishedAge: Decodable, Sendable {
    public var min: Double
    public var max: Double
    public var mean: Double
}

public struct PublishedTable2: Decodable, Sendable {
    public var titleZh: String
    public var titleEn: String
    public var rows: Rows
    public var notes: [String]

    public struct Rows: Decodable, Sendable {
        public var skill: [PublishedCrosstabRow]
        public var training: [PublishedCrosstabRow]
    }
}

public struct PublishedCrosstabRow: Decodable, Sendable {
    public var category: String
    public var nonMember: Cell
    public var member: Cell

    public struct Cell: Decodable, Sendable {
        public var count: Int
        public var colPct: Double
    }
}

public struct PublishedModelTable: Decodable, Sendable {
    public var titleZh: String
    public var titleEn: String
    public var models: [PublishedModel]
    public var notes: [String]
}

public struct PublishedModel: Decodable, Sendable {
    public var id: String
    public var estimator: String
    public var dv: String
    public var N: Int
    public var fit: Fit
    public var statLabel: String
    public var coefficients: [PublishedNumber]
    public var cutpoints: [PublishedNumber]?
    public var constant: PublishedNumber?

    public struct Fit: Decodable, Sendable {
        public var r2: Double?
        public var pseudoR2: Double?
    }

    /// Coefficients, then cutpoints, then the constant: every number printed for the model.
    public var numbers: [PublishedNumber] {
        coefficients + (cutpoints ?? []) + (constant.map { [$0] } ?? [])
    }
}

/// One printed coefficient, cutpoint or constant: value, its t/z, stars and the SE implied by
/// value / statistic (the paper prints no SEs).
public struct PublishedNumber: Decodable, Sendable {
    public var name: String
    public var labelZh: String
    public var labelEn: String
    public var coef: Double
    public var stat: Double
    public var stars: String
    public var seImplied: Double
}

/// The marginal effects and the indirect-effect share quoted in the text (percentage points).
public struct PublishedTextFigures: Decodable, Sendable {
    public var age: Age?
    public var ameUnionOnSkillModel2Pct: PublishedEffects
    public var ameUnionOnTrainingModel4Pct: PublishedEffects
    public var ameTrainingOnSkillModel6Pct: PublishedEffects
    public var ameMaleOnSkillPct: PublishedEffects
    public var ameMarriedOnSkillPct: PublishedEffects
    public var indirectEffectSharePct: PublishedEffects
}

extension PublishedTextFigures {
    /// The SD of age is not published; the JSON records the one the standardized coefficients imply.
    public struct Age: Decodable, Sendable {
        public var sdImpliedFromStandardizedCoefs: Double?
    }
}

/// Effects on the skill grades by category name, or a single `value`. Categories the text only
/// describes in words ("each below 1%") are absent.
public struct PublishedEffects: Decodable, Sendable {
    public var value: Double?
    /// Keyed by the category name folded to lower case without underscores (`seniortechnician`),
    /// so it does not matter how the decoder's key strategy spelled it.
    public var byCategory: [String: Double]

    /// The effect on category `name` (`no_grade`, `senior_technician`…), if the text gives one.
    public func effect(on name: String) -> Double? { byCategory[PublishedEffects.fold(name)] }

    static func fold(_ name: String) -> String { name.replacingOccurrences(of: "_", with: "").lowercased() }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var values: [String: Double] = [:]
        for key in container.allKeys {
            if let number = try? container.decode(Double.self, forKey: key) {
                values[PublishedEffects.fold(key.stringValue)] = number
            }
        }
        value = values.removeValue(forKey: "value")
        byCategory = values
    }
}

public enum PublishedStudyError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, message: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "the published numbers are not available: \(path) is missing "
                + "(set PATHLENS_REFERENCE to the path of dalian2022_published.json)"
        case let .unreadable(path, message):
            return "\(path): \(message)"
        }
    }
}

extension PublishedStudy {
    public static let fileName = "dalian2022_published.json"

    /// `$PATHLENS_REFERENCE` when set, else `shared/reference/dalian2022_published.json` beside the
    /// repository root (found from this source file, as `EmbeddedData` finds `data/`).
    public static var defaultPath: String {
        if let env = ProcessInfo.processInfo.environment["PATHLENS_REFERENCE"], !env.isEmpty { return env }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return repository.deletingLastPathComponent()
            .appendingPathComponent("shared/reference/\(fileName)").path
    }

    public static func load(path: String = defaultPath) throws(PublishedStudyError) -> PublishedStudy {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, message: "cannot be read")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(PublishedStudy.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw .unreadable(path: path, message: "missing field '\(fieldPath(context.codingPath + [key]))'")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .unreadable(path: path, message: "unexpected value at '\(fieldPath(context.codingPath))'")
        } catch {
            throw .unreadable(path: path, message: "not valid JSON")
        }
    }

    /// `table3.models[1].coefficients[0].se_implied`, for error messages.
    private static func fieldPath(_ keys: [CodingKey]) -> String {
        keys.map { key in key.intValue.map { "[\($0)]" } ?? "." + snakeCase(key.stringValue) }
            .joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    private static func snakeCase(_ name: String) -> String {
        guard name != "N" else { return name }
        return name.reduce(into: "") { out, character in
            if character.isUppercase { out += "_" + character.lowercased() } else { out.append(character) }
        }
    }
}
