import Foundation

/// How numbers appear in tables: fixed decimals, `.` for a missing value (as Stata prints it),
/// ASCII minus (U+2212 is ambiguous-width), significance stars.
public enum NumberFormat {
    /// `x` with `digits` decimals; `.` when NaN or infinite.
    public static func fixed(_ x: Double, _ digits: Int = 3) -> String {
        guard x.isFinite else { return "." }
        return String(format: "%.\(max(0, min(digits, 12)))f", x)
    }

    /// Integral counts without decimals (weighted counts may be fractional: then 2 decimals).
    public static func count(_ x: Double) -> String {
        guard x.isFinite else { return "." }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return fixed(x, 2)
    }

    /// `***` p < .01, `**` p < .05, `*` p < .1 (the paper's and Stata's esttab convention).
    public static func stars(_ p: Double) -> String {
        guard p.isFinite else { return "" }
        if p < 0.01 { return "***" }
        if p < 0.05 { return "**" }
        if p < 0.1 { return "*" }
        return ""
    }
}
