import Foundation
import Estimation
import SurveyData

/// Reads the lesson file format (see `lessons/README.md`): a `---` header, then steps, each a
/// `## ` heading, a ```spec block and one `### LANG Title` block per language ending with a
/// `Q:` question line. Every mistake is reported with its line.
public enum LessonParser {
    static let headerKeys = ["title", "title_zh", "title_en", "dataset", "languages"]

    /// Parses the header only (to find the dataset before the steps are checked against it).
    public static func header(_ text: String, file: String) throws(LessonError) -> LessonHeader {
        let lines = splitLines(text)
        return try parseHeader(lines, file: file).header
    }

    /// Parses and checks a whole lesson against the dataset it runs on.
    public static func parse(_ text: String, file: String, dataset: Dataset,
                             reference: ReferenceStudy? = nil) throws(LessonError) -> Lesson {
        let lines = splitLines(text)
        let (header, bodyStart) = try parseHeader(lines, file: file)
        var steps: [LessonStep] = []
        var index = bodyStart
        var previous = StepSpecParser.initialSpecification(dataset)
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || isComment(trimmed) { index += 1; continue }
            guard line.hasPrefix("## ") else {
                throw LessonError(file: file, line: index + 1,
                                  "expected a step heading ('## …') here, found '\(clip(trimmed))'")
            }
            let (step, next) = try parseStep(lines, at: index, number: steps.count + 1, header: header,
                                             previous: previous, dataset: dataset, file: file)
            steps.append(step)
            previous = step.spec
            index = next
        }
        guard !steps.isEmpty else { throw LessonError(file: file, line: nil, "the lesson has no steps ('## …' headings)") }
        for step in steps {
            if let pin = step.spec.pinStep, !(1..<step.number).contains(pin) {
                throw LessonError(file: file, line: step.keyLines["pin"] ?? step.line,
                                  "pin: step \(pin) is not an earlier step of the lesson")
            }
        }
        let lesson = Lesson(file: file, titles: header.titles, dataset: header.dataset,
                            languages: header.languages, steps: steps)
        try LessonValidator.check(lesson, dataset: dataset, reference: reference)
        return lesson
    }

    // MARK: header

    private static func parseHeader(_ lines: [String], file: String) throws(LessonError) -> (header: LessonHeader, next: Int) {
        var index = 0
        while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index += 1 }
        guard index < lines.count, lines[index].trimmingCharacters(in: .whitespaces) == "---" else {
            throw LessonError(file: file, line: min(index + 1, max(lines.count, 1)),
                              "bad header: a lesson starts with a '---' line, then title, dataset and languages, then '---'")
        }
        let start = index + 1
        var values: [String: (String, Int)] = [:]
        index = start
        while true {
            guard index < lines.count else {
                throw LessonError(file: file, line: start, "bad header: the '---' block opened here is not closed")
            }
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if line == "---" { break }
            if !line.isEmpty && !line.hasPrefix("#") {
                guard let (key, value) = keyValue(line) else {
                    throw LessonError(file: file, line: index + 1, "bad header line '\(clip(line))' (expected 'key: value')")
                }
                guard headerKeys.contains(key) else {
                    throw LessonError(file: file, line: index + 1,
                                      "unknown header key '\(key)' (known: \(headerKeys.joined(separator: ", ")))")
                }
                guard values[key] == nil else { throw LessonError(file: file, line: index + 1, "header key '\(key)' given twice") }
                values[key] = (value, index + 1)
            }
            index += 1
        }
        guard let languageText = values["languages"] else {
            throw LessonError(file: file, line: start, "bad header: 'languages:' is missing (e.g. 'languages: en, zh')")
        }
        var languages: [Language] = []
        for name in splitList(languageText.0) {
            guard let language = Language(rawValue: name) else {
                throw LessonError(file: file, line: languageText.1, "unknown language '\(name)' (expected en, zh)")
            }
            if !languages.contains(language) { languages.append(language) }
        }
        guard !languages.isEmpty else { throw LessonError(file: file, line: languageText.1, "bad header: no language listed") }
        var titles: [Language: String] = [:]
        if let t = values["title"] { titles[languages[0]] = t.0 }
        if let t = values["title_en"] { titles[.en] = t.0 }
        if let t = values["title_zh"] { titles[.zh] = t.0 }
        guard !titles.isEmpty else { throw LessonError(file: file, line: start, "bad header: 'title:' is missing") }
        guard let dataset = values["dataset"] else {
            throw LessonError(file: file, line: start, "bad header: 'dataset:' is missing ('embedded' or a data file)")
        }
        return (LessonHeader(titles: titles, dataset: dataset.0, languages: languages), index + 1)
    }

    // MARK: steps

    private static func parseStep(_ lines: [String], at start: Int, number: Int, header: LessonHeader,
                                  previous: LessonSpecification, dataset: Dataset,
                                  file: String) throws(LessonError) -> (LessonStep, Int) {
        var index = start + 1
        while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index += 1 }
        guard index < lines.count, lines[index].trimmingCharacters(in: .whitespaces) == "```spec" else {
            throw LessonError(file: file, line: min(index + 1, lines.count),
                              "step \(number) (line \(start + 1)): expected its ```spec block right after the heading")
        }
        let specStart = index + 1
        var specLines: [SourceLine] = []
        index = specStart
        while true {
            guard index < lines.count, !lines[index].hasPrefix("## ") else {
                throw LessonError(file: file, line: specStart, "unclosed ```spec block (no closing ``` before the next step)")
            }
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if line == "```" { break }
            specLines.append(SourceLine(lines[index], line: index + 1))
            index += 1
        }
        let (spec, keyLines) = try StepSpecParser.parse(specLines, previous: previous, dataset: dataset, file: file)
        index += 1

        var texts: [Language: LessonText] = [:]
        while index < lines.count, !lines[index].hasPrefix("## ") {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || isComment(trimmed) { index += 1; continue }
            guard line.hasPrefix("### ") else {
                throw LessonError(file: file, line: index + 1,
                                  "expected a language block ('### en Title' or '### zh 标题'), found '\(clip(trimmed))'")
            }
            let headingLine = index + 1
            let heading = line.dropFirst(4).trimmingCharacters(in: .whitespaces)
            let code = String(heading.prefix { !$0.isWhitespace })
            guard let language = Language(rawValue: code) else {
                throw LessonError(file: file, line: headingLine, "unknown language '\(code)' in '\(clip(trimmed))' (expected en or zh)")
            }
            guard header.languages.contains(language) else {
                throw LessonError(file: file, line: headingLine, "language '\(code)' is not listed in the header's 'languages:'")
            }
            guard texts[language] == nil else {
                throw LessonError(file: file, line: headingLine, "step \(number) has two '\(code)' blocks")
            }
            let title = heading.dropFirst(code.count).trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else { throw LessonError(file: file, line: headingLine, "the '\(code)' block needs a title after '### \(code)'") }
            index += 1
            var body: [SourceLine] = []
            var openFence: Int?
            while index < lines.count, !lines[index].hasPrefix("## "), !lines[index].hasPrefix("### ") {
                if lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                    openFence = openFence == nil ? index + 1 : nil
                }
                body.append(SourceLine(lines[index], line: index + 1))
                index += 1
            }
            if let openFence { throw LessonError(file: file, line: openFence, "unclosed ``` block") }
            while let last = body.last, last.text.trimmingCharacters(in: .whitespaces).isEmpty { body.removeLast() }
            guard let last = body.last, let question = questionText(last.text) else {
                throw LessonError(file: file, line: body.last?.line ?? headingLine,
                                  "step \(number) '\(code)' text must end with a question for the class ('Q: …' line)")
            }
            body.removeLast()
            for source in body + [SourceLine(question, line: last.line)] {
                if case .failure(let error) = Placeholder.scan(source.text, line: source.line) {
                    throw LessonError(file: file, line: source.line, error.message)
                }
            }
            texts[language] = LessonText(title: title, lines: body, question: SourceLine(question, line: last.line))
        }
        for language in header.languages where texts[language] == nil {
            throw LessonError(file: file, line: start + 1, "step \(number) has no '### \(language.rawValue)' block")
        }
        let step = LessonStep(number: number, line: start + 1, spec: spec, texts: texts, keyLines: keyLines)
        return (step, index)
    }

    static func questionText(_ line: String) -> String? {
        let t = line.trimmingCharacters(in: .whitespaces)
        for prefix in ["Q:", "Q：", "问："] where t.hasPrefix(prefix) {
            let rest = t.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            return rest.isEmpty ? nil : rest
        }
        return nil
    }

    // MARK: helpers

    static func splitLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
    }

    static func keyValue(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return (key, value)
    }

    static func splitList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func isComment(_ trimmed: String) -> Bool { trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->") }

    static func clip(_ s: String) -> String { s.count > 40 ? String(s.prefix(40)) + "…" : s }
}

/// The lesson file's header.
public struct LessonHeader: Sendable, Equatable {
    public var titles: [Language: String]
    public var dataset: String
    public var languages: [Language]
}
