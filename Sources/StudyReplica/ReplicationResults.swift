import Estimation
import SurveyData

/// One published number beside its replicated counterpart. The published SE is the one implied by
/// value / printed t or z (the paper prints no SEs); the 1- and 2-SE flags use it.
public struct ReplicationComparison: Sendable, Equatable {
    /// The published JSON's name (`union`, `edu_college`, `cut3`, `constant`).
    public var term: String
    /// PathLens's term for it (`educ=5`, `cut3`, `_cons`).
    public var modelTerm: String
    public var published: Double
    public var replicated: Double?
    public var publishedSE: Double?
    public var publishedStat: Double?
    public var replicatedStat: Double?
    public var starsPublished: String?
    public var starsReplicated: String?

    public var diff: Double? { replicated.map { $0 - published } }

    /// |replicated − published| in published SEs.
    public var distanceInSE: Double? {
        guard let diff, let publishedSE, publishedSE > 0 else { return nil }
        return abs(diff) / publishedSE
    }

    public var within1SE: Bool? { distanceInSE.map { $0 <= 1 } }
    public var within2SE: Bool? { distanceInSE.map { $0 <= 2 } }
    public var starsMatch: Bool? {
        guard let starsPublished, let starsReplicated else { return nil }
        return starsPublished == starsReplicated
    }
}

/// A published model column re-estimated on the replica.
public struct ReplicatedModel: Sendable {
    public var model: DalianStudy.Model
    /// The paper's description (`ordered logit, standardized coefficients`).
    public var estimator: String
    /// `t` or `z`, as the paper labels its parentheses.
    public var statLabel: String
    public var publishedN: Int
    public var replicatedN: Int
    /// `r2` (OLS) or `pseudo_r2`.
    public var fitStatistic: String
    public var publishedFit: Double?
    public var replicatedFit: Double?
    public var rows: [ReplicationComparison]
    /// Dropped rows and omitted terms of the replicated fit.
    public var estimationNotes: [ReplicationEstimationNote]
}

/// A dropped-rows or omitted-term note of a replicated model, in the report's language.
public enum ReplicationEstimationNote: Sendable, Equatable, CustomStringConvertible {
    case dropped(count: Int, reason: DropReason)
    case omitted(term: String, reason: OmitReason)

    public func text(_ language: Language) -> String {
        switch (self, language) {
        case let (.dropped(count, reason), .en): return "\(count) observations dropped: \(reason.text(.en))"
        case let (.dropped(count, reason), .zh): return "剔除 \(count) 个观测：\(reason.text(.zh))"
        case let (.omitted(term, reason), .en): return "\(term) omitted: \(reason.text(.en))"
        case let (.omitted(term, reason), .zh): return "\(term) 被省略：\(reason.text(.zh))"
        }
    }

    public var description: String { text(.en) }
}

/// A published model table (3, 4 or 5).
public struct ReplicatedModelTable: Sendable {
    /// `table3`, `table4`, `table5`.
    public var id: String
    public var titleEN: String
    public var titleZH: String
    public var models: [ReplicatedModel]
}

/// One category of a Table 1 variable.
public struct DescriptiveComparison: Sendable, Equatable {
    /// The paper's variable (`gender`) and the dataset's (`male`).
    public var paperVariable: String
    /// The paper's variable label (性别 / gender).
    public var labelEN: String
    public var labelZH: String
    public var variable: String
    public var category: String
    public var code: Double
    public var publishedCount: Int
    public var replicatedCount: Int
    public var publishedPercent: Double
    public var replicatedPercent: Double
}

/// Age is quoted in the text, not in Table 1.
public struct AgeComparison: Sendable, Equatable {
    public var publishedMean: Double, publishedMin: Double, publishedMax: Double
    public var replicatedMean: Double, replicatedMin: Double, replicatedMax: Double
    /// Not published; implied by the standardized age coefficients (about 8.45).
    public var impliedSD: Double?
    public var replicatedSD: Double
}

