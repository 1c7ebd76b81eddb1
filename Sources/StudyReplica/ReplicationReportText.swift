import Estimation
import Reports
import SurveyData

extension ReplicationReport {
    /// The report's own words in English or Chinese (labels of terms and categories come from the
    /// codebook and the published JSON).
    struct Words {
        let language: Language
        init(_ language: Language) { self.language = language }
        var zh: Bool { language == .zh }

        var reportTitle: String {
            zh ? "复制检验：加入工会能否提升产业工人技能？（大连 2022）"
               : "Replicating \"Can Joining Trade Unions Improve the Skills of Industrial Workers?\" (Dalian 2022)"
        }

        func summary(_ s: ReplicationSummary) -> String {
            zh ? "表 3-5 共 \(s.numbers) 个已发表系数、阈值点和常数项：\(s.within1SE) 个与论文相差不超过 1 个论文标准误，"
                + "\(s.within2SE) 个不超过 2 个；显著性星号一致 \(s.starsMatching)/\(s.starsCompared)。"
               : "Tables 3-5 print \(s.numbers) coefficients, cutpoints and constants: \(s.within1SE) replicate within "
                + "1 published SE, \(s.within2SE) within 2; stars agree for \(s.starsMatching) of \(s.starsCompared)."
        }

        var notePrefix: String { zh ? "注：" : "Note: " }

        func table1Title(_ r: Replication) -> String {
            zh ? "表 1 主要变量描述性统计" : "Table 1 Descriptive statistics"
        }
        func table2Title(_ r: Replication) -> String {
            zh ? "表 2 工会参与和职业技能等级、培训参与的交叉分析" : "Table 2 Union membership by skill grade and by training (column %)"
        }
        var effectsTitle: String {
            zh ? "正文中的边际效应（百分点）" : "Marginal effects quoted in the text (percentage points)"
        }
        var indirectTitle: String { zh ? "中介效应占比" : "Indirect-effect share" }

        var table1Headers: [String] {
            zh ? ["论文频数", "复制频数", "论文 %", "复制 %", "差值"]
               : ["Published N", "Replica N", "Published %", "Replica %", "Diff"]
        }
        var ageLabel: String { zh ? "年龄（正文）" : "Age (text)" }
        var ageMean: String { zh ? "均值" : "mean" }
        var ageRange: String { zh ? "范围" : "range" }
        var ageSD: String { zh ? "标准差" : "SD" }
        var ageSDNote: String {
            zh ? "年龄标准差未发表；括号中为由标准化系数推得的值。"
               : "The SD of age is not published; the value in parentheses is the one the standardized coefficients imply."
        }

        var table2Headers: [String] {
            zh ? ["非会员 论文", "非会员 复制", "会员 论文", "会员 复制"]
               : ["Non-members published", "replica", "Members published", "replica"]
        }
        var columnPercentNote: String {
            zh ? "每个类别下一行为列百分比。" : "Counts, with column percentages in the row below."
        }

        var comparisonHeaders: [String] {
            zh ? ["论文", "复制", "差值", "|差值|/SE"] : ["Published", "Replica", "Diff", "|Diff|/SE"]
        }

        func modelTitle(_ m: ReplicatedModel) -> String {
            let scale: String
            switch m.model.standardization {
            case .none: scale = ""
            case .bStdX: scale = zh ? "（bStdX）" : " (bStdX)"
            case .bStdXY: scale = zh ? "（bStdXY）" : " (bStdXY)"
            }
            return zh ? "模型 \(m.model.number)：\(m.model.titleZH)\(scale)"
                      : "Model \(m.model.number): \(m.model.titleEN)\(scale)"
        }

        func modelNote(_ m: ReplicatedModel) -> String {
            let within1 = m.rows.filter { $0.within1SE == true }.count
            let within2 = m.rows.filter { $0.within2SE == true }.count
            let stars = m.rows.compactMap(\.starsMatch)
            return zh
                ? "括号内为 \(m.statLabel) 值；SE 为论文系数/论文 \(m.statLabel) 值。\(m.rows.count) 个数中 \(within1) 个在 1 个 SE 内，"
                    + "\(within2) 个在 2 个 SE 内；星号一致 \(stars.filter { $0 }.count)/\(stars.count)。"
                : "\(m.statLabel) statistics in parentheses; SE = published value / published \(m.statLabel). "
                    + "\(within1) of \(m.rows.count) within 1 SE, \(within2) within 2; stars agree for "
                    + "\(stars.filter { $0 }.count) of \(stars.count)."
        }

        /// Flags for a row: beyond 1 or 2 published SEs, stars that differ.
        func flag(_ row: ReplicationComparison) -> String {
            var parts: [String] = []
            if row.within2SE == false { parts.append(">2 SE") } else if row.within1SE == false { parts.append(">1 SE") }
            if row.starsMatch == false { parts.append(zh ? "星号不同" : "stars differ") }
            return parts.joined(separator: zh ? "，" : ", ")
        }

        var effectHeaders: [String] { zh ? ["论文", "复制", "差值"] : ["Published", "Replica", "Diff"] }

        func effectHeading(_ e: EffectComparison, termLabel: String) -> String {
            let model = zh ? "模型 \(e.model.dropFirst(5))" : "Model \(e.model.dropFirst(5))"
            return termLabel + (zh ? "（\(model)，\(ReportText.marginsAt(e.at, language))）"
                                   : " (\(model), \(ReportText.marginsAt(e.at, language).lowercased()))")
        }
        var trainingProbability: String { zh ? "Pr(参加培训)" : "Pr(training)" }

        var indirectHeaders: [String] { zh ? ["论文", "复制"] : ["Published", "Replica"] }
        var shareFormula: String { zh ? "a*b/(a*b + c')（论文的算法，%）" : "a*b/(a*b + c'), % (the paper's formula)" }
        var shareRecomputed: String { zh ? "由论文系数重算（%）" : "recomputed from the printed coefficients, %" }
        var aLabel: String { zh ? "a：工会 -> 培训（模型 4，logit）" : "a: union -> training (Model 4, logit)" }
        var bLabel: String { zh ? "b：培训 -> 技能（模型 6，有序 logit）" : "b: training -> skill (Model 6, ordered logit)" }
        var cPrimeLabel: String { zh ? "c'：工会 -> 技能（模型 6）" : "c': union -> skill (Model 6)" }
        var cLabel: String { zh ? "c：工会 -> 技能（模型 2）" : "c: union -> skill (Model 2)" }
        var abOverC: String { zh ? "a*b/c（%）" : "a*b/c, %" }
        var differenceMethod: String { zh ? "(c - c')/c（同一尺度，%）" : "(c - c')/c, % (one scale)" }
    }
}
