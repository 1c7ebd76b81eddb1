import Foundation
import SurveyData

/// Loads the fixtures written by scripts/fixtures/mediation_fixtures.R.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// A numeric CSV (header + numbers) as a Dataset with the given variable types.
    static func dataset(_ file: String, types: [String: VariableType]) throws -> Dataset {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
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

    nonisolated(unsafe) static let expected: [String: Any] = {
        let data = try? Data(contentsOf: directory.appendingPathComponent("mediation_expected.json"))
        return (data.flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any]) ?? [:]
    }()

    /// expected["a"]["b"][0]… by path; numbers as Double.
    static func value(_ path: Any...) -> Any? {
        var node: Any? = expected
        for key in path {
            if let k = key as? String { node = (node as? [String: Any])?[k] }
            else if let i = key as? Int { node = (node as? [Any]).flatMap { i < $0.count ? $0[i] : nil } }
        }
        return node
    }

    static func number(_ path: Any...) -> Double {
        var node: Any? = expected
        for key in path {
            if let k = key as? String { node = (node as? [String: Any])?[k] }
            else if let i = key as? Int { node = (node as? [Any]).flatMap { i < $0.count ? $0[i] : nil } }
        }
        return (node as? NSNumber)?.doubleValue ?? .nan
    }
}

/// |actual − expected| ≤ tol · max(1, |expected|).
func close(_ actual: Double, _ expected: Double, _ tol: Double = 1e-6) -> Bool {
    abs(actual - expected) <= tol * max(1, abs(expected))
}
