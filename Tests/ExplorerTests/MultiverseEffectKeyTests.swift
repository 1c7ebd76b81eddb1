import Foundation
import PathLensTestSupport
import Testing

/// View 7's effect key `a` through the headless `explore --keys … --print` path: it cycles the
/// coefficient, AME, indirect effect, KHB difference and ACME (with the embedded study's
/// designated mediator), `?` lists it, the current specification's number is `pathlens
/// multiverse`'s for the same effect, the choice is saved, and `x` writes the switched effect's
/// rows and SVG (atomically: nothing else is left in the folder).
@Suite(.requires(PathLensBinary.missing))
struct MultiverseEffectKeyTests {
    func run(_ arguments: [String], language: String = "C.UTF-8") throws -> PathLensBinary.Run {
        try PathLensBinary.run(arguments, environment: ["LANG": language, "LC_ALL": language, "TERM": "dumb"])
    }

    func screen(_ keys: String, size: String = "120x34", language: String = "C.UTF-8") throws -> String {
        let r = try run(["explore", "--keys", keys, "--size", size, "--print"], language: language)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    @Test func aCyclesTheEffectsAndHelpListsIt() throws {
        let titles = [("7", "the coefficient of i.union"), ("7 a", "the AME of i.union"),
                      ("7 a a", "the indirect effect a·b (Sobel) of i.union"), ("7 a a a", "the KHB difference of i.union"),
                      ("7 a a a a", "the ACME of i.union"), ("7 a a a a a", "the coefficient of i.union")]
        for (keys, title) in titles {
            let text = try screen(keys)
            #expect(text.contains("Specification curve: \(title)"), "\(keys):\n\(text)")
        }
        #expect(try screen("7 a").contains("view 7 draws the AME (a: next effect)"))
        #expect(try screen("7 a a a a").contains("(point estimate, no interval)"))
        #expect(try screen("L 7 a").contains("设定曲线：i.union 对 skill 的平均边际效应"))
        let ascii = try screen("7 a a", language: "C")
        #expect(ascii.unicodeScalars.allSatisfy(\.isASCII) && ascii.contains("a*b (Sobel)"), "\(ascii)")
        let help = try screen("?", size: "120x60")
        #expect(help.contains("Multiverse view: effect shown: coefficient, AME, and with a mediator indirect, KHB, ACME"), "\(help)")
    }

    /// The current specification (every group on, OLS first) against the CLI's base row.
    @Test(arguments: [("7", "coef", ""), ("7 a", "ame", ""), ("7 a a", "indirect", "--m training")])
    func currentSpecificationIsTheCLIs(_ keys: String, _ effect: String, _ extra: String) throws {
        let text = try screen(keys)
        var arguments = ["multiverse", "--x", "union", "--y", "skill", "--estimators", "ols,ologit", "--effects", effect, "--format", "json"]
        arguments += extra.split(separator: " ").map(String.init)
        let cli = try run(arguments)
        #expect(cli.status == 0, "\(cli.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])
        let base = try #require((json["specifications"] as? [[String: Any]])?.first { $0["base"] as? Bool == true })
        func f(_ key: String) -> String { String(format: "%.3f", (base[key] as? NSNumber)?.doubleValue ?? .nan) }
        let line = "◆ current specification: \(f("estimate")) [\(f("ci_low")), \(f("ci_high"))]"
        #expect(text.contains(line), "\(line) not in\n\(text)")
    }

    @Test func theEffectIsSavedAndExported() throws {
        let dir = try PathLensBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("spec.json").path, csv = dir.appendingPathComponent("curve.csv").path
        let text = try screen(#"7 a w ctrl-u ""# + spec + #"" enter x down down enter ctrl-u ""# + csv + #"" enter"#)
        #expect(text.contains("exported Multiverse as CSV"), "\(text)")
        let saved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: spec))) as? [String: Any])
        #expect(saved["multiverse_effect"] as? String == "ame")
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(rows.first?.hasPrefix("id,controls,subsample,estimator,effect,") == true)
        #expect(rows.dropFirst().filter { $0.contains(",ame,") }.count == 16, "\(rows.prefix(3))")
        let svg = try String(contentsOfFile: dir.appendingPathComponent("curve.svg").path, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("AME"), "\(svg.prefix(400))")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["curve.csv", "curve.svg", "spec.json"], "\(files)")
        // Reopened, view 7 draws the saved effect.
        let reopened = try run(["--spec", spec, "--keys", "7", "--size", "120x34", "--print"])
        #expect(reopened.stdout.contains("Specification curve: the AME of i.union"), "\(reopened.stdout)")
    }
}
