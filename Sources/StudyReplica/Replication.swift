import Estimation
import SurveyData

public enum ReplicationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The published JSON names a model, term or category the replication does not know.
    case unmatched(String)

    public var description: String {
        switch self {
        case .unmatched(let what): return "cannot match the published \(what) to the replica"
        }
    }
}

extension Replication {
    /// The paper's variables (Table 1) → the dataset's columns.
    static let paperVariables: [String: String] = [
        "skill": "skill", "union": "union", "training": "training", "gender": "male", "education": "educ",
        "marital": "married", "party": "party", "occupation": "occ", "industry": "industry",
    ]

    /// Re-runs the paper's whole analysis on `data` (the embedded replica or a regenerated one)
    /// and lines every result up with `published`. Seven fits in all: the standardized columns
    /// (Models 3, 5, 7) re-express Models 2, 4 and 6, and the text's marginal effects come from
    /// the same fits.
    public static func run(data: Dataset, published: PublishedStudy) throws -> Replication {
        let fits = try fitAll(data: data)
        var tables: [ReplicatedModelTable] = []
        for (id, table) in published.modelTables {
            let models = try table.models.map { try replicate($0, fits: fits, data: data) }
            tables.append(ReplicatedModelTable(id: id, titleEN: table.titleEn, titleZH: table.titleZh, models: models))
        }
        let effects = try quotedEffects(published.textFigures, fits: fits)
        var replication = Replication(
            dataset: data.name,
            codebook: data.codebook,
            noticeEN: data.codebook.notice(.en),
            noticeZH: data.codebook.notice(.zh),
            table1: try descriptives(published.table1, data: data),
            age: try age(published.table1.age, impliedSD: published.textFigures.age?.sdImpliedFromStandardizedCoefs,
                         data: data),
            table2: try crosstabs(published.table2, data: data),
            modelTables: tables,
            effects: effects,
            indirectShare: indirectShare(published, fits: fits),
            notes: ReplicationNotes.all(data: data, fits: fits))
        replication.parallelLines = ParallelLinesReplication.run(data: data, published: published, fits: fits)
        return replication
    }

    // MARK: fits

    /// Models 1, 2, 4, 6, 8, 9, 10, with the margins the text quotes computed on the same fit.
    static func fitAll(data: Dataset) throws -> [String: ModelResult] {
        var fits: [String: ModelResult] = [:]
        for model in DalianStudy.models where model.fitOf == nil {
            let quoted = DalianStudy.quotedEffects.filter { $0.model == model.id }
            var options = FitOptions()
            if !quoted.isEmpty {
                options.margins = true
                options.atMeans = quoted.contains { $0.at == .means }
                options.discreteChangeForBinary = !quoted.contains { $0.derivative }
            }
            fits[model.id] = try fitModel(model.spec, data: data, options: options)
        }
        return fits
    }

