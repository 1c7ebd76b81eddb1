/// Tokens of the `if` language, each with the 1-based character column it starts at (for errors).
struct FilterToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case identifier(String)
        case string(String)
        case symbol(String)
        case end
    }

    var kind: Kind
    var column: Int

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case let .number(v): return MissingKind(v)?.description ?? formatCode(v)
        case let .identifier(name): return name
        case let .string(text): return "\"\(text)\""
        case let .symbol(s): return s
        case .end: return "end of expression"
        }
    }
}

/// Splits an expression into tokens. Columns count characters (so CJK text counts one per glyph).
enum FilterLexer {
    private static let twoCharSymbols: Set<String> = ["==", "!=", "~=", "<=", ">="]
    private static let oneCharSymbols: Set<Character> = ["<", ">", "=", "+", "-", "*", "/", "^", "&", "|", "!", "~", "(", ")", ","]

    static func tokens(_ text: String) throws -> [FilterToken] {
        let chars = Array(text)
        var tokens: [FilterToken] = []
        var i = 0
        func fail(_ column: Int, _ message: String) -> SurveyDataError {
            .filter(expression: text, column: column, message: message)
        }
        while i < chars.count {
            let c = chars[i]
            let column = i + 1
            if c.isWhitespace { i += 1; continue }
            if c.isNumber && c.isASCII || (c == "." && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber) {
                var j = i
                while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j] == "." { j += 1 }
                if j < chars.count, chars[j] == "e" || chars[j] == "E" {
                    var k = j + 1
                    if k < chars.count, chars[k] == "+" || chars[k] == "-" { k += 1 }
                    if k < chars.count, chars[k].isASCII, chars[k].isNumber {
                        while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
                        j = k
                    }
                }
                let literal = String(chars[i..<j])
                guard let value = parseNumber(literal) else { throw fail(column, "malformed number '\(literal)'") }
                tokens.append(FilterToken(kind: .number(value), column: column))
                i = j
                continue
            }
            if c == "." {
                // Stata's missing value `.`, and the extended missing values `.a`–`.z`, each its own
                // kind (`MissingKind`): `x == .a` selects the `.a` rows only.
                var j = i + 1
                var value = Double.nan
                if j < chars.count, chars[j].isASCII, chars[j].isLowercase,
                   !(j + 1 < chars.count && (chars[j + 1].isLetter || chars[j + 1].isNumber || chars[j + 1] == "_")) {
                    value = MissingKind(letter: chars[j])?.value ?? .nan
                    j += 1
                }
                tokens.append(FilterToken(kind: .number(value), column: column))
                i = j
                continue
            }
            if c.isLetter || c == "_" {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                tokens.append(FilterToken(kind: .identifier(String(chars[i..<j])), column: column))
                i = j
                continue
            }
            if c == "\"" {
                var j = i + 1
                while j < chars.count, chars[j] != "\"" { j += 1 }
                guard j < chars.count else { throw fail(column, "unterminated string (missing closing \")") }
                tokens.append(FilterToken(kind: .string(String(chars[(i + 1)..<j])), column: column))
                i = j + 1
                continue
            }
            if i + 1 < chars.count, twoCharSymbols.contains(String(chars[i...(i + 1)])) {
                tokens.append(FilterToken(kind: .symbol(String(chars[i...(i + 1)])), column: column))
                i += 2
                continue
            }
            if oneCharSymbols.contains(c) {
                if c == "=" { throw fail(column, "'=' assigns; use '==' to compare") }
                tokens.append(FilterToken(kind: .symbol(String(c)), column: column))
                i += 1
                continue
            }
            throw fail(column, "unexpected character \(MessageText.character(c))")
        }
        tokens.append(FilterToken(kind: .end, column: chars.count + 1))
        return tokens
    }
}
