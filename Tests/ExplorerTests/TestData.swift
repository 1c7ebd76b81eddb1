import Estimation
@testable import Explorer
import SurveyData

/// A small deterministic dataset with a codebook like the embedded one (Chinese and English
/// labels, control groups, a subsample preset, roles), and hand-made model results so render
/// snapshots do not move when the estimators are refined.
enum TestData {
    static let codebook = Codebook(
        dataset: "mini", noticeEN: "Synthetic test data.", noticeZH: "合成测试数据。",
        variables: [
            VariableInfo(name: "skill", labelEN: "Skill grade", labelZH: "职业技能等级", type: .ordinal,
                         values: [ValueLabel(code: 1, labelEN: "none", labelZH: "无技术等级"),
                                  ValueLabel(code: 2, labelEN: "junior", labelZH: "初级工"),
                                  ValueLabel(code: 3, labelEN: "intermediate", labelZH: "中级工")]),
            VariableInfo(name: "union", labelEN: "Union member", labelZH: "加入工会", type: .binary,
                         values: [ValueLabel(code: 0, labelEN: "no", labelZH: "否"), ValueLabel(code: 1, labelEN: "yes", labelZH: "是")]),
            VariableInfo(name: "training", labelEN: "Union training", labelZH: "参加过技能培训", type: .binary,
                         values: [ValueLabel(code: 0, labelEN: "no", labelZH: "否"), ValueLabel(code: 1, labelEN: "yes", labelZH: "是")]),
            VariableInfo(name: "male", labelEN: "Male", labelZH: "男性", type: .binary),
            VariableInfo(name: "age", labelEN: "Age", labelZH: "年龄", type: .continuous),
            VariableInfo(name: "industry", labelEN: "Industry", labelZH: "产业", type: .categorical,
                         values: [ValueLabel(code: 1, name: "primary", labelEN: "primary", labelZH: "第一产业"),
                                  ValueLabel(code: 2, name: "secondary", labelEN: "secondary", labelZH: "第二产业")]),
        ],
        controlGroups: [
            ControlGroup(name: "individual", labelEN: "Individual characteristics", labelZH: "个人特征", terms: ["male", "c.age"]),
            ControlGroup(name: "work", labelEN: "Occupational characteristics", labelZH: "职业特征", terms: ["i.industry"]),
        ],
        subsamples: [SubsamplePreset(name: "secondary", labelEN: "Secondary industry", labelZH: "第二产业", condition: "industry == 2")],
        roles: DefaultRoles(outcome: "skill", keyRegressor: "union", mediator: "training"))

    static let dataset: Dataset = {
        var seed: UInt64 = 42
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        let n = 40
        var cols: [String: [Double]] = ["skill": [], "union": [], "training": [], "male": [], "age": [], "industry": []]
        for _ in 0..<n {
            let union = next() < 0.8 ? 1.0 : 0
            let training = next() < 0.4 + 0.4 * union ? 1.0 : 0
            let male = next() < 0.5 ? 1.0 : 0
            let age = (20 + 40 * next()).rounded()
            let industry = next() < 0.4 ? 1.0 : 2
            let skill = min(3, 1 + (next() + 0.3 * training + 0.2 * male > 0.9 ? 1 : 0) + (next() > 0.8 ? 1 : 0))
            for (k, v) in [("skill", Double(skill)), ("union", union), ("training", training), ("male", male),
                           ("age", age), ("industry", industry)] { cols[k, default: []].append(v) }
        }
        let order = ["skill", "union", "training", "male", "age", "industry"]
        return Dataset(name: "mini", columns: order.map { Column(name: $0, values: cols[$0] ?? []) }, codebook: codebook)
    }()

    static let env = ExplorerEnvironment(dataset: dataset, unicode: true)

    static func coefficient(_ term: String, _ b: Double, _ z: Double, variable: String? = nil, level: Double? = nil,
                            p: Double, std: Double? = nil) -> Coefficient {
        Coefficient(term: term, variable: variable, level: level, estimate: b, se: abs(b / z), z: z, p: p,
                    ciLow: b - 1.96 * abs(b / z), ciHigh: b + 1.96 * abs(b / z), bStdX: std)
    }

