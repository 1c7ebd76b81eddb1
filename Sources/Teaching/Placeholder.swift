import Foundation

/// A `{{name args…}}` slot in a step's text, filled from the step's live results. The text can
/// only quote numbers this way, so what it says is what the estimation produced.
public struct Placeholder: Sendable, Equatable, Hashable {
    public var kind: Kind
    public var arguments: [String]
    /// Decimals (`{{coef:2 ologit union}}`); nil = the kind's default.
    public var digits: Int?
    /// The placeholder as written, braces included.
    public var source: String
    public var line: Int

    /// Every placeholder a lesson may use, with its arguments (MODEL is `ols`, `ologit`,
    /// `oprobit`, `logit`, `probit`, `m` (mediator model) or `ym` (outcome with the mediator),
    /// optionally `base:` for the pinned baseline's model).
    public enum Kind: String, Sendable, CaseIterable {
        // Models view: MODEL TERM
        case coef, se, z, p, stars, or, bstdx, bstdxy
        /// Words: "significant at the 5 % level" / "not significant at the 10 % level".
        case sig
        // MODEL
        case sdy, pseudor2, r2, nmodel = "n_model"
        // Omitted-variable sensitivity of the key regressor in an OLS MODEL (`ModelSensitivity`):
        // Oster's δ (β = 0) and β* (δ = 1); RV, RV at α = 0.05 and the partial R² of x, in percent.
        case delta, betastar, rv, rva, r2yd
        // MODEL K
        case cut
        // Margins (percentage points): MODEL TERM OUTCOME
        case ame, mem
        // Data: the step's sample
        case n
        case pct, count // VAR=CODE
        case mean, sd   // VAR
        // Crosstab: percent of COL=CODE having ROW=CODE (Table 2's column percentages)
        case colpct     // ROW=CODE COL=CODE
        case chi2, cramersv, gamma // ROW COL
        // Mediation (the step's mediator)
        case path       // a | b | c | cprime
        case pathz      // a | b | c | cprime
        case verdict
        /// Significance level of the Baron–Kenny verdict.
        case alpha
        case indirect, sobelz
        case share      // sum (a·b/(a·b+c′), the paper's formula) | total (a·b/c)
        case khb        // reduced | full | naive | diff | pct | resc
        case acme, ade, totaleffect, propmed, acmelow, acmehigh
        case rho0
        // A figure the paper printed (from StudyReplica's record of it): share
        case paper

        /// Argument names, for messages and arity checks.
        var signature: [String] {
            switch self {
            case .coef, .se, .z, .p, .stars, .or, .bstdx, .bstdxy, .sig: return ["MODEL", "TERM"]
            case .sdy, .pseudor2, .r2, .nmodel, .delta, .betastar, .rv, .rva, .r2yd: return ["MODEL"]
            case .cut: return ["MODEL", "K"]
            case .ame, .mem: return ["MODEL", "TERM", "OUTCOME"]
            case .n, .verdict, .alpha, .indirect, .sobelz, .acme, .ade, .totaleffect, .propmed, .acmelow, .acmehigh, .rho0:
                return []
            case .pct, .count: return ["VAR=CODE"]
            case .mean, .sd: return ["VAR"]
            case .colpct: return ["ROW=CODE", "COL=CODE"]
            case .chi2, .cramersv, .gamma: return ["ROW", "COL"]
            case .path, .pathz: return ["a|b|c|cprime"]
            case .share: return ["sum|total"]
            case .khb: return ["reduced|full|naive|diff|pct|resc"]
            case .paper: return ["share"]
            }
        }

        /// Fixed choices of the first argument, where there are some.
        var choices: [String]? {
            switch self {
            case .path, .pathz: return ["a", "b", "c", "cprime"]
            case .share: return ["sum", "total"]
            case .khb: return ["reduced", "full", "naive", "diff", "pct", "resc"]
            case .paper: return ["share"]
            default: return nil
            }
        }

        var defaultDigits: Int {
            switch self {
            case .z, .pathz, .sobelz, .chi2, .alpha: return 2
            case .pct, .colpct, .share, .propmed, .paper, .rv, .rva: return 1
            case .delta, .r2yd: return 2
            case .ame, .mem: return 2
            case .mean, .sd: return 2
            case .n, .count, .nmodel: return 0
            default: return 3
            }
        }

        var usesModel: Bool { signature.first == "MODEL" }
    }

    /// Parses the inside of `{{…}}`; nil message on success.
    static func parse(_ inner: String, source: String, line: Int) -> Result<Placeholder, PlaceholderSyntaxError> {
        let words = inner.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let head = words.first else { return .failure(PlaceholderSyntaxError("empty placeholder \(source)")) }
        var name = head, digits: Int?
        if let colon = head.firstIndex(of: ":") {
            name = String(head[..<colon])
            guard let d = Int(head[head.index(after: colon)...]), (0...6).contains(d) else {
                return .failure(PlaceholderSyntaxError("bad decimals in placeholder \(source) (expected NAME:0 … NAME:6)"))
            }
            digits = d
        }
        guard let kind = Kind(rawValue: name) else {
            return .failure(PlaceholderSyntaxError("unknown placeholder '\(name)' in \(source) (known: "
                            + Kind.allCases.map(\.rawValue).joined(separator: ", ") + ")"))
        }
        let args = Array(words.dropFirst())
        let signature = kind.signature
        // `n_model` and `n` aside, the arity is fixed.
        guard args.count == signature.count else {
            let usage = ([name] + signature).joined(separator: " ")
            return .failure(PlaceholderSyntaxError("placeholder \(source) takes \(signature.count) argument\(signature.count == 1 ? "" : "s"): {{\(usage)}}"))
        }
        if let choices = kind.choices, let first = args.first, !choices.contains(first) {
            return .failure(PlaceholderSyntaxError("placeholder \(source): '\(first)' is not one of \(choices.joined(separator: ", "))"))
        }
        return .success(Placeholder(kind: kind, arguments: args, digits: digits, source: source, line: line))
    }

    /// Decimals shown: as written, else the kind's default (a KHB share in percent: one).
    public var effectiveDigits: Int {
        digits ?? (kind == .khb && arguments.first == "pct" ? 1 : kind.defaultDigits)
    }

    /// Splits a text line into literal pieces and placeholders.
    static func scan(_ text: String, line: Int) -> Result<[TextPiece], PlaceholderSyntaxError> {
        var pieces: [TextPiece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { pieces.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                return .failure(PlaceholderSyntaxError("unclosed placeholder '{{' (no matching '}}' on the line)"))
            }
            let inner = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            let source = String(rest[open.lowerBound..<close.upperBound])
            switch parse(inner, source: source, line: line) {
            case .success(let p): pieces.append(.placeholder(p))
            case .failure(let error): return .failure(error)
            }
            rest = rest[close.upperBound...]
        }
        if rest.contains("}}") { return .failure(PlaceholderSyntaxError("'}}' without an opening '{{'")) }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        return .success(pieces)
    }
}

/// A piece of a text line: literal Markdown or a placeholder.
public enum TextPiece: Sendable, Equatable {
    case literal(String)
    case placeholder(Placeholder)
}

/// A placeholder syntax mistake (the parser adds the file and line).
struct PlaceholderSyntaxError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
