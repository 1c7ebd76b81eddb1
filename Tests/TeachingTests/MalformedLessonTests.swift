import Foundation
import Testing
import SurveyData
@testable import Teaching

/// Lesson files with mistakes are rejected with one line naming the file and the line at fault.
@Suite struct MalformedLessonTests {
    static let header = """
    ---
    title: Test lesson
    dataset: embedded
    languages: en
    ---

    """

    static func step(spec: String = "view: models", text: String = "Union is {{coef ologit union}}.",
                     question: String = "Q: Why?") -> String {
        """
        ## A step
        ```spec
        \(spec)
        ```
        ### en A title
        \(text)
        \(question)

        """
    }

    /// Parses `text`; returns the error (nil when it parsed).
    static func error(_ text: String) throws -> LessonError? {
        let data = try embeddedData.get()
        do {
            _ = try LessonParser.parse(text, file: "test.md", dataset: data)
            return nil
        } catch {
            return error
        }
    }

    /// Line number (1-based) of the first line of `text` containing `needle`.
    static func line(of needle: String, in text: String) -> Int? {
        LessonParser.splitLines(text).firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    @Test func aWellFormedLessonParses() throws {
        #expect(try Self.error(Self.header + Self.step()) == nil)
    }

    @Test(arguments: [
        ("unknown variable in the spec", step(spec: "view: models\noutcome: skil"), "outcome: skil", "unknown variable 'skil'"),
        ("unknown variable in controls", step(spec: "controls: male + i.educaton"), "controls:", "unknown variable 'educaton'"),
        ("unknown variable in a condition", step(spec: "if: indstry == 2"), "if:", "indstry"),
        ("unknown spec key", step(spec: "view: models\nestimator: ologit"), "estimator:", "unknown spec key 'estimator'"),
        ("bad spec value", step(spec: "view: graphs"), "view: graphs", "invalid value 'graphs' for 'view:'"),
        ("unknown placeholder", step(text: "Union is {{coeff ologit union}}."), "{{coeff", "unknown placeholder 'coeff'"),
        ("placeholder arity", step(text: "Union is {{coef ologit}}."), "{{coef ologit}}", "takes 2 arguments"),
        ("unclosed placeholder", step(text: "Union is {{coef ologit union."), "{{coef ologit union.", "unclosed placeholder"),
        ("model not fitted", step(text: "Training is {{coef m union}}."), "{{coef m union}}", "model 'm' is not fitted"),
        ("placeholder variable", step(text: "It is {{pct unoin=1}} %."), "unoin", "unknown variable 'unoin'"),
        ("baseline without pin", step(text: "It was {{coef base:ologit union}}."), "base:ologit", "needs a pinned baseline"),
        ("mediation not run", step(text: "ACME {{acme}}."), "ACME", "runs no mediation analysis"),
        ("margins of a model not fitted", step(spec: "margins: average\nmargins_of: m"), "margins_of: m", "model 'm' is not fitted"),
        ("drop a control not in the model", step(spec: "controls: male\ndrop: i.educ"), "drop: i.educ", "not among the controls"),
        ("missing question", step(question: "No question here."), "No question here.", "must end with a question"),
        ("unknown language block", step().replacingOccurrences(of: "### en", with: "### fr"), "### fr", "unknown language 'fr'"),
    ] as [(String, String, String, String)])
    func rejectsWithTheLine(_ what: String, _ body: String, _ needle: String, _ message: String) throws {
        let text = Self.header + body
        let error = try #require(try Self.error(text), "\(what): accepted")
        #expect(error.file == "test.md")
        #expect(error.line == Self.line(of: needle, in: text), "\(what): \(error)")
        #expect(error.message.contains(message), "\(what): \(error)")
        #expect(!error.description.contains("\n"))
    }

    @Test func unclosedSpecBlockNamesItsLine() throws {
        let text = Self.header + "## A step\n```spec\nview: models\n### en Title\nText.\nQ: Why?\n"
        let error = try #require(try Self.error(text))
        #expect(error.line == Self.line(of: "```spec", in: text))
        #expect(error.message.contains("unclosed"))
    }

    @Test(arguments: [
        ("no header", "## A step\n", 1, "bad header"),
        ("unclosed header", "---\ntitle: T\ndataset: embedded\nlanguages: en\n", 1, "not closed"),
        ("unknown header key", "---\ntitle: T\ndata: embedded\nlanguages: en\n---\n", 3, "unknown header key 'data'"),
        ("unknown language", "---\ntitle: T\ndataset: embedded\nlanguages: en, fr\n---\n", 4, "unknown language 'fr'"),
        ("no languages", "---\ntitle: T\ndataset: embedded\n---\n", 1, "'languages:' is missing"),
    ] as [(String, String, Int, String)])
    func rejectsBadHeaders(_ what: String, _ text: String, _ line: Int, _ message: String) throws {
        let error = try #require(try Self.error(text), "\(what): accepted")
        #expect(error.line == line, "\(what): \(error)")
        #expect(error.message.contains(message), "\(what): \(error)")
    }

    @Test func missingLanguageBlockIsNamed() throws {
        let text = Self.header.replacingOccurrences(of: "languages: en", with: "languages: en, zh") + Self.step()
        let error = try #require(try Self.error(text))
        #expect(error.message.contains("no '### zh' block"))
        #expect(error.line == Self.line(of: "## A step", in: text))
    }

    @Test func pinMustNameAnEarlierStep() throws {
        let text = Self.header + Self.step(spec: "pin: 3")
        let error = try #require(try Self.error(text))
        #expect(error.line == Self.line(of: "pin: 3", in: text))
        #expect(error.message.contains("not an earlier step"))
    }

    /// The runner reports a missing lesson file as one line naming it.
    @Test func missingFileIsNamed() {
        #expect(throws: LessonError.self) { try LessonRunner.load(path: "/nonexistent/lesson.md", reference: dalianReference) }
    }

    /// A lesson file that is not UTF-8, or whose header names a dataset that is not there: one
    /// line naming the lesson file (and the dataset path looked for).
    @Test func unreadableTextAndMissingDatasetAreNamed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pathlens-lesson-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let binary = directory.appendingPathComponent("binary.md")
        try Data([0xFF, 0xFE, 0x00, 0xC3]).write(to: binary)
        let notText = try #require(throws: LessonError.self) { try LessonRunner.load(path: binary.path, reference: dalianReference) }
        #expect(notText.description == "\(binary.path): the lesson file is not UTF-8 text")

        let orphan = directory.appendingPathComponent("orphan.md")
        let text = Self.header.replacingOccurrences(of: "dataset: embedded", with: "dataset: missing.csv") + Self.step()
        try Data(text.utf8).write(to: orphan)
        let noData = try #require(throws: LessonError.self) { try LessonRunner.load(path: orphan.path, reference: dalianReference) }
        let expectedPath = directory.appendingPathComponent("missing.csv").path
        #expect(noData.description == "\(orphan.path): dataset 'missing.csv' not found (\(expectedPath))")
    }
}

/// Damaged copies of the shipped lesson (cut after any line, any line dropped) either parse or
/// fail with a LessonError naming a line inside the file — never a trap or another error type.
@Suite struct DamagedLessonTests {
    @Test func truncatedOrMissingLinesFailCleanly() throws {
        let data = try embeddedData.get()
        let text = try String(contentsOfFile: LessonRunner.shippedLessonPath, encoding: .utf8)
        let lines = LessonParser.splitLines(text)
        var variants: [String] = []
        for cut in stride(from: 0, to: lines.count, by: 3) { variants.append(lines[..<cut].joined(separator: "\n")) }
        for drop in stride(from: 0, to: lines.count, by: 2) {
            var copy = lines; copy.remove(at: drop); variants.append(copy.joined(separator: "\n"))
        }
        for variant in variants {
            do {
                _ = try LessonParser.parse(variant, file: "damaged.md", dataset: data)
            } catch {
                if let line = error.line {
                    #expect(line >= 1 && line <= max(1, LessonParser.splitLines(variant).count), "\(error)")
                }
                #expect(!error.description.contains("\n"))
            }
        }
    }
}
