/// Guesses what a variable is when no codebook says: {0,1} → binary, otherwise continuous (text
/// columns are categorical and handled by `TextEncoding`).
enum TypeInference {
    static func type(of values: [Double]) -> VariableType {
        var sawValue = false
        for v in values where !v.isNaN {
            if v != 0 && v != 1 { return .continuous }
            sawValue = true
        }
        return sawValue ? .binary : .continuous
    }

    /// Binary when every labelled code and every value is 0/1, categorical otherwise.
    static func labelledType(values: [Double], labels: [ValueLabel]) -> VariableType {
        let codesBinary = labels.allSatisfy { $0.code == 0 || $0.code == 1 }
        return codesBinary && type(of: values) != .continuous ? .binary : .categorical
    }
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
