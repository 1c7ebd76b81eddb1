import Foundation

/// Generates the synthetic replica of the Dalian 2022 worker survey analysis sample.
///
/// Method (details and what is exact vs approximate: `data/README.md`):
/// 1. industry × occupation from a fixed joint table whose margins are Table 1's;
/// 2. male, age, education, married, party drawn in turn from scores on what came before, each
///    turned into categories by rank so every Table 1 count holds exactly;
/// 3. union membership for the 2644 highest selection scores (training and skill propensity,
///    stretched per industry);
/// 4. training by rank of a logit index within each union group (Table 2's 285 / 2191);
/// 5. skill by rank of a latent ordered-logit index within each union group (Table 2's counts):
///    "any grade" by the index plus per-covariate hurdle terms, the grades above by the index;
/// 6. swaps within union groups so no small cell is all one value (estimates stay finite) and the
///    two secondary-industry self-employed are both trained (Model 9's N = 1795).
public enum DalianGenerator {
    /// The seed of the shipped dataset: the survey was fielded in March 2022.
    public static let defaultSeed: UInt64 = 202203

    public static func generate(seed: UInt64 = defaultSeed,
                                parameters p: DalianParameters = .calibrated) throws(DalianGeneratorError) -> DalianRecords {
        let n = DalianTargets.n
        try validate(p)
        var rng = SeededRandom(seed: seed)
        var c = DalianRecords(id: Array(1...n), skill: zeros(n), union: zeros(n), training: zeros(n),
                              male: zeros(n), age: zeros(n), educ: zeros(n), married: zeros(n),
                              party: zeros(n), occ: zeros(n), industry: zeros(n))

        // 1. Occupation × industry cells, in random row order.
        var cells: [(occ: Int, industry: Int)] = []
        for (o, row) in p.occByIndustry.enumerated() {
            for (k, count) in row.enumerated() {
                cells += Array(repeating: (o + 1, k + 1), count: count)
            }
        }
        rng.shuffle(&cells)
        for (i, cell) in cells.enumerated() { c.occ[i] = cell.occ; c.industry[i] = cell.industry }
        let all = Array(0..<n)

        // 2. Individual characteristics, each from what was drawn before it.
        let maleIndex = try LinearIndex(p.maleScore, index: "maleScore")
        var score = all.map { maleIndex.value(row: $0, in: c) + rng.logistic() }
        assignTop(DalianTargets.male, of: all, by: score, into: &c.male)

        let ageIndex = try LinearIndex(p.ageScore, index: "ageScore")
        score = all.map { ageIndex.value(row: $0, in: c) + rng.normal() }
        let ages = ageValues(mu: p.ageMu, sigma: p.ageSigma)
        for (rank, row) in ascending(all, by: score).enumerated() { c.age[row] = ages[rank] }

        let educIndex = try LinearIndex(p.educScore, index: "educScore")
        score = all.map { educIndex.value(row: $0, in: c) + rng.normal() }
        assignByRank(DalianTargets.educ, of: all, by: score, into: &c.educ)

        let marriedIndex = try LinearIndex(p.marriedScore, index: "marriedScore")
        score = all.map { marriedIndex.value(row: $0, in: c) + rng.logistic() }
        assignTop(DalianTargets.married, of: all, by: score, into: &c.married)

        let partyIndex = try LinearIndex(p.partyScore, index: "partyScore")
        score = all.map { partyIndex.value(row: $0, in: c) + rng.logistic() }
        assignTop(DalianTargets.party, of: all, by: score, into: &c.party)

        // 3. Union membership follows the training and skill propensities (built into unionScore).
        let unionIndex = try LinearIndex(p.unionScore, index: "unionScore")
        let unionRaw = all.map { unionIndex.value(row: $0, in: c) }
        let unionCentre = unionRaw.reduce(0, +) / Double(n)
        score = all.map {
            unionCentre + p.unionScale[c.industry[$0] - 1] * (unionRaw[$0] - unionCentre) + rng.logistic()
        }
        assignTop(DalianTargets.union, of: all, by: score, into: &c.union)
        let groups = [all.filter { c.union[$0] == 0 }, all.filter { c.union[$0] == 1 }]

        // 4. Training within each union group.
        let trainingIndex = try LinearIndex(p.training, index: "training")
        let trainingRaw = all.map { trainingIndex.value(row: $0, in: c) }
        let trainingCentre = trainingRaw.reduce(0, +) / Double(n)
        let trainingPropensity = all.map {
            trainingCentre + p.trainingScale[c.industry[$0] - 1] * (trainingRaw[$0] - trainingCentre)
        }
        let trainingScore = all.map { trainingPropensity[$0] + rng.logistic() }
        for g in 0...1 {
            assignTop(DalianTargets.trainedByUnion[g], of: groups[g], by: trainingScore, into: &c.training)
        }
        repairTraining(&c, score: trainingScore)

        // 5. Skill grade within each union group: the first threshold ("any grade") uses the
        // index plus the hurdle terms; the grades above it use the index alone.
        let skillIndex = try LinearIndex(p.skill, index: "skill")
        let isIndustry: (LinearIndex.Term) -> Bool = { if case .industry = $0 { return true }; return false }
        let scaled = skillIndex.filtered { !isIndustry($0) && $0 != .training }
        let unscaled = skillIndex.filtered { isIndustry($0) || $0 == .training }
        let hurdleIndex = try LinearIndex(p.skillHurdle, index: "skillHurdle")
        let noise = all.map { _ in rng.logistic() }
        var gradeScore = [Double](repeating: 0, count: n)
        var hurdleScore = [Double](repeating: 0, count: n)
        // The scale stretches each industry's index about the sample mean, so it changes how
        // strongly covariates sort workers, not the industry's level.
        let scaledValues = all.map { scaled.value(row: $0, in: c) }
        let centre = scaledValues.reduce(0, +) / Double(n)
        for i in all {
            let scale = p.skillScale[c.industry[i] - 1]
            let base = centre + scale * (scaledValues[i] - centre) + unscaled.value(row: i, in: c) + noise[i]
            gradeScore[i] = base
            hurdleScore[i] = base + scale * hurdleIndex.value(row: i, in: c)
        }
        for g in 0...1 {
            let counts = DalianTargets.skillByUnion[g]
            let byHurdle = ascending(groups[g], by: hurdleScore)
            for row in byHurdle.prefix(counts[0]) { c.skill[row] = 1 }
            let graded = Array(byHurdle.dropFirst(counts[0]))
            var upper = [Int](repeating: 0, count: n)
            assignByRank(Array(counts.dropFirst()), of: graded, by: gradeScore, into: &upper)
            for row in graded { c.skill[row] = upper[row] + 1 }
        }
        repairSkill(&c, score: hurdleScore)
        return c
    }

