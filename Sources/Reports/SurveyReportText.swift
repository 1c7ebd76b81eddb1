import Estimation
import SurveyData

/// The words a linearized (svy) fit adds to reports (en/zh), kept together.
public enum SurveyReportText {
    public static func seHeader(_ l: Language) -> String { l == .zh ? "线性化标准误" : "Linearized SE" }
    public static func deffHeader(_ l: Language) -> String { l == .zh ? "设计效应" : "DEFF" }

    /// Below `crosstab` under a design: the Rao–Scott F, and that the table is the sample's.
    public static func raoScottNote(_ t: RaoScott?, design: SurveyDesign, subpop: String?, _ l: Language) -> String {
        let sub = subpop.map { l == .zh ? "；子总体 \($0)" : "; subpopulation \($0)" } ?? ""
        let test = t.map { t -> String in
            let p = t.p < 0.001 ? "< 0.001" : "= " + NumberFormat.fixed(t.p, 3)
            return "Rao–Scott F(\(NumberFormat.fixed(t.ndf, 2)), \(NumberFormat.fixed(t.ddf, 2))) = \(NumberFormat.fixed(t.f, 2)), p \(p)"
        } ?? "Rao–Scott F = ."
        return l == .zh
            ? "svy：\(design.argument)\(sub)。设计校正检验 \(test)；表中频数与其他统计量为未加权样本值"
            : "svy: \(design.argument)\(sub). Design-based test \(test); the counts and other statistics are the unweighted sample's"
    }

    /// Below `describe` under a design: what the numbers are.
    public static func describeNote(_ design: SurveyDesign, subpop: String?, _ l: Language) -> String {
        let sub = subpop.map { l == .zh ? "；子总体 \($0)" : "; subpopulation \($0)" } ?? ""
        return l == .zh
            ? "svy：\(design.argument)\(sub)。均值与百分比为加权估计，标准误为线性化标准误，设计效应相对于无放回简单随机抽样；频数为样本行数"
            : "svy: \(design.argument)\(sub). Means and percentages weighted, linearized SEs, design effects against simple random sampling without replacement; counts are sample rows"
    }

    /// One footnote with Stata's svy header: the design, strata, PSUs, design df, population
    /// (and subpopulation), and the adjusted F when the table does not show it.
    public static func designNote(_ s: SurveySummary, _ l: Language) -> String {
        let population = NumberFormat.fixed(s.population, s.population >= 100 ? 0 : 2)
        let sub = s.subpopPopulation.map { NumberFormat.fixed($0, $0 >= 100 ? 0 : 2) }
        switch l {
        case .en:
            var text = "linearized standard errors (svy: \(s.design.argument)): \(s.strataCount) strata, \(s.psuCount) PSUs, "
                + "design df \(s.df), population \(population)"
            if let subpop = s.subpop { text += "; subpopulation \(subpop) (size \(sub ?? "."))" }
            return text + "; t statistics and intervals on the design df"
        case .zh:
            var text = "线性化标准误（svy：\(s.design.argument)）：\(s.strataCount) 个分层，\(s.psuCount) 个 PSU，"
                + "设计自由度 \(s.df)，总体规模 \(population)"
            if let subpop = s.subpop { text += "；子总体 \(subpop)（规模 \(sub ?? ".")）" }
            return text + "；t 统计量与置信区间基于设计自由度"
        }
    }
}
