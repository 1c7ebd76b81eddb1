/// Every outcome's probability (or E(y)) at one linear predictor η, with the derivative parts the
/// marginal effects need, computed from ONE distribution evaluation per cutpoint: all J outcomes of
/// an ordered model share the J − 1 values F(cut − η), so filling them together costs J times
/// fewer `exp`/`erfc` than evaluating each outcome on its own (the margins' inner loop).
///
/// For outcome m with a = cut_m − η and b = cut_{m−1} − η: P = F(a) − F(b), ∂P/∂η = f(b) − f(a);
/// `s` = −(f(a) − f(b)) is the factor of ∂P/∂β = s·x, `up`/`lo` are ∂P/∂cut_m and ∂P/∂cut_{m−1}.
/// With `slopes`: `g` = ∂P/∂η, `h` = ∂²P/∂η², `slopeUp`/`slopeLo` = ∂g/∂cut_m, ∂g/∂cut_{m−1}.
/// Binary models have one outcome, Pr(y = 1) = F(η); OLS one, E(y) = η (no link).
final class OutcomeProfile {
    let link: Link?
    let ordered: Bool
    let cuts: [Double]
    let outcomes: Int
    let value, s, up, lo, g, h, slopeUp, slopeLo: UnsafeMutablePointer<Double>
    private let lower, upper, density, densitySlope: UnsafeMutablePointer<Double>

    init(link: Link?, ordered: Bool, cuts: [Double]) {
        self.link = link
        self.ordered = ordered
        self.cuts = cuts
        outcomes = ordered ? cuts.count + 1 : 1
        let buffer = RawBuffers.zeroed
        value = buffer(outcomes); s = buffer(outcomes); up = buffer(outcomes); lo = buffer(outcomes)
        g = buffer(outcomes); h = buffer(outcomes); slopeUp = buffer(outcomes); slopeLo = buffer(outcomes)
        lower = buffer(cuts.count); upper = buffer(cuts.count); density = buffer(cuts.count); densitySlope = buffer(cuts.count)
    }

    deinit {
        for b in [value, s, up, lo, g, h, slopeUp, slopeLo, lower, upper, density, densitySlope] { b.deallocate() }
    }

    /// Fills every outcome at `eta`.
    @inline(__always)
    func fill(eta: Double, slopes: Bool) {
        guard let link else {
            value[0] = eta; s[0] = 1; up[0] = 0; lo[0] = 0
            g[0] = 1; h[0] = 0; slopeUp[0] = 0; slopeLo[0] = 0
            return
        }
        if !ordered {
            let t = link.tails(eta)
            value[0] = t.lower; s[0] = t.density; up[0] = 0; lo[0] = 0
            if slopes { g[0] = t.density; h[0] = link.densitySlope(eta, t); slopeUp[0] = 0; slopeLo[0] = 0 }
            return
        }
        for c in 0..<cuts.count {
            let x = cuts[c] - eta
            let t = link.tails(x)
            lower[c] = t.lower; upper[c] = t.upper; density[c] = t.density
            if slopes { densitySlope[c] = link.densitySlope(x, t) }
        }
        let top = outcomes - 1
        for m in 0...top {
            // a = cut_m − η (absent for the top outcome), b = cut_{m−1} − η (absent for the bottom).
            let Fa = m < top ? lower[m] : 1, Sa = m < top ? upper[m] : 0, fa = m < top ? density[m] : 0
            let Fb = m > 0 ? lower[m - 1] : 0, Sb = m > 0 ? upper[m - 1] : 1, fb = m > 0 ? density[m - 1] : 0
            // From the upper tails when both points are in the upper half (precision).
            value[m] = Fb > 0.5 ? Sb - Sa : Fa - Fb
            s[m] = fb - fa
            up[m] = fa
            lo[m] = -fb
            if slopes {
                let fpa = m < top ? densitySlope[m] : 0, fpb = m > 0 ? densitySlope[m - 1] : 0
                g[m] = fb - fa
                h[m] = fpa - fpb
                slopeUp[m] = -fpa
                slopeLo[m] = fpb
            }
        }
    }
}
