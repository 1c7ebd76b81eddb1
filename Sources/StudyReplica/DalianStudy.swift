import Estimation

/// The paper's Models 1–10 in one place, as PathLens specifications: which estimator, formula and
/// subsample each is, which are re-expressions of another fit (standardized coefficients), and how
/// the text's marginal effects were computed. `replicate` and the teaching mode read these.
public enum DalianStudy {
    /// How a table column reports coefficients.
    public enum Standardization: String, Sendable, Codable {
        /// Raw coefficients.
        case none
        /// b·sd(x) (listcoef bStdX); cutpoints centred at the regressor means (cut − x̄b).
        case bStdX
        /// b·sd(x)/sd(y*) (listcoef bStdXY), sd(y*)² = var(xb) + π²/3 for the logit.
        case bStdXY
    }

    public struct Model: Sendable, Equatable {
        /// `model1` … `model10`, as in the published JSON.
        public var id: String
        public var number: Int
        public var table: Int
        public var spec: ModelSpec
        /// The fit whose coefficients this column re-expresses (`model2` for Model 3).
        public var fitOf: String?
        public var standardization: Standardization
        public var titleEN: String
        public var titleZH: String
    }

    /// A marginal effect quoted in the paper's text, with how it was computed.
    public struct QuotedEffect: Sendable, Equatable {
        public var term: String
        public var model: String
        /// `.average`: averaged over the sample (AME); `.means`: at the regressor means (MEM).
        public var at: MarginalEffect.At
        /// Outcome categories the text quotes ("1"…"6" for skill, "1" for Pr(training = 1)).
        public var outcomes: [String]
        /// As published, in percentage points (nil where the text only says "below 1%").
        public var published: [Double?]
        /// Derivative form (Stata `margins, dydx(x)` with x not declared `i.`): b·∂P/∂(xb).
        public var derivative: Bool
    }

    /// Individual characteristics (the paper's 个体特征).
    public static let individualControls = "male + c.age + i.educ + married + party"
    /// Occupational characteristics (职业特征).
    public static let occupationalControls = "i.occ"
    public static let industryControls = "i.industry"
    /// The secondary-industry subsample of Table 5.
    public static let secondaryIndustry = "industry == 2"

    static let controls = "\(individualControls) + \(occupationalControls)"

    public static let models: [Model] = [
        model("model1", 1, 3, .ols, "skill ~ union + \(controls) + \(industryControls)", "OLS of skill grade", "技能水平 OLS"),
        model("model2", 2, 3, .ologit, "skill ~ union + \(controls) + \(industryControls)", "ordered logit of skill grade", "技能水平 有序 logit"),
        model("model3", 3, 3, .ologit, "skill ~ union + \(controls) + \(industryControls)", "Model 2, x-standardized", "模型 2 标准化系数",
              fitOf: "model2", standardization: .bStdX),
        model("model4", 4, 4, .logit, "training ~ union + \(controls) + \(industryControls)", "logit of training", "参加技能培训 logit"),
        model("model5", 5, 4, .logit, "training ~ union + \(controls) + \(industryControls)", "Model 4, fully standardized", "模型 4 标准化系数",
              fitOf: "model4", standardization: .bStdXY),
        model("model6", 6, 4, .ologit, "skill ~ union + training + \(controls) + \(industryControls)", "ordered logit adding training", "加入培训的有序 logit"),
        model("model7", 7, 4, .ologit, "skill ~ union + training + \(controls) + \(industryControls)", "Model 6, x-standardized", "模型 6 标准化系数",
              fitOf: "model6", standardization: .bStdX),
        model("model8", 8, 5, .ologit, "skill ~ union + \(controls)", "Model 2, secondary industry", "模型 2（第二产业）",
              condition: secondaryIndustry),
        model("model9", 9, 5, .logit, "training ~ union + \(controls)", "Model 4, secondary industry", "模型 4（第二产业）",
              condition: secondaryIndustry),
        model("model10", 10, 5, .ologit, "skill ~ union + training + \(controls)", "Model 6, secondary industry", "模型 6（第二产业）",
              condition: secondaryIndustry),
    ]

    public static func model(_ id: String) -> Model? { models.first { $0.id == id } }

    /// The published JSON's term names → PathLens coefficient terms.
    public static let termNames: [String: String] = [
        "union": "union", "training": "training", "male": "male", "age": "age",
        "edu_junior_high": "educ=2", "edu_senior_high": "educ=3", "edu_vocational": "educ=4",
        "edu_college": "educ=5", "edu_bachelor_plus": "educ=6", "married": "married", "party": "party",
        "occ_skilled": "occ=2", "occ_office": "occ=3", "occ_service": "occ=4", "occ_manager": "occ=5",
        "occ_self_employed": "occ=6", "occ_farmer_fisher": "occ=7", "occ_other": "occ=8",
        "ind_secondary": "industry=2", "ind_tertiary": "industry=3",
        "constant": "_cons", "cut1": "cut1", "cut2": "cut2", "cut3": "cut3", "cut4": "cut4", "cut5": "cut5",
    ]

    /// The marginal effects the text quotes: union averaged over the sample (Model 2), union on
    /// training and training, male, married at the means (Models 4 and 6), all in derivative form.
    /// See the published JSON's table4 notes for why the paper mixes AME and MEM.
    public static let quotedEffects: [QuotedEffect] = [
        QuotedEffect(term: "union", model: "model2", at: .average, outcomes: ["1", "2", "3", "4", "5", "6"],
                     published: [-5.04, 0.81, 1.90, 1.46, 0.40, 0.40], derivative: true),
        QuotedEffect(term: "union", model: "model4", at: .means, outcomes: ["1"], published: [8.50], derivative: true),
        QuotedEffect(term: "training", model: "model6", at: .means, outcomes: ["1", "2", "3", "4", "5", "6"],
                     published: [-14.80, 3.60, 6.70, 3.20, nil, nil], derivative: true),
        QuotedEffect(term: "male", model: "model6", at: .means, outcomes: ["1", "2", "3"],
                     published: [-15.40, 3.80, 7.00], derivative: true),
        QuotedEffect(term: "married", model: "model6", at: .means, outcomes: ["1", "2", "3"],
                     published: [-6.00, 1.50, 2.70], derivative: true),
    ]

    /// Indirect-effect share as the paper computed it: a·b/(a·b + c′) with a = union in Model 4,
    /// b = training and c′ = union in Model 6 (mixes logit and ordered-logit scales; ≈ 65%).
    public static let indirectShare = (a: ("model4", "union"), b: ("model6", "training"), cPrime: ("model6", "union"),
                                       published: 0.65)

    private static func model(_ id: String, _ number: Int, _ table: Int, _ kind: ModelKind, _ formula: String,
                              _ en: String, _ zh: String, condition: String? = nil, fitOf: String? = nil,
                              standardization: Standardization = .none) -> Model {
        Model(id: id, number: number, table: table, spec: ModelSpec(kind: kind, formula: formula, condition: condition),
              fitOf: fitOf, standardization: standardization, titleEN: en, titleZH: zh)
    }
}
