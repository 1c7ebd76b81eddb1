/// How a column's numbers are held (issue 18: 10^7 rows × 21 regressors within 2.5 GB). Survey
/// columns are mostly small integer codes or numbers with a few decimals, so most need 1, 2 or 4
/// bytes instead of 8:
/// - `int8`/`int16`: every value an integer in range (`Double(code)` is the value exactly);
/// - `scaled16`/`scaled`: every value is `Double(m) / 10^d` for an `Int16`/`Int32` m and d ≤ 9 — one correctly
///   rounded division, the same operation the CSV reader's exact fast path performs on the text,
///   and checked bit for bit when the column is compacted, so no number changes;
/// - `doubles`: anything else.
/// Values that do not fit a compact form (missing values with their NaN payloads, `-0.0`) are kept
/// exactly in a sorted side table and marked by the form's sentinel code.
public enum ColumnStorage: Sendable {
    case doubles([Double])
    case int8(codes: [Int8], exceptions: ColumnExceptions)
    case int16(codes: [Int16], exceptions: ColumnExceptions)
    case scaled16(mantissas: [Int16], divisor: Double, exceptions: ColumnExceptions)
    case scaled(mantissas: [Int32], divisor: Double, exceptions: ColumnExceptions)

    public var count: Int {
        switch self {
        case .doubles(let v): return v.count
        case .int8(let c, _): return c.count
        case .int16(let c, _): return c.count
        case .scaled16(let m, _, _): return m.count
        case .scaled(let m, _, _): return m.count
        }
    }

    /// Bytes held (the benchmarks' column-store size).
    public var byteCount: Int {
        switch self {
        case .doubles(let v): return v.capacity * 8
        case .int8(let c, let e): return c.capacity + e.byteCount
        case .int16(let c, let e): return c.capacity * 2 + e.byteCount
        case .scaled16(let m, _, let e): return m.capacity * 2 + e.byteCount
        case .scaled(let m, _, let e): return m.capacity * 4 + e.byteCount
        }
    }

    @inline(__always) public subscript(row: Int) -> Double {
        switch self {
        case .doubles(let v): return v[row]
        case .int8(let c, let e): let code = c[row]; return code == Int8.min ? e.value(row) : Double(code)
        case .int16(let c, let e): let code = c[row]; return code == Int16.min ? e.value(row) : Double(code)
        case .scaled16(let m, let d, let e): let code = m[row]; return code == Int16.min ? e.value(row) : Double(code) / d
        case .scaled(let m, let d, let e): let code = m[row]; return code == Int32.min ? e.value(row) : Double(code) / d
        }
    }

    /// Writes rows `rows` (nil: every row) into `out`, in order: the design matrix's fill.
    public func copy(rows: [Int]?, into out: UnsafeMutablePointer<Double>) {
        func each<C: FixedWidthInteger>(_ codes: [C], _ sentinel: C, _ exceptions: ColumnExceptions, _ decode: (C) -> Double) {
            codes.withUnsafeBufferPointer { src in
                if let rows {
                    for (r, i) in rows.enumerated() { let c = src[i]; out[r] = c == sentinel ? exceptions.value(i) : decode(c) }
                } else {
                    for i in 0..<src.count { let c = src[i]; out[i] = c == sentinel ? exceptions.value(i) : decode(c) }
                }
            }
        }
        switch self {
        case .doubles(let v):
            v.withUnsafeBufferPointer { src in
                if let rows {
                    for (r, i) in rows.enumerated() { out[r] = src[i] }
                } else if let base = src.baseAddress {
                    out.update(from: base, count: src.count)
                }
            }
        case .int8(let c, let e): each(c, Int8.min, e) { Double($0) }
        case .int16(let c, let e): each(c, Int16.min, e) { Double($0) }
        case .scaled16(let m, let d, let e): each(m, Int16.min, e) { Double($0) / d }
        case .scaled(let m, let d, let e): each(m, Int32.min, e) { Double($0) / d }
        }
    }