    // MARK: - Validation

    static func validate(_ p: DalianParameters) throws(DalianGeneratorError) {
        guard p.occByIndustry.count == 8, p.occByIndustry.allSatisfy({ $0.count == 3 }) else {
            throw .invalidParameters("occByIndustry must be 8 rows (occ) × 3 columns (industry)")
        }
        for o in 0..<8 where p.occByIndustry[o].reduce(0, +) != DalianTargets.occ[o] {
            throw .invalidParameters("occByIndustry row occ=\(o + 1) sums to \(p.occByIndustry[o].reduce(0, +)), Table 1 has \(DalianTargets.occ[o])")
        }
        for k in 0..<3 where p.occByIndustry.map({ $0[k] }).reduce(0, +) != DalianTargets.industry[k] {
            throw .invalidParameters("occByIndustry column industry=\(k + 1) does not sum to Table 1's \(DalianTargets.industry[k])")
        }
        guard p.occByIndustry[5][1] == DalianTargets.secondarySelfEmployed else {
            throw .invalidParameters("occByIndustry must put exactly 2 self-employed in the secondary industry (Model 9's N = 1795)")
        }
        guard p.occByIndustry.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else {
            throw .invalidParameters("occByIndustry has a negative count")
        }
        guard p.skillScale.count == 3, p.skillScale.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw .invalidParameters("skillScale must hold 3 positive numbers (one per industry)")
        }
        guard p.trainingScale.count == 3, p.trainingScale.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw .invalidParameters("trainingScale must hold 3 positive numbers (one per industry)")
        }
        guard p.unionScale.count == 3, p.unionScale.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw .invalidParameters("unionScale must hold 3 positive numbers (one per industry)")
        }
        guard p.ageSigma > 0, p.ageMu.isFinite else {
            throw .invalidParameters("ageSigma must be positive")
        }
    }

    // MARK: - Rank assignment

    static func zeros(_ n: Int) -> [Int] { [Int](repeating: 0, count: n) }

    /// `rows` sorted by ascending score; ties (never expected with continuous noise) by row.
    static func ascending(_ rows: [Int], by score: [Double]) -> [Int] {
        rows.sorted { score[$0] < score[$1] || (score[$0] == score[$1] && $0 < $1) }
    }

    /// Sets `target` to 1 for the `count` highest-scoring rows and 0 for the other `rows`.
    static func assignTop(_ count: Int, of rows: [Int], by score: [Double], into target: inout [Int]) {
        let order = ascending(rows, by: score)
        for (rank, row) in order.enumerated() { target[row] = rank >= rows.count - count ? 1 : 0 }
    }

    /// Codes 1…k by ascending score: the lowest `counts[0]` rows get 1, the next `counts[1]` 2, ….
    static func assignByRank(_ counts: [Int], of rows: [Int], by score: [Double], into target: inout [Int]) {
        let order = ascending(rows, by: score)
        var position = 0
        for (k, count) in counts.enumerated() {
            for row in order[position..<min(position + count, order.count)] { target[row] = k + 1 }
            position += count
        }
    }

    /// The 3067 ages, ascending: a normal(mu, sigma) discretised on 19…61 by largest remainders,
    /// at least one person at each end, then moved year by year until the sum is exactly 110 136
    /// (mean 35.9100).
    static func ageValues(mu: Double, sigma: Double) -> [Int] {
        let lo = DalianTargets.ageMin, hi = DalianTargets.ageMax, n = DalianTargets.n
        let years = Array(lo...hi)
        let weights = years.map { exp(-0.5 * pow((Double($0) - mu) / sigma, 2)) }
        let total = weights.reduce(0, +)
        let quotas = weights.map { Double(n) * $0 / total }
        var counts = quotas.map { Int($0.rounded(.down)) }
        let remainderOrder = years.indices.sorted {
            let a = quotas[$0] - Double(counts[$0]), b = quotas[$1] - Double(counts[$1])
            return a > b || (a == b && $0 < $1)
        }
        for j in remainderOrder.prefix(n - counts.reduce(0, +)) { counts[j] += 1 }
        let mode = counts.indices.max { counts[$0] < counts[$1] } ?? 0
        for end in [0, counts.count - 1] where counts[end] == 0 { counts[end] = 1; counts[mode] -= 1 }

        var sum = zip(years, counts).reduce(0) { $0 + $1.0 * $1.1 }
        let middle = Array((lo + 6)...(hi - 11)).map { $0 - lo }
        var cursor = 0
        var stalled = 0
        while sum != DalianTargets.ageSum, stalled < middle.count {
            let step = sum < DalianTargets.ageSum ? 1 : -1
            let j = middle[cursor % middle.count]
            cursor += 1
            if counts[j] > 1 {
                counts[j] -= 1; counts[j + step] += 1; sum += step; stalled = 0
            } else {
                stalled += 1
            }
        }
        var ages: [Int] = []
        ages.reserveCapacity(n)
        for (year, count) in zip(years, counts) { ages += Array(repeating: year, count: count) }
        return ages
    }
}
