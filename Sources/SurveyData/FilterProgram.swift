/// A checked `if` expression: variable names exist, string literals replaced by the codes of the
/// value labels they name. Evaluated a whole column at a time.
indirect enum FilterProgram: Sendable {
    enum Arithmetic: Sendable { case add, subtract, multiply, divide, power }
    enum Comparison: Sendable { case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual }

    case constant(Double)
    case column(String)
    case not(FilterProgram)
    case negate(FilterProgram)
    case arithmetic(Arithmetic, FilterProgram, FilterProgram)
    case compare(Comparison, FilterProgram, FilterProgram)
    case and(FilterProgram, FilterProgram)
    case or(FilterProgram, FilterProgram)
    case inlist(FilterProgram, [FilterProgram])
    case inrange(FilterProgram, FilterProgram, FilterProgram)
    case missing([FilterProgram])

    /// The variables the expression reads, in order of first use.
    var variables: [String] {
        var names: [String] = []
        func visit(_ p: FilterProgram) {
            switch p {
            case .constant: break
            case let .column(name): if !names.contains(name) { names.append(name) }
            case let .not(a), let .negate(a): visit(a)
            case let .arithmetic(_, a, b), let .compare(_, a, b), let .and(a, b), let .or(a, b): visit(a); visit(b)
            case let .inlist(a, rest): visit(a); rest.forEach(visit)
            case let .inrange(a, b, c): visit(a); visit(b); visit(c)
            case let .missing(args): args.forEach(visit)
            }
        }
        visit(self)
        return names
    }
}

/// Turns syntax into a program, checking names, labels and function arities against a dataset.
struct FilterResolver {
    let text: String
    let dataset: Dataset

    static let functions = ["inlist", "inrange", "missing", "mi"]

    private func fail(_ column: Int, _ message: String) -> SurveyDataError {
        .filter(expression: text, column: column, message: message)
    }

    /// `labels` is the variable a string literal here would name a value of.
    func resolve(_ syntax: FilterSyntax, labels: String? = nil) throws -> FilterProgram {
        switch syntax {
        case let .number(v):
            return .constant(v)
        case let .variable(name, column):
            guard dataset.column(name) != nil else {
                let hint = closestName(to: name, among: dataset.variableNames).map { "; did you mean '\($0)'?" } ?? ""
                throw fail(column, "unknown variable '\(name)'\(hint)")
            }
            return .column(name)
        case let .string(label, column):
            return .constant(try code(of: label, for: labels, column: column))
        case let .not(inner):
            return .not(try resolve(inner))
        case let .negate(inner):
            return .negate(try resolve(inner))
        case let .binary(op, lhs, rhs, _):
            switch op {
            case "&": return .and(try resolve(lhs), try resolve(rhs))
            case "|": return .or(try resolve(lhs), try resolve(rhs))
            case "+": return .arithmetic(.add, try resolve(lhs), try resolve(rhs))
            case "-": return .arithmetic(.subtract, try resolve(lhs), try resolve(rhs))
            case "*": return .arithmetic(.multiply, try resolve(lhs), try resolve(rhs))
            case "/": return .arithmetic(.divide, try resolve(lhs), try resolve(rhs))
            case "^": return .arithmetic(.power, try resolve(lhs), try resolve(rhs))
            default:
                let comparison: FilterProgram.Comparison
                switch op {
                case "==": comparison = .equal
                case "!=": comparison = .notEqual
                case "<": comparison = .less
                case "<=": comparison = .lessOrEqual
                case ">": comparison = .greater
                default: comparison = .greaterOrEqual
                }
                return .compare(comparison, try resolve(lhs, labels: variableName(rhs)),
                                try resolve(rhs, labels: variableName(lhs)))
            }
        case let .call(name, arguments, column):
            return try resolveCall(name, arguments, column: column)
        }
    }

    private func resolveCall(_ name: String, _ arguments: [FilterSyntax], column: Int) throws -> FilterProgram {
        switch name {
        case "inlist":
            guard arguments.count >= 2 else {
                throw fail(column, "inlist() takes a value and at least one candidate, got \(arguments.count) argument\(arguments.count == 1 ? "" : "s")")
            }
            let subject = variableName(arguments[0])
            return .inlist(try resolve(arguments[0]), try arguments.dropFirst().map { try resolve($0, labels: subject) })
        case "inrange":
            guard arguments.count == 3 else { throw fail(column, "inrange() takes 3 arguments, got \(arguments.count)") }
            let subject = variableName(arguments[0])
            return .inrange(try resolve(arguments[0]), try resolve(arguments[1], labels: subject),
                            try resolve(arguments[2], labels: subject))
        case "missing", "mi":
            guard !arguments.isEmpty else { throw fail(column, "\(name)() takes at least 1 argument, got 0") }
            return .missing(try arguments.map { try resolve($0) })
        default:
            throw fail(column, "unknown function '\(name)()' (available: inlist, inrange, missing)")
        }
    }

    private func variableName(_ syntax: FilterSyntax) -> String? {
        if case let .variable(name, _) = syntax { return name }
        return nil
    }

    /// The code whose name or label is `label`, for the variable it is compared with.
    private func code(of label: String, for variable: String?, column: Int) throws -> Double {
        guard let variable, dataset.column(variable) != nil else {
            throw fail(column, "a string can only be compared with a labelled variable (e.g. industry == \"\(label)\")")
        }
        guard let info = dataset.info(variable), !info.values.isEmpty else {
            throw fail(column, "variable '\(variable)' has no value labels to match \"\(label)\"")
        }
        if let code = info.code(forLabel: label) { return code }
        let valid = info.values.map { $0.name ?? $0.labelEN ?? $0.labelZH ?? formatCode($0.code) }
        throw fail(column, "\"\(label)\" is not a value label of '\(variable)' (valid: \(MessageText.list(valid)))")
    }
}

/// The name within two edits of `name` (ignoring case), for "did you mean" hints; nil when none is close.
func closestName(to name: String, among names: [String]) -> String? {
    let target = Array(name.lowercased())
    var best: (name: String, distance: Int)?
    for candidate in names {
        let other = Array(candidate.lowercased())
        guard abs(other.count - target.count) <= 2 else { continue }
        var previous = Array(0...other.count)
        for (i, a) in target.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: other.count)
            for (j, b) in other.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a == b ? 0 : 1))
            }
            previous = current
        }
        let distance = previous[other.count]
        if distance <= 2, distance < (best?.distance ?? .max) { best = (candidate, distance) }
    }
    return best?.name
}
