import ArgumentParser
import Explorer
import Foundation
import SurveyData

/// `pathlens bench ui`: replays a scripted key sequence headless (reducer + compute + render into
/// the cell grid, no terminal) and reports each redraw's latency against the 50 ms budget.
struct BenchUI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui", abstract: "Latency from key press to redraw, replayed headless.")

    /// The default `bench ui` sequence on the embedded data: controls, groups, estimators,
    /// variance, mediator, a subsample preset, undo/redo, labels and every view.
    static let defaultKeys = "space space j space space j j space space e e e e e v v M s down enter u u ctrl-r ctrl-r l l 2 3 4 5 6 1 b j space u"

    @Argument(help: "Dataset (default: the embedded replica).")
    var file: String?

    @Option(parsing: .unconditional, help: "Key script: space-separated keys (a, space, enter, down, ctrl-r, ...).")
    var keys: String = Self.defaultKeys

    @Option(parsing: .unconditional, help: "Latency budget per redraw in milliseconds.")
    var budget: Double = 50

    @Option(parsing: .unconditional, help: "Screen size WIDTHxHEIGHT.")
    var size: String = "80x24"

    @Flag(help: "Print every redraw, not only the summary.")
    var verbose = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Replay on generated data of this many rows (20 regressors, as `bench fit`) instead of a file.", valueName: "n"))
    var rows: Int?

    func run() throws {
        TerminalLocale.configure()
        if let rows, rows <= 10 { throw CLIError("--rows must be more than 10 (got \(rows))") }
        if rows != nil, file != nil { throw CLIError("--rows and a dataset file cannot be combined") }
        let dataset = try rows.map { BenchFitData.explorerDataset(rows: $0) } ?? Explore.loadDataset(file)
        let (width, height) = try Explore.parseSize(size)
        let script: [(Key, String)]
        do { script = try KeyScript.parse(keys) } catch { throw CLIError("\(error)") }
        let env = ExplorerEnvironment(dataset: dataset)
        var replay = HeadlessReplay(env: env, spec: env.defaultSpecification(), width: width, height: height)
        var redraws = [replay.open()]
        for (key, label) in script { redraws.append(replay.press(key, label: label)) }
        if verbose {
            for (i, r) in redraws.enumerated() {
                print(String(format: "%3d  %-8@ first numbers %8.2f ms   models %8.2f ms   with margins %8.2f ms   idle redraw %6.3f ms%@", i,
                             r.key as NSString, r.firstMilliseconds, r.milliseconds, r.completeMilliseconds, r.idleMilliseconds,
                             r.recomputed ? "  (new spec)" : ""))
            }
        }
        let keyRedraws = Array(redraws.dropFirst())
        let times = keyRedraws.map(\.milliseconds).sorted()
        func quantile(_ q: Double) -> Double { times.isEmpty ? 0 : times[min(times.count - 1, Int((Double(times.count - 1) * q).rounded()))] }
        let over = keyRedraws.filter { $0.milliseconds > budget }
        print("dataset \(dataset.name): \(dataset.rowCount) rows; screen \(size); \(keyRedraws.count) key presses")
        print(String(format: "open (first fits): %.1f ms, with margins %.1f ms", redraws[0].milliseconds, redraws[0].completeMilliseconds))
        let complete = keyRedraws.map(\.completeMilliseconds).sorted()
        print(String(format: "with all marginal effects: median %.2f ms, max %.2f ms (the Margins view fills in then)",
                     complete.isEmpty ? 0 : complete[complete.count / 2], complete.last ?? 0))
        print(String(format: "Models view redraw latency: median %.2f ms, p95 %.2f ms, max %.2f ms (budget %.0f ms)",
                     quantile(0.5), quantile(0.95), times.last ?? 0, budget))
        let toggles = keyRedraws.filter(\.recomputed)
        if !toggles.isEmpty {
            // Issue 18's targets for a toggle (a key that posts a new specification): first
            // numbers within 0.5 s, the whole Models view (every column, with margins) within 2 s.
            let first = toggles.map(\.firstMilliseconds).sorted(), whole = toggles.map(\.completeMilliseconds).sorted()
            print(String(format: "toggles (%d keys that recompute): first numbers median %.0f ms, max %.0f ms (target 500 ms); whole view median %.0f ms, max %.0f ms (target 2000 ms)",
                         toggles.count, first[first.count / 2], first.last ?? 0, whole[whole.count / 2], whole.last ?? 0))
        }
        let idle = keyRedraws.map(\.idleMilliseconds).sorted()
        print(String(format: "redraw with nothing new (progress tick): median %.3f ms, max %.3f ms",
                     idle.isEmpty ? 0 : idle[idle.count / 2], idle.last ?? 0))
        if over.isEmpty {
            print("all \(keyRedraws.count) redraws within budget")
        } else {
            print("\(over.count) redraws over budget: " + over.map { String(format: "%@ %.1f ms", $0.key, $0.milliseconds) }.joined(separator: ", "))
            throw ExitCode(1)
        }
    }
}