/// One cell of Table 2: a category of skill or training among non-members or members.
public struct CrosstabComparison: Sendable, Equatable {
    /// `skill` or `training`.
    public var variable: String
    public var category: String
    public var code: Double
    /// 0 = non-members, 1 = members.
    public var union: Int
    public var publishedCount: Int
    public var replicatedCount: Int
    public var publishedPercent: Double
    public var replicatedPercent: Double
}

/// A marginal effect quoted in the text (percentage points) and the same effect on the replica.
public struct EffectComparison: Sendable, Equatable {
    public var term: String
    public var model: String
    public var at: MarginalEffect.At
    /// Outcome code (`"1"` … `"6"`; `"1"` = Pr(training = 1) for Model 4).
    public var outcome: String
    /// nil where the text only says "below 1%".
    public var published: Double?
    public var replicated: Double?
    public var diff: Double? {
        guard let published, let replicated else { return nil }
        return replicated - published
    }
}

/// The indirect-effect share: the paper's a·b/(a·b + c′), and two readings that keep one scale.
public struct IndirectShareComparison: Sendable, Equatable {
    /// As printed: 65 (%).
    public var publishedPercent: Double
    /// a·b/(a·b + c′) from the printed coefficients (0.633, 0.621, 0.208): 65.4 %.
    public var publishedReconstructedPercent: Double
    /// The same formula on the replica's coefficients.
    public var replicatedPercent: Double?
    /// Replica coefficients: a = union in Model 4, b = training and c′ = union in Model 6,
    /// c = union in Model 2.
    public var a: Double?, b: Double?, cPrime: Double?, c: Double?
    /// The same four as printed.
    public var publishedA: Double?, publishedB: Double?, publishedCPrime: Double?, publishedC: Double?
    /// a·b/c (the paper's own numbers give 150 %: the formula mixes scales).
    public var replicatedABOverC: Double?
    /// (c − c′)/c from Models 2 and 6, both on the ordered-logit scale.
    public var replicatedDifferencePercent: Double?
}

/// Counts over every published coefficient, cutpoint and constant of Tables 3–5.
public struct ReplicationSummary: Sendable, Equatable {
    public var numbers: Int
    public var within1SE: Int
    public var within2SE: Int
    /// Numbers whose stars were compared, and how many agree.
    public var starsCompared: Int
    public var starsMatching: Int
}

/// A short note for readers: where the paper is inconsistent, or how a number was computed.
public struct ReplicationNote: Sendable, Equatable {
    public var en: String
    public var zh: String
}

/// Everything `pathlens replicate` prints, computed once.
public struct Replication: Sendable {
    public var dataset: String
    /// Labels for terms and categories.
    public var codebook: Codebook
    public var noticeEN: String?
    public var noticeZH: String?
    public var table1: [DescriptiveComparison]
    public var age: AgeComparison
    public var table2: [CrosstabComparison]
    public var modelTables: [ReplicatedModelTable]
    public var effects: [EffectComparison]
    public var indirectShare: IndirectShareComparison
    /// Notes by section: `table1`, `table2`, `table3`, `table4`, `table5`, `effects`, `indirect`.
    public var notes: [String: [ReplicationNote]]
    /// The Brant and LR tests of Models 2 and 6 and Model 6 under partial proportional odds.
    public var parallelLines: ParallelLinesReplication? = nil

    public var models: [ReplicatedModel] { modelTables.flatMap(\.models) }

    public var summary: ReplicationSummary {
        let rows = models.flatMap(\.rows)
        let stars = rows.compactMap(\.starsMatch)
        return ReplicationSummary(numbers: rows.count,
                                  within1SE: rows.filter { $0.within1SE == true }.count,
                                  within2SE: rows.filter { $0.within2SE == true }.count,
                                  starsCompared: stars.count,
                                  starsMatching: stars.filter { $0 }.count)
    }
}