    /// Results shaped like the paper's Table 3 (numbers are made up for rendering).
    static func output(_ spec: Specification, generation: Int = 1, unionB: Double = 0.262, unionZ: Double = 2.20,
                       unionP: Double = 0.028) -> ComputeOutput {
        var models: [FittedModel] = []
        for plan in ModelLineup.plan(spec, dataset: dataset) {
            let kind = plan.spec.kind
            var coefs = [coefficient("union", kind == .ols ? 0.084 : unionB, kind == .ols ? 1.61 : unionZ,
                                     variable: "union", p: kind == .ols ? 0.108 : unionP, std: 0.090)]
            if plan.id == "m" {
                coefs = [coefficient("union", 0.633, 5.11, variable: "union", p: 0.0000003, std: 0.218)]
            }
            if plan.id == "ym" {
                coefs = [coefficient("union", 0.208, 1.74, variable: "union", p: 0.082, std: 0.072),
                         coefficient("training", 0.621, 5.10, variable: "training", p: 0.0000003, std: 0.245)]
            }
            if spec.controls.contains("male") { coefs.append(coefficient("male", 0.51, 6.2, variable: "male", p: 1e-9, std: 0.25)) }
            if spec.controls.contains("c.age") { coefs.append(coefficient("age", 0.052, 9.9, variable: "age", p: 1e-12, std: 0.439)) }
            if spec.controls.contains("i.industry") {
                coefs.append(coefficient("industry=2", -0.12, -1.1, variable: "industry", level: 2, p: 0.27, std: -0.05))
            }
            var cuts: [Coefficient] = []
            if kind == .ols { coefs.append(coefficient("_cons", -0.602, -2.64, p: 0.008)) } else if kind.isOrdered {
                cuts = [coefficient("cut1", 4.79, 10, p: 0), coefficient("cut2", 5.52, 11, p: 0)]
            }
            var r = ModelResult(spec: plan.spec, outcome: plan.id == "m" ? "training" : "skill",
                                outcomeLevels: kind == .ols ? [] : [1, 2, 3], n: 40, converged: true, iterations: 5,
                                coefficients: coefs, cutpoints: cuts)
            if kind == .ols { r.r2 = 0.125 } else { r.pseudoR2 = 0.102 }
            if kind.isOrdered {
                r.margins = [1, 2, 3].map { k in
                    MarginalEffect(term: "union", outcome: String(k), at: .average,
                                   effect: [-0.0504, 0.019, 0.031][k - 1], se: 0.02, z: [-2.2, 2.1, 2.0][k - 1], p: 0.03)
                }
            }
            models.append(FittedModel(plan: plan, result: r))
        }
        var output = ComputeOutput(generation: generation, spec: spec, models: models, sampleN: 40)
        if let condition = spec.subsample?.condition, let mask = try? Filter(condition, dataset: dataset).mask(on: dataset) {
            output.mask = mask
            output.sampleN = mask.filter { $0 }.count
        }
        output.sample = try? PanelSample(spec, dataset: dataset)
        // The path diagram reads the mediation engine's paths: real ones, on the test data.
        if spec.mediator != nil {
            output.mediation = try? AnalysisEngine.mediation(spec, dataset: dataset, request: .pathsOnly)
        }
        let sample = output.mask.map { dataset.subset($0) } ?? dataset
        output.summaries = (try? DescriptiveStatistics.describe(sample, variables: DescribeView.variables(spec))) ?? []
        output.crosstabs = spec.crosstabs.map { pair in
            CrosstabOutput(pair: pair, table: try? CrossTabulation(sample, row: pair.row, column: pair.column))
        }
        return output
    }

    /// A state at `width`×`height` with results for its specification already in.
    static func state(width: Int = 80, height: Int = 24, configure: (inout Specification) -> Void = { _ in }) -> AppState {
        var spec = env.defaultSpecification()
        configure(&spec)
        var state = AppState(spec: spec, width: width, height: height)
        state.generation = 1
        state.results = output(spec)
        return state
    }

    /// Presses `keys` in turn (condition checks run at once); the other effects they asked for.
    @discardableResult
    static func press(_ state: inout AppState, _ keys: Key..., env: ExplorerEnvironment = TestData.env) -> [Effect] {
        keys.flatMap { reduceCheckingConditions(&state, .key($0), env: env) }
    }

    /// Puts the variables pane's cursor on `name`'s row (-1 when it has none).
    static func cursor(on name: String, _ state: inout AppState, env: ExplorerEnvironment = TestData.env) {
        state.cursor = env.paneRows.firstIndex { $0.variableName == name } ?? -1
    }

    /// Reduces `event`, performing the condition checks it asks for synchronously (as headless
    /// replays do); returns the other effects.
    static func reduceCheckingConditions(_ state: inout AppState, _ event: Event, env: ExplorerEnvironment) -> [Effect] {
        var pending = Reducer.reduce(&state, event, env: env)
        var others: [Effect] = []
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if case let .checkCondition(check) = effect {
                pending += Reducer.reduce(&state, .conditionChecked(check.run(env: env)), env: env)
            } else {
                others.append(effect)
            }
        }
        return others
    }
}
