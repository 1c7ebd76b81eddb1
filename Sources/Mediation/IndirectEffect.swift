import Foundation
import Estimation

extension IndirectEffect {
    /// a·b with Sobel, Aroian and Goodman standard errors, from the two paths alone.
    public init(a: PathEstimate, b: PathEstimate) {
        let ab = a.estimate * b.estimate
        let va = a.se * a.se, vb = b.se * b.se
        let first = b.estimate * b.estimate * va + a.estimate * a.estimate * vb
        let sobel = first.squareRoot()
        let goodman = first - va * vb
        self.init(estimate: ab, sobelSE: sobel, aroianSE: (first + va * vb).squareRoot(),
                  goodmanSE: goodman >= 0 ? goodman.squareRoot() : .nan,
                  sobelZ: ab / sobel, sobelP: Distributions.normalTwoSidedP(ab / sobel))
    }
}

extension StandardizedIndirect {
    /// MacKinnon & Dwyer (1993): a / sd(M*) and b / sd(Y*), where sd(·*) is the sd of the latent
    /// variable (√(var(x̂β) + π²/3) logit, + 1 probit) or of the observed variable for ols — the
    /// `sdY` the estimators report for listcoef's standardized coefficients.
    public init(a: PathEstimate, b: PathEstimate, sdM: Double, sdY: Double) {
        let sa = PathEstimate(estimate: a.estimate / sdM, se: a.se / sdM, p: a.p)
        let sb = PathEstimate(estimate: b.estimate / sdY, se: b.se / sdY, p: b.p)
        self.init(sdM: sdM, sdY: sdY, a: sa, b: sb, indirect: IndirectEffect(a: sa, b: sb))
    }
}