    static func replicate(_ published: PublishedModel, fits: [String: ModelResult],
                          data: Dataset) throws -> ReplicatedModel {
        guard let model = DalianStudy.model(published.id), let fit = fits[model.fitOf ?? model.id] else {
            throw ReplicationError.unmatched("model '\(published.id)'")
        }
        let centring = model.standardization == .bStdX && !fit.cutpoints.isEmpty
            ? try CutpointCentring(fit: fit, spec: model.spec, data: data) : nil
        var rows: [ReplicationComparison] = []
        for number in published.numbers {
            guard let term = DalianStudy.termNames[number.name] else {
                throw ReplicationError.unmatched("term '\(number.name)' of \(published.id)")
            }
            var row = ReplicationComparison(term: number.name, modelTerm: term, published: number.coef,
                                            publishedSE: number.seImplied, publishedStat: number.stat,
                                            starsPublished: number.stars)
            if let cut = fit.cutpoints.first(where: { $0.term == term }) {
                if let centring {
                    let centred = centring.centred(cut)
                    row.replicated = centred.value
                    row.replicatedStat = centred.z
                } else {
                    row.replicated = cut.estimate
                    row.replicatedStat = cut.z
                }
            } else if let c = fit.coefficient(term), !fit.omitted.contains(where: { $0.term == term }) {
                switch model.standardization {
                case .none: row.replicated = c.estimate
                case .bStdX: row.replicated = term == "_cons" ? c.estimate : c.bStdX
                // The paper prints the raw constant in its standardized column (Stata's listcoef
                // leaves it out); compare like with like.
                case .bStdXY: row.replicated = term == "_cons" ? c.estimate : c.bStdXY
                }
                row.replicatedStat = c.z
            }
            row.starsReplicated = row.replicatedStat.map(stars)
            rows.append(row)
        }
        let ols = model.spec.kind == .ols
        // The subsample itself (rows excluded by if) is in the model's title; what is left is
        // what estimation did on its own, as Stata would report it. A term dropped with its rows
        // by perfect prediction is said once, by the drop.
        let drops = fit.dropped.filter { d in
            if case .excludedByIf = d.reason { return false }
            return d.count > 0
        }
        let droppedWithRows = Set(drops.compactMap { d -> String? in
            if case .predictsPerfectly(let term, _) = d.reason { return term }
            return nil
        })
        let dropNotes = drops.map { ReplicationEstimationNote.dropped(count: $0.count, reason: $0.reason) }
        let omissions = fit.omitted.filter { !droppedWithRows.contains($0.term) }
            .map { ReplicationEstimationNote.omitted(term: $0.term, reason: $0.reason) }
        return ReplicatedModel(model: model, estimator: published.estimator, statLabel: published.statLabel,
                               publishedN: published.N, replicatedN: fit.n,
                               fitStatistic: ols ? "r2" : "pseudo_r2",
                               publishedFit: ols ? published.fit.r2 : published.fit.pseudoR2,
                               replicatedFit: ols ? fit.r2 : fit.pseudoR2,
                               rows: rows, estimationNotes: dropNotes + omissions)
    }

    /// The paper's stars: |t| or |z| against 1.645 / 1.96 / 2.576 (every published cell follows
    /// this rule; for OLS with ~3000 residual df the t and normal cut-offs agree to 3 decimals).
    static func stars(_ z: Double) -> String {
        guard z.isFinite else { return "" }
        return abs(z) >= 2.576 ? "***" : abs(z) >= 1.96 ? "**" : abs(z) >= 1.645 ? "*" : ""
    }

    // MARK: marginal effects and the indirect share

    static func quotedEffects(_ figures: PublishedTextFigures,
                              fits: [String: ModelResult]) throws -> [EffectComparison] {
        let skillNames = ["no_grade", "junior", "intermediate", "senior", "technician", "senior_technician"]
        var out: [EffectComparison] = []
        for quoted in DalianStudy.quotedEffects {
            let source: PublishedEffects
            switch (quoted.term, quoted.model) {
            case ("union", "model2"): source = figures.ameUnionOnSkillModel2Pct
            case ("union", "model4"): source = figures.ameUnionOnTrainingModel4Pct
            case ("training", "model6"): source = figures.ameTrainingOnSkillModel6Pct
            case ("male", "model6"): source = figures.ameMaleOnSkillPct
            case ("married", "model6"): source = figures.ameMarriedOnSkillPct
            default: throw ReplicationError.unmatched("marginal effect of \(quoted.term) in \(quoted.model)")
            }
            let fit = fits[quoted.model]
            for outcome in quoted.outcomes {
                let published: Double?
                if quoted.outcomes.count == 1 {
                    published = source.value
                } else if let k = Int(outcome), k >= 1, k <= skillNames.count {
                    published = source.effect(on: skillNames[k - 1])
                } else {
                    published = nil
                }
                let effect = fit?.margins.first { $0.term == quoted.term && $0.outcome == outcome && $0.at == quoted.at }
                out.append(EffectComparison(term: quoted.term, model: quoted.model, at: quoted.at, outcome: outcome,
                                            published: published, replicated: effect.map { 100 * $0.effect }))
            }
        }
        return out
    }

