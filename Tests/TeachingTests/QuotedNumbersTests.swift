import Foundation
import Testing
import Estimation
import Mediation
import StudyReplica
import SurveyData
@testable import Teaching

/// Every number the shipped lesson quotes, recomputed here without the Teaching module: the
/// paper's Models 1–10 as StudyReplica defines them, fitted with `fitModel`; the mediation
/// analyses with `Mediation.analyze`; shares, crosstab percentages, χ² and gamma counted by hand.
@Suite struct QuotedNumbersTests {
    /// The StudyReplica model a lesson model id stands for, in the full sample or Table 5's.
    static func paperModel(_ id: String, secondary: Bool) -> String? {
        switch (id, secondary) {
        case ("ols", false): return "model1"
        case ("ologit", false): return "model2"
        case ("m", false): return "model4"
        case ("ym", false): return "model6"
        case ("ologit", true): return "model8"
        case ("m", true): return "model9"
        case ("ym", true): return "model10"
        default: return nil
        }
    }

    final class Fits: @unchecked Sendable {
        var cache: [String: ModelResult] = [:]
        let data: Dataset
        init(_ data: Dataset) { self.data = data }
        func result(_ id: String) throws -> ModelResult {
            if let r = cache[id] { return r }
            let model = try #require(DalianStudy.model(id))
            let r = try fitModel(model.spec, data: data, options: FitOptions(margins: true, atMeans: true))
            cache[id] = r
            return r
        }
    }

    static let controls = [DalianStudy.individualControls, DalianStudy.occupationalControls, DalianStudy.industryControls]
        .flatMap { MediationSpec.controlTerms($0) }

