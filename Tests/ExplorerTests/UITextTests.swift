import Foundation
import Reports
import Testing

/// Every string the screens, dialogs, status line, help and lesson frame show comes from the
/// string table (`Reports/Strings/UIText.swift`): a string literal with words in it (three
/// letters in a row, or any Chinese character) in the covered source files fails this test,
/// named by file and line. Move such a string into `UIText` as one `Phrase(en, zh)` line.
@Suite struct UITextTests {
    /// The source folders and files whose strings reach the screen.
    static let covered = ["Sources/Explorer/Views", "Sources/Explorer/Lesson",
                          "Sources/Teaching/LessonPane.swift", "Sources/Teaching/LessonHandout.swift"]

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
            for (k, line) in text.components(separatedBy: "\n").enumerated() {
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

    /// The table itself (read as source, one `Phrase(en, zh)` per entry): both languages
    /// given, with the same `{k}` arguments.
    @Test func everyPhraseHasBothLanguagesAndTheSameArguments() throws {
        let url = Self.root.appendingPathComponent("Sources/Reports/Strings/UIText.swift")
        let text = try String(contentsOf: url, encoding: .utf8)
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
}
