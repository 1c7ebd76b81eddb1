import SurveyData

/// A declared survey design resolved on the data, as the linearized variance needs it: which PSU
/// each estimation row belongs to, each PSU's stratum, each stratum's number of sampled PSUs and
/// sampling fraction, and the counts Stata prints in the header (strata, PSUs, design df,
/// population size). Built from the design sample — the `if` rows with every design variable
/// present and a positive weight — which, under `--subpop`, is larger than the estimation sample:
/// rows outside the subpopulation keep their PSUs in the variance (Stata's `subpop()`).
public struct SurveyStructure: Sendable, Equatable {
    public var design: SurveyDesign
    public var subpop: String?
    /// Per estimation row (in `DesignMatrix.rows` order): its PSU, 0..<psuCount.
    public var psuOfRow: [Int]
    /// Per PSU: its stratum, 0..<strataCount.
    public var psuStratum: [Int]
    /// Per stratum: the sampling fraction f_h (0 without an fpc).
    public var fraction: [Double]
    /// Per stratum: its code as text (notes name it).
    public var stratumLabels: [String]
    /// Per stratum: at least one estimation row is in it.
    public var hasMember: [Bool]
    /// Σ weights over the design sample (Stata's "Population size").
    public var population: Double
    /// Σ weights over the estimation rows under `--subpop` (Stata's "Subpop. size").
    public var subpopPopulation: Double?

    public var psuCount: Int { psuStratum.count }
    public var strataCount: Int { fraction.count }

    /// Per stratum: its number of sampled PSUs n_h in the design sample.
    public var stratumPSUs: [Int] {
        var counts = [Int](repeating: 0, count: strataCount)
        for h in psuStratum { counts[h] += 1 }
        return counts
    }

    /// Strata and PSUs that count for the design df: the strata holding an estimation row and all
    /// their PSUs (Stata: under `subpop()` a stratum without a member of the subpopulation does
    /// not count, every PSU of the others does).
    public var countedStrata: Int { hasMember.lazy.filter { $0 }.count }
    public var countedPSUs: Int {
        let counts = stratumPSUs
        return (0..<strataCount).reduce(0) { hasMember[$1] ? $0 + counts[$1] : $0 }
    }
    /// Design degrees of freedom: PSUs − strata (counted as above).
    public var df: Int { countedPSUs - countedStrata }

    /// Strata with members and a single PSU.
    public var singletonStrata: [Int] {
        let counts = stratumPSUs
        return (0..<strataCount).filter { hasMember[$0] && counts[$0] == 1 }
    }

    /// Resolves `design` on `data`. `designRows`: dataset rows of the design sample (ascending);
    /// `estimationRows`: the rows estimated on, each one of them. Errors name the variable and
    /// the stratum: a PSU code in two strata without `nest`, an fpc varying within a stratum, not
    /// positive, or smaller than the stratum's number of sampled PSUs.
    init(design: SurveyDesign, subpop: String?, data: Dataset, designRows: [Int], estimationRows: [Int],
         weights: [Double]?, language: Language = .en) throws(EstimationError) {
        self.design = design
        self.subpop = subpop
        func values(_ name: String?) -> [Double]? { name.flatMap { data.column($0)?.values } }
        let strataValues = values(design.strata), psuValues = values(design.psu), fpcValues = values(design.fpc)
        let weightValues = values(design.weight)

        var stratumIndex: [Double: Int] = [:]
        var labels: [String] = []
        var psuKey: [PSUKey: Int] = [:]
        var psuFirstStratum: [Double: Int] = [:]
        var psuStratum: [Int] = []
        var psuOfDatasetRow = [Int](repeating: -1, count: data.rowCount)
        var fpcOfStratum: [Double] = []
        var population = 0.0
        for i in designRows {
            let s = strataValues?[i] ?? 1 // one stratum, numbered 1 as Stata
            let h: Int
            if let known = stratumIndex[s] { h = known } else {
                h = labels.count; stratumIndex[s] = h
                labels.append(formatCode(s)); fpcOfStratum.append(fpcValues?[i] ?? .nan)
            }
            if let fpcValues, fpcValues[i] != fpcOfStratum[h] {
                throw .invalidModel(SurveyText.fpcVaries(design.fpc ?? "", stratum: Self.named(design.strata, labels[h])).text(language))
            }
            let code = psuValues?[i] ?? Double(i)
            if psuValues != nil, !design.nest {
                if let first = psuFirstStratum[code], first != h {
                    throw .invalidModel(SurveyText.psuInSeveralStrata(design.psu ?? "", code: formatCode(code),
                        strata: [Self.named(design.strata, labels[first]), Self.named(design.strata, labels[h])]).text(language))
                }
                psuFirstStratum[code] = h
            }
            let key = PSUKey(stratum: h, code: code)
            let p: Int
            if let known = psuKey[key] { p = known } else { p = psuStratum.count; psuKey[key] = p; psuStratum.append(h) }
            psuOfDatasetRow[i] = p
            population += weightValues?[i] ?? 1
        }
        self.psuStratum = psuStratum
        self.stratumLabels = labels
        self.population = population

        var counts = [Int](repeating: 0, count: labels.count)
        for h in psuStratum { counts[h] += 1 }
        var fraction = [Double](repeating: 0, count: labels.count)
        if let fpcName = design.fpc {
            for h in 0..<labels.count {
                let f = fpcOfStratum[h], n = Double(counts[h])
                let stratum = Self.named(design.strata, labels[h])
                guard f > 0, f.isFinite else {
                    throw .invalidModel(SurveyText.fpcNotPositive(fpcName, value: f, stratum: stratum).text(language))
                }
                if f <= 1 {
                    fraction[h] = f // a sampling rate
                } else {
                    guard f >= n else {
                        throw .invalidModel(SurveyText.fpcTooSmall(fpcName, value: f, sampled: counts[h], stratum: stratum).text(language))
                    }
                    fraction[h] = n / f // a population count N_h
                }
            }
        }
        self.fraction = fraction

        var members = [Bool](repeating: false, count: labels.count)
        var psuOfRow: [Int] = []
        psuOfRow.reserveCapacity(estimationRows.count)
        for i in estimationRows {
            let p = psuOfDatasetRow[i]
            psuOfRow.append(p)
            if p >= 0 { members[psuStratum[p]] = true }
        }
        self.psuOfRow = psuOfRow
        self.hasMember = members
        self.subpopPopulation = subpop == nil ? nil : (weights.map { $0.reduce(0, +) } ?? Double(estimationRows.count))
    }

