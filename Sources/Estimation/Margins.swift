/// Marginal effects (placeholder until the margins increment lands).
struct Margins {
    let context: FitContext
    let theta: [Double]
    let vcov: [Double]
    let residualDF: Double?
    var link: Link? = nil

    func all() -> [MarginalEffect] { [] }
}
