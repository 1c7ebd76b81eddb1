/// The knobs of the replica generator. Linear indexes are maps from a term name to its weight;
/// term names follow the formula's factor notation: `male`, `age` (per year), `married`, `party`,
/// `training`, `educ=2` … `educ=6`, `occ=2` … `occ=8`, `industry=2`, `industry=3`. Intercepts are
/// never needed: every draw is turned into categories by rank against exact target counts.
///
/// `calibrated` holds the values tuned (by `scripts/synth/calibrate.R`, for the documented seed)
/// until re-estimating the paper's Models 1–10 on the generated data lands on the published
/// coefficients. Codable so the calibration script can feed trial values to the generator.
public struct DalianParameters: Codable, Sendable, Equatable {
    /// Occupation × industry counts (rows occ 1…8, columns industry 1…3); margins are Table 1's.
    public var occByIndustry: [[Int]]
    /// Logistic-noise score ranked into the 1628 men.
    public var maleScore: [String: Double]
    /// Age: a truncated normal (mean, sd) on 19…61 discretised into exact yearly counts, handed
    /// out by rank of `ageScore` + N(0,1) noise.
    public var ageMu: Double
    public var ageSigma: Double
    public var ageScore: [String: Double]
    /// N(0,1)-noise score whose ranks give the six education levels (lowest = primary or below).
    public var educScore: [String: Double]
    public var marriedScore: [String: Double]
    public var partyScore: [String: Double]
    /// Logit index of union-organised training, without union (membership enters through counts).
    public var training: [String: Double]
    /// Multiplies the training index (about its sample mean) within industry 1…3: the paper's
    /// secondary-industry training logit fits better (pseudo R² 0.122 vs 0.109).
    public var trainingScale: [Double]
    /// Union selection: members are the 2644 highest of `unionScore` + logistic noise. The
    /// calibration builds it as a mix of the published training and skill coefficients (members are
    /// more training- and skill-prone than non-members), kept fixed while the other indexes are
    /// tuned so that membership does not change under them.
    public var unionScore: [String: Double]
    /// Multiplies the union selection score (about its sample mean) within industry 1…3, so the
    /// secondary-industry members can differ from non-members more or less than elsewhere.
    public var unionScale: [Double]
    /// Latent skill index (ordered-logit scale) including `training`.
    public var skill: [String: Double]
    /// Extra weight on the first threshold only (leaving "no grade"): lets OLS and ordered-logit
    /// coefficients differ the way the paper's do (union and marriage mostly lift workers out of
    /// the lowest grade).
    public var skillHurdle: [String: Double]
    /// Multiplies the non-industry part of the skill index within industry 1…3 (the secondary
    /// subsample fits better in the paper: pseudo R² 0.150 vs 0.102).
    public var skillScale: [Double]

    public init(occByIndustry: [[Int]], maleScore: [String: Double], ageMu: Double, ageSigma: Double,
                ageScore: [String: Double], educScore: [String: Double], marriedScore: [String: Double],
                partyScore: [String: Double], training: [String: Double], trainingScale: [Double],
                unionScore: [String: Double], unionScale: [Double], skill: [String: Double],
                skillHurdle: [String: Double], skillScale: [Double]) {
        self.occByIndustry = occByIndustry; self.maleScore = maleScore; self.ageMu = ageMu
        self.ageSigma = ageSigma; self.ageScore = ageScore; self.educScore = educScore
        self.marriedScore = marriedScore; self.partyScore = partyScore; self.training = training
        self.trainingScale = trainingScale
        self.unionScore = unionScore; self.unionScale = unionScale; self.skill = skill; self.skillHurdle = skillHurdle
        self.skillScale = skillScale
    }
}
