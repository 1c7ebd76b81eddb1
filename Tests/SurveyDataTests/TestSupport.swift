import Foundation
@testable import SurveyData

/// A CSV held in a string, loaded as if it were a file called `name` (no codebook unless given).
func loadCSV(_ text: String, name: String = "t.csv", codebook: Codebook? = nil) throws -> Dataset {
    try CSVLoader.load(bytes: Array(text.utf8), name: name, codebook: codebook)
}

/// A fresh directory under the system temp folder, removed by the caller via `defer`.
func makeTemporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "surveydata-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func fixturePath(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name).path
}

/// Element-wise equality where NaN equals NaN (missing values).
func sameValues(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
}
