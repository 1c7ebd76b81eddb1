import Foundation

/// A specification curve in a grid of terminal cells: the estimates sorted, each with its
/// interval as a vertical whisker, the marked (base / paper's) specification drawn apart, a line
/// at zero; below it the indicator panel — one row per control unit, subsample and estimator, a
/// filled cell where the specification uses it. The CLI's text output and the explorer's view 7
/// draw it; with more specifications than columns, each column shows a run of neighbours (the
/// range of their estimates and intervals, a shaded indicator cell where only some use the unit).
public struct SpecificationCurve: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var estimate: Double
        public var low: Double
        public var high: Double
        public var marked: Bool
        /// Per indicator row: whether this specification uses it.
        public var indicators: [Bool]
        public init(estimate: Double, low: Double, high: Double, marked: Bool, indicators: [Bool]) {
            self.estimate = estimate; self.low = low; self.high = high; self.marked = marked; self.indicators = indicators
        }
    }

    public var points: [Point]
    /// Labels of the indicator rows (control units, then subsamples, then estimators).
    public var indicatorLabels: [String]
    /// Indices of the first indicator row of each block (a rule is drawn above each but the first).
    public var blockStarts: [Int]

    public init(points: [Point], indicatorLabels: [String], blockStarts: [Int] = []) {
        self.points = points.filter { $0.estimate.isFinite }.sorted { $0.estimate < $1.estimate }
        self.indicatorLabels = indicatorLabels
        self.blockStarts = blockStarts
    }

    /// The glyphs: Unicode box drawing and blocks, or ASCII under a non-UTF-8 locale.
    struct Glyphs {
        let point, marked, whisker, zero, full, partial, axis, rule: String
        static let unicode = Glyphs(point: "●", marked: "◆", whisker: "│", zero: "─", full: "█", partial: "▒", axis: "┤", rule: "┄")
        static let ascii = Glyphs(point: "o", marked: "*", whisker: "|", zero: "-", full: "#", partial: "+", axis: "|", rule: "-")
    }

    /// The curve as lines of at most `width` cells: `height` rows of plot, then the panel.
    public func lines(width: Int, height: Int = 12, ascii: Bool = false) -> [String] {
        let g = ascii ? Glyphs.ascii : Glyphs.unicode
        guard !points.isEmpty else { return [] }
        let labelWidth = min(24, max(8, indicatorLabels.map { TextWidth.width($0) }.max() ?? 8))
        let plotWidth = max(4, width - labelWidth - 2)
        let columns = min(points.count, plotWidth)
        // Column c shows the points [start(c), start(c+1)).
        func start(_ c: Int) -> Int { c * points.count / columns }
        let bins = (0..<columns).map { points[start($0)..<start($0 + 1)] }
        let finite = points.flatMap { [$0.low, $0.high, $0.estimate] }.filter(\.isFinite)
        var top = max(finite.max() ?? 0, 0), bottom = min(finite.min() ?? 0, 0)
        if top == bottom { top += 1; bottom -= 1 }
        let rows = max(3, height)
        func row(_ v: Double) -> Int {
            let r = Int(((top - v) / (top - bottom) * Double(rows - 1)).rounded())
            return min(rows - 1, max(0, r))
        }
        var grid = [[String]](repeating: [String](repeating: " ", count: columns), count: rows)
        let zeroRow = row(0)
        for c in 0..<columns { grid[zeroRow][c] = g.zero }
        for (c, bin) in bins.enumerated() {
            let lows = bin.map(\.low).filter(\.isFinite), highs = bin.map(\.high).filter(\.isFinite)
            if let lo = lows.min(), let hi = highs.max() {
                for r in row(hi)...row(lo) { grid[r][c] = g.whisker }
            }
            let estimates = bin.map(\.estimate)
            for r in row(estimates.max()!)...row(estimates.min()!) { grid[r][c] = g.point }
            if let m = bin.first(where: \.marked) { grid[row(m.estimate)][c] = g.marked }
        }
        let digits = max(abs(top), abs(bottom)) >= 100 ? 0 : 3
        func axisLabel(_ v: Double) -> String { String(format: "%.\(digits)f", v) }
        var out: [String] = []
        for r in 0..<rows {
            var label = ""
            if r == 0 { label = axisLabel(top) } else if r == rows - 1 { label = axisLabel(bottom) } else if r == zeroRow { label = axisLabel(0) }
            out.append(TextWidth.pad(TextWidth.clip(label, to: labelWidth), to: labelWidth, alignment: .right) + " " + g.axis
                       + grid[r].joined())
        }
        for (i, label) in indicatorLabels.enumerated() {
            if blockStarts.contains(i), i > 0 {
                out.append(String(repeating: " ", count: labelWidth + 1) + " " + String(repeating: g.rule, count: columns))
            }
            let cells = bins.map { bin -> String in
                let on = bin.filter { i < $0.indicators.count && $0.indicators[i] }.count
                return on == 0 ? " " : (on == bin.count ? g.full : g.partial)
            }
            out.append(TextWidth.pad(TextWidth.clip(label, to: labelWidth, ellipsis: true), to: labelWidth) + "  " + cells.joined())
        }
        return out
    }
}
