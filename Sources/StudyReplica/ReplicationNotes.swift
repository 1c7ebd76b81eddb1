import Estimation
import SurveyData

/// Short reader's notes for the replication report: where the paper's numbers disagree with
/// each other, and how a figure was computed. The long derivations are in the published JSON's
/// per-table `notes`; these say just enough for a class to follow the comparison.
enum ReplicationNotes {
    static func note(_ en: String, _ zh: String) -> ReplicationNote { ReplicationNote(en: en, zh: zh) }

    static func all(data: Dataset, fits: [String: ModelResult]) -> [String: [ReplicationNote]] {
        let model9Dropped = fits["model9"]?.dropped.filter { d in
            if case .predictsPerfectly = d.reason { return true } else { return false }
        }.reduce(0) { $0 + $1.count } ?? 0
        return [
            "table1": [
                note("The paper prints manager 17.47%; 536/3067 = 17.48% (a rounding slip).",
                     "论文中管理者比例印为 17.47%，而 536/3067 = 17.48%（四舍五入笔误）。"),
                note("Age is not in Table 1: the text gives range 19-61 and mean 35.91 but no SD; "
                     + "the standardized age coefficients imply an SD of about 8.45.",
                     "年龄不在表 1 中：正文给出范围 19-61、均值 35.91，未给标准差；由标准化年龄系数推得标准差约 8.45。"),
            ],
            "table2": [
                note("Two printed percentages are rounding slips: 43/423 = 10.17% (printed 10.16), "
                     + "219/2644 = 8.28% (printed 8.29).",
                     "两处百分比为四舍五入笔误：43/423 = 10.17%（印为 10.16），219/2644 = 8.28%（印为 8.29）。"),
                note("The text's \"15.49% higher\" training rate of members is a gap in percentage points "
                     + "(82.87 - 67.38), not a relative increase (23%).",
                     "正文所说会员培训率\"高 15.49%\"是百分点之差（82.87 - 67.38），不是相对增幅（23%）。"),
            ],
            "table3": [
                note("Model 3 is Model 2 x-standardized (bStdX = b*sd(x)), not fully standardized; its cutpoints "
                     + "are Model 2's minus xbar*b, as a refit on z-scored regressors gives.",
                     "模型 3 是模型 2 的 x 标准化系数（bStdX = b*sd(x)），并非完全标准化；其阈值点等于模型 2 的阈值点减去 xbar*b。"),
                note("The footnote says parentheses hold t values; for the logit models they are z statistics.",
                     "表注称括号内为 t 值；logit 类模型实为 z 统计量。"),
            ],
            "table4": [
                note("Model 5 is fully standardized (bStdXY = b*sd(x)/sd(y*)), unlike Models 3 and 7 (bStdX): "
                     + "the paper mixes two standardizations.",
                     "模型 5 为完全标准化系数（bStdXY = b*sd(x)/sd(y*)），而模型 3、7 为 bStdX：论文混用了两种标准化。"),
                note("Model 5's self-employed -0.165 repeats Model 4's raw coefficient; the bStdXY value is about -0.003 "
                     + "(within 2 SEs only because that SE is huge).",
                     "模型 5 中自雇或创业的 -0.165 重复了模型 4 的原始系数；其 bStdXY 值约为 -0.003（仅因标准误极大才落在 2 个标准误内）。"),
                note("Model 5's constant is the raw constant of Model 4, as printed.",
                     "模型 5 的常数项即模型 4 的原始常数项（与论文一致）。"),
            ],
            "table5": [
                note("Only the union and training rows are printed; individual and occupational controls are in every model.",
                     "论文只列出工会与培训两行；三个模型均控制个体特征与职业特征。"),
                note("Model 9's N = 1795, not 1797: logit drops workers whose category predicts the outcome perfectly "
                     + "(perfect prediction: the secondary-industry self-employed all took training); "
                     + "the replica drops \(model9Dropped).",
                     "模型 9 的样本量为 1795 而非 1797：logit 剔除了完全预测结果的观测（完全预测：第二产业的自雇者全部参加过培训）；"
                     + "复制数据剔除 \(model9Dropped) 个。"),
            ],
            "effects": [
                note("The text calls every effect an \"average marginal effect\", but only the union effects of Model 2 "
                     + "are sample averages (AME); union on training (8.5 points, Model 4) and the training, male and "
                     + "married effects (Model 6) are marginal effects at the means (MEM). All in derivative form.",
                     "正文称所有效应为\"平均边际效应\"，但只有模型 2 中工会的效应是样本平均（AME）；工会对培训的 8.5 个百分点（模型 4）"
                     + "以及培训、男性、婚姻的效应（模型 6）是均值处的边际效应（MEM）。均为导数形式。"),
                note("Percentage points; \"<1\" where the text only says the rise is below 1%.",
                     "单位为百分点；正文只说\"不到 1%\"处记为 \"<1\"。"),
            ],
            "indirect": [
                note("The paper's 65% is a*b/(a*b + c') with a = union in Model 4 (logit of training) and b, c' from "
                     + "Model 6 (ordered logit of skill): it multiplies coefficients on different scales. "
                     + "On one scale, (c - c')/c from Models 2 and 6 gives about 20%.",
                     "论文的 65% 为 a*b/(a*b + c')，其中 a 取自模型 4（培训的 logit），b 与 c' 取自模型 6（技能的有序 logit）："
                     + "把不同尺度上的系数相乘。同一尺度下，由模型 2 和 6 计算的 (c - c')/c 约为 20%。"),
            ],
        ]
    }
}
