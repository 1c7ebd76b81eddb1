/// The replica's rows as integer columns, in the order of the public variable list.
public struct DalianRecords: Sendable, Equatable {
    /// The public variable names, in column order.
    public static let variableNames = ["id", "skill", "union", "training", "male", "age", "educ",
                                       "married", "party", "occ", "industry"]

    public var id: [Int]
    public var skill: [Int]
    public var union: [Int]
    public var training: [Int]
    public var male: [Int]
    public var age: [Int]
    public var educ: [Int]
    public var married: [Int]
    public var party: [Int]
    public var occ: [Int]
    public var industry: [Int]

    public var count: Int { id.count }

    /// The columns in `variableNames` order.
    public var columns: [[Int]] {
        [id, skill, union, training, male, age, educ, married, party, occ, industry]
    }

    /// The CSV text (header, then one line per row, `\n` line ends). Integers only, so the text
    /// is the same on every platform.
    public func csvText() -> String {
        var out = DalianRecords.variableNames.joined(separator: ",") + "\n"
        out.reserveCapacity(count * 28)
        let cols = columns
        for row in 0..<count {
            for (j, col) in cols.enumerated() {
                if j > 0 { out += "," }
                out += String(col[row])
            }
            out += "\n"
        }
        return out
    }
}
