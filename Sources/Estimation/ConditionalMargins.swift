import SurveyData

/// Marginal effects of *variables*, not columns, as Stata's `margins, dydx(…) at(…) over(…)`:
/// every column a variable enters (its main effect, `c.age#c.age`, `1.union#c.age`, …) is rebuilt
/// from the variable's values, so a continuous variable's effect is the chain rule through all of
/// them — the mean over rows of ∂P/∂η · Σⱼ βⱼ ∂xⱼ/∂v — and a factor level's the discrete change
/// (every row at the level minus every row at the base). `at` settings fix variables in every row
/// (the others as observed); `over` averages within groups. Delta-method SEs with the analytic
/// Jacobian wrt (β, cutpoints), from the same `OutcomeProfile` as `Margins`.
struct ConditionalMargins {
    let context: FitContext
    let theta: [Double]
    let vcov: [Double]
    let residualDF: Double?
    let link: Link?
    let request: MarginsRequest

    /// One column as a product of (variable index, level or nil = the value) factors; `_cons` has none.
    private struct ColumnRecipe { var parts: [(variable: Int, level: Double?)] }

    /// One effect to compute: the derivative wrt a variable, or a level's discrete change.
    private struct Item { var term: String; var variable: Int; var level: Double?; var base: Double? }

    private var k: Int { context.k }
    private var p: Int { theta.count }
    private var outcomeCount: Int { context.marginsOutcomeCount }
    private var outcomeNames: [String] { context.marginsOutcomeNames }

    func compute() -> (margins: [MarginalEffect], contrasts: [MarginsContrast]) {
        let design = context.design
        // Variables in order of first appearance among the working columns.
        var variables: [String] = []
        var index: [String: Int] = [:]
        func id(_ v: String) -> Int {
            if let i = index[v] { return i }
            index[v] = variables.count; variables.append(v); return variables.count - 1
        }
        let recipes: [ColumnRecipe] = context.terms.map { term in
            if term.isInteraction { return ColumnRecipe(parts: term.components.map { (id($0.variable), $0.level) }) }
            guard let v = term.variable else { return ColumnRecipe(parts: []) }
            return ColumnRecipe(parts: [(id(v), term.level)])
        }
        for t in design.formula.terms { for f in t.factors { _ = id(f.variable) } }
        let n = context.n
        let values: [[Double]] = variables.map { design.variableValues($0) ?? [Double](repeating: 0, count: n) }

        // What to compute: each wanted variable's derivative, or its levels' discrete changes.
        let wanted = request.dydx ?? variables
        var items: [Item] = []
        for name in wanted {
            guard let v = index[name] else { continue }
            if let levels = design.factorLevels[name], let base = design.factorBases[name] {
                for level in levels where level != base {
                    items.append(Item(term: "\(name)=\(formatCode(level))", variable: v, level: level, base: base))
                }
            } else if context.options.discreteChangeForBinary,
                      context.terms.contains(where: { $0.variable == name && $0.level == nil && $0.isBinary }) {
                items.append(Item(term: name, variable: v, level: 1, base: 0))
            } else {
                items.append(Item(term: name, variable: v, level: nil, base: nil))
            }
        }

        // Scenarios: the crossed at settings, each within every over group.
        let combinations = request.combinations.map { combo in
            combo.compactMap { setting in index[setting.variable].map { (variable: $0, value: setting.value, label: "\(setting.variable)=\(formatCode(setting.value))") } }
        }
        var groups: [(label: String?, rows: [Int])] = [(nil, Array(0..<n))]
        if let over = request.over, let v = index[over] {
            let levels = Set(values[v]).sorted()
            groups = levels.map { g in ("\(over)=\(formatCode(g))", (0..<n).filter { values[v][$0] == g }) }
        }

        let J = outcomeCount, names = outcomeNames
        var margins: [MarginalEffect] = []
        var contrasts: [MarginsContrast] = []
        for item in items {
            var firstJacobians: [[Double]] = [], firstEffects: [Double] = []
            for (a, combo) in combinations.enumerated() {
                let atLabel = combo.isEmpty ? nil : combo.map(\.label).joined(separator: ", ")
                for group in groups {
                    let (effects, jacobians) = effect(item, overrides: combo.map { ($0.variable, $0.value) },
                                                      rows: group.rows, recipes: recipes, values: values)
                    for m in 0..<J {
                        margins.append(row(term: item.term, outcome: names[m], effect: effects[m], jacobian: jacobians[m],
                                           at: atLabel, over: group.label))
                    }
                    guard request.contrast, group.label == nil else { continue }
                    if a == 0 { firstEffects = effects; firstJacobians = jacobians; continue }
                    let firstLabel = combinations[0].map(\.label).joined(separator: ", ")
                    for m in 0..<J {
                        let jac = zip(jacobians[m], firstJacobians[m]).map { $0 - $1 }
                        let r = row(term: item.term, outcome: names[m], effect: effects[m] - firstEffects[m], jacobian: jac,
                                    at: nil, over: nil)
                        contrasts.append(MarginsContrast(term: item.term, outcome: names[m],
                                                         at: "\(atLabel ?? "") vs \(firstLabel)",
                                                         effect: r.effect, se: r.se, z: r.z, p: r.p))
                    }
                }
            }
        }
        return (margins, contrasts)
    }

