import SurveyData

/// The replica's codebook: Chinese and English labels for every variable and value (the paper's
/// wording), the paper's coding and reference categories, the synthetic-data notice, the control
/// groups and subsamples the explorer offers, and the default roles.
public enum DalianCodebook {
    public static let noticeEN = "Synthetic replica calibrated to the published tables of the Dalian 2022 worker survey study — not the survey's microdata."
    public static let noticeZH = "根据大连市职工队伍状况调查（2022）研究已发表的表格校准生成的合成复制数据，并非该调查的原始微观数据。"

    public static let codebook = Codebook(
        dataset: "dalian2022",
        titleEN: "Dalian Workforce Status Survey 2022, industrial workers (synthetic replica, N = 3067)",
        titleZH: "大连市职工队伍状况调查（2022）产业工人样本（合成复制数据，N = 3067）",
        noticeEN: noticeEN,
        noticeZH: noticeZH,
        variables: variables,
        controlGroups: [
            ControlGroup(name: "individual", labelEN: "individual characteristics", labelZH: "个体特征",
                         terms: ["male", "c.age", "i.educ", "married", "party"]),
            ControlGroup(name: "occupational", labelEN: "occupational characteristics", labelZH: "职业特征",
                         terms: ["i.occ"]),
            ControlGroup(name: "industry", labelEN: "industry sector", labelZH: "产业分类",
                         terms: ["i.industry"]),
        ],
        subsamples: [
            SubsamplePreset(name: "secondary", labelEN: "secondary-industry workers", labelZH: "第二产业工人",
                            condition: "industry == 2"),
            SubsamplePreset(name: "tertiary", labelEN: "tertiary-industry workers", labelZH: "第三产业工人",
                            condition: "industry == 3"),
            SubsamplePreset(name: "primary", labelEN: "primary-industry workers", labelZH: "第一产业工人",
                            condition: "industry == 1"),
            SubsamplePreset(name: "members", labelEN: "union members", labelZH: "工会会员",
                            condition: "union == 1"),
            SubsamplePreset(name: "non_members", labelEN: "not union members", labelZH: "非工会会员",
                            condition: "union == 0"),
        ],
        roles: DefaultRoles(outcome: "skill", keyRegressor: "union", mediator: "training")
    )

    static func value(_ code: Double, _ name: String, _ en: String, _ zh: String) -> ValueLabel {
        ValueLabel(code: code, name: name, labelEN: en, labelZH: zh)
    }

    static let variables: [VariableInfo] = [
        VariableInfo(name: "id", labelEN: "respondent id (synthetic)", labelZH: "编号（合成）", type: .continuous),
        VariableInfo(name: "skill", labelEN: "vocational skill grade", labelZH: "职业技能等级", type: .ordinal, values: [
            value(1, "no_grade", "no skill grade", "无技术等级"),
            value(2, "junior", "junior worker (national vocational qualification level 5)", "初级工"),
            value(3, "intermediate", "intermediate worker (level 4)", "中级工"),
            value(4, "senior", "senior worker (level 3)", "高级工"),
            value(5, "technician", "technician (level 2)", "技师"),
            value(6, "senior_technician", "senior technician (level 1)", "高级技师"),
        ], base: 1),
        VariableInfo(name: "union", labelEN: "union member", labelZH: "加入工会", type: .binary, values: [
            value(0, "non_member", "not a union member", "没有加入工会"),
            value(1, "member", "union member", "加入工会"),
        ], base: 0),
        VariableInfo(name: "training", labelEN: "took part in union-organised skill training",
                     labelZH: "参加过技能培训", type: .binary, values: [
            value(0, "not_trained", "never participated", "没参加过培训"),
            value(1, "trained", "participated in training", "参加过培训"),
        ], base: 0),
        VariableInfo(name: "male", labelEN: "male", labelZH: "男性", type: .binary, values: [
            value(0, "female", "female", "女性"),
            value(1, "male", "male", "男性"),
        ], base: 0),
        VariableInfo(name: "age", labelEN: "age in years", labelZH: "年龄", type: .continuous),
        VariableInfo(name: "educ", labelEN: "education", labelZH: "受教育程度", type: .categorical, values: [
            value(1, "primary_or_below", "primary school or below", "小学及以下"),
            value(2, "junior_high", "junior high school", "初中"),
            value(3, "senior_high", "senior high school", "高中"),
            value(4, "vocational", "secondary vocational / technical school", "中专或技校"),
            value(5, "college", "junior college", "大专"),
            value(6, "bachelor_plus", "bachelor or above", "本科及以上"),
        ], base: 1),
        VariableInfo(name: "married", labelEN: "married, spouse present", labelZH: "已婚有配偶", type: .binary, values: [
            value(0, "not_married", "not currently married", "非在婚状态"),
            value(1, "married", "married, spouse present", "已婚有配偶"),
        ], base: 0),
        VariableInfo(name: "party", labelEN: "CPC member", labelZH: "中共党员", type: .binary, values: [
            value(0, "non_member", "not a CPC member", "非中共党员"),
            value(1, "member", "CPC member", "中共党员"),
        ], base: 0),
        VariableInfo(name: "occ", labelEN: "occupation type", labelZH: "职业类型", type: .categorical, values: [
            value(1, "non_technical", "non-technical worker", "非技术工人"),
            value(2, "skilled", "technical or skilled worker", "技术工人或熟练工人"),
            value(3, "office", "general office staff", "办公室一般工作人员"),
            value(4, "service", "service-sector worker", "服务行业人员"),
            value(5, "manager", "manager", "管理者 / 经理"),
            value(6, "self_employed", "self-employed / entrepreneur", "自雇或创业"),
            value(7, "farmer_fisher", "farmer or fisher", "农民、渔民"),
            value(8, "other", "other", "其他"),
        ], base: 1),
        VariableInfo(name: "industry", labelEN: "industry sector", labelZH: "产业分类", type: .categorical, values: [
            value(1, "primary", "primary-industry worker", "第一产业工人"),
            value(2, "secondary", "secondary-industry worker", "第二产业工人"),
            value(3, "tertiary", "tertiary-industry worker", "第三产业工人"),
        ], base: 1),
    ]
}
