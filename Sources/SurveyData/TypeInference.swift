import Foundation

/// Guesses what a variable is when no codebook says: {0,1} → binary, otherwise continuous (text
/// columns are categorical and handled by `TextEncoding`); labelled numeric variables of .dta/.sav
/// files by `fileType`.
enum TypeInference {
    static func type(of values: [Double]) -> VariableType {
        var sawValue = false
        for v in values where !v.isNaN {
            if v != 0 && v != 1 { return .continuous }
            sawValue = true
        }
        return sawValue ? .binary : .continuous
    }

    /// The measure of a labelled numeric variable of a .dta/.sav file, as Stata/SPSS/jamovi users
    /// expect (README, "Measures from the file"):
    /// - labels that cover only missing codes, or fewer than half of the observed values (an
    ///   income with 0 "none" labelled), do not make it discrete: the unlabelled rule applies;
    /// - codes 0/1 only → binary;
    /// - SPSS measure from the file: "ordinal" → ordinal, "nominal" → categorical, "scale" →
    ///   continuous (unless the labels cover every observed value: then the rule below);
    /// - otherwise (every .dta): integer codes, 3–10 of them, consecutive (1…5, 0…4) → ordinal;
    ///   two codes other than 0/1, more than 10, non-integer or gapped codes (province codes
    ///   11, 12, 21…, which look nominal), or a catch-all label ("other", "其他") → categorical.
    /// `values` are the stored values (missing ones, of every kind, are NaN and ignored).
    static func fileType(values: [Double], labels: [ValueLabel], isMissingCode: (Double) -> Bool = { _ in false },
                         measure: FileMeasure = .unknown) -> VariableType {
        let labelled = Set(labels.map(\.code).filter { !isMissingCode($0) })
        guard !labelled.isEmpty else { return unlabelledType(values: values, measure: measure) }
        var observed = Set<Double>()
        for v in values where !v.isNaN {
            observed.insert(v)
            if observed.count > 1000 { break }
        }
        let observedLabelled = observed.filter(labelled.contains).count
        if !observed.isEmpty, 2 * observedLabelled < observed.count { return unlabelledType(values: values, measure: measure) }
        let codes = labelled.union(observed)
        if codes.isSubset(of: [0, 1]) { return .binary }
        switch measure {
        case .ordinal: return .ordinal
        case .nominal: return .categorical
        case .scale where observedLabelled < observed.count: return .continuous
        default: break
        }
        if labels.contains(where: { !isMissingCode($0.code) && looksNominal($0) }) { return .categorical }
        let sorted = codes.sorted()
        let integers = sorted.allSatisfy { $0 == $0.rounded() && abs($0) < 1e9 }
        let consecutive = integers && zip(sorted, sorted.dropFirst()).allSatisfy { $1 - $0 == 1 }
        return (3...10).contains(sorted.count) && consecutive ? .ordinal : .categorical
    }

    /// A catch-all level ("other", "others (specify)", "其他") has no place on an order: its labels
    /// look nominal.
    static func looksNominal(_ label: ValueLabel) -> Bool {
        [label.name, label.labelEN, label.labelZH].contains { text in
            guard let t = text?.lowercased().trimmingCharacters(in: .whitespaces) else { return false }
            return t == "other" || t.hasPrefix("other ") || t.hasPrefix("others") || t.hasPrefix("other(")
                || t.hasPrefix("其他") || t.hasPrefix("其它")
        }
    }

    /// An SPSS variable without (non-missing) value labels: the file's "ordinal"/"nominal" measure
    /// where its values are integers (not just 0/1), else the CSV rule (`type(of:)`).
    private static func unlabelledType(values: [Double], measure: FileMeasure) -> VariableType {
        let plain = type(of: values)
        guard measure == .ordinal || measure == .nominal, plain == .continuous,
              values.allSatisfy({ $0.isNaN || ($0 == $0.rounded() && abs($0) < 1e9) }) else { return plain }
        return measure == .ordinal ? .ordinal : .categorical
    }

    /// The measurement level a file records (SPSS); .dta files have none.
    enum FileMeasure { case unknown, nominal, ordinal, scale }
}

/// Stata's `encode`: distinct texts sorted, numbered 1...k, the texts kept as value labels.
enum TextEncoding {
    static func encode(indices: [Int32], strings: [String]) -> (values: [Double], labels: [ValueLabel]) {
        let order = strings.indices.sorted { strings[$0] < strings[$1] }
        var codeOf = [Double](repeating: .nan, count: strings.count)
        var labels: [ValueLabel] = []
        labels.reserveCapacity(strings.count)
        for (rank, k) in order.enumerated() {
            codeOf[k] = Double(rank + 1)
            labels.append(ValueLabel(code: Double(rank + 1), name: strings[k]))
        }
        return (indices.map { $0 < 0 ? .nan : codeOf[Int($0)] }, labels)
    }
}

extension String {
    /// True when the text holds a CJK ideograph, kana or hangul: such a label is the Chinese one.
    var containsCJK: Bool {
        unicodeScalars.contains { s in
            switch s.value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF,
                 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3000...0x303F, 0xFF00...0xFFEF:
                return true
            default:
                return false
            }
        }
    }
}

/// `TRUE`/`FALSE` (any case; R's `write.csv`, spreadsheets) in a CSV column read as 1/0, so the
/// column is binary rather than a two-level text factor. `0`/`1` may be mixed in; any other text
/// keeps the column text.
enum TruthValues {
    static func decode(indices: [Int32], strings: [String]) -> [Double]? {
        var sawWord = false
        var codeOf: [Double] = []
        codeOf.reserveCapacity(strings.count)
        for text in strings {
            switch text.trimmingBlanks().lowercased() {
            case "true": codeOf.append(1); sawWord = true
            case "false": codeOf.append(0); sawWord = true
            case "1": codeOf.append(1)
            case "0": codeOf.append(0)
            default: return nil
            }
        }
        guard sawWord else { return nil }
        return indices.map { $0 < 0 ? .nan : codeOf[Int($0)] }
    }
}

extension TextEncoding {
    /// For a text column most of whose cells look like numbers (`looksNumeric`): the first cell, in
    /// file order, that is not a plain number — `1,5`, `1e400`, `Inf`, a stray word. Nil for a
    /// genuinely textual column. One pass over the rows; each distinct text is classified once.
    static func firstNonNumericCell(indices: [Int32], strings: [String], firstLines: [Int],
                                    file: String) -> NonNumericCell? {
        guard !strings.isEmpty else { return nil }
        var numeric = [Bool](repeating: false, count: strings.count)
        var looking = [Bool](repeating: false, count: strings.count)
        var first: Int?
        for k in strings.indices {
            numeric[k] = parseNumber(strings[k]) != nil
            looking[k] = numeric[k] || looksNumeric(Substring(strings[k]))
            if !numeric[k], first.map({ firstLines[k] < firstLines[$0] }) ?? true { first = k }
        }
        guard let first else { return nil }
        var likeNumbers = 0, cells = 0
        for index in indices where index >= 0 {
            cells += 1
            if looking[Int(index)] { likeNumbers += 1 }
        }
        guard 2 * likeNumbers > cells else { return nil }
        return NonNumericCell(file: file, line: firstLines[first], value: strings[first])
    }
}
