import Estimation
import SurveyData

/// Does the paper's parallel-lines assumption hold, and do its conclusions need it (issue 15)?
/// The Brant test (SPost) and the likelihood-ratio test of parallel lines for Models 2 and 6, and
/// Model 6 refitted as gologit2's partial proportional-odds model (`autofit`, α = 0.05) beside
/// the published ordered logit, with whether the union and training conclusions survive in every
/// equation.
public struct ParallelLinesReplication: Sendable {
    /// The tests of one published ordered logit.
    public struct Check: Sendable {
        public var model: String
        public var number: Int
        /// nil when not computable (`blockingTerms` says why when it is empty cells).
        public var brant: BrantTest?
        /// 0/1 terms and factor base levels with no observations on one side of some split: SPost's
        /// binary logits cannot keep them, so no Brant number is given.
        public var blockingTerms: [String]
        public var lr: LikelihoodRatioTest?
        /// The fit's parallel-lines notes (why a test is missing), as estimation words them.
        public var notes: [EstimationNote]
        /// The ordered logit refitted with the tests.
        public var fit: ModelResult?
    }

    /// A published conclusion (the sign and 5 % significance of union or training in Model 6)
    /// read in every equation of the partial proportional-odds model.
    public struct Conclusion: Sendable {
        public struct Equation: Sendable {
            /// The split y > `equation`; nil for a constrained term's one coefficient.
            public var equation: String?
            public var estimate: Double
            public var se: Double
            public var z: Double
            public var p: Double
            public var sameSign: Bool
            public var significant: Bool
        }
        public var term: String
        public var published: Double
        public var publishedStat: Double
        public var publishedStars: String
        /// |published z| ≥ 1.96 (the paper's rule).
        public var publishedSignificant: Bool
        /// The replica's ordered logit (Model 6).
        public var replicatedOlogit: Coefficient?
        /// One row when autofit constrained the term, else one per equation.
        public var equations: [Equation]
        public var constrained: Bool
        /// Every equation has the published sign and the published 5 % verdict.
        public var survives: Bool { !equations.isEmpty && equations.allSatisfy { $0.sameSign && $0.significant == publishedSignificant } }
    }

    public var checks: [Check]
    /// Model 6 as gologit with autofit (nil with `gologitError`).
    public var gologit: ModelResult?
    public var gologitError: String?
    public var conclusions: [Conclusion]

    /// The level of the conclusions' significance and of autofit.
    public static let level = 0.05
    /// The published models tested and the one refitted, and the conclusions read.
    static let tested = ["model2", "model6"]
    static let refitted = "model6"
    static let conclusionTerms = ["union", "training"]

    static func run(data: Dataset, published: PublishedStudy, fits: [String: ModelResult]) -> ParallelLinesReplication {
        var checks: [Check] = []
        for id in tested {
            guard let model = DalianStudy.model(id) else { continue }
            var options = FitOptions()
            options.brant = true
            options.lrParallel = true
            do {
                let r = try fitModel(model.spec, data: data, options: options)
                var blocking: [String] = []
                var notes: [EstimationNote] = []
                for note in r.diagnostics {
                    guard case .ordered(let o) = note else { continue }
                    if case .predictsSplitPerfectly(let term, _) = o {
                        if !blocking.contains(term) { blocking.append(term) }
                    } else {
                        notes.append(note)
                    }
                }
                checks.append(Check(model: id, number: model.number, brant: r.brant, blockingTerms: blocking,
                                    lr: r.lrParallel, notes: notes, fit: r))
            } catch {
                checks.append(Check(model: id, number: model.number, brant: nil, blockingTerms: [], lr: nil,
                                    notes: [.other("\(error)")], fit: nil))
            }
        }
        var out = ParallelLinesReplication(checks: checks, gologit: nil, gologitError: nil, conclusions: [])
        guard let model = DalianStudy.model(refitted) else { return out }
        var spec = model.spec
        spec.kind = .gologit
        spec.parallelLines = .autofit(alpha: level)
        do {
            let g = try fitModel(spec, data: data)
            out.gologit = g
            let publishedModel = published.modelTables.flatMap(\.table.models).first { $0.id == refitted }
            for term in conclusionTerms {
                guard let number = publishedModel?.coefficients.first(where: { DalianStudy.termNames[$0.name] == term }) else { continue }
                let rows = g.coefficients.filter { $0.term == term }
                let equations = rows.map { c in
                    Conclusion.Equation(equation: c.equation, estimate: c.estimate, se: c.se, z: c.z, p: c.p,
                                        sameSign: (c.estimate > 0) == (number.coef > 0), significant: c.p < level)
                }
                out.conclusions.append(Conclusion(term: term, published: number.coef, publishedStat: number.stat,
                                                  publishedStars: number.stars,
                                                  publishedSignificant: abs(number.stat) >= 1.96,
                                                  replicatedOlogit: fits[refitted]?.coefficient(term),
                                                  equations: equations,
                                                  constrained: rows.count == 1 && rows[0].equation == nil))
            }
        } catch {
            out.gologitError = "\(error)"
        }
        return out
    }
}