    /// Writes 1 where the value at `rows` (nil: every row) equals `level`, else 0: a factor's
    /// indicator column, read straight from the codes.
    public func indicator(_ level: Double, rows: [Int]?, into out: UnsafeMutablePointer<Double>) {
        /// `code`: the level's code (nil when no code holds it); sentinel rows compare their kept value.
        func each<C: FixedWidthInteger>(_ codes: [C], _ code: C?, _ exceptions: ColumnExceptions) {
            codes.withUnsafeBufferPointer { src in
                func at(_ i: Int) -> Double {
                    let c = src[i]
                    if c == C.min { return exceptions.value(i) == level ? 1 : 0 }
                    return c == code ? 1 : 0
                }
                if let rows {
                    for (r, i) in rows.enumerated() { out[r] = at(i) }
                } else {
                    for i in 0..<src.count { out[i] = at(i) }
                }
            }
        }
        func scaledCode<C: FixedWidthInteger>(_ type: C.Type, _ d: Double) -> C? {
            let scaled = (level * d).rounded()
            return abs(scaled) <= Double(C.max) && Double(C(scaled)) / d == level ? C(scaled) : nil
        }
        func integerCode<C: FixedWidthInteger>(_ type: C.Type) -> C? {
            level == level.rounded() && abs(level) <= Double(C.max) ? C(level) : nil
        }
        switch self {
        case .doubles(let v):
            v.withUnsafeBufferPointer { src in
                if let rows {
                    for (r, i) in rows.enumerated() { out[r] = src[i] == level ? 1 : 0 }
                } else {
                    for i in 0..<src.count { out[i] = src[i] == level ? 1 : 0 }
                }
            }
        case .int8(let c, let e): each(c, integerCode(Int8.self), e)
        case .int16(let c, let e): each(c, integerCode(Int16.self), e)
        case .scaled16(let m, let d, let e): each(m, scaledCode(Int16.self, d), e)
        case .scaled(let m, let d, let e): each(m, scaledCode(Int32.self, d), e)
        }
    }

    /// The rows holding NaN (missing) in a compact column, read off its side table; nil for a
    /// plain column, which has to be scanned.
    public var nanRows: [Int]? {
        let e: ColumnExceptions
        switch self {
        case .doubles: return nil
        case .int8(_, let x), .int16(_, let x): e = x
        case .scaled16(_, _, let x), .scaled(_, _, let x): e = x
        }
        return e.rows.indices.compactMap { e.values[$0].isNaN ? e.rows[$0] : nil }
    }

    /// Every value is 0 or 1 (a 0/1 regressor's margin is a discrete change only when asked).
    public var isZeroOne: Bool {
        switch self {
        case .doubles(let v): return v.allSatisfy { $0 == 0 || $0 == 1 }
        case .int8(let c, let e): return c.allSatisfy { $0 == 0 || $0 == 1 || $0 == Int8.min } && e.values.allSatisfy { $0 == 0 }
        case .int16(let c, let e): return c.allSatisfy { $0 == 0 || $0 == 1 || $0 == Int16.min } && e.values.allSatisfy { $0 == 0 }
        case .scaled16(let m, let d, let e):
            guard d <= 10_000 else { return false } // no value can be 1
            let one = Int16(d)
            return m.allSatisfy { $0 == 0 || $0 == one || $0 == Int16.min } && e.values.allSatisfy { $0 == 0 }
        case .scaled(let m, let d, let e):
            let one = Int32(d)
            return m.allSatisfy { $0 == 0 || $0 == one || $0 == Int32.min } && e.values.allSatisfy { $0 == 0 }
        }
    }

