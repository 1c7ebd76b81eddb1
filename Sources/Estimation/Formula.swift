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

    /// One variable of a term: the whole term for a main effect, one factor of a product
    /// (`i.union#c.age` has two).
    public struct Factor: Sendable, Equatable, Hashable {
        public var variable: String
        public var kind: TermKind
        /// 1-based character column where the factor starts (for error messages).
        public var column: Int

        public init(variable: String, kind: TermKind, column: Int) {
            self.variable = variable; self.kind = kind; self.column = column
        }
    }

    /// A term: a main effect (one factor) or an interaction (`#`: the product of its factors).
    public struct Term: Sendable, Equatable, Hashable {
        /// At least one; more for an interaction, in the order written.
        public var factors: [Factor]

        public init(variable: String, kind: TermKind, column: Int) {
            self.factors = [Factor(variable: variable, kind: kind, column: column)]
        }

        public init(factors: [Factor]) { self.factors = factors }

        /// The (first) factor's variable: the term's variable for a main effect.
        public var variable: String {
            get { factors[0].variable }
            set { factors[0].variable = newValue }
        }

        /// The (first) factor's kind.
        public var kind: TermKind {
            get { factors[0].kind }
            set { factors[0].kind = newValue }
        }

        /// 1-based character column where the term starts (for error messages).
        public var column: Int { factors[0].column }

        /// A product of two or more factors (`i.a#i.b`, `c.age#c.age`).
        public var isInteraction: Bool { factors.count > 1 }

        /// Order-free identity: `i.a#i.b` and `i.b#i.a` are the same term, `c.age#c.age` is not `c.age`.
        public var key: String { factors.map(\.variable).sorted().joined(separator: "#") }
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
        return ([outcome] + terms.flatMap { $0.factors.map(\.variable) }).filter { seen.insert($0).inserted }
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
    /// Open parentheses around the current position (bounded so deep nesting cannot exhaust the stack).
    var depth = 0
    /// Stata's limit on the factors of one interaction, and a bound on what `##` may expand to.
    static let maxFactors = 8, maxExpandedTerms = 10_000, maxDepth = 32

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
        let terms = try parseSum(inGroup: false)
        return Formula(text: text, outcome: outcome, outcomeColumn: outcomeStart + 1, terms: terms)
    }

    /// Terms joined by `+` (inside a parenthesised group also by spaces, as Stata's
    /// `i.union##(c.age i.educ)`), up to the end of the formula or the group's `)`.
    private mutating func parseSum(inGroup: Bool) throws(EstimationError) -> [Formula.Term] {
        var terms: [Formula.Term] = []
        repeat {
            skipSpaces()
            terms += try parseProduct()
            skipSpaces()
            guard let c = current else {
                if inGroup { throw fail("expected ')' to close the group, found end of formula") }
                break
            }
            if c == "+" { position += 1; continue }
            if inGroup {
                if c == ")" { break }
                if isNameStart(c) || c == "(" { continue }
            }
            throw fail("expected '+' between terms, found \(describe(c))")
        } while true
        return terms
    }

    /// Operands joined by `#` (the products only) or `##` (every lower-order term too — Stata's
    /// full factorial), left to right. A bare variable in a product is a factor, as in Stata.
    private mutating func parseProduct() throws(EstimationError) -> [Formula.Term] {
        var result = try parseOperand()
        var interacted = false, factorial = false
        while true {
            skipSpaces()
            guard current == "#" else { break }
            position += 1
            let full = current == "#"
            if full { position += 1 }
            skipSpaces()
            let rhs = try parseOperand()
            guard result.count * (rhs.count + 1) + rhs.count <= Self.maxExpandedTerms else {
                throw fail("the interaction expands to more than \(Self.maxExpandedTerms) terms")
            }
            var products: [Formula.Term] = []
            for a in result {
                for b in rhs {
                    guard a.factors.count + b.factors.count <= Self.maxFactors else {
                        throw fail("an interaction may have at most \(Self.maxFactors) factors (Stata's limit)")
                    }
                    products.append(Formula.Term(factors: a.factors + b.factors))
                }
            }
            result = full ? result + rhs + products : products
            interacted = true
            factorial = factorial || full
        }
        guard interacted else { return result }
        for t in result.indices {
            for f in result[t].factors.indices where result[t].factors[f].kind == .automatic {
                result[t].factors[f].kind = .factor(base: nil)
            }
        }
        // `c.age##c.age` names `c.age` twice: one term, silently (the expansion's, not the user's repeat).
        var seen = Set<String>()
        result = result.filter { seen.insert($0.key).inserted }
        // Main effects first, then two-way products, … as Stata lists a full factorial.
        if factorial { result = result.enumerated().sorted { ($0.element.factors.count, $0.offset) < ($1.element.factors.count, $1.offset) }.map(\.element) }
        return result
    }

    /// One term, or a parenthesised group of terms.
    private mutating func parseOperand() throws(EstimationError) -> [Formula.Term] {
        guard current == "(" else { return [try parseTerm()] }
        let open = position
        guard depth < Self.maxDepth else { throw fail("parentheses nested more than \(Self.maxDepth) deep") }
        depth += 1
        defer { depth -= 1 }
        position += 1
        skipSpaces()
        guard current != ")" else { throw fail("empty group '()'", at: open) }
        let terms = try parseSum(inGroup: true)
        position += 1 // the ')'
        return terms
    }

    private mutating func readName() -> String {
        let start = position
        while let c = current, isNameBody(c) { position += 1 }
        return String(chars[start..<position])
    }

    /// `name`, `c.name`, `i.name`, `ibN.name`, `ib(N).name`.
    private mutating func parseTerm() throws(EstimationError) -> Formula.Term {
        let start = position
        guard let c = current else {
            let previous = chars[..<start].last { !$0.isWhitespace }.map { String($0) } ?? "~"
            throw fail("expected a term after '\(previous)', found end of formula")
        }
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
    /// The term as written in Stata notation: `x`, `c.x`, `i.x`, `ib3.x`, `i.union#c.age`.
    public var text: String { factors.map(\.text).joined(separator: "#") }

    /// Any factor is `i.`/`ib#.` (for a main effect: the term is a factor).
    var isFactor: Bool { factors[0].isFactor }
}

