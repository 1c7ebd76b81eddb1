import Foundation

extension MediationResult {
    /// The documented JSON (README, "Mediation"): pretty-printed, keys sorted, undefined numbers
    /// (a zero SE, an undefined ratio) as `null` — a plain JSONEncoder would refuse NaN.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let marker = "__pathlens_nonfinite_7d1c__"   // plain ASCII: encoded verbatim
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: marker, negativeInfinity: marker, nan: marker)
        let text = String(decoding: try encoder.encode(self), as: UTF8.self)
        return text.replacingOccurrences(of: "\"\(marker)\"", with: "null") + "\n"
    }
}