    /// Every value as a `[Double]` (what most readers want; a compact column allocates it).
    public var doubles: [Double] {
        if case .doubles(let v) = self { return v }
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { copy(rows: nil, into: base) }
            initialized = count
        }
    }

    /// The most compact form that gives back every value bit for bit.
    public static func compacting(_ values: [Double]) -> ColumnStorage {
        // Few rows: nothing worth saving, and the plain form is the cheapest to read.
        guard values.count >= minimumRows else { return .doubles(values) }
        var low = 0.0, high = 0.0, integers = true, exceptional = 0
        for v in values {
            guard v.isFinite, v.bitPattern != (-0.0 as Double).bitPattern else { exceptional += 1; continue }
            if v < low { low = v }
            if v > high { high = v }
            if integers && v != v.rounded(.towardZero) { integers = false }
        }
        // A side table of more than a quarter of the rows saves too little to pay for its lookups.
        guard exceptional * 4 <= values.count else { return .doubles(values) }
        if integers && low >= -127 && high <= 127 {
            let (codes, e) = encode(values, as: Int8.self) { Int8($0) }
            return .int8(codes: codes, exceptions: e)
        }
        if integers && low >= -32767 && high <= 32767 {
            let (codes, e) = encode(values, as: Int16.self) { Int16($0) }
            return .int16(codes: codes, exceptions: e)
        }
        // The fewest decimals that give back every value exactly, if some d ≤ 9 does.
        var decimals = 0, settled = 0
        for (i, v) in values.enumerated() where v.isFinite && v.bitPattern != (-0.0 as Double).bitPattern {
            guard !fits(v, decimals) else { continue }
            while decimals <= 9 && !fits(v, decimals) { decimals += 1 }
            if decimals > 9 { return .doubles(values) }
            settled = i
        }
        // A value checked at fewer decimals can overflow at more: those before the last increase
        // are checked again at the final d.
        for v in values[..<settled] where v.isFinite && v.bitPattern != (-0.0 as Double).bitPattern && !fits(v, decimals) {
            return .doubles(values)
        }
        let divisor = powersOfTen[decimals]
        var largest = 0.0
        for v in values where v.isFinite { largest = max(largest, abs(v * divisor).rounded(.toNearestOrEven)) }
        if largest <= 32767 {
            let (mantissas, e) = encode(values, as: Int16.self) { Int16(($0 * divisor).rounded(.toNearestOrEven)) }
            return .scaled16(mantissas: mantissas, divisor: divisor, exceptions: e)
        }
        let (mantissas, e) = encode(values, as: Int32.self) { Int32(($0 * divisor).rounded(.toNearestOrEven)) }
        return .scaled(mantissas: mantissas, divisor: divisor, exceptions: e)
    }

    /// Columns shorter than this stay plain.
    static let minimumRows = 64

    static let powersOfTen: [Double] = (0...9).map { d in (0..<d).reduce(1.0) { r, _ in r * 10 } }

    /// `v` is `Double(m) / 10^d` bit for bit for an `Int32` m other than the sentinel.
    @inline(__always) static func fits(_ v: Double, _ d: Int) -> Bool {
        let p = powersOfTen[d]
        // Round half to even: one instruction (plain `rounded()` is a libm call); the check below
        // decides, whatever the rounding of a tie.
        let m = (v * p).rounded(.toNearestOrEven)
        guard abs(m) <= Double(Int32.max) else { return false }
        return (Double(Int32(m)) / p).bitPattern == v.bitPattern
    }

    private static func encode<C: FixedWidthInteger>(_ values: [Double], as: C.Type, _ code: (Double) -> C) -> ([C], ColumnExceptions) {
        var rows: [Int] = [], kept: [Double] = []
        let codes = [C](unsafeUninitializedCapacity: values.count) { buffer, initialized in
            for (i, v) in values.enumerated() {
                if v.isFinite && v.bitPattern != (-0.0 as Double).bitPattern {
                    buffer[i] = code(v)
                } else {
                    buffer[i] = C.min
                    rows.append(i); kept.append(v)
                }
            }
            initialized = values.count
        }
        return (codes, ColumnExceptions(rows: rows, values: kept))
    }
}

/// The values a compact column keeps as they are (missing values with their payloads, `-0.0`),
/// by row, sorted.
public struct ColumnExceptions: Sendable {
    let rows: [Int]
    let values: [Double]

    var byteCount: Int { rows.capacity * 8 + values.capacity * 8 }

    /// The kept value of `row` (which holds the sentinel, so it is listed).
    @inline(__always) func value(_ row: Int) -> Double {
        var lo = 0, hi = rows.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if rows[mid] < row { lo = mid + 1 } else { hi = mid }
        }
        return lo < rows.count && rows[lo] == row ? values[lo] : .nan
    }
}
