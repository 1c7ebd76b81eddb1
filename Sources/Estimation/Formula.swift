import SurveyData
/// A parsed model formula in Stata factor notation: `y ~ x1 + i.cat + ib3.cat2 + c.age`.
///
/// Parsing is pure (no dataset needed) so the explorer can validate as the user types and the
/// fuzzer can hammer it; names are checked against the data later, when the design is built.
public struct Formula: Sendable, Equatable, Hashable {
    /// How a term asks to be treated.
    public enum TermKind: Sendable, Equatable, Hashable {
        /// Bare name: a `categorical` codebook type expands as a factor, anything else is one column.
        case automatic
        /// `c.x`: one column whatever the codebook says.
        case continuous
        /// `i.x` (base nil: codebook base, else the lowest level) or `ibN.x` (base N).
        case factor(base: Double?)
    }

    public struct Term: Sendable, Equatable, Hashable {
        public var variable: String
        public var kind: TermKind
        /// 1-based character column where the term starts (for error messages).
        public var column: Int

        public init(variable: String, kind: TermKind, column: Int) {
            self.variable = variable; self.kind = kind; self.column = column
        }
    }

    public var text: String
    public var outcome: String
    public var outcomeColumn: Int
    public var terms: [Term]

    public init(text: String, outcome: String, outcomeColumn: Int = 1, terms: [Term]) {
        self.text = text; self.outcome = outcome; self.outcomeColumn = outcomeColumn; self.terms = terms
    }

    /// Every variable the formula names, outcome first, without repeats.
    public var variables: [String] {
        var seen = Set<String>()
        return ([outcome] + terms.map(\.variable)).filter { seen.insert($0).inserted }
    }

    /// Parses `text`; throws `EstimationError.formula` with the 1-based column of the problem.
    /// Never traps, whatever the input (it has a libFuzzer target).
    public static func parse(_ text: String) throws(EstimationError) -> Formula {
        var parser = FormulaParser(text: text)
        return try parser.parse()
    }
}

/// Hand-written recursive-descent parser: the grammar is tiny and the error columns matter more
/// than anything a generic parsing library would add.
struct FormulaParser {
    let text: String
    let chars: [Character]
    var position = 0

    init(text: String) {
        self.text = text
        self.chars = Array(text)
    }

    private var column: Int { position + 1 }

    private func fail(_ message: String, at index: Int? = nil) -> EstimationError {
        .formula(formula: text, column: (index ?? position) + 1, message: message)
    }

    private mutating func skipSpaces() {
        while position < chars.count, chars[position].isWhitespace { position += 1 }
    }

    private func isNameStart(_ c: Character) -> Bool { c == "_" || c.isLetter }
    private func isNameBody(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }

    private var current: Character? { position < chars.count ? chars[position] : nil }

    private func describe(_ c: Character?) -> String {
        guard let c else { return "end of formula" }
        return "'\(c)'"
    }

    mutating func parse() throws(EstimationError) -> Formula {
        skipSpaces()
        guard current != nil else { throw fail("empty formula; expected 'y ~ x1 + x2'") }
        let outcomeStart = position
        guard let c = current, isNameStart(c) else {
            throw fail("expected the outcome variable name, found \(describe(current))")
        }
        let outcome = readName()
        skipSpaces()
        if let c = current, c == "." {
            throw fail("the outcome cannot carry a factor prefix", at: outcomeStart)
        }
        guard current == "~" else {
            throw fail("expected '~' after the outcome, found \(describe(current))")
        }
        position += 1
        var terms: [Formula.Term] = []
        repeat {
            skipSpaces()
            terms.append(try parseTerm())
            skipSpaces()
            guard let c = current else { break }
            guard c == "+" else { throw fail("expected '+' between terms, found \(describe(c))") }
            position += 1
        } while true
        return Formula(text: text, outcome: outcome, outcomeColumn: outcomeStart + 1, terms: terms)
    }

    private mutating func readName() -> String {
        let start = position
        while let c = current, isNameBody(c) { position += 1 }
        return String(chars[start..<position])
    }

