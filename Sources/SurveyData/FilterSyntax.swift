/// The parsed form of an `if` expression, before names and labels are checked against a dataset.
indirect enum FilterSyntax: Sendable {
    case number(Double)
    case variable(String, column: Int)
    case string(String, column: Int)
    case not(FilterSyntax)
    case negate(FilterSyntax)
    case binary(String, FilterSyntax, FilterSyntax, column: Int)
    case call(String, [FilterSyntax], column: Int)
}

/// Recursive-descent parser with Stata's operator precedence, loosest first:
/// `|`, `&`, comparisons (`== != ~= < <= > >=`), `+ -`, `* /`, unary `-`, `^`, `!`/`~`.
struct FilterParser {
    let text: String
    let tokens: [FilterToken]
    var index = 0
    /// Open parentheses, calls and unary operators being parsed: bounds the parser's own recursion.
    var nesting = 0

    init(_ text: String) throws {
        self.text = text
        tokens = try FilterLexer.tokens(text)
    }

    static func parse(_ text: String) throws -> FilterSyntax {
        var parser = try FilterParser(text)
        if case .end = parser.current.kind {
            throw SurveyDataError.filter(expression: text, column: 1, message: "empty expression")
        }
        let syntax = try parser.parseOr().node
        if case .end = parser.current.kind { return syntax }
        throw parser.error(at: parser.current, "unexpected '\(parser.current.display)' after a complete expression")
    }

    private var current: FilterToken { tokens[index] }

    private func error(at token: FilterToken, _ message: String) -> SurveyDataError {
        .filter(expression: text, column: token.column, message: message)
    }

    private mutating func take(_ symbols: Set<String>) -> FilterToken? {
        if case let .symbol(s) = current.kind, symbols.contains(s) {
            defer { index += 1 }
            return current
        }
        return nil
    }

    /// Deeper trees are refused: evaluation recurses once per level, and the explorer evaluates on
    /// background threads with small stacks.
    static let maximumDepth = 200

    private mutating func checkDepth(_ node: FilterSyntax, _ depth: Int, at token: FilterToken) throws -> Parsed {
        if depth > Self.maximumDepth { throw error(at: token, "expression is nested too deeply (more than \(Self.maximumDepth) levels)") }
        return (node, depth)
    }

    typealias Parsed = (node: FilterSyntax, depth: Int)

    private mutating func binaryLevel(_ symbols: Set<String>, next: (inout FilterParser) throws -> Parsed) throws -> Parsed {
        var lhs = try next(&self)
        while let op = take(symbols), case var .symbol(s) = op.kind {
            if s == "~=" { s = "!=" }
            let rhs = try next(&self)
            lhs = try checkDepth(.binary(s, lhs.node, rhs.node, column: op.column), max(lhs.depth, rhs.depth) + 1, at: op)
        }
        return lhs
    }

    private mutating func parseOr() throws -> Parsed {
        try binaryLevel(["|"]) { try $0.parseAnd() }
    }

    private mutating func parseAnd() throws -> Parsed {
        try binaryLevel(["&"]) { try $0.parseComparison() }
    }

    private mutating func parseComparison() throws -> Parsed {
        try binaryLevel(["==", "!=", "~=", "<", "<=", ">", ">="]) { try $0.parseSum() }
    }

    private mutating func parseSum() throws -> Parsed {
        try binaryLevel(["+", "-"]) { try $0.parseProduct() }
    }

    private mutating func parseProduct() throws -> Parsed {
        try binaryLevel(["*", "/"]) { try $0.parseNegation() }
    }

    private mutating func parseNegation() throws -> Parsed {
        while take(["+"]) != nil {}
        if let op = take(["-"]) {
            nesting += 1
            defer { nesting -= 1 }
            if nesting > Self.maximumDepth { throw error(at: op, "expression is nested too deeply (more than \(Self.maximumDepth) levels)") }
            let inner = try parseNegation()
            return try checkDepth(.negate(inner.node), inner.depth + 1, at: op)
        }
        return try parsePower()
    }

    private mutating func parsePower() throws -> Parsed {
        try binaryLevel(["^"]) { try $0.parseNot() }
    }

    private mutating func parseNot() throws -> Parsed {
        if let op = take(["!", "~"]) {
            nesting += 1
            defer { nesting -= 1 }
            if nesting > Self.maximumDepth { throw error(at: op, "expression is nested too deeply (more than \(Self.maximumDepth) levels)") }
            let inner = try parseNot()
            return try checkDepth(.not(inner.node), inner.depth + 1, at: op)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws -> Parsed {
        let token = current
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.maximumDepth {
            throw error(at: token, "expression is nested too deeply (more than \(Self.maximumDepth) levels)")
        }
        switch token.kind {
        case let .number(v):
            index += 1
            return (.number(v), 1)
        case let .string(s):
            index += 1
            return (.string(s, column: token.column), 1)
        case let .identifier(name):
            index += 1
            guard let open = take(["("]) else { return (.variable(name, column: token.column), 1) }
            var arguments: [FilterSyntax] = []
            var depth = 1
            if take([")"]) == nil {
                repeat {
                    let argument = try parseOr()
                    arguments.append(argument.node)
                    depth = max(depth, argument.depth + 1)
                } while take([","]) != nil
                if take([")"]) == nil {
                    if case .end = current.kind { throw error(at: open, "unclosed parenthesis in \(name)()") }
                    throw error(at: current, "expected ',' or ')' but found '\(current.display)'")
                }
            }
            return try checkDepth(.call(name, arguments, column: token.column), depth, at: token)
        case .symbol("("):
            index += 1
            let inner = try parseOr()
            _ = try checkDepth(inner.node, inner.depth + 1, at: token)
            if take([")"]) == nil {
                if case .end = current.kind { throw error(at: token, "unclosed parenthesis") }
                throw error(at: current, "expected ')' but found '\(current.display)'")
            }
            return inner
        case .end:
            throw error(at: token, "expression ends too early")
        case .symbol:
            throw error(at: token, "unexpected '\(token.display)'")
        }
    }
}
