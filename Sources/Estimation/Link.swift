import Foundation

/// The latent-error distribution of a binary or ordered model: logistic (logit, ologit) or
/// standard normal (probit, oprobit). Both are symmetric, so 1 − F(x) = F(−x).
public enum Link: Sendable, Equatable {
    case logistic, normal

    public init?(_ kind: ModelKind) {
        switch kind {
        case .logit, .ologit, .gologit: self = .logistic
        case .probit, .oprobit, .goprobit: self = .normal
        case .ols: return nil
        }
    }

    /// Variance of the latent error: π²/3 (logistic) or 1 (normal); used by bStdY.
    public var errorVariance: Double { self == .logistic ? Double.pi * Double.pi / 3 : 1 }

    /// F(x).
    @inline(__always)
    public func cdf(_ x: Double) -> Double {
        switch self {
        case .logistic: return x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
        case .normal: return Distributions.normalCDF(x)
        }
    }

    /// f(x) = F'(x).
    @inline(__always)
    public func pdf(_ x: Double) -> Double {
        switch self {
        case .logistic:
            let e = exp(-abs(x))
            return e / ((1 + e) * (1 + e))
        case .normal: return Distributions.normalPDF(x)
        }
    }

    /// F⁻¹(p) (start values).
    public func quantile(_ p: Double) -> Double {
        switch self {
        case .logistic: return log(p / (1 - p))
        case .normal: return Distributions.normalQuantile(p)
        }
    }

    /// F(a) − F(b) for a > b, computed on the side of the distribution where it keeps precision.
    @inline(__always)
    public func interval(upper a: Double, lower b: Double) -> Double {
        if b > 0 { return cdf(-b) - cdf(-a) }
        return cdf(a) - cdf(b)
    }

    /// log F(x) without underflow.
    @inline(__always)
    public func logCDF(_ x: Double) -> Double {
        switch self {
        case .logistic: return x >= 0 ? -log1p(exp(-x)) : x - log1p(exp(x))
        case .normal: return Distributions.logNormalCDF(x)
        }
    }

    /// f(x)/F(x) (the inverse Mills ratio for the normal), stable in the lower tail.
    @inline(__always)
    public func hazardRatio(_ x: Double) -> Double {
        switch self {
        case .logistic: return cdf(-x)
        case .normal:
            if x > -30 { return Distributions.normalPDF(x) / Distributions.normalCDF(x) }
            return 1 / Distributions.millsRatio(-x)
        }
    }
}

extension Link {
    /// F(x), 1 − F(x) and f(x) at x.
    @inline(__always)
    func tails(_ x: Double) -> TailPair { self == .logistic ? TailPair.logistic(x) : TailPair.normal(x) }

    /// f′(x) from the tails at x (logistic: f·(1 − 2F); normal: −x·f).
    @inline(__always)
    func densitySlope(_ x: Double, _ t: TailPair) -> Double {
        self == .logistic ? t.density * (t.upper - t.lower) : -x * t.density
    }
}

/// F(x), 1 − F(x) and f(x) computed together, each to full relative precision (the smaller tail is
/// never obtained by subtraction).
struct TailPair {
    var lower: Double
    var upper: Double
    var density: Double

    @inline(__always)
    static func logistic(_ x: Double) -> TailPair {
        if x >= 0 {
            let e = exp(-x), d = 1 / (1 + e)
            return TailPair(lower: d, upper: e * d, density: e * d * d)
        }
        let e = exp(x), d = 1 / (1 + e)
        return TailPair(lower: e * d, upper: d, density: e * d * d)
    }

    @inline(__always)
    static func normal(_ x: Double) -> TailPair {
        let density = Distributions.normalPDF(x)
        let tail = 0.5 * erfc(abs(x) / 2.0.squareRoot())
        return x >= 0 ? TailPair(lower: 1 - tail, upper: tail, density: density)
                      : TailPair(lower: tail, upper: 1 - tail, density: density)
    }
}
