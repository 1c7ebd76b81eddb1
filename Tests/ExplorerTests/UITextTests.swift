import Foundation
@testable import Explorer
import Reports
import Testing

/// Every string the screens, dialogs, status line, help and lesson frame show comes from the
/// string table (`UIText` in `Reports/Strings/`): a string literal with words in it (three
/// letters in a row, or any Chinese character) in the covered source files fails this test,
/// named by file and line. Move such a string into `UIText` as one `Phrase(en, zh)` line.
/// The key bindings' help lines and the key names are the one part of the table kept beside
/// the bindings (`KeyTable.bindings`, `KeyNames` in `Explorer/Keys/KeyTable.swift`): there a
/// binding and its words are one entry; `everyBindingHasBothLanguages` checks them.
@Suite struct UITextTests {
    /// The source folders and files whose strings reach the screen.
    static let covered = ["Sources/Explorer/Views", "Sources/Explorer/Lesson", "Sources/Explorer/State",
                          "Sources/Explorer/Compute", "Sources/Explorer/Files", "Sources/Explorer/Keys/KeyTable.swift",
                          "Sources/Teaching/LessonPane.swift", "Sources/Teaching/LessonHandout.swift", "Sources/Teaching/StepScreen.swift",
                          "Sources/Reports/ReportText.swift", "Sources/Reports/MediationText.swift",
                          "Sources/Reports/MediationTables.swift", "Sources/Reports/MediationSummaryTable.swift",
                          "Sources/Reports/DescribeTable.swift", "Sources/Reports/CrosstabTable.swift",
                          "Sources/Reports/MarginsTable.swift", "Sources/Reports/RegressionTable.swift",
                          "Sources/Reports/TermLabels.swift", "Sources/Reports/FitJSON.swift",
                          "Sources/Reports/SensitivityReport.swift"]

    /// The string table's files.
    static let table = "Sources/Reports/Strings"

    /// The lines of `text` that belong to the key table (the `bindings` array and `KeyNames`).
    static func keyTableLines(_ text: String) -> Set<Int> {
        var inside = Set<Int>()
        var region: String?
        for (k, line) in text.components(separatedBy: "\n").enumerated() {
            if region == nil {
                if line.contains("static let bindings: [KeyBinding] = [") { region = "    ]" }
                if line.hasPrefix("public enum KeyNames {") { region = "}" }
                continue
            }
            if line == region { region = nil } else { inside.insert(k) }
        }
        return inside
    }

    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func files() -> [URL] {
        covered.flatMap { path -> [URL] in
            let url = root.appendingPathComponent(path)
            if path.hasSuffix(".swift") { return [url] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(".swift") }.sorted().map { url.appendingPathComponent($0) }
        }
    }

    /// String literals of one line of Swift, with interpolations removed; none in comments.
    static func literals(_ line: String) -> [String] {
        var out: [String] = []
        var current: String?
        var depth = 0
        var chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if current == nil {
                if c == "/" && i + 1 < chars.count && chars[i + 1] == "/" { break }
                if c == "\"" { current = "" }
            } else if depth > 0 {
                if c == "(" { depth += 1 }
                if c == ")" { depth -= 1 }
            } else if c == "\\" && i + 1 < chars.count {
                if chars[i + 1] == "(" { depth = 1; i += 1 } else { current! += String(chars[i + 1]); i += 1 }
            } else if c == "\"" {
                out.append(current!); current = nil
            } else {
                current! += String(c)
            }
            i += 1
        }
        chars = []
        return out
    }

    /// Identifiers (`cprime`, `y.ols`, `ym`) are not words a reader sees.
    static func isUserFacing(_ literal: String) -> Bool {
        if literal.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }) { return false }
        if literal.unicodeScalars.contains(where: { (0x4e00...0x9fff).contains($0.value) || (0x3000...0x303f).contains($0.value) || (0xff00...0xffef).contains($0.value) }) {
            return true
        }
        return literal.contains(try! Regex("[A-Za-z]{3,}"))
    }

    @Test func noUserFacingLiteralOutsideTheStringTable() throws {
        let files = Self.files()
        #expect(files.count > 10)
        var problems: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let keyTable = file.lastPathComponent == "KeyTable.swift" ? Self.keyTableLines(text) : []
            for (k, line) in text.components(separatedBy: "\n").enumerated() where !keyTable.contains(k) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("//") || trimmed.hasPrefix("import ") { continue }
                for literal in Self.literals(line) where Self.isUserFacing(literal) {
                    let path = file.path.replacingOccurrences(of: Self.root.path + "/", with: "")
                    problems.append("\(path):\(k + 1): \"\(literal)\" — move it into Reports/Strings/UIText.swift")
                }
            }
        }
        #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
    }

    /// The table itself (read as source, one `Phrase(en, zh)` per entry, in every file of
    /// `Reports/Strings`): both languages given, with the same `{k}` arguments.
    @Test func everyPhraseHasBothLanguagesAndTheSameArguments() throws {
        let folder = Self.root.appendingPathComponent(Self.table)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
        let text = try names.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
        let phrase = try Regex(#"Phrase\("((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"\)"#)
        let argument = try Regex(#"\{\d\}"#)
        var count = 0
        for match in text.matches(of: phrase) {
            count += 1
            let en = String(match.output[1].substring ?? ""), zh = String(match.output[2].substring ?? "")
            #expect(!en.isEmpty && !zh.isEmpty, "\(en) / \(zh)")
            let args = { (s: String) in Set(s.matches(of: argument).map { String(s[$0.range]) }) }
            #expect(args(en) == args(zh), "\(en) / \(zh)")
        }
        #expect(count > 100)
        // A sample through the API: arguments by position, in either language.
        #expect(UIText.columnsOffRight.text(.en, 3, "Right") == "3 more columns: Right")
        #expect(UIText.exploringFreely.text(.zh, "T", 4) == "自由探索：T 回到第 4 步")
    }

    /// The key table's half of the string table: every binding's help line in both languages
    /// (the Chinese one in Chinese), every context titled in both.
    @Test func everyBindingHasBothLanguages() {
        let han = { (s: String) in s.unicodeScalars.contains { (0x4e00...0x9fff).contains($0.value) } }
        for binding in KeyTable.bindings {
            #expect(!binding.en.isEmpty && han(binding.zh), "\(binding.label()) \(binding.en) / \(binding.zh)")
            #expect(!han(binding.en), "\(binding.label()) \(binding.en)")
        }
        for context in KeyContext.allCases {
            #expect(han(context.title(.zh)) && !han(context.title(.en)), "\(context)")
        }
    }
}
