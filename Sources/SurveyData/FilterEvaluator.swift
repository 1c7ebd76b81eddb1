#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Column-wise evaluation of a `FilterProgram` with Stata's rules for missing values:
///
/// - A missing value (NaN) compares as larger than every number, so `income > 5000` is true where
///   income is missing — as in Stata. Write `income > 5000 & !missing(income)` (or `income < .`)
///   to exclude missing rows.
/// - Missing values keep their kind (`MissingKind`) and are ordered as Stata orders them,
///   `. < .a < .b < … < .z` (then user-missing codes): `x == .a` is the `.a` rows only, `x == .`
///   the system-missing ones, `x >= .` and `missing(x)` every missing row, `x > .a` `.b`…`.z`.
/// - Arithmetic with a missing operand, and division by zero, give the system missing `.`.
/// - In a logical context (`&`, `|`, `!`, the final mask) any non-zero value is true, and a missing
///   value is non-zero, hence true.
struct FilterEvaluator {
    let dataset: Dataset
    let rows: Int

    enum Value {
        case scalar(Double)
        case vector([Double])
    }

    func evaluate(_ program: FilterProgram) throws -> Value {
        switch program {
        case let .constant(v):
            return .scalar(v)
        case let .column(name):
            return .vector(try dataset.requireColumn(name).values)
        case let .not(a):
            return map(try evaluate(a)) { Self.isTrue($0) ? 0 : 1 }
        case let .negate(a):
            return map(try evaluate(a)) { $0.isNaN ? .nan : -$0 }
        case let .arithmetic(op, a, b):
            let x = try evaluate(a), y = try evaluate(b)
            switch op {
            case .add: return zip(x, y) { Self.finite($0 + $1) }
            case .subtract: return zip(x, y) { Self.finite($0 - $1) }
            case .multiply: return zip(x, y) { Self.finite($0 * $1) }
            case .divide: return zip(x, y) { Self.finite($0 / $1) }
            case .power: return zip(x, y) { Self.finite(Self.power($0, $1)) }
            }
        case let .compare(op, a, b):
            let x = try evaluate(a), y = try evaluate(b)
            switch op {
            case .equal: return zip(x, y) { Self.equal($0, $1) ? 1 : 0 }
            case .notEqual: return zip(x, y) { Self.equal($0, $1) ? 0 : 1 }
            case .less: return zip(x, y) { Self.less($0, $1) ? 1 : 0 }
            case .lessOrEqual: return zip(x, y) { Self.less($1, $0) ? 0 : 1 }
            case .greater: return zip(x, y) { Self.less($1, $0) ? 1 : 0 }
            case .greaterOrEqual: return zip(x, y) { Self.less($0, $1) ? 0 : 1 }
            }
        case let .and(a, b):
            return zip(try evaluate(a), try evaluate(b)) { Self.isTrue($0) && Self.isTrue($1) ? 1 : 0 }
        case let .or(a, b):
            return zip(try evaluate(a), try evaluate(b)) { Self.isTrue($0) || Self.isTrue($1) ? 1 : 0 }
        case let .inlist(subject, candidates):
            let z = try evaluate(subject)
            var result: Value = .scalar(0)
            for candidate in candidates {
                let hit = zip(z, try evaluate(candidate)) { Self.equal($0, $1) ? 1 : 0 }
                result = zip(result, hit) { $0 != 0 || $1 != 0 ? 1 : 0 }
            }
            return result
        case let .inrange(subject, low, high):
            let z = try evaluate(subject)
            let lows = try evaluate(low), highs = try evaluate(high)
            let aboveLow = zip(z, lows) { z, a in a.isNaN || (!z.isNaN && z >= a) ? 1 : 0 }
            let belowHigh = zip(z, highs) { z, b in !z.isNaN && (b.isNaN || z <= b) ? 1 : 0 }
            return zip(aboveLow, belowHigh) { $0 != 0 && $1 != 0 ? 1 : 0 }
        case let .missing(arguments):
            var result: Value = .scalar(0)
            for argument in arguments {
                result = zip(result, try evaluate(argument)) { $0 != 0 || $1.isNaN ? 1 : 0 }
            }
            return result
        }
    }

    func mask(_ value: Value) -> [Bool] {
        switch value {
        case let .scalar(v): return Array(repeating: Self.isTrue(v), count: rows)
        case let .vector(values): return values.map(Self.isTrue)
        }
    }

    // MARK: Stata's value rules

    @inline(__always) static func isTrue(_ v: Double) -> Bool { v != 0 } // NaN != 0: missing is true
    @inline(__always) static func finite(_ v: Double) -> Double { v.isFinite ? v : .nan }
    /// Equal numbers, or missing values of the same kind.
    @inline(__always) static func equal(_ a: Double, _ b: Double) -> Bool {
        a == b || (a.isNaN && b.isNaN && MissingKind(a) == MissingKind(b))
    }
    /// `a < b` with missing above every number, and missing kinds in Stata's order.
    @inline(__always) static func less(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN {
            guard b.isNaN, let x = MissingKind(a), let y = MissingKind(b) else { return false }
            return x < y
        }
        if b.isNaN { return true }
        return a < b
    }

    static func power(_ a: Double, _ b: Double) -> Double {
        if a.isNaN || b.isNaN { return .nan }
        return pow(a, b)
    }

    // MARK: element-wise helpers

    @inline(__always)
    private func map(_ x: Value, _ f: (Double) -> Double) -> Value {
        switch x {
        case let .scalar(v): return .scalar(f(v))
        case let .vector(values): return .vector(values.map(f))
        }
    }

    @inline(__always)
    private func zip(_ x: Value, _ y: Value, _ f: (Double, Double) -> Double) -> Value {
        switch (x, y) {
        case let (.scalar(a), .scalar(b)):
            return .scalar(f(a, b))
        case let (.vector(a), .scalar(b)):
            return .vector(a.map { f($0, b) })
        case let (.scalar(a), .vector(b)):
            return .vector(b.map { f(a, $0) })
        case let (.vector(a), .vector(b)):
            let n = min(a.count, b.count)
            return .vector([Double](unsafeUninitializedCapacity: n) { out, count in
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        for i in 0..<n { out[i] = f(pa[i], pb[i]) }
                    }
                }
                count = n
            })
        }
    }
}
