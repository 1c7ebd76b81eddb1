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
          pathlens teach --step 3 --keys "tab j" --print-screen   (the lesson screen as text)
        Lesson file format: lessons/README.md.
        """)

    @Argument(help: ArgumentHelp("Lesson file (default: the shipped Dalian 2022 lesson).", valueName: "file"))
    var file: String?

    @Flag(name: .customLong("print"), help: "Render the whole lesson as a Markdown handout on stdout.")
    var printHandout = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Language of the lesson or handout: en or zh (l switches in the lesson).", valueName: "en|zh"))
    var lang: String = "en"

    @Option(parsing: .unconditional, help: ArgumentHelp("With --print: only this step; otherwise the step the lesson opens at (1-based).", valueName: "n"))
    var step: Int?

    @Flag(help: "Only check the lesson file (parse, variables, placeholders) and say so.")
    var check = false

    @Option(parsing: .unconditional, help: ArgumentHelp("With --print-screen: keys to replay headless, space-separated (n, p, l, esc, ...); "
                               + "\"text\" types text.", valueName: "keys"))
    var keys: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("With --print-screen: screen size (default 80x24).", valueName: "WxH"))
    var size: String?

    @Flag(name: .customLong("print-screen"), help: "Replay --keys in the lesson without a terminal and print the final screen as text.")
    var printScreen = false

    func run() throws {
        try reportingErrors {
            if printHandout && printScreen { throw CLIError("--print and --print-screen cannot be combined") }
            let headless = try Explore.headlessOptions(keys: keys, size: size, print: printScreen, printFlag: "--print-screen")
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
            if let headless {
                emit(HeadlessScreen.text(HeadlessScreen.run(env: env, spec: env.defaultSpecification(), keys: headless.keys,
                                                            width: headless.width, height: headless.height, lesson: runner,
                                                            lessonStep: step ?? 1, language: unicode ? language : .en)))
                return
            }
            do {
                try ExplorerApp.run(env: env, spec: env.defaultSpecification(), lesson: runner, lessonStep: step ?? 1,
                                    language: unicode ? language : .en)
            } catch { throw CLIError("\(error)") }
        }
    }
}
