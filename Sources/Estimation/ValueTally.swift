/// The distinct values of a column in order of first appearance, each with a weighted count: by
/// linear search while they are few (factors and categories have a handful; hashing every row cost
/// more than the rest of the pass), by hashing beyond 32. Used for a factor's levels and for the
/// category counts of `describe`.
struct ValueTally {
    private(set) var values: [Double] = []
    private var weights: [Double] = []
    private var index: [Double: Int]? = nil
    /// Position of the previous value: runs of one value skip the search.
    private var last = -1

    var count: Int { values.count }

    mutating func add(_ value: Double, weight: Double = 1) {
        if last >= 0, values[last] == value { weights[last] += weight; return }
        let slot: Int
        if let found = position(of: value) {
            slot = found
        } else {
            slot = values.count
            values.append(value)
            weights.append(0)
            if index != nil {
                index?[value] = slot
            } else if values.count > 32 {
                index = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
            }
        }
        weights[slot] += weight
        last = slot
    }

    /// The summed weight of `value` (0 when it never occurred).
    func weight(of value: Double) -> Double {
        position(of: value).map { weights[$0] } ?? 0
    }

    private func position(of value: Double) -> Int? {
        if let index { return index[value] }
        return values.firstIndex(of: value)
    }
}
