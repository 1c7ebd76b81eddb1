#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one CSV field holds once read as a number.
enum NumericField {
    case value(Double)
    case missing
    case text

    var isMissing: Bool { if case .missing = self { return true } else { return false } }
}

/// Exact powers of ten up to 1e22: every one is representable as a Double, which is what makes the
/// fast path below correctly rounded (Clinger's method).
let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

private let space: UInt8 = 0x20, tab: UInt8 = 0x09, plus: UInt8 = 0x2B, minus: UInt8 = 0x2D
private let dot: UInt8 = 0x2E, zero: UInt8 = 0x30, letterE: UInt8 = 0x65, letterUpperE: UInt8 = 0x45

/// Reads a CSV field as a number without making a String. Accepts plain decimals with optional sign,
/// fraction and exponent (surrounding blanks ignored); an empty field is missing; anything else
/// (including `inf`, `nan`, hex, a decimal comma) is text — the CSV reader then checks it against
/// the missing tokens (`MissingTokens`: `NA`, `.`, `NaN`… by default). Plain decimals with at most 19 significant digits and
/// a small exponent are converted exactly by one multiply/divide; the rest go to `strtod`, which the
/// grammar check above guarantees only ever sees a well-formed decimal.
@inline(__always)
func parseNumericField(_ field: UnsafeBufferPointer<UInt8>) -> NumericField {
    guard let base = field.baseAddress else { return .missing }
    var start = 0, end = field.count
    while start < end, base[start] == space || base[start] == tab { start += 1 }
    while end > start, base[end - 1] == space || base[end - 1] == tab { end -= 1 }
    let length = end - start
    if length == 0 { return .missing }

    var i = start
    var negative = false
    if base[i] == plus || base[i] == minus {
        negative = base[i] == minus
        i += 1
    }
    var mantissa: UInt64 = 0
    var significantDigits = 0
    var digitCount = 0
    var exponent = 0
    var exact = true
    while i < end {
        let d = base[i] &- zero
        if d > 9 { break }
        if mantissa == 0 && d == 0 {
            // Leading zeros carry no information.
        } else if significantDigits < 19 {
            mantissa = mantissa &* 10 &+ UInt64(d)
            significantDigits += 1
        } else {
            exponent += 1
            if d != 0 { exact = false }
        }
        digitCount += 1
        i += 1
    }
    if i < end, base[i] == dot {
        i += 1
        while i < end {
            let d = base[i] &- zero
            if d > 9 { break }
            if mantissa == 0 && d == 0 {
                exponent -= 1
            } else if significantDigits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                significantDigits += 1
                exponent -= 1
            } else if d != 0 {
                exact = false
            }
            digitCount += 1
            i += 1
        }
    }
    if digitCount == 0 { return .text }
    if i < end, base[i] == letterE || base[i] == letterUpperE {
        i += 1
        var exponentNegative = false
        if i < end, base[i] == plus || base[i] == minus {
            exponentNegative = base[i] == minus
            i += 1
        }
        var written = 0, exponentDigits = 0
        while i < end {
            let d = base[i] &- zero
            if d > 9 { break }
            if written < 100_000 { written = written * 10 + Int(d) }
            exponentDigits += 1
            i += 1
        }
        if exponentDigits == 0 { return .text }
        exponent += exponentNegative ? -written : written
    }
    if i != end { return .text }

    if mantissa == 0 { return .value(negative ? -0.0 : 0.0) }
    if exact, mantissa <= (UInt64(1) << 53), exponent >= -22, exponent <= 22 {
        var v = Double(mantissa)
        if exponent < 0 { v /= exactPowersOfTen[-exponent] } else { v *= exactPowersOfTen[exponent] }
        return .value(negative ? -v : v)
    }
    let v = parseWithStrtod(UnsafeBufferPointer(start: base + start, count: length))
    // Overflow to ±inf is not a usable survey value; keep it as text so the user sees it.
    return v.isFinite ? .value(v) : .text
}

/// `strtod` on a NUL-terminated copy (fields are not NUL-terminated in the file buffer).
private func parseWithStrtod(_ text: UnsafeBufferPointer<UInt8>) -> Double {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 1) { buffer in
        for k in 0..<text.count { buffer[k] = CChar(bitPattern: text[k]) }
        buffer[text.count] = 0
        return strtod(buffer.baseAddress!, nil)
    }
}

/// Whether a field that is not a number still looks like one a user meant (`1,5`, `1e400`, `0x10`,
/// `-inf`, `NaN`): it starts with a digit, or a sign or point and a digit, or reads as inf/nan.
/// Decides whether a text column is "mostly numeric" (then a note names its first offending cell).
func looksNumeric(_ text: Substring) -> Bool {
    var scalars = text.unicodeScalars.drop { $0 == " " || $0 == "\t" }
    if let first = scalars.first, first == "+" || first == "-" { scalars = scalars.dropFirst() }
    if let first = scalars.first, first == "." { scalars = scalars.dropFirst() }
    guard let first = scalars.first else { return false }
    if ("0"..."9").contains(first) { return true }
    let word = String(String.UnicodeScalarView(scalars.prefix(8))).lowercased()
    return word.hasPrefix("inf") || word == "nan"
}

/// Parses a whole Swift string the same way (used for codebook-mapped text and filters).
func parseNumber(_ text: String) -> Double? {
    var copy = text
    return copy.withUTF8 { bytes -> Double? in
        if case let .value(v) = parseNumericField(bytes) { return v }
        return nil
    }
}
