import Foundation
import PathLensTestSupport
import Testing
@testable import Explorer

/// Compares a rendered grid with `Snapshots/NAME.txt`: its text and its styles. With
/// `PATHLENS_RECORD_SNAPSHOTS=1` in the environment the snapshot is (re)written instead (refused
/// under `CI=true`); review the diff before committing.
///
/// The format, in the spirit of ratatui's buffer snapshots: the grid's text, one line per row
/// (trailing spaces trimmed), then a style layer, one line per row that has any styled cell, as
/// runs of cells (0-based cell columns, inclusive; a wide character's two cells count as two):
///
///     ──── styles (row: first-last style) ────
///      0: 0-79 reverse
///      2: 1-6 bold+accent, 40-45 dim
///
/// so a diff shows which row and which cells changed, and a style-only change fails the test.
enum Snapshot {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    static let styleHeader = "──── styles (row: first-last style) ────"

    /// Style names in a fixed order, joined by `+` in the layer.
    static let styleNames: [(CellStyle, String)] = [
        (.bold, "bold"), (.reverse, "reverse"), (.dim, "dim"), (.underline, "underline"),
        (.positive, "positive"), (.negative, "negative"), (.flagged, "flagged"), (.accent, "accent"),
    ]

    static func name(_ style: CellStyle) -> String {
        var parts = styleNames.filter { style.contains($0.0) }.map(\.1)
        let known = styleNames.reduce(CellStyle()) { $0.union($1.0) }
        if !style.subtracting(known).isEmpty { parts.append("0x" + String(style.subtracting(known).rawValue, radix: 16)) }
        return parts.joined(separator: "+")
    }

    /// The style layer's line for row `y`, or nil when the row has no styled cell.
    static func styleLine(_ grid: CellGrid, _ y: Int) -> String? {
        var runs: [String] = []
        var x = 0
        while x < grid.width {
            let style = grid[x, y].style
            var end = x
            while end + 1 < grid.width && grid[end + 1, y].style == style { end += 1 }
            if !style.isEmpty { runs.append("\(x)-\(end) \(name(style))") }
            x = end + 1
        }
        return runs.isEmpty ? nil : String(format: "%2d: ", y) + runs.joined(separator: ", ")
    }

    /// The snapshot file's content for `grid`.
    static func render(_ grid: CellGrid) -> String {
        let styles = (0..<grid.height).compactMap { styleLine(grid, $0) }
        return ([grid.text, styleHeader] + styles).joined(separator: "\n") + "\n"
    }

    /// Where `expected` and `actual` (two snapshot texts) first differ, named as a text row or a
    /// style row; nil when they are the same.
    static func difference(expected: String, actual: String) -> String? {
        if expected == actual { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let header = Substring(styleHeader)
        let textRows = a.firstIndex(of: header) ?? a.count
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "(nothing)", al = i < a.count ? String(a[i]) : "(nothing)"
            if el == al { continue }
            let where_ = i < textRows ? "text row \(i)" : "style layer line \(i - textRows)"
            return "\(where_):\n  expected: \(el)\n  actual:   \(al)"
        }
        return "the files differ"
    }

    /// Nil when `grid` matches the committed snapshot `name`, else what differs. The actual
    /// snapshot is then written under the temporary directory for a `diff`.
    static func mismatch(_ grid: CellGrid, _ name: String) -> String? {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = render(grid)
        let expected: String
        do { expected = try String(contentsOf: url, encoding: .utf8) } catch {
            return "snapshot \(name).txt is missing or unreadable (\(error)): run with PATHLENS_RECORD_SNAPSHOTS=1 to record it"
        }
        guard let detail = difference(expected: expected, actual: actual) else { return nil }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pathlens-snapshots/\(name).txt")
        try? FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
        let saved = (try? Data(actual.utf8).write(to: out, options: .atomic)) != nil
        return "snapshot \(name) differs at \(detail)" + (saved ? "\n  diff -u \(url.path) \(out.path)" : "")
    }

    static func check(_ grid: CellGrid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if ProcessInfo.processInfo.environment["PATHLENS_RECORD_SNAPSHOTS"] == "1" {
            if Requirement.isCI {
                Issue.record("PATHLENS_RECORD_SNAPSHOTS=1 under CI=true: snapshots are recorded locally and committed",
                             sourceLocation: sourceLocation)
                return
            }
            do {
                try Data(render(grid).utf8).write(to: directory.appendingPathComponent(name + ".txt"), options: .atomic)
            } catch {
                Issue.record("cannot record snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        if let problem = mismatch(grid, name) { Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation) }
    }
}
