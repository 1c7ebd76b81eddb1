/// What to do with a stratum that holds a single sampling unit, as Stata's `svyset, singleunit()`:
/// `missing` (Stata's default: standard errors are missing, with a note naming the stratum),
/// `certainty` (the stratum contributes nothing; R's `survey.lonely.psu = "certainty"`), `scaled`
/// (the other strata's variance scaled by H/(H − H₁); R's "average"), `centered` (the unit is
/// centred at the grand mean of the PSU totals; R's "adjust").
public enum SingleUnitRule: String, Codable, Sendable, CaseIterable, Hashable {
    case missing, certainty, scaled, centered
}

/// A complex survey design declared once, as Stata's `svyset PSU [pweight=W], strata(S) fpc(F)
/// singleunit(…)`: from `--svy "psu=VAR strata=VAR weight=VAR [fpc=VAR] [singleunit=…] [nest]"` or
/// the codebook's `design` object (`{"psu": …, "strata": …, "weight": …, "fpc": …, "singleunit": …,
/// "nest": true}`). Every part is optional: without `psu` each row is its own unit, without
/// `strata` there is one stratum, without `weight` every row weighs 1. `nest` says PSU codes are
/// numbered within strata (R's `nest = TRUE`); without it a PSU code found in two strata is an error.
public struct SurveyDesign: Codable, Sendable, Equatable, Hashable {
    public var psu: String?
    public var strata: String?
    public var weight: String?
    public var fpc: String?
    public var singleUnit: SingleUnitRule
    public var nest: Bool

    public init(psu: String? = nil, strata: String? = nil, weight: String? = nil, fpc: String? = nil,
                singleUnit: SingleUnitRule = .missing, nest: Bool = false) {
        self.psu = psu; self.strata = strata; self.weight = weight; self.fpc = fpc
        self.singleUnit = singleUnit; self.nest = nest
    }

    enum CodingKeys: String, CodingKey { case psu, strata, weight, fpc, singleUnit = "singleunit", nest }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        psu = try c.decodeIfPresent(String.self, forKey: .psu)
        strata = try c.decodeIfPresent(String.self, forKey: .strata)
        weight = try c.decodeIfPresent(String.self, forKey: .weight)
        fpc = try c.decodeIfPresent(String.self, forKey: .fpc)
        singleUnit = try c.decodeIfPresent(SingleUnitRule.self, forKey: .singleUnit) ?? .missing
        nest = try c.decodeIfPresent(Bool.self, forKey: .nest) ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(psu, forKey: .psu)
        try c.encodeIfPresent(strata, forKey: .strata)
        try c.encodeIfPresent(weight, forKey: .weight)
        try c.encodeIfPresent(fpc, forKey: .fpc)
        if singleUnit != .missing { try c.encode(singleUnit, forKey: .singleUnit) }
        if nest { try c.encode(true, forKey: .nest) }
    }

    /// Parses the `--svy` text: `key=VAR` pairs separated by spaces (psu, strata, weight, fpc,
    /// singleunit) and the word `nest`. Returns nil for `none` (the codebook's design switched off).
    /// Throws a one-line message naming the offending part.
    public static func parse(_ text: String) throws(SurveyDesignError) -> SurveyDesign? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        if parts.count == 1, parts[0].lowercased() == "none" { return nil }
        guard !parts.isEmpty else { throw .syntax(text, part: text) }
        var design = SurveyDesign()
        var seen = Set<String>()
        for part in parts {
            if part.lowercased() == "nest" { design.nest = true; continue }
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2, !pieces[1].isEmpty else { throw .syntax(text, part: part) }
            let key = pieces[0].lowercased(), value = pieces[1]
            guard seen.insert(key).inserted else { throw .repeated(text, key: key) }
            switch key {
            case "psu": design.psu = value
            case "strata": design.strata = value
            case "weight", "pweight": design.weight = value
            case "fpc": design.fpc = value
            case "singleunit":
                guard let rule = SingleUnitRule(rawValue: value.lowercased()) else { throw .singleUnit(value) }
                design.singleUnit = rule
            default: throw .unknownKey(text, key: pieces[0])
            }
        }
        return design
    }

    /// The `--svy` text that declares this design (canonical order).
    public var argument: String {
        var parts: [String] = []
        if let psu { parts.append("psu=\(psu)") }
        if let strata { parts.append("strata=\(strata)") }
        if let weight { parts.append("weight=\(weight)") }
        if let fpc { parts.append("fpc=\(fpc)") }
        if singleUnit != .missing { parts.append("singleunit=\(singleUnit.rawValue)") }
        if nest { parts.append("nest") }
        return parts.joined(separator: " ")
    }

    /// The design's variables (weight, strata, psu, fpc, those given).
    public var variables: [String] { [weight, strata, psu, fpc].compactMap { $0 } }

    /// The first part naming a variable `dataset` lacks, as (`psu`, `VAR`): what every caller's
    /// one-line error names (`--svy psu=`, the explorer's `D` prompt, the multiverse plan).
    public func unknownVariable(in dataset: Dataset) -> (key: String, name: String)? {
        let parts: [(String, String?)] = [("psu", psu), ("strata", strata), ("weight", weight), ("fpc", fpc)]
        for case let (key, name?) in parts where dataset.column(name) == nil { return (key, name) }
        return nil
    }
}

/// A `--svy` text that is not a design; `description` is the one-line message.
public enum SurveyDesignError: Error, Sendable, Equatable, CustomStringConvertible {
    case syntax(String, part: String)
    case repeated(String, key: String)
    case unknownKey(String, key: String)
    case singleUnit(String)

    public var description: String { text(.en) }

    public func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case let .syntax(text, part):
            return zh ? "--svy '\(text)'：'\(part)' 不是 键=变量（psu=…、strata=…、weight=…、fpc=…、singleunit=…）"
                : "--svy '\(text)': '\(part)' is not key=VAR (psu=…, strata=…, weight=…, fpc=…, singleunit=…)"
        case let .repeated(text, key):
            return zh ? "--svy '\(text)'：'\(key)' 出现了不止一次" : "--svy '\(text)': '\(key)' is given more than once"
        case let .unknownKey(text, key):
            return zh ? "--svy '\(text)'：未知的键 '\(key)'（可用 psu、strata、weight、fpc、singleunit、nest）"
                : "--svy '\(text)': unknown key '\(key)' (expected psu, strata, weight, fpc, singleunit or nest)"
        case let .singleUnit(value):
            return zh ? "--svy singleunit='\(value)'：应为 missing、certainty、scaled 或 centered"
                : "--svy singleunit='\(value)': expected missing, certainty, scaled or centered"
        }
    }
}
