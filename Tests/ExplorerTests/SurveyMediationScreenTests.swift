import Foundation
import PathLensTestSupport
import Testing

/// The Mediation view under a declared design (issue 17): its Baron–Kenny paths are `pathlens
/// mediate --svy …`'s, and a subsample is a subpopulation, `mediate --svy … --subpop …` (whose
/// paths SurveyMediationSubpopCLITests checks against `fit --subpop` and R), on survey's
/// `apistrat` sample (the files of `SurveyDesignScreenTests`).
@Suite(.requires(PathLensBinary.missing))
struct SurveyMediationScreenTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let csv = here.deletingLastPathComponent().appendingPathComponent("EstimationTests/Fixtures/api_strat.csv")
    static let codebook = here.appendingPathComponent("Fixtures/survey/api.codebook.json")
    static let svy = "strata=stype weight=pw fpc=fpc"

    func run(_ arguments: [String]) throws -> PathLensBinary.Run {
        try PathLensBinary.run(arguments, environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb"])
    }

    /// The estimate and the statistic in parentheses on the path line starting `label`.
    func path(_ screen: String, _ label: String) throws -> (estimate: String, statistic: String) {
        let line = try #require(screen.split(separator: "\n").first { $0.contains(label) }, "no \(label) in\n\(screen)")
        let after = line[line.range(of: label)!.upperBound...]
        let parts = after.split(separator: " ")
        let estimate = String(try #require(parts.first)).trimmingCharacters(in: CharacterSet(charactersIn: "*"))
        let statistic = try #require(after.range(of: "(t=").map { after[$0.upperBound...].prefix { $0 != ")" } })
        return (estimate, String(statistic))
    }

    @Test(arguments: [("", nil), (" s down enter", "mobility < 20")] as [(String, String?)])
    func mediationPathsAreMediateSvy(_ subsampleKeys: String, _ subpop: String?) throws {
        let dir = try PathLensBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("api.csv")
        try FileManager.default.copyItem(at: Self.csv, to: data)
        try FileManager.default.copyItem(at: Self.codebook, to: dir.appendingPathComponent("api.codebook.json"))
        // meals becomes the mediator; mobility and ell stay the controls.
        let screen = try run(["explore", data.path, "--size", "150x45", "--print",
                              "--keys", #"D ""# + Self.svy + #"" enter"# + subsampleKeys + #" / "meals" enter m 2"#])
        #expect(screen.status == 0, "\(screen.stderr)")
        #expect(screen.stdout.contains("Med: meals on"), "\(screen.stdout)")
        let cli = try run(["mediate", "--x", "sch_wide", "--m", "meals", "--y", "apicat", "--controls", "c.mobility + c.ell",
                           "--m-model", "ols", "--y-model", "ologit", "--method", "bk,sobel", "--data", data.path,
                           "--svy", Self.svy, "--format", "json"] + (subpop.map { ["--subpop", $0] } ?? []))
        #expect(cli.status == 0, "\(cli.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])
        #expect(json["subpop"] as? String == subpop)
        #expect(screen.stdout.contains("Path diagram  (N = \(json["n"] as? Int ?? -1))"), "\(screen.stdout)")
        let paths = try #require(json["paths"] as? [String: Any])
        for (key, label) in [("a", "a  ="), ("b", "b  ="), ("c", "c  ="), ("c_prime", "c′ =")] {
            let p = try #require(paths[key] as? [String: Any])
            let estimate = try #require((p["estimate"] as? NSNumber)?.doubleValue), se = try #require((p["se"] as? NSNumber)?.doubleValue)
            let shown = try path(screen.stdout, label)
            #expect(shown.estimate == String(format: "%.3f", estimate) && shown.statistic == String(format: "%.2f", estimate / se),
                    "\(key): screen \(shown) vs mediate \(estimate) (\(estimate / se))")
        }
    }
}
