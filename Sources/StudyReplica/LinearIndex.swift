/// A weighted sum of covariate terms, e.g. `["male": 0.6, "educ=6": 1.5]`, evaluated row by row
/// on the generator's columns. Terms are kept sorted by name so the floating-point sum is taken in
/// the same order in every process (Swift dictionaries iterate in a per-process random order).
struct LinearIndex: Sendable {
    enum Term: Sendable, Equatable {
        case male, age, married, party, training
        case educ(Int), occ(Int), industry(Int)

        init?(_ name: String) {
            switch name {
            case "male": self = .male
            case "age": self = .age
            case "married": self = .married
            case "party": self = .party
            case "training": self = .training
            default:
                let parts = name.split(separator: "=", omittingEmptySubsequences: false)
                guard parts.count == 2, let level = Int(parts[1]) else { return nil }
                switch (parts[0], level) {
                case ("educ", 1...6): self = .educ(level)
                case ("occ", 1...8): self = .occ(level)
                case ("industry", 1...3): self = .industry(level)
                default: return nil
                }
            }
        }
    }

    let terms: [(Term, Double)]

    /// Parses `weights`; `index` names the parameter for the error message.
    init(_ weights: [String: Double], index: String) throws(DalianGeneratorError) {
        var terms: [(Term, Double)] = []
        for name in weights.keys.sorted() {
            guard let term = Term(name) else { throw .unknownTerm(name, index: index) }
            terms.append((term, weights[name] ?? 0))
        }
        self.terms = terms
    }

    private init(terms: [(Term, Double)]) { self.terms = terms }

    /// The part of the index whose terms satisfy `keep`.
    func filtered(_ keep: (Term) -> Bool) -> LinearIndex {
        LinearIndex(terms: terms.filter { keep($0.0) })
    }

    func value(row i: Int, in c: DalianRecords) -> Double {
        var sum = 0.0
        for (term, weight) in terms {
            let x: Double
            switch term {
            case .male: x = Double(c.male[i])
            case .age: x = Double(c.age[i])
            case .married: x = Double(c.married[i])
            case .party: x = Double(c.party[i])
            case .training: x = Double(c.training[i])
            case .educ(let k): x = c.educ[i] == k ? 1 : 0
            case .occ(let k): x = c.occ[i] == k ? 1 : 0
            case .industry(let k): x = c.industry[i] == k ? 1 : 0
            }
            sum += weight * x
        }
        return sum
    }
}

public enum DalianGeneratorError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownTerm(String, index: String)
    case invalidParameters(String)

    public var description: String {
        switch self {
        case let .unknownTerm(name, index):
            return "replica parameters: unknown term '\(name)' in \(index) (expected male, age, married, party, training, educ=k, occ=k or industry=k)"
        case let .invalidParameters(message):
            return "replica parameters: \(message)"
        }
    }
}
