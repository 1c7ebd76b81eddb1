import Estimation

/// The `pathlens fit --format json` fields of the parallel-lines tests and the generalized ordered
/// models — interfaces (issue 15): `brant{chi2 df p terms[{term chi2 df p}]}`,
/// `lr_parallel{chi2 df p}`, and for gologit/goprobit `constrained[]`,
/// `negative_probabilities` and after `--autofit` `autofit_wald{chi2 df p}`. Each appears only when it applies.
enum ParallelLinesJSON {
    static func members(_ r: ModelResult) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        if r.model.isGeneralizedOrdered {
            out.append(("constrained", .array((r.constrained ?? []).map { .string($0) })))
            out.append(("negative_probabilities", .integer(r.negativeProbabilities)))
        }
        if let b = r.brant {
            out.append(("brant", .object(test(b.chi2, b.df, b.p) + [
                ("terms", .array(b.terms.map { .object([("term", .string($0.term))] + test($0.chi2, $0.df, $0.p)) })),
            ])))
        }
        if let w = r.autofitWald {
            out.append(("autofit_wald", .object(test(w.chi2, w.df, w.p))))
        }
        if let lr = r.lrParallel {
            out.append(("lr_parallel", .object(test(lr.chi2, lr.df, lr.p))))
        }
        return out
    }

    private static func test(_ chi2: Double, _ df: Int, _ p: Double) -> [(String, JSONValue)] {
        [("chi2", .number(chi2)), ("df", .integer(df)), ("p", .number(p))]
    }
}