    private func row(term: String, outcome: String, effect: Double, jacobian: [Double], at: String?, over: String?) -> MarginalEffect {
        let variance = LinearAlgebra.quadraticForm(jacobian, vcov, p)
        let se = max(0, variance).squareRoot()
        let z = effect / se
        let pValue = residualDF.map { Distributions.tTwoSidedP(z, df: $0) } ?? Distributions.normalTwoSidedP(z)
        var m = MarginalEffect(term: term, outcome: outcome, at: .average, effect: effect, se: se, z: z, p: pValue)
        m.atValue = at
        m.over = over
        return m
    }

    /// Per outcome the effect of `item` averaged (weighted) over `rows` with `overrides` applied,
    /// and its Jacobian wrt (β, cutpoints). The columns' recipes are flattened and every inner loop
    /// runs on raw buffers: this is the per-row cost of `--over`/`--at` (budget: 5 ms for the
    /// replica's interaction model with its margins over industry).
    private func effect(_ item: Item, overrides: [(Int, Double)], rows: [Int], recipes: [ColumnRecipe],
                        values: [[Double]]) -> ([Double], [[Double]]) {
        let J = outcomeCount, k = self.k, p = self.p, ordered = context.kind.isOrdered
        let beta = Array(theta[0..<k]), cuts = ordered ? Array(theta[k..<p]) : []
        let on = OutcomeProfile(link: link, ordered: ordered, cuts: cuts)
        let off = OutcomeProfile(link: link, ordered: ordered, cuts: cuts)
        // Flattened recipes: column j's factors are partVariable/partLevel[start[j] ..< start[j+1]]
        // (level NaN: the value enters).
        var start = [0], partVariable: [Int] = [], partLevel: [Double] = []
        for recipe in recipes {
            for part in recipe.parts { partVariable.append(part.variable); partLevel.append(part.level ?? .nan) }
            start.append(partVariable.count)
        }
        let V = values.count
        let current = RawBuffers.zeroed(max(1, V)), xOn = RawBuffers.zeroed(max(1, k)), xOff = RawBuffers.zeroed(max(1, k))
        let jac = RawBuffers.zeroed(max(1, J * p)), effects = RawBuffers.zeroed(J)
        defer { for b in [current, xOn, xOff, jac, effects] { b.deallocate() } }
        func fill(_ x: UnsafeMutablePointer<Double>) {
            for j in 0..<k {
                var value = 1.0
                for c in start[j]..<start[j + 1] {
                    let raw = current[partVariable[c]], level = partLevel[c]
                    value *= level.isNaN ? raw : (raw == level ? 1 : 0)
                }
                x[j] = value
            }
        }
        /// ∂x/∂v by the product rule over the factors that are v (continuous, so level NaN).
        func derivative(_ x: UnsafeMutablePointer<Double>, _ v: Int) {
            for j in 0..<k {
                var d = 0.0
                for c in start[j]..<start[j + 1] where partVariable[c] == v && partLevel[c].isNaN {
                    var rest = 1.0
                    for c2 in start[j]..<start[j + 1] where c2 != c {
                        let raw = current[partVariable[c2]], level = partLevel[c2]
                        rest *= level.isNaN ? raw : (raw == level ? 1 : 0)
                    }
                    d += rest
                }
                x[j] = d
            }
        }
        let up = ordered ? 1 : 0
        func addCuts(_ m: Int, _ upValue: Double, _ loValue: Double) {
            guard up == 1 else { return }
            if m < J - 1 { jac[m * p + k + m] += upValue }
            if m > 0 { jac[m * p + k + m - 1] += loValue }
        }
        var total = 0.0
        let weights = context.weights
        for i in rows {
            let w = weights?[i] ?? 1
            total += w
            for v in 0..<V { current[v] = values[v][i] }
            for (v, value) in overrides { current[v] = value }
            if let level = item.level, let base = item.base {
                current[item.variable] = level
                fill(xOn)
                current[item.variable] = base
                fill(xOff)
                var etaOn = 0.0, etaOff = 0.0
                for c in 0..<k { etaOn += xOn[c] * beta[c]; etaOff += xOff[c] * beta[c] }
                on.fill(eta: etaOn, slopes: false)
                off.fill(eta: etaOff, slopes: false)
                for m in 0..<J {
                    effects[m] += w * (on.value[m] - off.value[m])
                    let sOn = w * on.s[m], sOff = w * off.s[m], row = jac + m * p
                    for c in 0..<k { row[c] += sOn * xOn[c] - sOff * xOff[c] }
                    addCuts(m, w * (on.up[m] - off.up[m]), w * (on.lo[m] - off.lo[m]))
                }
            } else {
                fill(xOn)
                derivative(xOff, item.variable)  // xOff holds ∂x/∂v here
                var eta = 0.0, d = 0.0
                for c in 0..<k { eta += xOn[c] * beta[c]; d += xOff[c] * beta[c] }
                on.fill(eta: eta, slopes: true)
                for m in 0..<J {
                    let wg = w * on.g[m], whd = w * on.h[m] * d, row = jac + m * p
                    effects[m] += wg * d
                    for c in 0..<k { row[c] += whd * xOn[c] + wg * xOff[c] }
                    addCuts(m, w * on.slopeUp[m] * d, w * on.slopeLo[m] * d)
                }
            }
        }
        guard total > 0 else { return ([Double](repeating: .nan, count: J), [[Double]](repeating: [Double](repeating: 0, count: p), count: J)) }
        let out = (0..<J).map { effects[$0] / total }
        let jacobians = (0..<J).map { m in (0..<p).map { jac[m * p + $0] / total } }
        return (out, jacobians)
    }
}
