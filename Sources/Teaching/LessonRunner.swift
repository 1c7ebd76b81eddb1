import Foundation
import Reports
import Analysis
import SurveyData

/// One step ready for the screen: its text with every placeholder filled, the question for the
/// class, the terms to highlight, the specification to apply, and the tables its view shows.
public struct RenderedStep: Sendable {
    public var number: Int
    public var count: Int
    public var title: String
    /// Markdown lines of the explanation, placeholders filled (question not included).
    public var lines: [String]
    public var question: String
    /// What the screen highlights: model terms (`union`, `educ=3`, `cut1`) or mediation
    /// quantities (`a`, `b`, `c`, `cprime`, `indirect`, `khb`, `acme`, `rho`…).
    public var highlights: [String]
    /// The specification the step sets (apply it to the explorer's state).
    public var spec: LessonSpecification
    /// The baseline to pin (`b` in the explorer) before applying `spec`, if any.
    public var baselineSpec: LessonSpecification?
    /// Every number the text quotes, with its unrounded value.
    public var filled: [FilledPlaceholder]
    /// The tables the step's view shows (for the handout; the explorer draws its own views).
    public var tables: [Table]
}

/// Runs a lesson: computes each step's results from its specification (cached, so walking back
/// and forth refits nothing) and renders steps in a language. Thread-safe: the explorer may call
/// it from a background worker.
public final class LessonRunner: @unchecked Sendable {
    public let lesson: Lesson
    public let dataset: Dataset
    /// The reference study whose published figures `{paper}` quotes (nil: none).
    public let reference: ReferenceStudy?
    private var cache: [LessonSpecification: StepResults] = [:]
    private let fits = FitCache()
    private let lock = NSLock()

    public init(lesson: Lesson, dataset: Dataset, reference: ReferenceStudy? = nil) {
        self.lesson = lesson; self.dataset = dataset; self.reference = reference
    }

    /// The lesson shipped with PathLens (`lessons/dalian2022-mediation.md`).
    public static var shippedLessonPath: String {
        if let env = ProcessInfo.processInfo.environment["PATHLENS_LESSONS"], !env.isEmpty {
            return env + "/" + shippedLessonFile
        }
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lessons").appendingPathComponent(shippedLessonFile).path
    }
    public static let shippedLessonFile = "dalian2022-mediation.md"

    /// Reads a lesson file (nil = the shipped lesson) and the dataset its header names
    /// (`embedded` or the reference study's dataset name, or a data file relative to the lesson).
    public static func load(path: String? = nil, reference: ReferenceStudy?) throws -> LessonRunner {
        let file = path ?? shippedLessonPath
        guard let data = FileManager.default.contents(atPath: file) else {
            throw LessonError(file: file, line: nil, "cannot read the lesson file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonError(file: file, line: nil, "the lesson file is not UTF-8 text")
        }
        let header = try LessonParser.header(text, file: file)
        let dataPath: String
        if let reference, header.dataset == "embedded" || header.dataset == reference.datasetName {
            dataPath = reference.dataPath
        } else if header.dataset == "embedded" {
            throw LessonError(file: file, line: nil, "the lesson asks for the embedded dataset, but no reference study was given")
        } else if header.dataset.hasPrefix("/") {
            dataPath = header.dataset
        } else {
            dataPath = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(header.dataset).path
        }
        guard FileManager.default.fileExists(atPath: dataPath) else {
            throw LessonError(file: file, line: nil, "dataset '\(header.dataset)' not found (\(dataPath))")
        }
        let dataset = try DatasetLoader.load(path: dataPath)
        let lesson = try LessonParser.parse(text, file: file, dataset: dataset, reference: reference)
        return LessonRunner(lesson: lesson, dataset: dataset, reference: reference)
    }

    public var stepCount: Int { lesson.steps.count }

    /// The computed results of step `number` (1-based).
    public func results(step number: Int) throws -> StepResults {
        let step = try self.step(number)
        return try results(for: step.spec)
    }

    /// Step `number` (1-based) in `language`, placeholders filled from the live estimation.
    public func render(step number: Int, language: Language) throws -> RenderedStep {
        let step = try self.step(number)
        let language = lesson.languages.contains(language) ? language : lesson.languages[0]
        guard let text = step.texts[language] else {
            throw LessonError(file: lesson.file, line: step.line, "step \(number) has no \(language.rawValue) text")
        }
        let results = try results(for: step.spec)
        let baselineSpec = step.spec.pinStep.map { lesson.steps[$0 - 1].spec }
        let baseline = try baselineSpec.map { try self.results(for: $0) }
        let resolver = PlaceholderResolver(results: results, baseline: baseline, language: language, reference: reference)
        var filled: [FilledPlaceholder] = []
        func fill(_ source: SourceLine) throws -> String {
            guard case .success(let pieces) = Placeholder.scan(source.text, line: source.line) else { return source.text }
            var out = ""
            for piece in pieces {
                switch piece {
                case .literal(let s): out += s
                case .placeholder(let p):
                    do {
                        let f = try resolver.fill(p)
                        filled.append(f)
                        out += f.text
                    } catch {
                        throw LessonError(file: lesson.file, line: p.line, "\(p.source): \(error.message)")
                    }
                }
            }
            return out
        }
        let lines = try text.lines.map(fill)
        let question = try fill(text.question)
        let tables = StepHighlights.mark(
            StepScreen.tables(results, baseline: baseline, codebook: dataset.codebook, language: language),
            highlights: step.spec.highlights, codebook: dataset.codebook, language: language)
        return RenderedStep(number: number, count: lesson.steps.count, title: text.title, lines: lines,
                            question: question, highlights: step.spec.highlights, spec: step.spec,
                            baselineSpec: baselineSpec, filled: filled, tables: tables)
    }

    private func step(_ number: Int) throws -> LessonStep {
        guard lesson.steps.indices.contains(number - 1) else {
            throw LessonError(file: lesson.file, line: nil, "no step \(number) (the lesson has \(lesson.steps.count))")
        }
        return lesson.steps[number - 1]
    }

    /// Highlights and the pin do not change the numbers: they share one computation.
    private func results(for spec: LessonSpecification) throws -> StepResults {
        var key = spec
        key.highlights = []; key.pinStep = nil; key.view = .models
        lock.lock()
        if let cached = cache[key] { lock.unlock(); var r = cached; r.spec = spec; return r }
        lock.unlock()
        var computed = try StepEvaluator.evaluate(spec, dataset: dataset, cache: fits)
        lock.lock()
        cache[key] = computed
        lock.unlock()
        computed.spec = spec
        return computed
    }
}
