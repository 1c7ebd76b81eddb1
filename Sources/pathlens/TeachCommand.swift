import ArgumentParser
import Foundation
import SurveyData
import Teaching

/// `pathlens teach [FILE]`: a guided lesson over a dataset (the shipped Dalian 2022 mediation
/// lesson by default). `--print` renders it as a Markdown handout with the live numbers; the
/// interactive lesson opens in the explorer.
struct Teach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "teach",
        abstract: "Guided lesson: mediation analysis step by step, with live numbers.",
        discussion: """
        Examples:
          pathlens teach --print > handout.md
          pathlens teach --print --lang zh
          pathlens teach my-lesson.md --print
        Lesson file format: lessons/README.md.
        """)

    @Argument(help: ArgumentHelp("Lesson file (default: the shipped Dalian 2022 lesson).", valueName: "file"))
    var file: String?

    @Flag(name: .customLong("print"), help: "Render the whole lesson as a Markdown handout on stdout.")
    var printHandout = false

    @Option(help: ArgumentHelp("Language of the handout: en or zh.", valueName: "en|zh"))
    var lang: String = "en"

    @Option(help: ArgumentHelp("With --print: only this step (1-based).", valueName: "n"))
    var step: Int?

    @Flag(help: "Only check the lesson file (parse, variables, placeholders) and say so.")
    var check = false

    func run() throws {
        try reportingErrors {
            let language: Language = try parseChoice(lang, option: "--lang")
            let runner = try LessonRunner.load(path: file)
            if check {
                emit("\(runner.lesson.file): \(runner.stepCount) steps, languages "
                     + runner.lesson.languages.map(\.rawValue).joined(separator: ", ") + ": OK\n")
                return
            }
            if let step, !(1...runner.stepCount).contains(step) {
                throw CLIError("invalid value '\(step)' for --step (the lesson has \(runner.stepCount) steps)")
            }
            if printHandout {
                emit(try LessonHandout.markdown(runner, language: language, steps: step.map { [$0] }))
                return
            }
            emit("The interactive lesson '\(runner.lesson.title(language))' (\(runner.stepCount) steps) opens in the explorer; "
                 + "for now use 'pathlens teach --print' for the handout.\n")
        }
    }
}
