import Foundation
import Estimation
import StudyReplica
import SurveyData

extension BenchFit {
    /// Issue 15's speed targets on the embedded replica: the Brant test on top of the Model 6
    /// ordered logit (target < 5 ms), and gologit with autofit on Model 6 (19 terms, 6 categories;
    /// target < 20 ms).
    func benchParallelLines(data: Dataset) throws {
        let formula = DalianStudy.model("model6")?.spec.formula ?? "skill ~ union + training"
        // The replica's education, occupation and industry factors have levels with no worker
        // above some grade, so Model 6's Brant test is not computable (SPost's rule: every
        // regressor retained in every binary logit); the timing then uses Model 6's union,
        // training and individual controls with c.educ (7 terms).
        let individual = "skill ~ union + training + male + c.age + c.educ + married + party"
        for variant in [formula, individual] {
            let spec = ModelSpec(kind: .ologit, formula: variant)
            var options = FitOptions()
            let (plain, _) = try medianFit(spec, data: data)
            options.brant = true
            let (withBrant, result) = try medianFit(spec, data: data, options: options)
            let label = variant == formula ? "Model 6" : "Model 6 individual controls, c.educ"
            let brant = result.brant.map { String(format: "chi2(%d) = %.1f", $0.df, $0.chi2) } ?? "not computable"
            print("  Brant test (\(label)) " + String(format: "+%.2f ms wall, +%.2f ms CPU over the ologit fit",
                                                         (withBrant.wall - plain.wall) * 1000, (withBrant.cpu - plain.cpu) * 1000)
                  + " (\(brant))")
            if result.brant != nil { break }
        }
        let auto = ModelSpec(kind: .gologit, formula: formula, parallelLines: .autofit(alpha: 0.05))
        let (time, fit) = try medianFit(auto, data: data)
        let terms = Set(fit.coefficients.map(\.term)).subtracting(["_cons"]).count
        print("  gologit autofit (Model 6) \(time.text)  \(fit.constrained?.count ?? 0) of \(terms) terms constrained")
    }
}
