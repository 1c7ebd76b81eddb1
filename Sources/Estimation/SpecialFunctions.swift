import Foundation

/// Distribution functions for p-values and confidence intervals. Written here because neither
/// Foundation nor LAPACK offers the incomplete beta/gamma functions; the algorithms are the classic
/// ones (Lentz's continued fraction for the beta, series + continued fraction for the gamma) and
/// are tested against R's pt/pchisq/pf/pnorm values.
public enum Distributions {
    /// Standard normal density.
    public static func normalPDF(_ x: Double) -> Double {
        0.3989422804014327 * exp(-0.5 * x * x)
    }

    /// Standard normal CDF Φ(x), accurate in both tails (erfc keeps relative accuracy).
    public static func normalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// log Φ(x) without underflow for very negative x.
    public static func logNormalCDF(_ x: Double) -> Double {
        if x > -30 { return log(normalCDF(x)) }
        return -0.5 * x * x - 0.9189385332046728 + log(millsRatio(-x))
    }

    /// Mills ratio (1 − Φ(x))/φ(x) for x ≥ 0 (continued fraction; exact where Φ underflows).
    public static func millsRatio(_ x: Double) -> Double {
        if x < 30 { return normalCDF(-x) / normalPDF(x) }
        let x2 = x * x
        // Asymptotic series; at x ≥ 30 the first terms are accurate to < 1e-14.
        return (1 - 1 / x2 + 3 / (x2 * x2) - 15 / (x2 * x2 * x2) + 105 / (x2 * x2 * x2 * x2)) / x
    }

    /// Two-sided normal p-value for a z statistic.
    public static func normalTwoSidedP(_ z: Double) -> Double {
        guard z.isFinite else { return z.isNaN ? .nan : 0 }
        return 2 * normalCDF(-abs(z))
    }

    /// Standard normal quantile (Acklam's rational approximation refined by two Halley steps).
    public static func normalQuantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p == 0 ? -.infinity : (p == 1 ? .infinity : .nan) }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0]*q + c[1])*q + c[2])*q + c[3])*q + c[4])*q + c[5]) /
                ((((d[0]*q + d[1])*q + d[2])*q + d[3])*q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0]*r + a[1])*r + a[2])*r + a[3])*r + a[4])*r + a[5]) * q /
                (((((b[0]*r + b[1])*r + b[2])*r + b[3])*r + b[4])*r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0]*q + c[1])*q + c[2])*q + c[3])*q + c[4])*q + c[5]) /
                ((((d[0]*q + d[1])*q + d[2])*q + d[3])*q + 1)
        }
        // Two Halley refinements bring it to full double precision.
        for _ in 0..<2 {
            let e = normalCDF(x) - p
            let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
            x -= u / (1 + x * u / 2)
        }
        return x
    }

    /// Regularized incomplete beta I_x(a, b).
    public static func incompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        guard x > 0 else { return 0 }
        guard x < 1 else { return 1 }
        guard a > 0, b > 0 else { return .nan }
        let lnFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        // Use the continued fraction where it converges fast, the symmetry relation elsewhere.
        if x < (a + 1) / (a + b + 2) {
            return exp(lnFront) * betaContinuedFraction(x, a: a, b: b) / a
        }
        return 1 - exp(lnFront) * betaContinuedFraction(1 - x, a: b, b: a) / b
    }

    /// Lentz's algorithm for the incomplete-beta continued fraction.
    private static func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }

    /// Upper regularized incomplete gamma Q(a, x).
    public static func incompleteGammaQ(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 1 }
        guard a > 0 else { return .nan }
        let lnFront = a * log(x) - x - lgamma(a)
        if x < a + 1 {
            // Series for P.
            var sum = 1 / a, term = 1 / a, ap = a
            for _ in 0..<100_000 {
                ap += 1; term *= x / ap; sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            return 1 - sum * exp(lnFront)
        }
        // Continued fraction for Q (Lentz).
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b; if abs(d) < tiny { d = tiny }
            c = b + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(lnFront) * h
    }

    /// Survival function of χ²(df): P(X > x).
    public static func chiSquareSF(_ x: Double, df: Double) -> Double {
        guard x.isFinite else { return x.isNaN ? .nan : 0 }
        return incompleteGammaQ(df / 2, x / 2)
    }

    /// Two-sided p-value of a t statistic with `df` degrees of freedom.
    public static func tTwoSidedP(_ t: Double, df: Double) -> Double {
        guard t.isFinite else { return t.isNaN ? .nan : 0 }
        guard df.isFinite else { return normalTwoSidedP(t) }
        return incompleteBeta(df / (df + t * t), a: df / 2, b: 0.5)
    }

    /// Student t CDF.
    public static func tCDF(_ t: Double, df: Double) -> Double {
        let tail = 0.5 * tTwoSidedP(t, df: df)
        return t < 0 ? tail : 1 - tail
    }

    /// Student t quantile: Newton steps on the CDF kept inside a bisection bracket (heavy tails
    /// at small df would otherwise overshoot).
    public static func tQuantile(_ p: Double, df: Double) -> Double {
        guard p > 0, p < 1, df > 0 else { return .nan }
        if !df.isFinite || df > 1e7 { return normalQuantile(p) }
        if p > 0.5 { return -tQuantile(1 - p, df: df) }
        var lo = -1.0, hi = 0.0
        while tCDF(lo, df: df) > p, lo > -1e300 { hi = lo; lo *= 2 }
        var x = max(lo, min(hi, normalQuantile(p)))
        let lnC = lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * log(df * Double.pi)
        for _ in 0..<200 {
            let cdf = tCDF(x, df: df)
            if cdf > p { hi = x } else { lo = x }
            let density = exp(lnC - (df + 1) / 2 * log1p(x * x / df))
            var next = x - (cdf - p) / density
            if !(next > lo && next < hi) { next = 0.5 * (lo + hi) }
            if abs(next - x) <= 1e-15 * max(1, abs(x)) { return next }
            x = next
        }
        return x
    }

    /// Survival function of F(d1, d2): P(X > f).
    public static func fSF(_ f: Double, d1: Double, d2: Double) -> Double {
        guard f.isFinite else { return f.isNaN ? .nan : 0 }
        guard f > 0 else { return 1 }
        return incompleteBeta(d2 / (d2 + d1 * f), a: d2 / 2, b: d1 / 2)
    }
}
