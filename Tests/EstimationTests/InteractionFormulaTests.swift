import Foundation
import Testing
import SurveyData
@testable import Estimation

/// Stata's factor-variable operators (issue 14): `#` and `##` over `i.`/`c.`/`ib#.` terms and bare
/// variables, parenthesised groups, Stata's cell coding and term names, empty and collinear cells.
/// The numbers are checked against R in interactions.json (GoldenFixtureTests, ConditionalMarginsTests).
struct InteractionFormulaTests {
    private func texts(_ formula: String) throws -> [String] { try Formula.parse(formula).terms.map(\.text) }

    @Test func operatorsExpandAsStata() throws {
        #expect(try texts("y ~ i.union##i.industry") == ["i.union", "i.industry", "i.union#i.industry"])
        #expect(try texts("y ~ c.age##c.age") == ["c.age", "c.age#c.age"])
        #expect(try texts("y ~ i.union#c.age") == ["i.union#c.age"])
        // A bare variable inside `#` is categorical, as Stata's `group#sex`.
        #expect(try texts("y ~ group#sex + x") == ["i.group#i.sex", "x"])
        #expect(try texts("y ~ i.a##i.b##c.x") == ["i.a", "i.b", "c.x", "i.a#i.b", "i.a#c.x", "i.b#c.x", "i.a#i.b#c.x"])
        #expect(try texts("y ~ i.union##(c.age i.educ)")
                == ["i.union", "c.age", "i.educ", "i.union#c.age", "i.union#i.educ"])
        #expect(try texts("y ~ (c.age + ib3.educ)#i.union") == ["c.age#i.union", "ib3.educ#i.union"])
        #expect(try texts("y ~ ib(2).a # c.x") == ["ib2.a#c.x"])
    }

    @Test(arguments: [
        ("y ~ x#", "expected a term after '#'"),
        ("y ~ x##", "expected a term after '#'"),
        ("y ~ (x", "expected ')' to close the group"),
        ("y ~ ()", "empty group '()'"),
        ("y ~ x # + z", "expected a variable name, found '+'"),
        ("y ~ (a b) c", "expected '+' between terms, found 'c'"),
        ("y ~ " + String(repeating: "(", count: 40) + "x" + String(repeating: ")", count: 40), "nested more than 32 deep"),
        ("y ~ " + (1...9).map { "c.x\($0)" }.joined(separator: "#"), "at most 8 factors"),
        ("y ~ " + (1...20).map { "(a\($0) b\($0))" }.joined(separator: "##"), "expands to more than 10000 terms"),
    ])
    func badSyntaxIsAOneLineError(formula: String, message: String) {
        #expect { try Formula.parse(formula) } throws: { "\($0)".contains(message) && !"\($0)".contains("\n") }
    }

    @Test(arguments: [
        ("y ~ i.cat#i.cat", "'i.cat#i.cat' interacts a factor variable with itself"),
        ("y ~ cat##cat", "'i.cat#i.cat' interacts a factor variable with itself"),
        ("y ~ i.cat#c.x + i.x", "'c.x' and 'i.x' name the same variable"),
        ("y ~ i.cat#c.cat", "'i.cat' and 'c.cat' name the same variable"),
        ("y ~ x + i.grp#c.y", "the outcome 'y' cannot also be a regressor"),
        ("y ~ ib9.cat#c.x", "base level 9 of 'cat' does not occur"),
    ])
    func badInteractionsNameTheTerm(formula: String, message: String) {
        #expect {
            try DesignMatrix(spec: ModelSpec(kind: .ols, formula: formula), data: smallDataset())
        } throws: { "\($0)".contains(message) }
    }

    @Test func repeatsAreFoundWhateverTheOrder() throws {
        let (f, notes) = try Formula.parse("y ~ i.a##i.b + i.b#i.a + i.a + c.age##c.age").validated()
        #expect(f.terms.map(\.text) == ["i.a", "i.b", "i.a#i.b", "c.age", "c.age#c.age"])
        #expect(notes == [.repeatedTerm(term: "i.a", repeats: 1), .repeatedTerm(term: "i.a#i.b", repeats: 1)])
    }

    /// `#` alone: every cell but the all-base one; `i.a#c.x` without `c.x`: a slope per level.
    @Test func cellCodingFollowsTheLowerOrderTerms() throws {
        let data = smallDataset()
        func names(_ f: String) throws -> [String] { try DesignMatrix(spec: ModelSpec(kind: .ols, formula: f), data: data).terms.map(\.name) }
        #expect(try names("y ~ i.cat#c.x") == ["1.cat#c.x", "2.cat#c.x", "3.cat#c.x", "4.cat#c.x", "_cons"])
        #expect(try names("y ~ i.cat##c.x") == ["cat=1", "cat=3", "cat=4", "x", "1.cat#c.x", "3.cat#c.x", "4.cat#c.x", "_cons"])
        #expect(try names("y ~ c.x##c.x") == ["x", "c.x#c.x", "_cons"])
        #expect(try names("y ~ i.cat##i.grp") == ["cat=1", "cat=3", "cat=4", "grp=1", "1.cat#1.grp", "3.cat#1.grp", "4.cat#1.grp", "_cons"])
        #expect(try names("y ~ i.cat#i.grp")
                == ["1.cat#0.grp", "1.cat#1.grp", "2.cat#1.grp", "3.cat#0.grp", "3.cat#1.grp", "4.cat#1.grp", "_cons"])
        let d = try DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ c.x##c.x + i.cat#c.x"), data: data)
        let square = try #require(d.terms.firstIndex { $0.name == "c.x#c.x" })
        #expect(Array(d.column(square)) == Array(d.column(0)).map { $0 * $0 })
        #expect(d.terms[square].components == [.init(variable: "x", level: nil), .init(variable: "x", level: nil)])
        #expect(!d.terms[square].isConstant && d.terms[square].variable == nil)
    }

    /// Level 4 of `cat` occurs only with grp = 1: the cell 4.cat#0.grp is listed as empty, with a note.
    @Test func emptyCellsAreOmittedWithANote() throws {
        let spec = ModelSpec(kind: .ols, formula: "y ~ i.cat#i.grp + c.x")
        let data = try CSVLoader.load(bytes: Array(("y,x,cat,grp\n" + (0..<40).map { i in
            let cat = i % 4 + 1, grp = cat == 4 ? 1 : i / 4 % 2
            return "\(Double(i % 7) + 0.5 * Double(cat)),\(i % 5),\(cat),\(grp)"
        }.joined(separator: "\n") + "\n").utf8), name: "cells.csv")
        let r = try fitModel(spec, data: data)
        #expect(r.omitted == [OmittedTerm(term: "4.cat#0.grp", reason: .empty)])
        #expect(r.notes.contains("4.cat#0.grp omitted because it has no observations in the estimation sample (empty cell)"), "\(r.notes)")
        #expect(r.coefficients.map(\.term) == ["1.cat#1.grp", "2.cat#0.grp", "2.cat#1.grp", "3.cat#0.grp", "3.cat#1.grp",
                                               "4.cat#1.grp", "x", "_cons"])
        #expect(EstimationNote.emptyCell(term: "4.cat#0.grp").text(.zh) == "4.cat#0.grp 在估计样本中无观测，已省略")
    }

    /// z = x·grp duplicates 1.grp#c.x: the later (interaction) column goes, with Stata's note.
    @Test func collinearInteractionColumnsAreOmittedWithANote() throws {
        let data = try CSVLoader.load(bytes: Array(("y,x,grp,z\n" + (0..<30).map { i in
            let x = Double(i % 6), grp = Double(i % 2)
            return "\(Double(i % 5) + x * 0.3),\(x),\(Int(grp)),\(x * grp)"
        }.joined(separator: "\n") + "\n").utf8), name: "collinear.csv")
        let r = try fitModel(ModelSpec(kind: .ols, formula: "y ~ c.x + c.z + i.grp#c.x"), data: data)
        #expect(r.omitted == [OmittedTerm(term: "1.grp#c.x", reason: .collinear)])
        #expect(r.notes.contains("1.grp#c.x omitted because of collinearity"))
        #expect(r.coefficients.map(\.term) == ["x", "z", "_cons"])
    }

    /// A text column cannot enter an interaction, even under `i.`.
    @Test func aTextColumnInAnInteractionIsAnError() throws {
        let data = try CSVLoader.load(bytes: Array("y,s,x\n1,a,1\n2,b,2\n3,a,3\n4,n.a.,5\n".utf8), name: "t.csv")
        #expect {
            try DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ i.s#c.x"), data: data)
        } throws: { "\($0)".contains("variable 's' is text") && "\($0)".contains("'i.s#c.x'") }
    }
}

/// The term helpers the explorer, lessons, spec files and `mediate --controls` use on interactions.
struct InteractionTermHelperTests {
    @Test func variablesOfATermIncludeEveryFactor() {
        #expect(FormulaTerms.variables(of: "i.union##(c.age i.educ)") == ["union", "age", "educ"])
        #expect(FormulaTerms.variables(of: "c.age##c.age") == ["age"])
        #expect(FormulaTerms.variables(of: "ib3.educ") == ["educ"])
        #expect(FormulaTerms.variable(of: "i.union#c.age") == "union")
        #expect(FormulaTerms.variable(of: "c.age") == "age")
    }

    @Test func listsSplitOutsideParentheses() {
        #expect(FormulaTerms.split("male + i.union##(c.age + i.educ) + c.age##c.age")
                == ["male", "i.union##(c.age + i.educ)", "c.age##c.age"])
        #expect(FormulaTerms.split("a, b + (c, d)", at: [",", "+"]) == ["a", "b", "(c, d)"])
        #expect(FormulaTerms.split(" + ") == [])
    }
}
