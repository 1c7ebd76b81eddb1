import Foundation
import SurveyData
#if canImport(Glibc)
import Glibc
#endif

/// Limits a model states before it allocates, instead of trapping in the allocation: the number
/// of terms and parameters (Stata/SE's largest `matsize`, 11,000), and the memory the design
/// matrix and its k×k cross-products will take, against the machine's physical memory and the
/// address-space limit (`ulimit -v`). 100,000 controls would otherwise ask for 80 GB of
/// cross-products and end in an allocation trap with a stack trace.
public enum DesignLimits {
    /// Stata/SE and Stata/MP's maximum `matsize`: the most parameters one model may have.
    public static let maximumParameters = 11_000

    /// Fails when `formula` has more terms than a model can have parameters.
    static func check(termCount: Int, formula: String) throws(EstimationError) {
        guard termCount <= maximumParameters else {
            throw .invalidModel("\(MessageText.quote(formula)) has \(termCount) terms; a model takes at most \(maximumParameters) parameters (Stata's maximum matsize)")
        }
    }

    /// Fails when a design of `rows` × `columns` is too large to hold: the design (copied once by
    /// the estimators) and two k×k matrices (cross-products, variance), in doubles.
    static func check(rows: Int, columns: Int, formula: String) throws(EstimationError) {
        guard columns <= maximumParameters else {
            throw .invalidModel("\(MessageText.quote(formula)) has \(columns) parameters; a model takes at most \(maximumParameters) (Stata's maximum matsize)")
        }
        let (design, overflow1) = rows.multipliedReportingOverflow(by: columns)
        let (square, overflow2) = columns.multipliedReportingOverflow(by: columns)
        let bytes = overflow1 || overflow2 ? Double.infinity : 8 * (2 * Double(design) + 2 * Double(square))
        // Below 64 MB the check is skipped: such a design comes out of memory the allocator
        // already holds, and the address space "left" under `ulimit -v` (the limit less VmSize,
        // which counts idle thread stacks and heap) is then far too pessimistic.
        if bytes > 64e6, let (available, what) = available(), bytes > available {
            throw .invalidModel("the design matrix of \(MessageText.quote(formula)) (\(rows) rows × \(columns) columns) needs about \(size(bytes)); \(what) \(size(available))")
        }
    }

    /// The smaller of physical memory and the address space left under `ulimit -v`, with its name.
    static func available() -> (Double, String)? {
        var best: (Double, String)?
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        if pages > 0, pageSize > 0 { best = (Double(pages) * Double(pageSize), "the machine has") }
        var limit = rlimit()
        if getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max {
            let left = max(0, Double(limit.rlim_cur) - addressSpaceInUse())
            if best == nil || left < best!.0 { best = (left, "the address-space limit (ulimit -v) leaves") }
        }
        return best
    }

    private static func addressSpaceInUse() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").first.flatMap({ Double($0) }) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE)))
    }

    static func size(_ bytes: Double) -> String {
        if !bytes.isFinite { return "more than the address space" }
        if bytes >= 1e9 { return String(format: "%.1f GB", bytes / 1e9) }
        return String(format: "%.0f MB", max(1, bytes / 1e6))
    }
}
