import Foundation
import SurveyData
import Testing

/// Loads the fixtures written by scripts/fixtures/mediation_fixtures.R.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// A numeric CSV (header + numbers) as a Dataset with the given variable types.
    static func dataset(_ file: String, types: [String: VariableType]) throws -> Dataset {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.count > 1 else { throw FixtureError("fixture \(file) has no rows") }
        let header = lines.removeFirst().split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        var columns = [[Double]](repeating: [], count: header.count)
        for line in lines {
            for (j, field) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
                columns[j].append(Double(field) ?? .nan)
            }
        }
        let cols = zip(header, columns).map { Column(name: $0, values: $1) }
        let infos = header.map { VariableInfo(name: $0, type: types[$0] ?? .continuous) }
        return Dataset(name: file, columns: cols, codebook: Codebook(dataset: file, variables: infos))
    }

    static func wvs() throws -> Dataset {
        try dataset("wvs.csv", types: ["poverty": .ordinal, "religion": .binary, "degree": .binary,
                                       "country": .categorical, "male": .binary, "poor": .binary])
    }

    static func mroz() throws -> Dataset {
        try dataset("mroz.csv", types: ["lfp": .binary, "wc": .binary, "hc": .binary])
    }

    /// A fixture JSON object; a missing, unreadable or malformed file throws naming it.
    static func json(_ file: String) throws -> [String: Any] {
        let url = directory.appendingPathComponent(file)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw FixtureError("fixture \(url.path) is missing or unreadable: \(error)") }
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FixtureError("fixture \(url.path) is not a JSON object")
        }
        return object
    }

    /// `file` loaded once; when it cannot be, every use records the failure (so a test reading
    /// it fails rather than comparing against nothing).
    static func loaded(_ result: Result<[String: Any], any Error>, sourceLocation: SourceLocation) -> [String: Any] {
        switch result {
        case let .success(object): return object
        case let .failure(error):
            Issue.record(error, sourceLocation: sourceLocation)
            return [:]
        }
    }

    nonisolated(unsafe) static let expectedFile = Result { try json("mediation_expected.json") }
    static var expected: [String: Any] { loaded(expectedFile, sourceLocation: #_sourceLocation) }

    /// expected["a"]["b"][0]… by path; a path the fixture lacks records an issue and gives nil.
    static func value(_ path: Any..., sourceLocation: SourceLocation = #_sourceLocation) -> Any? {
        lookup(path, sourceLocation: sourceLocation)
    }

    /// The number at `path` (NaN, with an issue recorded, when the fixture lacks it).
    static func number(_ path: Any..., sourceLocation: SourceLocation = #_sourceLocation) -> Double {
        guard let node = lookup(path, sourceLocation: sourceLocation) else { return .nan }
        guard let n = node as? NSNumber else {
            Issue.record("mediation_expected.json: \(path) is not a number", sourceLocation: sourceLocation)
            return .nan
        }
        return n.doubleValue
    }

    private static func lookup(_ path: [Any], sourceLocation: SourceLocation) -> Any? {
        var node: Any? = loaded(expectedFile, sourceLocation: sourceLocation)
        for key in path {
            if let k = key as? String { node = (node as? [String: Any])?[k] }
            else if let i = key as? Int { node = (node as? [Any]).flatMap { i < $0.count ? $0[i] : nil } }
        }
        if node == nil, case .success = expectedFile {
            Issue.record("mediation_expected.json has nothing at \(path)", sourceLocation: sourceLocation)
        }
        return node
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// |actual − expected| ≤ tol · max(1, |expected|).
func close(_ actual: Double, _ expected: Double, _ tol: Double = 1e-6) -> Bool {
    abs(actual - expected) <= tol * max(1, abs(expected))
}
