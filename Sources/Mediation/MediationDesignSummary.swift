import Estimation
import SurveyData

/// The survey design of a mediation analysis as JSON `design{…}` reports it — the fields of
/// `fit --svy`'s `design` object (Stata's svy header), taken from the total-effect model: the
/// design every model of the common sample shares.
public struct MediationDesignSummary: Sendable, Equatable, Codable {
    public var psu: String?
    public var strata: String?
    public var weight: String?
    public var fpc: String?
    public var singleunit: String
    public var nStrata: Int
    public var nPSU: Int
    public var df: Int
    public var population: Double
    public var singletonStrata: [String]
    /// Under a subpopulation: Σ weights over its rows (Stata's "Subpop. size"), nil otherwise.
    public var subpopPopulation: Double? = nil

    enum CodingKeys: String, CodingKey {
        case psu, strata, weight, fpc, singleunit, nStrata = "n_strata", nPSU = "n_psu", df, population
        case singletonStrata = "singleton_strata", subpopPopulation = "subpop_population"
    }

    public init(_ s: SurveySummary) {
        psu = s.design.psu; strata = s.design.strata; weight = s.design.weight; fpc = s.design.fpc
        singleunit = s.design.singleUnit.rawValue
        nStrata = s.strataCount; nPSU = s.psuCount; df = s.df; population = s.population
        singletonStrata = s.singletonStrata
        subpopPopulation = s.subpopPopulation
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        // Absent parts are null, as in fit's design object.
        try c.encode(psu, forKey: .psu)
        try c.encode(strata, forKey: .strata)
        try c.encode(weight, forKey: .weight)
        try c.encode(fpc, forKey: .fpc)
        try c.encode(singleunit, forKey: .singleunit)
        try c.encode(nStrata, forKey: .nStrata)
        try c.encode(nPSU, forKey: .nPSU)
        try c.encode(df, forKey: .df)
        try c.encode(population, forKey: .population)
        try c.encode(singletonStrata, forKey: .singletonStrata)
        try c.encodeIfPresent(subpopPopulation, forKey: .subpopPopulation)
    }
}
