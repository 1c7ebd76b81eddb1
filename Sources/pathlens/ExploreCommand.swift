import Foundation
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

    @Option(name: .customLong("spec"), parsing: .unconditional, help: "Restore a specification saved with `w` (JSON).")
    var specFile: String?

    @Option(name: .customLong("if"), parsing: .unconditional, help: "Start on the subsample satisfying this Stata-style expression.")
    var condition: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("With --print: keys to replay headless, space-separated (q, M, enter, esc, down, ctrl-r, ...); "
                               + "\"text\" types text.", valueName: "keys"))
    var keys: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("With --print: screen size (default 80x24).", valueName: "WxH"))
    var size: String?

    @Flag(name: .customLong("print"), help: "Replay --keys without a terminal and print the final screen as text.")
    var printScreen = false

    func run() throws {
        let headless = try Explore.headlessOptions(keys: keys, size: size, print: printScreen, printFlag: "--print")
        let unicode = TerminalLocale.configure()
        let opened = try Explore.open(file: file, specFile: specFile)
        var env = ExplorerEnvironment(dataset: opened.dataset, unicode: unicode)
        env.dataFile = opened.dataFile
        env.openingWarning = opened.warning
        let dataset = opened.dataset
        var spec = opened.spec ?? env.defaultSpecification()
        if !unicode { spec.language = .en }
        if let condition {
            do { _ = try Filter(condition, dataset: dataset) } catch { throw CLIError("--if: \(error)") }
            spec.subsample = Subsample(condition: condition)
        }
        if let headless {
            emit(HeadlessScreen.text(HeadlessScreen.run(env: env, spec: spec, keys: headless.keys,
                                                        width: headless.width, height: headless.height)))
            return
        }
        do { try ExplorerApp.run(env: env, spec: spec) } catch { throw CLIError("\(error)") }
    }

    /// The dataset and specification the explorer opens on: FILE, else the data file the
    /// specification records (resolved against its folder), else the embedded replica. A
    /// recorded file that is missing, or changed so that the specification's variables are
    /// gone, is a one-line error naming both files; changed with its variables intact, a warning.
    static func open(file: String?, specFile: String?) throws
        -> (dataset: Dataset, spec: Specification?, dataFile: String?, warning: String?) {
        guard let specFile else { return (try loadDataset(file), nil, file, nil) }
        let saved: Specification
        do { saved = try SpecFile.read(specFile) } catch { throw CLIError("\(error)") }
        let recorded = SpecFile.dataPath(saved, specPath: specFile)
        let dataFile = file ?? recorded
        if file == nil, let recorded, !FileManager.default.fileExists(atPath: recorded) {
            throw CLIError("\(specFile): its data file \(recorded) does not exist (pass the data: pathlens FILE --spec \(specFile))")
        }
        let dataset = try loadDataset(dataFile)
        var warning: String?
        do {
            if let dataFile, saved.data?.path != nil {
                warning = try SpecFile.checkData(saved, specPath: specFile, dataFile: dataFile, dataset: dataset)
            }
            return (dataset, try SpecFile.validate(saved, path: specFile, for: dataset), dataFile, warning)
        } catch {
            throw CLIError("\(error)")
        }
    }

    /// A headless replay (`--keys`, `--size`, `--print`): checked before anything is loaded.
    struct Headless {
        var keys: [Key]
        var width: Int
        var height: Int
    }

    /// The replay asked for, nil for the terminal; `--keys`/`--size` without `printFlag` are errors.
    static func headlessOptions(keys: String?, size: String?, print: Bool, printFlag: String) throws -> Headless? {
        guard print else {
            if keys != nil { throw CLIError("--keys needs \(printFlag) (the terminal reads keys from the keyboard)") }
            if size != nil { throw CLIError("--size needs \(printFlag)") }
            return nil
        }
        let (width, height) = try parseSize(size ?? "80x24")
        let script: [(Key, String)]
        do { script = try KeyScript.parse(keys ?? "") } catch { throw CLIError("--keys: \(error)") }
        return Headless(keys: script.map(\.0), width: width, height: height)
    }

    /// WIDTHxHEIGHT, each side at most `ExplorerApp.maximumScreenSide`.
    static func parseSize(_ size: String) throws -> (Int, Int) {
        let parts = size.lowercased().split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
        let limit = ExplorerApp.maximumScreenSide
        guard parts.count == 2, let w = parts[0], let h = parts[1], w > 0, h > 0 else {
            throw CLIError("--size: expected WIDTHxHEIGHT such as 80x24, got \(MessageText.quote(size))")
        }
        guard w <= limit, h <= limit else {
            throw CLIError("--size \(w)x\(h) is too large (at most \(limit)x\(limit))")
        }
        return (w, h)
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
