import Foundation

/// Newton–Raphson maximisation with step-halving, as Stata's `ml`: convergence when the scaled
/// gradient g'H⁻¹g falls below the tolerance. Never throws for numerical trouble: it stops and says
/// so (`converged = false` plus a note), and the caller still reports the last estimates.
struct NewtonRaphson<Model: LikelihoodObjective> {
    struct Outcome {
        var theta: [Double]
        var evaluation: LikelihoodModel.Evaluation
        var converged: Bool
        var iterations: Int
        var notes: [EstimationNote]
        /// Log-likelihood at the start values (the null model when starting from it).
        var startLoglik: Double
    }

    let model: Model
    let maxIterations: Int
    let tolerance: Double

    private func admissible(_ theta: [Double]) -> Bool {
        theta.allSatisfy({ $0.isFinite }) && model.admissible(theta)
    }

    /// Maximises from `start`; `evaluated` is the model's evaluation at `start` when the caller
    /// already has it.
    func run(start: [Double], evaluated: LikelihoodModel.Evaluation? = nil) -> Outcome {
        let p = model.parameterCount
        var theta = start
        var current = evaluated ?? model.evaluate(theta)
        let startLoglik = current.loglik
        var notes: [EstimationNote] = []
        var iterations = 0
        var converged = false
        while true {
            // Newton direction; a ridge keeps it defined when the information is singular
            // (separation) — Stata reports "not concave" there.
            var direction: [Double]? = nil
            if let r = LinearAlgebra.cholesky(current.information, p) {
                direction = LinearAlgebra.choleskySolve(r, p, current.gradient)
            } else {
                var ridge = 1e-8
                while direction == nil, ridge < 1e8 {
                    var a = current.information
                    for i in 0..<p { a[i * p + i] += ridge * max(1, abs(a[i * p + i])) }
                    if let r = LinearAlgebra.cholesky(a, p) { direction = LinearAlgebra.choleskySolve(r, p, current.gradient) }
                    ridge *= 100
                }
            }
            guard let d = direction, d.allSatisfy({ $0.isFinite }) else {
                notes.append(.informationNotInvertible)
                break
            }
            let scaled = zip(current.gradient, d).reduce(0) { $0 + $1.0 * $1.1 }
            if p == 0 || (scaled.isFinite && abs(scaled) < tolerance) { converged = true; break }
            guard iterations < maxIterations else {
                notes.append(.iterationLimit(iterations: maxIterations, scaledGradient: scaled))
                break
            }
            iterations += 1
            // Step-halving until the log-likelihood does not fall and θ stays admissible.
            var step = 1.0
            var accepted: (theta: [Double], evaluation: LikelihoodModel.Evaluation)? = nil
            for _ in 0..<60 {
                let trial = zip(theta, d).map { $0 + step * $1 }
                if admissible(trial) {
                    let eval = model.evaluate(trial)
                    if eval.loglik.isFinite, eval.loglik >= current.loglik - 1e-12 * abs(current.loglik) {
                        accepted = (trial, eval)
                        break
                    }
                }
                step *= 0.5
            }
            guard let next = accepted else {
                // No improving step: at the optimum up to rounding if the scaled gradient is tiny.
                if scaled.isFinite, abs(scaled) < 1e-7 * max(1, abs(current.loglik)) * 1e-3 {
                    converged = true
                } else {
                    notes.append(.noImprovingStep)
                }
                break
            }
            let gain = next.evaluation.loglik - current.loglik
            theta = next.theta
            current = next.evaluation
            // A step that changed nothing measurable while the gradient is already tiny: done.
            if gain == 0, abs(scaled) < 1e-10 { converged = true; break }
        }
        return Outcome(theta: theta, evaluation: current, converged: converged, iterations: iterations,
                       notes: notes, startLoglik: startLoglik)
    }
}

/// What Newton–Raphson maximises: a log-likelihood evaluated with its gradient and information.
protocol LikelihoodObjective {
    var parameterCount: Int { get }
    func evaluate(_ theta: [Double]) -> LikelihoodModel.Evaluation
    /// Constraints beyond finiteness (ordered cutpoints strictly increasing).
    func admissible(_ theta: [Double]) -> Bool
}

extension LikelihoodModel: LikelihoodObjective {
    func admissible(_ theta: [Double]) -> Bool {
        guard ordered else { return true }
        let cuts = theta[k...]
        for (a, b) in zip(cuts, cuts.dropFirst()) where !(b > a) { return false }
        return true
    }
}
