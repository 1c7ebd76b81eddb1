/// Kinds of missing value, kept distinct in the store as Stata and SPSS keep them.
///
/// **Storage: NaN payloads.** A missing value stays a NaN `Double`, so every estimator, sum and
/// `isNaN` test keeps treating it as missing without knowing kinds exist; the kind rides in the
/// quiet NaN's 51-bit payload, which IEEE 754 copies bit for bit through loads, stores, array
/// copies and `Dataset.subset` (nothing there computes on the values). Arithmetic on a missing
/// value gives the plain system missing `.` (the filter language canonicalizes its results, as
/// Stata's `.a + 1` is `.`). A parallel kind array per column was the alternative; it would have
/// to be threaded through every column copy and subset, and forgetting it once silently merges
/// the kinds, whereas a payload cannot be dropped by code that only moves values.
///
/// Payload layout (the low 51 bits; the sign bit is ignored, so x86's default NaN `-nan` from
/// `0/0` reads as `.`):
/// - `0`: system missing `.` (Stata `.`, SPSS sysmis, an empty CSV cell, any computed NaN);
/// - `1...26`: Stata's extended missing values `.a`…`.z`;
/// - `1 << 40 | Float32 bits of the code`: an SPSS user-missing code (or a codebook `missing` code
///   of a CSV), e.g. 999 "not measured". Float32 holds every integer code below 2²⁴ exactly; a
///   code is matched to its label through the same rounding (`MissingKind.userCode`).
///
/// Order (for `if` comparisons), as Stata's `. < .a < .b < … < .z`: user-missing codes come after
/// `.z`, by code. Every missing value is larger than every number.
public enum MissingKind: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// `.`
    case system
    /// `.a`…`.z`, as the letter's index 1...26.
    case extended(Int)
    /// An SPSS user-missing (or codebook-declared) code.
    case userCode(Double)

    private static let quietNaN: UInt64 = 0x7FF8_0000_0000_0000
    private static let payloadMask: UInt64 = (1 << 51) - 1
    private static let userFlag: UInt64 = 1 << 40

    /// `.a` for "a" (lower case a–z), nil otherwise.
    public init?(letter: Character) {
        guard let ascii = letter.asciiValue, ascii >= 97, ascii <= 122 else { return nil }
        self = .extended(Int(ascii) - 96)
    }

    /// The kind of a stored value; nil when it is not missing.
    @inline(__always)
    public init?(_ value: Double) {
        guard value.isNaN else { return nil }
        let payload = value.bitPattern & Self.payloadMask
        if payload == 0 {
            self = .system
        } else if payload <= 26 {
            self = .extended(Int(payload))
        } else if payload & Self.userFlag != 0 {
            self = .userCode(Double(Float(bitPattern: UInt32(truncatingIfNeeded: payload))))
        } else {
            self = .system
        }
    }

    /// The NaN that stores this kind.
    public var value: Double {
        switch self {
        case .system: return .nan
        case let .extended(k): return Double(bitPattern: Self.quietNaN | UInt64(max(1, min(26, k))))
        case let .userCode(code): return Double(bitPattern: Self.quietNaN | Self.userFlag | UInt64(Float(code).bitPattern))
        }
    }

    /// The stored value for a user-missing `code`.
    public static func userMissing(_ code: Double) -> Double { MissingKind.userCode(code).value }

    /// `.`, `.a`…`.z`, or the user-missing code itself (`999`).
    public var description: String {
        switch self {
        case .system: return "."
        case let .extended(k): return "." + String(UnicodeScalar(UInt8(96 + k)))
        case let .userCode(code): return code == code.rounded() ? formatCode(code) : String(Float(code))
        }
    }

    private var rank: (Int, Double) {
        switch self {
        case .system: return (0, 0)
        case let .extended(k): return (k, 0)
        case let .userCode(code): return (27, code)
        }
    }

    public static func < (a: MissingKind, b: MissingKind) -> Bool { a.rank < b.rank }

    /// Whether a user-missing kind stands for `code` (compared after the same Float32 rounding).
    public func isCode(_ code: Double) -> Bool {
        if case let .userCode(c) = self { return Float(c) == Float(code) }
        return false
    }
}

/// How many rows of one kind of missing value.
public struct MissingCount: Sendable, Equatable {
    public var kind: MissingKind
    /// Rows (Σ weights under frequency weights).
    public var count: Double

    public init(kind: MissingKind, count: Double) { self.kind = kind; self.count = count }

    /// Counts of each kind among `values` (only rows where `mask` is true; rows where `weights` is
    /// NaN are skipped, others count their weight), in Stata's order `.`, `.a`, …, `.z`, then
    /// user-missing codes.
    public static func tally(_ values: [Double], weights: [Double]? = nil, mask: [Bool]? = nil) -> [MissingCount] {
        var counts: [MissingKind: Double] = [:]
        for (i, x) in values.enumerated() where x.isNaN && mask?[i] != false {
            let w = weights?[i] ?? 1
            if w.isNaN { continue }
            counts[MissingKind(x) ?? .system, default: 0] += w
        }
        return counts.keys.sorted().map { MissingCount(kind: $0, count: counts[$0]!) }
    }
}

extension VariableInfo {
    /// The label of a missing kind: a Stata `.a`–`.z` label from `missingLabels`, or the value label
    /// of a user-missing code; nil when it has none.
    public func missingLabel(_ kind: MissingKind, _ language: Language) -> String? {
        switch kind {
        case .system: return nil
        case .extended: return missingLabels.first { $0.kind == kind.description }?.label(language)
        case .userCode: return values.first { kind.isCode($0.code) }?.label(language)
        }
    }
}

/// A label of a Stata extended missing value (`.a` "refused"), as the file gives it.
public struct MissingLabel: Codable, Sendable, Equatable {
    /// `.a`…`.z`.
    public var kind: String
    public var labelEN: String?
    public var labelZH: String?

    public init(kind: String, labelEN: String? = nil, labelZH: String? = nil) {
        self.kind = kind; self.labelEN = labelEN; self.labelZH = labelZH
    }

    enum CodingKeys: String, CodingKey {
        case kind, labelEN = "label_en", labelZH = "label_zh"
    }

    public func label(_ language: Language) -> String {
        (language == .zh ? labelZH ?? labelEN : labelEN ?? labelZH) ?? kind
    }
}
