import Testing
@testable import Estimation

/// Special functions against R 4.2 (values printed with sprintf("%.17g") from pt, pnorm, qt,
/// pchisq, pf, qnorm, pbeta; the calls are in each comment).
struct DistributionTests {
    @Test func studentT() {
        #expect(close(Distributions.tTwoSidedP(2.1, df: 5), 0.089753249884598679, 1e-12))   // 2*pt(-2.1, 5)
        #expect(close(Distributions.tTwoSidedP(0.3, df: 1), 0.81445284184451539, 1e-12))    // 2*pt(-0.3, 1)
        #expect(close(Distributions.tTwoSidedP(-8, df: 30), 6.2658224757007723e-09, 1e-10)) // 2*pt(-8, 30)
        #expect(close(Distributions.tQuantile(0.975, df: 26), 2.0555294386428726, 1e-12))   // qt(.975, 26)
        #expect(close(Distributions.tQuantile(0.975, df: 1), 12.706204736174694, 1e-12))    // qt(.975, 1)
        #expect(close(Distributions.tQuantile(0.975, df: 3), 3.1824463052837078, 1e-12))    // qt(.975, 3)
        // Large df: lgamma differences in the incomplete beta cost a few digits (still 1e-10).
        #expect(close(Distributions.tQuantile(0.975, df: 1e5), 1.9599877075346088, 1e-10))  // qt(.975, 1e5)
    }

    @Test func normal() {
        #expect(close(Distributions.normalCDF(-1.3), 0.096800484585610344, 1e-14))          // pnorm(-1.3)
        #expect(close(Distributions.normalCDF(5), 0.99999971334842808, 1e-15))              // pnorm(5)
        #expect(close(Distributions.logNormalCDF(-40), -804.6084420137538, 1e-13))          // pnorm(-40, log.p=TRUE)
        #expect(close(Distributions.normalQuantile(0.975), 1.9599639845400536, 1e-14))      // qnorm(.975)
        #expect(close(Distributions.normalQuantile(1e-10), -6.3613409024040557, 1e-13))     // qnorm(1e-10)
    }

    @Test func chiSquareAndF() {
        #expect(close(Distributions.chiSquareSF(337.78, df: 7), 5.0801501796973009e-69, 1e-10)) // pchisq(337.78, 7, lower=F)
        #expect(close(Distributions.chiSquareSF(3.2, df: 1), 0.073638270120302773, 1e-12))
        #expect(close(Distributions.chiSquareSF(0.5, df: 12), 0.99999972618643662, 1e-13))
        #expect(close(Distributions.fSF(33.57, d1: 5, d2: 26), 1.5062095605327741e-10, 1e-10))  // pf(33.57, 5, 26, lower=F)
        #expect(close(Distributions.fSF(0.7, d1: 3, d2: 1000), 0.55214618762466094, 1e-12))
        #expect(close(Distributions.incompleteBeta(0.3, a: 2.5, b: 7), 0.64122246297172114, 1e-12)) // pbeta(.3, 2.5, 7)
    }

    @Test func edgesDoNotTrap() {
        #expect(Distributions.tTwoSidedP(.nan, df: 3).isNaN)
        #expect(Distributions.tTwoSidedP(.infinity, df: 3) == 0)
        #expect(Distributions.chiSquareSF(0, df: 2) == 1)
        #expect(Distributions.fSF(-1, d1: 2, d2: 3) == 1)
        #expect(Distributions.tQuantile(0, df: 3).isNaN)
    }
}
