import Testing
@testable import SurveyData

@Suite struct FilterTests {
    /// Five rows; `industry` labelled, `wage` with a missing value.
    private func sample() -> Dataset {
        let industry = VariableInfo(name: "industry", labelEN: "Industry", type: .categorical, values: [
            ValueLabel(code: 1, name: "primary", labelEN: "Primary sector", labelZH: "第一产业"),
            ValueLabel(code: 2, name: "secondary", labelEN: "Secondary sector", labelZH: "第二产业"),
            ValueLabel(code: 3, name: "tertiary", labelEN: "Tertiary sector", labelZH: "第三产业"),
        ])
        let codebook = Codebook(dataset: "s", variables: [
            VariableInfo(name: "age", type: .continuous),
            VariableInfo(name: "male", type: .binary),
            industry,
            VariableInfo(name: "wage", type: .continuous),
        ])
        return Dataset(name: "s", columns: [
            Column(name: "age", values: [20, 30, 40, 50, 60]),
            Column(name: "male", values: [1, 0, 1, 0, .nan]),
            Column(name: "industry", values: [1, 2, 3, 2, .nan]),
            Column(name: "wage", values: [100, .nan, 300, 400, 500]),
        ], codebook: codebook)
    }

    private func mask(_ text: String) throws -> [Bool] {
        let d = sample()
        return try Filter(text, dataset: d).mask(on: d)
    }

