import Testing
@testable import Estimation

struct FormulaTests {
    @Test func parsesStataFactorNotation() throws {
        let f = try Formula.parse("skill ~ union + i.educ + ib3.occ + c.age + ib(2).ind")
        #expect(f.outcome == "skill")
        #expect(f.terms.map(\.variable) == ["union", "educ", "occ", "age", "ind"])
        #expect(f.terms.map(\.kind) == [.automatic, .factor(base: nil), .factor(base: 3), .continuous, .factor(base: 2)])
        #expect(f.terms.map(\.column) == [9, 17, 26, 36, 44])
        #expect(f.variables == ["skill", "union", "educ", "occ", "age", "ind"])
    }

    @Test func spacesAreOptional() throws {
        let f = try Formula.parse("  y~x1+i.x2  ")
        #expect(f.terms.count == 2)
    }

    @Test(arguments: [
        ("", 1), ("y", 2), ("y ~", 4), ("y ~ x +", 8), ("y ~ x + + z", 9), ("~ x", 1),
        ("y ~ q.x", 5), ("y ~ ib.x", 5), ("y ~ i.", 7), ("y ~ x z", 7), ("y ~ i.c.x", 7),
        ("i.y ~ x", 1), ("y ~ 3", 5), ("y ~ ib(a).x", 8), ("y ~ x * z", 7),
    ])
    func errorsCarryTheColumn(text: String, column: Int) {
        do {
            _ = try Formula.parse(text)
            Issue.record("'\(text)' parsed")
        } catch let EstimationError.formula(formula, col, message) {
            #expect(formula == text)
            #expect(col == column, "'\(text)': \(message)")
            #expect(!message.isEmpty)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// The parser has a libFuzzer target; here a cheap deterministic sweep of odd inputs.
    @Test func neverTraps() {
        let pieces = ["y", "~", "+", "i.", "ib", "(", ")", "-", "3", ".", " ", "c.", "x", "é", "💥", "ib(", "\u{0}", "1e9"]
        var state: UInt64 = 42
        for _ in 0..<3000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 60)
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            _ = try? Formula.parse(text)
        }
    }
}
