import Foundation
import Testing
import PathLensTestSupport

/// `pathlens fit` with interactions and the margins options (issue 14): Stata term names and
/// codebook labels in JSON, `at`/`over` on margins rows, `contrasts`, one-line errors naming the
/// term or option. The numbers themselves are checked against R in EstimationTests.
@Suite(.requires(CLI.missing))
struct InteractionCLITests {
    static let workers = CLI.fixtures.appendingPathComponent("workers.csv").path

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try CLI.run(arguments + ["--data", Self.workers, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func termsAreNamedAsStataAndLabelled() throws {
        let out = try json(["fit", "ols", "skill ~ i.union##c.age + c.age#c.age"])
        let coefficients = try #require(out["coefficients"] as? [[String: Any]])
        let terms = coefficients.compactMap { $0["term"] as? String }
        #expect(terms.contains("1.union#c.age") && terms.contains("c.age#c.age"), "\(terms)")
        let label = coefficients.first { $0["term"] as? String == "1.union#c.age" }?["label"] as? String
        #expect(label?.contains(" # ") == true && label != "1.union # c.age", "\(label ?? "nil")")
    }

    @Test func marginsRowsCarryAtAndOverAndContrasts() throws {
        let at = try json(["fit", "ols", "skill ~ i.union##c.age", "--dydx", "union", "--at", "age=(30 50)", "--contrast"])
        let rows = try #require(at["margins"] as? [[String: Any]])
        #expect(rows.compactMap { $0["at"] as? String } == ["age=30", "age=50"])
        #expect(rows.allSatisfy { $0["term"] as? String == "union=1" && $0["over"] == nil })
        let contrasts = try #require(at["contrasts"] as? [[String: Any]])
        #expect(contrasts.count == 1 && contrasts[0]["at"] as? String == "age=50 vs age=30")
        let effects = rows.compactMap { $0["effect"] as? Double }
        let difference = try #require(contrasts[0]["effect"] as? Double)
        #expect(abs(difference - (effects[1] - effects[0])) < 1e-12)

        let over = try json(["fit", "ols", "skill ~ i.union##c.age", "--over", "union", "--dydx", "age"])
        let overRows = try #require(over["margins"] as? [[String: Any]])
        #expect(overRows.compactMap { $0["over"] as? String } == ["union=0", "union=1"])
        #expect(overRows.allSatisfy { $0["at"] as? String == "average" })
    }

    @Test(arguments: [
        (["skill ~ i.union#i.union"], "'i.union#i.union' interacts a factor variable with itself"),
        (["skill ~ i.union##c.age", "--at", "educ=(1 2)"], "--at: variable 'educ' is not in the model"),
        (["skill ~ i.union##c.age", "--at", "age=(x)"], "expected 'VAR=(v1 v2 …)'"),
        (["skill ~ i.union##c.age", "--over", "w"], "--over: variable 'w' is not in the model"),
        (["skill ~ i.union##c.age", "--contrast"], "--contrast needs --at"),
        (["skill ~ ib9.union#c.age"], "base level 9 of 'union'"),
        (["skill ~ i.union##(c.age"], "expected ')'"),
    ])
    func badInputIsOneLineError(arguments: [String], message: String) throws {
        let run = try CLI.run(["fit", "ols"] + arguments + ["--data", Self.workers])
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
    }
}
