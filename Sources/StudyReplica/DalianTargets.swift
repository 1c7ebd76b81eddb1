/// The frequencies the replica reproduces exactly: Table 1 (marginals), Table 2 (union × skill,
/// union × training) and the age figures quoted in the text. Category counts are listed in code
/// order (code 1 first; for 0/1 variables the count of 1s).
public enum DalianTargets {
    public static let n = 3067

    /// skill 1…6: no grade, junior, intermediate, senior, technician, senior technician.
    public static let skill = [1826, 410, 479, 238, 59, 55]
    public static let union = 2644
    public static let training = 2476
    public static let male = 1628
    /// educ 1…6: primary or below, junior high, senior high, vocational, junior college, bachelor+.
    public static let educ = [26, 334, 131, 209, 595, 1772]
    public static let married = 2088
    public static let party = 815
    /// occ 1…8 in Table 1's order: non-technical, skilled, office, service, manager,
    /// self-employed, farmer/fisher, other.
    public static let occ = [622, 326, 1151, 246, 536, 4, 34, 148]
    /// industry 1…3: primary, secondary, tertiary.
    public static let industry = [162, 1797, 1108]

    /// Table 2: skill grade counts among non-members (union = 0) and members (union = 1).
    public static let skillByUnion: [[Int]] = [
        [299, 43, 53, 19, 4, 5],
        [1527, 367, 426, 219, 55, 50],
    ]
    /// Table 2: trained counts among non-members and members (of 423 and 2644).
    public static let trainedByUnion = [285, 2191]

    /// Age: integer years 19–61, mean 35.91 (sum 110 136 → 35.9100). The SD (not printed) is
    /// implied by the standardized age coefficients of Models 3, 5 and 7: about 8.45.
    public static let ageMin = 19
    public static let ageMax = 61
    public static let ageSum = 110_136
    public static let ageSD = 8.45

    /// Model 9 (logit of training, secondary industry) has N = 1795: Stata drops the two
    /// secondary-industry self-employed workers, who all took training (perfect prediction).
    public static let secondarySelfEmployed = 2
}
