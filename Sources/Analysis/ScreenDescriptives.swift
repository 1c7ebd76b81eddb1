import Estimation
import SurveyData

/// What a screen's Table 1 and crosstab tests were estimated under when a design is declared:
/// the design, and the subpopulation (the screen's subsample condition) if any.
public struct DescriptivesDesign: Sendable, Equatable {
    public var design: SurveyDesign
    /// The subsample's condition, estimated as a subpopulation (Stata's `subpop()`).
    public var subpop: String?

    public init(design: SurveyDesign, subpop: String?) { self.design = design; self.subpop = subpop }
}

/// The Describe and Crosstab views' numbers on the screen's sample. Without a design: the
/// unweighted Table 1 and the crosstabs' statistics. Under a declared design the subsample is a
/// subpopulation as in the Models view (`ModelLineup`): Table 1 is `describe --svy … --subpop`
/// (weighted means and percentages, linearized SEs, DEFF) and each crosstab adds
/// `crosstab --svy`'s Rao–Scott F; the crosstab's counts stay the sample's rows.
enum ScreenDescriptives {
    static func fill(_ output: inout AnalysisResult, spec: Specification, data: Dataset, sample: PanelSample,
                     variables names: [String]) {
        let rows = spec.sampling == .common ? sample.mask : sample.subsampleMask
        let screenData = rows.allSatisfy { $0 } ? data : data.subset(rows)
        for name in names {
            let counts = MissingCount.tally(data.column(name)?.values ?? [], mask: sample.subsampleMask)
            if !counts.isEmpty { output.missingByVariable[name] = counts }
        }
        let basis = spec.design.map { DescriptivesDesign(design: $0, subpop: spec.condition) }
        output.descriptivesDesign = basis
        do {
            output.summaries = try DescriptiveStatistics.describe(screenData, variables: names)
            if let basis {
                let (designData, subpopulation) = self.designSample(data, screenData: screenData, rows: rows, basis: basis)
                let weighted = try SurveyDescriptives.describe(designData, variables: names, design: basis.design,
                                                               subpopulation: subpopulation)
                output.summaries = designBased(output.summaries, weighted)
            }
        } catch {
            output.summaries = []
            output.summariesError = "\(error)"
        }
        output.crosstabs = spec.crosstabs.map { pair in
            var crosstab: CrosstabOutput
            do { crosstab = CrosstabOutput(pair: pair, table: try CrossTabulation(screenData, row: pair.row, column: pair.column)) }
            catch { return CrosstabOutput(pair: pair, error: "\(pair.row) x \(pair.column): \(error)") }
            if let basis {
                let (designData, subpopulation) = designSample(data, screenData: screenData, rows: rows, basis: basis)
                do {
                    crosstab.raoScott = try RaoScott.test(designData, row: pair.row, column: pair.column, design: basis.design,
                                                          subpopulation: subpopulation)
                } catch {
                    crosstab.designError = "\(pair.row) x \(pair.column): \(error)"
                }
            }
            return crosstab
        }
    }

    /// The screen sample's counts, min and max (the title's N) with the design's estimates:
    /// under a subpopulation `SurveyDescriptives` counts every row of the design.
    private static func designBased(_ sample: [VariableDescription], _ weighted: [VariableDescription]) -> [VariableDescription] {
        let byName = Dictionary(weighted.map { ($0.variable, $0) }, uniquingKeysWith: { a, _ in a })
        return sample.map { d in
            guard let w = byName[d.variable] else { return d }
            var d = d
            // No design estimate (fewer than two rows): no number rather than the unweighted one.
            let estimated = w.meanSE != nil
            d.mean = estimated ? w.mean : .nan; d.sd = estimated ? w.sd : .nan; d.meanSE = w.meanSE; d.deff = w.deff
            for j in d.categories.indices {
                let c = w.categories.first { $0.code == d.categories[j].code && $0.se != nil }
                d.categories[j].percent = c?.percent ?? .nan; d.categories[j].se = c?.se; d.categories[j].deff = c?.deff
            }
            return d
        }
    }

    /// The rows the design is estimated on, as the Models view's fits: with a subsample, the
    /// whole dataset with the screen's rows as the subpopulation (every PSU stays in the
    /// variance); without one, the screen's rows are the design (rows with a missing model
    /// variable leave it, Stata's `e(sample)`).
    private static func designSample(_ data: Dataset, screenData: Dataset, rows: [Bool],
                                     basis: DescriptivesDesign) -> (Dataset, (name: String, rows: [Bool])?) {
        guard let subpop = basis.subpop else { return (screenData, nil) }
        return (data, (subpop, rows))
    }
}
