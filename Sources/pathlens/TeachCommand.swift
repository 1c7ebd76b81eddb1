import ArgumentParser
import Explorer
import Foundation
import SurveyData
import Teaching

/// `pathlens teach [FILE]`: a guided lesson over a dataset (the shipped Dalian 2022 mediation
/// lesson by default). `--print` renders it as a Markdown handout with the live numbers; without
/// it the lesson opens in the explorer (n/p move, l language, Esc explores freely, T returns).
/// The lesson is read and checked before the screen is taken over, so a malformed lesson fails
/// with its one-line error on a normal terminal.
struct Teach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "teach",
        abstract: "Guided lesson: mediation analysis step by step, with live numbers.",
        discussion: """
        Examples:
          pathlens teach                  (the interactive lesson in the explorer)
          pathlens teach --print > handout.md
          pathlens teach --print --lang zh
          pathlens teach my-lesson.md --print
        Lesson file format: lessons/README.md.
        """)

    @Argument(help: ArgumentHelp("Lesson file (default: the shipped Dalian 2022 lesson).", valueName: "file"))
    var file: String?

    @Flag(name: .customLong("print"), help: "Render the whole lesson as a Markdown handout on stdout.")
    var printHandout = false

    @Option(help: ArgumentHelp("Language of the lesson or handout: en or zh (l switches in the lesson).", valueName: "en|zh"))
    var lang: String = "en"

    @Option(help: ArgumentHelp("With --print: only this step; otherwise the step the lesson opens at (1-based).", valueName: "n"))
    var step: Int?

    @Flag(help: "Only check the lesson file (parse, variables, placeholders) and say so.")
    var check = false

    @Option(help: ArgumentHelp("With --print-screen: keys to replay in the lesson (as `explore --keys`).", valueName: "KEYS"))
    var keys: String = ""

    @Option(help: ArgumentHelp("With --print-screen: screen size.", valueName: "WxH"))
    var size: String = "80x24"

    @Flag(name: .customLong("print-screen"), help: "Replay --keys headless in the lesson and print the final screen as text.")
    var printScreen = false

    func run() throws {
        try reportingErrors {
            let language: Language = try parseChoice(lang, option: "--lang")
            let runner = try LessonRunner.load(path: file, reference: .dalian2022)
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
            let unicode = TerminalLocale.configure()
            let env = ExplorerEnvironment(dataset: runner.dataset, unicode: unicode)
            if printScreen {
                let (width, height) = try Explore.screenSize(size)
                let script = try Explore.keyScript(keys)
                var session = HeadlessSession(env: env, spec: env.defaultSpecification(), width: width, height: height,
                                              lesson: runner, lessonStep: step ?? 1, language: unicode ? language : .en)
                for (key, _) in script { session.press(key) }
                emit(session.screenText + "\n")
                return
            }
            if !keys.isEmpty { throw CLIError("--keys needs --print-screen") }
            do {
                try ExplorerApp.run(env: env, spec: env.defaultSpecification(), lesson: runner, lessonStep: step ?? 1,
                                    language: unicode ? language : .en)
            } catch { throw CLIError("\(error)") }
        }
    }
}
