import ArgumentParser
import Explorer
import StudyReplica
import SurveyData

/// `pathlens [FILE] [--spec FILE.json] [--if EXPR]`: the terminal explorer. Everything that can
/// fail (file, specification, condition, terminal) is checked before the screen is taken over,
/// so errors arrive as one line on a normal terminal.
struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Open the terminal explorer (the default: `pathlens`, `pathlens FILE`).")

    @Argument(help: "A .csv (with NAME.codebook.json beside it), .dta or .sav file; default: the embedded Dalian 2022 replica.")
    var file: String?

    @Option(name: .customLong("spec"), help: "Restore a specification saved with `w` (JSON).")
    var specFile: String?

    @Option(name: .customLong("if"), help: "Start on the subsample satisfying this Stata-style expression.")
    var condition: String?

    @Option(help: ArgumentHelp("With --print: keys to replay, space-separated (`M 2`, `space`, `enter`, `ctrl-r`; \"text\" types it).", valueName: "KEYS"))
    var keys: String = ""

    @Option(help: ArgumentHelp("With --print: screen size.", valueName: "WxH"))
    var size: String = "80x24"

    @Flag(name: .customLong("print"), help: "No terminal: replay --keys headless, waiting for all work after each key, and print the final screen as text.")
    var printScreen = false

    func run() throws {
        let unicode = TerminalLocale.configure()
        let dataset = try Explore.loadDataset(file)
        var spec: Specification
        let env = ExplorerEnvironment(dataset: dataset, unicode: unicode)
        if let specFile {
            do { spec = try SpecFile.load(specFile, for: dataset) } catch { throw CLIError("\(error)") }
        } else {
            spec = env.defaultSpecification()
        }
        if !unicode { spec.language = .en }
        if let condition {
            do { _ = try Filter(condition, dataset: dataset) } catch { throw CLIError("--if: \(error)") }
            spec.subsample = Subsample(condition: condition)
        }
        if printScreen {
            let (width, height) = try Explore.screenSize(size)
            let script = try Explore.keyScript(keys)
            var session = HeadlessSession(env: env, spec: spec, width: width, height: height)
            for (key, _) in script { session.press(key) }
            print(session.screenText)
            return
        }
        if !keys.isEmpty { throw CLIError("--keys needs --print") }
        do { try ExplorerApp.run(env: env, spec: spec) } catch { throw CLIError("\(error)") }
    }

    /// `--size WIDTHxHEIGHT`, each between 20 and 1000.
    static func screenSize(_ text: String) throws -> (Int, Int) {
        let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (20...1000).contains(parts[0]), (5...1000).contains(parts[1]) else {
            throw CLIError("--size: expected WIDTHxHEIGHT (e.g. 80x24), got '\(text)'")
        }
        return (parts[0], parts[1])
    }

    static func keyScript(_ text: String) throws -> [(Key, String)] {
        do { return try KeyScript.parse(text) } catch { throw CLIError("--keys: \(error)") }
    }

    /// The named file, or the embedded replica (with a hint when it has not been generated).
    static func loadDataset(_ file: String?) throws -> Dataset {
        let path: String
        do { path = try file ?? EmbeddedData.requireCSV(alternative: "pass a FILE") } catch { throw CLIError("\(error)") }
        do {
            return try DatasetLoader.load(path: path)
        } catch {
            if file == nil {
                throw CLIError("the embedded dataset cannot be read (\(error)); set PATHLENS_DATA or pass a FILE")
            }
            throw CLIError("\(error)")
        }
    }
}