    @Test func everyQuotedNumberMatchesAnIndependentComputation() throws {
        let data = try embeddedData.get()
        let fits = Fits(data)
        var mediationCache: [String: MediationResult] = [:]
        func mediation(mediatorModel: ModelKind?, outcomeModel: ModelKind?) throws -> MediationResult {
            let key = "\(String(describing: mediatorModel))/\(String(describing: outcomeModel))"
            if let r = mediationCache[key] { return r }
            let r = try Mediation.analyze(
                spec: MediationSpec(x: "union", mediators: ["training"], y: "skill", controls: Self.controls,
                                    mediatorModel: mediatorModel, outcomeModel: outcomeModel),
                data: data, options: MediationOptions(methods: [.bk, .khb, .causal], reps: 0))
            mediationCache[key] = r
            return r
        }
        var checked = 0
        for (step, language, rendered) in try renderedSteps.get() {
            let secondary = rendered.spec.condition == DalianStudy.secondaryIndustry
            for f in rendered.filled {
                let p = f.placeholder
                let digits = p.effectiveDigits
                let expected: Double?
                if p.kind.usesModel {
                    var id = p.arguments[0], sub = secondary
                    if id.hasPrefix("base:") { id = String(id.dropFirst(5)); sub = false }
                    let paperID = try #require(Self.paperModel(id, secondary: sub), "step \(step): no paper model for \(id)")
                    let r = try fits.result(paperID)
                    expected = [.delta, .betastar, .rv, .rva, .r2yd].contains(p.kind)
                        ? try Self.sensitivityValue(p, r, data: data) : try Self.modelValue(p, r)
                } else {
                    switch p.kind {
                    case .n:
                        expected = Double(secondary ? data.column("industry")!.values.filter { $0 == 2 }.count : data.rowCount)
                    case .pct:
                        let (v, code) = Self.split(p.arguments[0])
                        let values = data.column(v)!.values.filter { !$0.isNaN }
                        expected = 100 * Double(values.filter { $0 == code }.count) / Double(values.count)
                    case .colpct:
                        let (row, rc) = Self.split(p.arguments[0]), (col, cc) = Self.split(p.arguments[1])
                        let r = data.column(row)!.values, c = data.column(col)!.values
                        let inColumn = c.indices.filter { c[$0] == cc && !r[$0].isNaN }
                        expected = 100 * Double(inColumn.filter { r[$0] == rc }.count) / Double(inColumn.count)
                    case .chi2, .gamma:
                        let (chi2, gamma) = Self.association(data.column(p.arguments[0])!.values, data.column(p.arguments[1])!.values)
                        expected = p.kind == .chi2 ? chi2 : gamma
                    case .path, .pathz, .indirect, .sobelz, .share:
                        #expect(!secondary)
                        let a = try fits.result("model4").coefficient("union")!, b = try fits.result("model6").coefficient("training")!
                        let c = try fits.result("model2").coefficient("union")!, cp = try fits.result("model6").coefficient("union")!
                        let path = ["a": a, "b": b, "c": c, "cprime": cp]
                        switch p.kind {
                        case .path: expected = path[p.arguments[0]]!.estimate
                        case .pathz: expected = path[p.arguments[0]]!.z
                        case .indirect: expected = a.estimate * b.estimate
                        case .sobelz:
                            expected = a.estimate * b.estimate / (b.estimate * b.estimate * a.se * a.se + a.estimate * a.estimate * b.se * b.se).squareRoot()
                        default:
                            let ab = a.estimate * b.estimate
                            expected = 100 * (p.arguments[0] == "sum" ? ab / (ab + cp.estimate) : ab / c.estimate)
                        }
                    case .alpha: expected = 0.05
                    case .khb:
                        let k = try #require(try mediation(mediatorModel: nil, outcomeModel: nil).khb)
                        expected = ["reduced": k.reduced.estimate, "full": k.full.estimate, "naive": k.naive.estimate,
                                    "diff": k.diff.estimate, "pct": k.confPct, "resc": k.rescFact][p.arguments[0]]!
                    case .acme, .ade, .propmed, .rho0:
                        let linear = rendered.spec.mediatorModel == .ols
                        let m = try mediation(mediatorModel: linear ? .ols : nil, outcomeModel: linear ? .ols : nil)
                        let causal = try #require(m.mediators.first?.causal)
                        switch p.kind {
                        case .acme: expected = causal.effects.acmeAverage.estimate
                        case .ade: expected = causal.effects.adeAverage.estimate
                        case .propmed: expected = 100 * causal.effects.propMediatedAverage.estimate
                        default: expected = try #require(causal.sensitivity?.rhoAtZero)
                        }
                    case .paper: expected = 100 * DalianStudy.indirectShare.published
                    case .verdict, .sig, .stars: expected = nil
                    default:
                        Issue.record("step \(step): no independent check for \(p.source)"); expected = nil
                    }
                }
                if [.n, .count, .nmodel].contains(p.kind) && p.digits == nil {
                    #expect(!f.text.contains("."), "step \(step): a count shown with decimals: \(f.text)")
                }
                guard let expected else { continue }
                let value = try #require(f.value)
                #expect(abs(value - expected) <= 1e-6 * max(1, abs(expected)),
                        "step \(step) \(language) \(p.source): \(value) vs independent \(expected)")
                #expect(f.text == fixed(expected, digits), "step \(step) \(language) \(p.source): '\(f.text)'")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    /// The words the text fills in agree with the numbers: significance and the verdict.
    @Test func significanceWordsAndVerdictAgreeWithTheFits() throws {
        let data = try embeddedData.get()
        let fits = Fits(data)
        for (step, _, rendered) in try renderedSteps.get() {
            for f in rendered.filled where f.placeholder.kind == .sig {
                let secondary = rendered.spec.condition == DalianStudy.secondaryIndustry
                let r = try fits.result(try #require(Self.paperModel(f.placeholder.arguments[0], secondary: secondary)))
                let pValue = try #require(r.coefficient(f.placeholder.arguments[1])).p
                let significant = pValue < 0.1
                #expect(f.text.contains("not") == !significant || f.text.contains("不") == !significant, "step \(step)")
            }
            for f in rendered.filled where f.placeholder.kind == .verdict && rendered.spec.condition == nil {
                let cp = try fits.result("model6").coefficient("union")!
                let full = cp.p >= 0.05
                #expect(f.text == (full ? "full mediation" : "partial mediation") || f.text == (full ? "完全中介" : "部分中介"),
                        "step \(step): verdict '\(f.text)' with c′ p = \(cp.p)")
            }
        }
    }

    static func modelValue(_ p: Placeholder, _ r: ModelResult) throws -> Double? {
        let args = p.arguments
        switch p.kind {
        case .sdy: return r.sdY
        case .pseudor2: return r.pseudoR2
        case .r2: return r.r2
        case .nmodel: return Double(r.n)
        case .cut: return r.cutpoints.first { $0.term == "cut" + args[1] }?.estimate
        case .ame, .mem:
            let at: MarginalEffect.At = p.kind == .ame ? .average : .means
            return try #require(r.margins.first { $0.term == args[1] && $0.outcome == args[2] && $0.at == at }).effect * 100
        default:
            let c = try #require(r.coefficient(args[1]), "\(args[1]) in \(r.spec.formula)")
            switch p.kind {
            case .coef: return c.estimate
            case .se: return c.se
            case .z: return c.z
            case .p: return c.p
            case .or: return exp(c.estimate)
            case .bstdx: return c.bStdX
            case .bstdxy: return c.bStdXY
            default: return nil
            }
        }
    }

    /// The sensitivity placeholders from the paper model's own fit: RV and the partial R² from
    /// its t and residual df by Cinelli & Hazlett's closed forms, δ and β* from the estimation
    /// layer's psacalc routine on that model (itself checked against the R fixture).
    static func sensitivityValue(_ p: Placeholder, _ r: ModelResult, data: Dataset) throws -> Double? {
        let c = try #require(r.coefficient("union"))
        let dof = Double(r.n - r.coefficients.count)
        let f = abs(c.z) / dof.squareRoot()
        switch p.kind {
        case .r2yd: return 100 * c.z * c.z / (c.z * c.z + dof)
        case .rv: return 100 * 0.5 * ((f * f * f * f + 4 * f * f).squareRoot() - f * f)
        case .rva:
            let fCritical = abs(Distributions.tQuantile(0.025, df: dof - 1)) / (dof - 1).squareRoot()
            let fa = f - fCritical
            return fa < 0 ? 0 : 100 * 0.5 * ((fa * fa * fa * fa + 4 * fa * fa).squareRoot() - fa * fa)
        default:
            let s = try OmittedVariableBias.analyze(spec: r.spec, data: data, treatment: "union", rmax: 1.3)
            return p.kind == .delta ? s.delta : s.betaStar
        }
    }

    static func split(_ arg: String) -> (String, Double) {
        let parts = arg.split(separator: "=").map(String.init)
        return (parts[0], Double(parts[1])!)
    }

    /// Pearson χ² and Goodman–Kruskal gamma of two coded variables, counted directly.
    static func association(_ x: [Double], _ y: [Double]) -> (Double, Double) {
        let rows = x.indices.filter { !x[$0].isNaN && !y[$0].isNaN }
        let xs = Array(Set(rows.map { x[$0] })).sorted(), ys = Array(Set(rows.map { y[$0] })).sorted()
        var n = [[Double]](repeating: [Double](repeating: 0, count: ys.count), count: xs.count)
        for i in rows { n[xs.firstIndex(of: x[i])!][ys.firstIndex(of: y[i])!] += 1 }
        let total = Double(rows.count)
        var chi2 = 0.0
        for i in xs.indices {
            for j in ys.indices {
                let e = n[i].reduce(0, +) * xs.indices.map { n[$0][j] }.reduce(0, +) / total
                chi2 += (n[i][j] - e) * (n[i][j] - e) / e
            }
        }
        var concordant = 0.0, discordant = 0.0
        for i in xs.indices { for j in ys.indices { for k in xs.indices where k > i { for l in ys.indices {
            if l > j { concordant += n[i][j] * n[k][l] } else if l < j { discordant += n[i][j] * n[k][l] }
        } } } }
        return (chi2, (concordant - discordant) / (concordant + discordant))
    }
}
