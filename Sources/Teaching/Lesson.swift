import SurveyData

/// A guided lesson: a header (title, dataset, languages) and its steps, read from a Markdown file
/// (format in `lessons/README.md`).
public struct Lesson: Sendable, Equatable {
    /// File the lesson came from (for messages).
    public var file: String
    public var titles: [Language: String]
    /// `embedded` (the shipped Dalian 2022 replica) or a data file path, relative to the lesson.
    public var dataset: String
    public var languages: [Language]
    public var steps: [LessonStep]

    public init(file: String, titles: [Language: String], dataset: String, languages: [Language],
                steps: [LessonStep]) {
        self.file = file; self.titles = titles; self.dataset = dataset
        self.languages = languages; self.steps = steps
    }

    public func title(_ language: Language) -> String {
        titles[language] ?? titles.values.first ?? file
    }
}

/// One step: the specification it sets and its explanation in each language.
public struct LessonStep: Sendable, Equatable {
    /// 1-based position in the lesson.
    public var number: Int
    /// Line of the step's `## ` heading in the lesson file.
    public var line: Int
    public var spec: LessonSpecification
    public var texts: [Language: LessonText]
    /// Line of each spec key in the lesson file (for messages found after parsing).
    public var keyLines: [String: Int]

    public init(number: Int, line: Int, spec: LessonSpecification, texts: [Language: LessonText],
                keyLines: [String: Int] = [:]) {
        self.number = number; self.line = line; self.spec = spec; self.texts = texts; self.keyLines = keyLines
    }
}

/// A step's explanation in one language: its title, Markdown body with `{{…}}` placeholders, and
/// the question for the class it ends with.
public struct LessonText: Sendable, Equatable {
    public var title: String
    /// Body lines (placeholders unfilled), each with its line number in the lesson file.
    public var lines: [SourceLine]
    public var question: SourceLine

    public init(title: String, lines: [SourceLine], question: SourceLine) {
        self.title = title; self.lines = lines; self.question = question
    }
}

public struct SourceLine: Sendable, Equatable {
    public var text: String
    public var line: Int
    public init(_ text: String, line: Int) { self.text = text; self.line = line }
}

/// A mistake in a lesson file: one line, naming the file and line.
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, _ message: String) {
        self.file = file; self.line = line; self.message = message
    }

    public var description: String {
        if let line { return "\(file), line \(line): \(message)" }
        return "\(file): \(message)"
    }
}
