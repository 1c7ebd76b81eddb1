import Foundation
import Testing
@testable import Explorer

/// Compares a rendered grid with `Snapshots/NAME.txt`. With `PATHLENS_RECORD_SNAPSHOTS=1` in the
/// environment the snapshot is (re)written instead; review the diff before committing.
enum Snapshot {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    static func check(_ grid: CellGrid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let text = grid.text + "\n"
        if ProcessInfo.processInfo.environment["PATHLENS_RECORD_SNAPSHOTS"] == "1" {
            try? Data(text.utf8).write(to: url, options: .atomic)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing snapshot \(name).txt: run with PATHLENS_RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }
            let detail = first.map { "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" } ?? "line count differs"
            Issue.record("snapshot \(name) differs, \(detail)", sourceLocation: sourceLocation)
        }
    }
}
