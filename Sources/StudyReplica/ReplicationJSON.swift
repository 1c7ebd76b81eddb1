import Estimation
import Reports
import SurveyData

/// `pathlens replicate --format json`: one object, documented in README ("Replicating the
/// reference study"). Every compared number is a row of the same shape:
/// `term, label, published, replicated, diff, published_se, within_1se, within_2se,
/// stars_published, stars_replicated` (null where the paper gives no SE or stars).
extension ReplicationReport {
    public static func json(_ r: Replication, language: Language) -> JSONValue {
        let text = Words(language)
        let labeler = TermLabeler(codebook: r.codebook, language: language)
        let summary = r.summary
        var members: [(String, JSONValue)] = [
            ("dataset", .string(r.dataset)),
            ("notice", .string(language == .zh ? r.noticeZH : r.noticeEN)),
            ("language", .string(language.rawValue)),
            ("summary", .object([
                ("numbers", .integer(summary.numbers)),
                ("within_1se", .integer(summary.within1SE)),
                ("within_2se", .integer(summary.within2SE)),
                ("stars_compared", .integer(summary.starsCompared)),
                ("stars_matching", .integer(summary.starsMatching)),
            ])),
        ]
        members.append(("table1", .object([
            ("title", .string(text.table1Title(r))),
            ("rows", .array(r.table1.map { d in
                row(term: "\(d.variable)=\(d.category)", label: labeler.valueLabel(d.variable, d.code),
                    published: d.publishedPercent, replicated: d.replicatedPercent,
                    extra: [("published_count", .integer(d.publishedCount)),
                            ("replicated_count", .integer(d.replicatedCount))])
            })),
            ("age", .object([
                ("published_mean", .number(r.age.publishedMean)), ("replicated_mean", .number(r.age.replicatedMean)),
                ("published_min", .number(r.age.publishedMin)), ("replicated_min", .number(r.age.replicatedMin)),
                ("published_max", .number(r.age.publishedMax)), ("replicated_max", .number(r.age.replicatedMax)),
                ("published_implied_sd", .number(r.age.impliedSD)),
                ("replicated_sd", .number(r.age.replicatedSD)),
            ])),
            ("notes", notesJSON(r, "table1", language)),
        ])))
        members.append(("table2", .object([
            ("title", .string(text.table2Title(r))),
            ("rows", .array(r.table2.map { c in
                row(term: "\(c.variable)=\(c.category)|union=\(c.union)",
                    label: labeler.valueLabel(c.variable, c.code) + " | " + labeler.valueLabel("union", Double(c.union)),
                    published: c.publishedPercent, replicated: c.replicatedPercent,
                    extra: [("published_count", .integer(c.publishedCount)),
                            ("replicated_count", .integer(c.replicatedCount))])
            })),
            ("notes", notesJSON(r, "table2", language)),
        ])))
        for table in r.modelTables {
            members.append((table.id, .object([
                ("title", .string(language == .zh ? table.titleZH : table.titleEN)),
                ("models", .array(table.models.map { model($0, labeler: labeler, text: text) })),
                ("notes", notesJSON(r, table.id, language)),
            ])))
        }
        members.append(("parallel_lines", parallelLinesJSON(r, language: language)))
        members.append(("marginal_effects", .object([
            ("unit", .string("percentage points")),
            ("rows", .array(r.effects.map { e in
                row(term: "\(e.term)->\(e.model == "model4" ? "training" : "skill")=\(e.outcome)",
                    label: labeler.variableLabel(e.term) + " -> " + (e.model == "model4" ? text.trainingProbability
                        : labeler.valueLabel("skill", Double(e.outcome) ?? .nan)),
                    published: e.published, replicated: e.replicated,
                    extra: [("model", .string(e.model)), ("at", .string(e.at.rawValue))])
            })),
            ("notes", notesJSON(r, "effects", language)),
        ])))
        let s = r.indirectShare
        members.append(("indirect_share", .object([
            ("formula", .string("a*b/(a*b + c')")),
            ("published_pct", .number(s.publishedPercent)),
            ("published_recomputed_pct", .number(s.publishedReconstructedPercent)),
            ("replicated_pct", .number(s.replicatedPercent)),
            ("a", pair(s.publishedA, s.a)), ("b", pair(s.publishedB, s.b)),
            ("c_prime", pair(s.publishedCPrime, s.cPrime)), ("c", pair(s.publishedC, s.c)),
            ("replicated_ab_over_c_pct", .number(s.replicatedABOverC)),
            ("replicated_difference_method_pct", .number(s.replicatedDifferencePercent)),
            ("notes", notesJSON(r, "indirect", language)),
        ])))
        return .object(members)
    }

    static func model(_ m: ReplicatedModel, labeler: TermLabeler, text: Words) -> JSONValue {
        .object([
            ("id", .string(m.model.id)),
            ("title", .string(text.modelTitle(m))),
            ("estimator", .string(m.estimator)),
            ("standardization", .string(m.model.standardization.rawValue)),
            ("stat_label", .string(m.statLabel)),
            ("n_published", .integer(m.publishedN)),
            ("n_replicated", .integer(m.replicatedN)),
            ("fit_statistic", .string(m.fitStatistic)),
            ("fit_published", .number(m.publishedFit)),
            ("fit_replicated", .number(m.replicatedFit)),
            ("rows", .array(m.rows.map { c in
                row(term: c.term, label: label(c.modelTerm, labeler), published: c.published, replicated: c.replicated,
                    se: c.publishedSE, within1: c.within1SE, within2: c.within2SE,
                    starsPublished: c.starsPublished, starsReplicated: c.starsReplicated,
                    extra: [("model_term", .string(c.modelTerm)),
                            ("published_stat", .number(c.publishedStat)),
                            ("replicated_stat", .number(c.replicatedStat))])
            })),
            ("estimation_notes", .array(m.estimationNotes.map { .string($0.text(.en)) })),
        ])
    }

    static func label(_ term: String, _ labeler: TermLabeler) -> String {
        term.hasPrefix("cut") ? labeler.cutpointLabel(term) : labeler.label(term: term, style: .combined)
    }

    static func row(term: String, label: String, published: Double?, replicated: Double?, se: Double? = nil,
                    within1: Bool? = nil, within2: Bool? = nil, starsPublished: String? = nil,
                    starsReplicated: String? = nil, extra: [(String, JSONValue)] = []) -> JSONValue {
        let diff = published.flatMap { p in replicated.map { $0 - p } }
        return .object([
            ("term", .string(term)),
            ("label", .string(label)),
            ("published", .number(published)),
            ("replicated", .number(replicated)),
            ("diff", .number(diff)),
            ("published_se", .number(se)),
            ("within_1se", within1.map { .bool($0) } ?? .null),
            ("within_2se", within2.map { .bool($0) } ?? .null),
            ("stars_published", .string(starsPublished)),
            ("stars_replicated", .string(starsReplicated)),
        ] + extra)
    }

    static func pair(_ published: Double?, _ replicated: Double?) -> JSONValue {
        .object([("published", .number(published)), ("replicated", .number(replicated))])
    }

    static func notesJSON(_ r: Replication, _ id: String, _ language: Language) -> JSONValue {
        .array(notes(r, id, language).map { .string($0) })
    }
}