    /// `name`, `c.name`, `i.name`, `ibN.name`, `ib(N).name`.
    private mutating func parseTerm() throws(EstimationError) -> Formula.Term {
        let start = position
        guard let c = current else { throw fail("expected a term after '\(start == 0 ? "~" : "+")', found end of formula") }
        guard isNameStart(c) else { throw fail("expected a variable name, found \(describe(c))") }
        // Read a word; if a '.' follows it is a prefix.
        let word = readName()
        guard current == "." || (current == "(" && word == "ib") else {
            return Formula.Term(variable: word, kind: .automatic, column: start + 1)
        }
        var kind: Formula.TermKind
        if current == "(" {
            position += 1
            let base = try readNumber(prefixStart: start)
            guard current == ")" else { throw fail("expected ')' after the base level, found \(describe(current))") }
            position += 1
            guard current == "." else { throw fail("expected '.' after 'ib(\(formatCode(base)))'") }
            kind = .factor(base: base)
        } else {
            switch word {
            case "i": kind = .factor(base: nil)
            case "c": kind = .continuous
            default:
                if word.hasPrefix("ib") {
                    let digits = String(word.dropFirst(2))
                    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                          let base = Double(digits), base.isFinite else {
                        throw fail("unknown factor prefix '\(word).'; use i., ibN. or c.", at: start)
                    }
                    kind = .factor(base: base)
                } else {
                    throw fail("unknown factor prefix '\(word).'; use i., ibN. or c.", at: start)
                }
            }
        }
        position += 1 // the '.'
        guard let n = current, isNameStart(n) else {
            throw fail("expected a variable name after the prefix, found \(describe(current))")
        }
        let nameStart = position
        let name = readName()
        if current == "." {
            throw fail("only one factor prefix per term is supported", at: nameStart)
        }
        return Formula.Term(variable: name, kind: kind, column: start + 1)
    }

    /// A possibly negative decimal inside `ib(...)`.
    private mutating func readNumber(prefixStart: Int) throws(EstimationError) -> Double {
        let start = position
        if current == "-" { position += 1 }
        while let c = current, c.isASCII, c.isNumber || c == "." { position += 1 }
        let token = String(chars[start..<position])
        guard let value = Double(token), value.isFinite else {
            throw fail("expected a number for the base level", at: start)
        }
        return value
    }
}

extension Formula.Term {
    /// The term as written in Stata notation: `x`, `c.x`, `i.x`, `ib3.x`.
    public var text: String {
        switch kind {
        case .automatic: return variable
        case .continuous: return "c.\(variable)"
        case .factor(nil): return "i.\(variable)"
        case .factor(let base?): return "ib\(formatCode(base)).\(variable)"
        }
    }

    var isFactor: Bool { if case .factor = kind { return true } else { return false } }
}

extension Formula {
    /// The formula a model may be fitted on, and what was changed: the outcome may not be a
    /// regressor (R² = 1 otherwise); a term repeated (`union + union`, `c.age + age`) is kept once
    /// with a note, as Stata's `_rmcoll` would omit the copy — but here before any column is built,
    /// so the text and JSON agree and 5,000 repeats cost nothing; the same variable both as a factor
    /// and as one column (`i.educ + educ`), or as factors with different bases, is an error naming
    /// both. One pass with a dictionary: linear in the number of terms.
    public func validated() throws(EstimationError) -> (formula: Formula, notes: [EstimationNote]) {
        var firstOf: [String: Int] = [:]
        var kept: [Term] = []
        kept.reserveCapacity(terms.count)
        var repeats: [Int] = []
        for term in terms {
            if term.variable == outcome {
                throw .formula(formula: text, column: term.column,
                               message: FormulaCheckText.outcomeAsRegressor(outcome).text(.en))
            }
            guard let k = firstOf[term.variable] else {
                firstOf[term.variable] = kept.count
                kept.append(term)
                repeats.append(0)
                continue
            }
            let first = kept[k]
            let same = first.isFactor == term.isFactor && (!first.isFactor || first.kind == term.kind)
            guard same else {
                throw .formula(formula: text, column: term.column,
                               message: FormulaCheckText.conflictingTerms(first.text, term.text).text(.en))
            }
            repeats[k] += 1
        }
        var copy = self
        copy.terms = kept
        let notes = zip(kept, repeats).compactMap { term, count in
            count > 0 ? EstimationNote.repeatedTerm(term: term.text, repeats: count) : nil
        }
        return (copy, notes)
    }
}

/// The formula checks' messages, en and zh.
enum FormulaCheckText {
    case outcomeAsRegressor(String)
    case conflictingTerms(String, String)
    case textColumn(variable: String, cell: NonNumericCell, role: String)

    func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .outcomeAsRegressor(let outcome):
            return zh ? "结果变量 '\(outcome)' 不能同时作为回归变量" : "the outcome '\(outcome)' cannot also be a regressor"
        case let .conflictingTerms(a, b):
            return zh ? "'\(a)' 与 '\(b)' 指同一变量，请只用其一"
                      : "'\(a)' and '\(b)' name the same variable in different ways; use one"
        case let .textColumn(variable, cell, role):
            return zh ? "变量 '\(variable)' 按文本读取（\(cell.file) 第 \(cell.line) 行：\(cell.quotedValue) 不是数字），不能作为数值用于 \(role)"
                      : "variable '\(variable)' was read as text (\(cell.file) line \(cell.line): \(cell.quotedValue) is not a number); it cannot be used as a number in \(role)"
        }
    }
}