    static func indirectShare(_ published: PublishedStudy, fits: [String: ModelResult]) -> IndirectShareComparison {
        let spec = DalianStudy.indirectShare
        func coefficient(_ key: (String, String), in source: [String: ModelResult]) -> Double? {
            source[key.0]?.coefficient(key.1)?.estimate
        }
        func printed(_ key: (String, String)) -> Double? {
            published.model(key.0)?.coefficients.first { $0.name == key.1 }?.coef
        }
        let a = coefficient(spec.a, in: fits), b = coefficient(spec.b, in: fits)
        let cPrime = coefficient(spec.cPrime, in: fits), c = fits["model2"]?.coefficient("union")?.estimate
        var share = IndirectShareComparison(
            publishedPercent: published.textFigures.indirectEffectSharePct.value ?? 100 * spec.published,
            publishedReconstructedPercent: .nan, a: a, b: b, cPrime: cPrime, c: c,
            publishedA: printed(spec.a), publishedB: printed(spec.b), publishedCPrime: printed(spec.cPrime),
            publishedC: printed(("model2", "union")))
        if let pa = share.publishedA, let pb = share.publishedB, let pc = share.publishedCPrime {
            share.publishedReconstructedPercent = 100 * pa * pb / (pa * pb + pc)
        }
        if let a, let b, let cPrime {
            share.replicatedPercent = 100 * a * b / (a * b + cPrime)
            if let c, c != 0 {
                share.replicatedABOverC = 100 * a * b / c
                share.replicatedDifferencePercent = 100 * (c - cPrime) / c
            }
        }
        return share
    }

    // MARK: Tables 1 and 2

    static func descriptives(_ table: PublishedTable1, data: Dataset) throws -> [DescriptiveComparison] {
        var out: [DescriptiveComparison] = []
        for variable in table.variables {
            guard let name = paperVariables[variable.variable] else {
                throw ReplicationError.unmatched("Table 1 variable '\(variable.variable)'")
            }
            let values = try data.requireColumn(name).values
            let n = values.filter { !$0.isNaN }.count
            for category in variable.categories {
                let code = Double(category.code)
                let count = values.filter { $0 == code }.count
                out.append(DescriptiveComparison(paperVariable: variable.variable, labelEN: variable.labelEn,
                                                 labelZH: variable.labelZh, variable: name,
                                                 category: category.category, code: code,
                                                 publishedCount: category.count, replicatedCount: count,
                                                 publishedPercent: category.pct,
                                                 replicatedPercent: n > 0 ? 100 * Double(count) / Double(n) : .nan))
            }
        }
        return out
    }

    static func age(_ published: PublishedAge, impliedSD: Double?, data: Dataset) throws -> AgeComparison {
        let description = try DescriptiveStatistics.describe(data, variables: ["age"])[0]
        return AgeComparison(publishedMean: published.mean, publishedMin: published.min, publishedMax: published.max,
                             replicatedMean: description.mean, replicatedMin: description.min,
                             replicatedMax: description.max, impliedSD: impliedSD, replicatedSD: description.sd)
    }

    static func crosstabs(_ table: PublishedTable2, data: Dataset) throws -> [CrosstabComparison] {
        var out: [CrosstabComparison] = []
        for (variable, rows) in [("skill", table.rows.skill), ("training", table.rows.training)] {
            let tabulation = try CrossTabulation(data, row: variable, column: "union")
            let values = data.codebook.variable(variable)?.values ?? []
            for row in rows {
                guard let code = values.first(where: { $0.name == row.category })?.code else {
                    throw ReplicationError.unmatched("Table 2 category '\(variable)/\(row.category)'")
                }
                for (union, cell) in [(0, row.nonMember), (1, row.member)] {
                    let i = tabulation.rowCodes.firstIndex(of: code)
                    let j = tabulation.columnCodes.firstIndex(of: Double(union))
                    let count = i.flatMap { i in j.map { tabulation.counts[i][$0] } } ?? 0
                    let percent = j.map { 100 * count / tabulation.columnTotals[$0] } ?? .nan
                    out.append(CrosstabComparison(variable: variable, category: row.category, code: code, union: union,
                                                  publishedCount: cell.count, replicatedCount: Int(count),
                                                  publishedPercent: cell.colPct, replicatedPercent: percent))
                }
            }
        }
        return out
    }
}