    private func expectError(_ text: String, column: Int, _ message: String) {
        #expect(throws: SurveyDataError.filter(expression: text, column: column, message: message)) {
            try Filter(text, dataset: sample())
        }
    }

    @Test func comparisonsAndLogic() throws {
        #expect(try mask("age >= 40") == [false, false, true, true, true])
        #expect(try mask("age > 20 & age < 50") == [false, true, true, false, false])
        #expect(try mask("age == 20 | age == 60") == [true, false, false, false, true])
        #expect(try mask("!(age <= 30)") == [false, false, true, true, true])
        #expect(try mask("~(age <= 30)") == [false, false, true, true, true])
        let tilde = try mask("age ~= 30")
        #expect(try mask("age != 30") == tilde)
        #expect(try mask("male") == [true, false, true, false, true]) // missing is true, as in Stata
        #expect(try mask("1") == [true, true, true, true, true])
    }

    @Test func arithmeticAndPrecedence() throws {
        #expect(try mask("age / 10 + 1 == 3") == [true, false, false, false, false])
        #expect(try mask("age - 10 * 2 == 0") == [true, false, false, false, false])
        #expect(try mask("-2^2 == -4") == [true, true, true, true, true]) // ^ binds tighter than negation
        #expect(try mask("(age - 20) * 2 > 50") == [false, false, false, true, true])
        #expect(try mask("age / 0 == .") == [true, true, true, true, true]) // division by zero is missing
        #expect(try mask("2 ^ 3 ^ 2 == 64") == [true, true, true, true, true]) // left to right, as in Stata
    }

    /// Stata: a missing value is larger than any number.
    @Test func missingComparesAsLargest() throws {
        #expect(try mask("wage > 350") == [false, true, false, true, true])
        #expect(try mask("wage < 350") == [true, false, true, false, false])
        #expect(try mask("wage < .") == [true, false, true, true, true])
        #expect(try mask("wage == .") == [false, true, false, false, false])
        #expect(try mask("wage >= .") == [false, true, false, false, false])
        #expect(try mask("wage >= .a") == [false, false, false, false, false]) // a system missing is below .a
        #expect(try mask("missing(wage)") == [false, true, false, false, false])
        #expect(try mask("!missing(wage)") == [true, false, true, true, true])
        #expect(try mask("missing(wage, male)") == [false, true, false, false, true])
        #expect(try mask("mi(male)") == [false, false, false, false, true])
        #expect(try mask("wage + 1 > 1000") == [false, true, false, false, false]) // missing + 1 is missing
    }

    @Test func functions() throws {
        #expect(try mask("inlist(age, 20, 50, 70)") == [true, false, false, true, false])
        #expect(try mask("inrange(age, 30, 50)") == [false, true, true, true, false])
        #expect(try mask("inrange(wage, 100, 400)") == [true, false, true, true, false]) // missing z → 0
        #expect(try mask("inrange(age, ., 30)") == [true, true, false, false, false]) // missing a → −∞
        #expect(try mask("inrange(age, 50, .)") == [false, false, false, true, true]) // missing b → +∞
    }

    @Test func stringLiteralsMeanValueLabels() throws {
        #expect(try mask("industry == \"secondary\"") == [false, true, false, true, false])
        #expect(try mask("\"tertiary\" == industry") == [false, false, true, false, false])
        #expect(try mask("industry == \"第一产业\"") == [true, false, false, false, false])
        #expect(try mask("industry == \"Tertiary sector\"") == [false, false, true, false, false])
        #expect(try mask("inlist(industry, \"primary\", \"tertiary\")") == [true, false, true, false, false])
        #expect(try mask("industry != \"primary\" & !missing(industry)") == [false, true, true, true, false])
    }

    @Test func reportsVariables() throws {
        let f = try Filter("age > 3 & industry == \"primary\" | age < 2", dataset: sample())
        #expect(f.variables == ["age", "industry"])
    }

    @Test func errorsNameTheColumn() {
        expectError("", column: 1, "empty expression")
        expectError("   ", column: 1, "empty expression")
        expectError("agee > 3", column: 1, "unknown variable 'agee'; did you mean 'age'?")
        expectError("age > 3 & foo", column: 11, "unknown variable 'foo'")
        expectError("age = 3", column: 5, "'=' assigns; use '==' to compare")
        expectError("age > > 3", column: 7, "unexpected '>'")
        expectError("(age > 3", column: 1, "unclosed parenthesis")
        expectError("inrange(age, 1", column: 8, "unclosed parenthesis in inrange()")
        expectError("inrange(age, 1)", column: 1, "inrange() takes 3 arguments, got 2")
        expectError("inlist(age)", column: 1, "inlist() takes a value and at least one candidate, got 1 argument")
        expectError("missing()", column: 1, "missing() takes at least 1 argument, got 0")
        expectError("max(age, 3)", column: 1, "unknown function 'max()' (available: inlist, inrange, missing)")
        expectError("age > 3 4", column: 9, "unexpected '4' after a complete expression")
        expectError("age > 3)", column: 8, "unexpected ')' after a complete expression")
        expectError("age >", column: 6, "expression ends too early")
        expectError("age > 3 @", column: 9, "unexpected character '@'")
        expectError("industry == \"mining\"", column: 13,
                    "\"mining\" is not a value label of 'industry' (valid: primary, secondary, tertiary)")
        expectError("age == \"old\"", column: 8, "variable 'age' has no value labels to match \"old\"")
        expectError("\"a\" == \"b\"", column: 1, "a string can only be compared with a labelled variable (e.g. industry == \"a\")")
        expectError("industry == \"sec", column: 13, "unterminated string (missing closing \")")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(throws: SurveyDataError.self) { try Filter(deep, dataset: sample()) }
        let long = Array(repeating: "age", count: 5000).joined(separator: " + ")
        #expect(throws: SurveyDataError.self) { try Filter(long, dataset: sample()) }
        let nots = String(repeating: "!", count: 5000) + "age"
        #expect(throws: SurveyDataError.self) { try Filter(nots, dataset: sample()) }
    }

    @Test func evaluatesOnAnotherDatasetWithTheSameVariables() throws {
        let d = sample()
        let f = try Filter("age >= 40", dataset: d)
        let sub = d.subset([true, false, true, false, true])
        #expect(try f.mask(on: sub) == [false, true, true])
        let other = Dataset(name: "o", columns: [Column(name: "x", values: [1])], codebook: Codebook(dataset: "o", variables: []))
        #expect(throws: SurveyDataError.unknownVariable("age", dataset: "o")) { try f.mask(on: other) }
    }

    @Test func fastOnAMillionRows() throws {
        let n = 1_000_000
        let d = Dataset(name: "big", columns: [
            Column(name: "x", values: (0..<n).map { Double($0 % 100) }),
            Column(name: "y", values: (0..<n).map { $0 % 7 == 0 ? .nan : Double($0 % 3) }),
        ], codebook: Codebook(dataset: "big", variables: []))
        let f = try Filter("inrange(x, 10, 50) & !missing(y) | y == 2", dataset: d)
        let m = try f.mask(on: d)
        #expect(m.count == n)
        #expect(m[10] == true && m[0] == false && m[7] == false)
    }
}