    /// "stype = 2" (or "2" without a strata variable).
    static func named(_ variable: String?, _ label: String) -> String {
        variable.map { "\($0) = \(label)" } ?? label
    }

    private struct PSUKey: Hashable { var stratum: Int; var code: Double }

    /// This structure for a subset (or resample) of the estimation rows: PSUs and strata stay.
    func restricted(to subset: [Int]) -> SurveyStructure {
        var copy = self
        copy.psuOfRow = subset.map { psuOfRow[$0] }
        var members = [Bool](repeating: false, count: strataCount)
        for p in copy.psuOfRow where p >= 0 { members[psuStratum[p]] = true }
        copy.hasMember = members
        return copy
    }
}

/// The design as a fit reports it (JSON `design{…}`, the table's header lines).
public struct SurveySummary: Sendable, Equatable {
    public var design: SurveyDesign
    public var subpop: String?
    public var strataCount: Int
    public var psuCount: Int
    public var df: Int
    public var population: Double
    public var subpopPopulation: Double?
    /// Codes of the strata with a single PSU (notes name them).
    public var singletonStrata: [String]

    public init(design: SurveyDesign, subpop: String?, strataCount: Int, psuCount: Int, df: Int,
                population: Double, subpopPopulation: Double?, singletonStrata: [String]) {
        self.design = design; self.subpop = subpop; self.strataCount = strataCount; self.psuCount = psuCount
        self.df = df; self.population = population; self.subpopPopulation = subpopPopulation
        self.singletonStrata = singletonStrata
    }
}

extension SurveyStructure {
    public var summary: SurveySummary {
        SurveySummary(design: design, subpop: subpop, strataCount: countedStrata, psuCount: countedPSUs, df: df,
                      population: population, subpopPopulation: subpopPopulation,
                      singletonStrata: singletonStrata.map { stratumLabels[$0] })
    }
}

/// The words survey designs add to estimation errors (en/zh), kept together (the mediation
/// engine's subpopulation uses them too).
public enum SurveyText {
    case fpcVaries(String, stratum: String)
    case fpcNotPositive(String, value: Double, stratum: String)
    case fpcTooSmall(String, value: Double, sampled: Int, stratum: String)
    case psuInSeveralStrata(String, code: String, strata: [String])
    case negativeWeight(String, value: Double, row: Int)
    case noPositiveWeight(String)
    case emptySubpop(String)
    case designWithWeights

    public func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case let .fpcVaries(v, stratum):
            return zh ? "fpc 变量 '\(v)' 在分层 \(stratum) 内取值不一（每个分层须为常数）"
                      : "fpc '\(v)' varies within stratum \(stratum) (it must be constant within a stratum)"
        case let .fpcNotPositive(v, value, stratum):
            return zh ? "fpc 变量 '\(v)' 在分层 \(stratum) 中为 \(formatCode(value))，必须为正"
                      : "fpc '\(v)' is \(formatCode(value)) in stratum \(stratum); it must be positive"
        case let .fpcTooSmall(v, value, sampled, stratum):
            return zh ? "fpc 变量 '\(v)' 在分层 \(stratum) 中为 \(formatCode(value))，小于抽中的 PSU 数 \(sampled)"
                      : "fpc '\(v)' is \(formatCode(value)) in stratum \(stratum), smaller than its \(sampled) sampled PSUs"
        case let .psuInSeveralStrata(v, code, strata):
            return zh ? "PSU '\(v)' = \(code) 出现在多个分层中（\(strata.joined(separator: "、"))）；若 PSU 编号在分层内编排，请在 --svy 中加 nest"
                      : "PSU '\(v)' = \(code) is in several strata (\(strata.joined(separator: ", "))); add nest to --svy if PSU codes are numbered within strata"
        case let .negativeWeight(v, value, row):
            return zh ? "抽样权重 '\(v)' 在第 \(row) 行为 \(value)，不能为负"
                      : "design weight '\(v)' is negative (\(value)) in row \(row)"
        case let .noPositiveWeight(v):
            return zh ? "抽样权重 '\(v)' 没有任何正值" : "design weight '\(v)' has no positive value"
        case let .emptySubpop(expr):
            return zh ? "--subpop '\(expr)' 没有选中任何观测" : "--subpop '\(expr)' selects no observations"
        case .designWithWeights:
            return zh ? "调查设计自带权重（weight=）；不能再用 --fweight/--pweight"
                      : "a survey design carries its own weight (weight=); --fweight/--pweight cannot be combined with it"
        }
    }
}
