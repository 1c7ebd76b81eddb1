import Foundation

/// The specification curve as a standalone SVG document (view 7's `x` export). Written by hand:
/// there is no maintained Swift plotting library for Linux, and the picture is a few dozen
/// primitives — a zero line, one whisker and dot per specification (the marked one as a red
/// diamond), an axis with three ticks, and the indicator panel as filled squares.
public enum SpecificationCurveSVG {
    public static func document(_ curve: SpecificationCurve, title: String) -> String {
        let points = curve.points
        let labels = curve.indicatorLabels
        let left = 150.0, right = 20.0, top = 40.0, plotHeight = 260.0, rowHeight = 14.0
        let step = max(2.0, min(16.0, 900.0 / Double(max(points.count, 1))))
        let plotWidth = step * Double(max(points.count, 1))
        let panelTop = top + plotHeight + 20
        let width = left + plotWidth + right
        let height = panelTop + rowHeight * Double(labels.count) + 20
        let finite = points.flatMap { [$0.low, $0.high, $0.estimate] }.filter(\.isFinite)
        var high = max(finite.max() ?? 1, 0), low = min(finite.min() ?? -1, 0)
        if high == low { high += 1; low -= 1 }
        func y(_ v: Double) -> Double { top + (high - v) / (high - low) * plotHeight }
        func x(_ i: Int) -> Double { left + step * (Double(i) + 0.5) }
        func f(_ v: Double) -> String { String(format: "%.2f", v) }
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(f(left))" y="20" font-size="13">\(escape(title))</text>

        """
        out += "<line x1=\"\(f(left))\" y1=\"\(f(y(0)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y(0)))\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>\n"
        out += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotHeight))\" stroke=\"black\"/>\n"
        for v in [high, 0, low] {
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\">\(String(format: "%.3f", v))</text>\n"
        }
        for (i, p) in points.enumerated() {
            if p.low.isFinite, p.high.isFinite {
                out += "<line x1=\"\(f(x(i)))\" y1=\"\(f(y(p.high)))\" x2=\"\(f(x(i)))\" y2=\"\(f(y(p.low)))\" stroke=\"#9ab\"/>\n"
            }
            if p.marked {
                let cx = x(i), cy = y(p.estimate), r = max(3, step / 2)
                out += "<path d=\"M \(f(cx)) \(f(cy - r)) L \(f(cx + r)) \(f(cy)) L \(f(cx)) \(f(cy + r)) L \(f(cx - r)) \(f(cy)) Z\" fill=\"#c00\"/>\n"
            } else {
                out += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(p.estimate)))\" r=\"\(f(max(1, step / 3)))\" fill=\"#135\"/>\n"
            }
        }
        for (r, label) in labels.enumerated() {
            let rowY = panelTop + rowHeight * Double(r)
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(rowY + 10))\" text-anchor=\"end\">\(escape(label))</text>\n"
            for (i, p) in points.enumerated() where r < p.indicators.count && p.indicators[r] {
                out += "<rect x=\"\(f(x(i) - step * 0.4))\" y=\"\(f(rowY + 2))\" width=\"\(f(step * 0.8))\" height=\"\(f(rowHeight - 4))\" fill=\"#135\"/>\n"
            }
        }
        out += "</svg>\n"
        return out
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