extension Formula.Factor {
    /// The factor as written in Stata notation: `x`, `c.x`, `i.x`, `ib3.x`.
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
    /// Interaction-aware: a term is identified by its set of variables (`i.a#i.b` is `i.b#i.a`),
    /// each variable must be treated alike wherever it appears (`i.a##c.x + c.x` is fine,
    /// `i.a#c.x + i.x` is not), and a factor interacted with itself (`i.a#i.a`) is an error, while
    /// `c.age#c.age` is the square.
    public func validated() throws(EstimationError) -> (formula: Formula, notes: [EstimationNote]) {
        var firstOf: [String: Int] = [:]
        var treatment: [String: Factor] = [:]
        var kept: [Term] = []
        kept.reserveCapacity(terms.count)
        var repeats: [Int] = []
        for term in terms {
            var inTerm = Set<String>()
            for factor in term.factors {
                if factor.variable == outcome {
                    throw .formula(formula: text, column: factor.column,
                                   message: FormulaCheckText.outcomeAsRegressor(outcome).text(.en))
                }
                if let first = treatment[factor.variable] {
                    let same = first.isFactor == factor.isFactor && (!first.isFactor || first.kind == factor.kind)
                    guard same else {
                        throw .formula(formula: text, column: factor.column,
                                       message: FormulaCheckText.conflictingTerms(first.text, factor.text).text(.en))
                    }
                } else {
                    treatment[factor.variable] = factor
                }
                if !inTerm.insert(factor.variable).inserted, factor.isFactor {
                    throw .formula(formula: text, column: term.column,
                                   message: FormulaCheckText.selfInteraction(term.text).text(.en))
                }
            }
            guard let k = firstOf[term.key] else {
                firstOf[term.key] = kept.count
                kept.append(term)
                repeats.append(0)
                continue
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
    case selfInteraction(String)
    case textInInteraction(variable: String, term: String)
    case textColumn(variable: String, cell: NonNumericCell, role: String)

    func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .outcomeAsRegressor(let outcome):
            return zh ? "结果变量 '\(outcome)' 不能同时作为回归变量" : "the outcome '\(outcome)' cannot also be a regressor"
        case let .conflictingTerms(a, b):
            return zh ? "'\(a)' 与 '\(b)' 指同一变量，请只用其一"
                      : "'\(a)' and '\(b)' name the same variable in different ways; use one"
        case .selfInteraction(let term):
            return zh ? "'\(term)' 将因子变量与其自身交互；请去掉重复的因子（平方项用 c.x#c.x）"
                      : "'\(term)' interacts a factor variable with itself; drop the repeat (for a square use c.x#c.x)"
        case let .textInInteraction(variable, term):
            return zh ? "变量 '\(variable)' 是文本（代码只是文本的排序），不能用于交互项 '\(term)'；请先用值标签编码"
                      : "variable '\(variable)' is text (its codes only number its texts in sorted order); it cannot enter the interaction '\(term)' — give it value labels in the codebook first"
        case let .textColumn(variable, cell, role):
            return zh ? "变量 '\(variable)' 按文本读取（\(cell.file) 第 \(cell.line) 行：\(cell.quotedValue) 不是数字），不能作为数值用于 \(role)"
                      : "variable '\(variable)' was read as text (\(cell.file) line \(cell.line): \(cell.quotedValue) is not a number); it cannot be used as a number in \(role)"
        }
    }
}
