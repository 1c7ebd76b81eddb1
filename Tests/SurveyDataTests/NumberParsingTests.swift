import Foundation
import Testing
@testable import SurveyData

/// The fast number path must agree bit for bit with the C library's correctly rounded `strtod`.
@Suite struct NumberParsingTests {
    private func parsed(_ text: String) -> NumericField {
        var copy = text
        return copy.withUTF8 { parseNumericField($0) }
    }

    @Test func agreesWithStrtod() {
        var generator = SystemRandomNumberGenerator()
        var samples = ["0", "-0", "0.1", "0.3", "1e22", "1e23", "9007199254740993", "123456789012345678901234",
                       "2.2250738585072014e-308", "4.9e-324", "1.7976931348623157e308", "0.000000000000000000001",
                       "3.14159265358979323846", ".5", "5.", "+7", "-12.75e-3", "00012", "1.0000000000000002"]
        for _ in 0..<20_000 {
            let mantissa = UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...60, using: &generator)
            let digits = String(mantissa)
            let cut = Int.random(in: 0...digits.count, using: &generator)
            var text = String(digits.prefix(cut)) + "." + String(digits.dropFirst(cut))
            if Bool.random(using: &generator) { text += "e\(Int.random(in: -30...30, using: &generator))" }
            if Bool.random(using: &generator) { text = "-" + text }
            samples.append(text)
        }
        for text in samples {
            let expected = strtod(text, nil)
            guard case let .value(v) = parsed(text) else {
                Issue.record("\(text) was not read as a number")
                continue
            }
            #expect(v.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test func missingAndText() {
        for text in ["", "  "] {
            guard case .missing = parsed(text) else { Issue.record("\(text) should be missing"); continue }
        }
        // Missing tokens are the CSV reader's business (`MissingTokens`), not the number parser's.
        for text in ["inf", "nan", "0x10", "1e", "--1", "1.2.3", "-", "e5", "1,5", "NaN", "1e999", "NA", "."] {
            guard case .text = parsed(text) else { Issue.record("\(text) should be text"); continue }
        }
    }

    @Test func missingTokensMatchTrimmedAndExactly() {
        func match(_ text: String, _ tokens: MissingTokens = .standard) -> Int? {
            Array(text.utf8).withUnsafeBufferPointer { tokens.match($0) }
        }
        for text in ["NA", " N/A", "n/a ", ".", "\tNaN", " . "] { #expect(match(text) != nil, "\(text)") }
        for text in ["na", "N.A.", "nan", "", " ", "NA1", "..", "Inf"] { #expect(match(text) == nil, "\(text)") }
        let custom = MissingTokens(["-9", "missing"])
        #expect(match("missing", custom) == 1)
        #expect(match("NA", custom) == nil)
    }

    /// The tokenizer's fused fast path for plain decimals must give the same bits as `strtod`.
    @Test func csvFastPathAgreesWithStrtod() throws {
        var generator = SystemRandomNumberGenerator()
        var fields: [String] = ["0", "-0", "1.", ".5", "-.25", "007", "9007199254740993", "12345678901234567890",
                                "0.1234567890123456789012", "1.0000000000000000000001", "3e5", "-1.5E-3", "2.50"]
        for _ in 0..<5_000 {
            let digits = String(UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator))
            let cut = Int.random(in: 0...digits.count, using: &generator)
            var text = cut == digits.count ? digits : String(digits.prefix(cut)) + "." + String(digits.dropFirst(cut))
            if Bool.random(using: &generator) { text = "-" + text }
            fields.append(text)
        }
        let csv = "x\n" + fields.joined(separator: "\r\n") + "\n"
        let values = try loadCSV(csv).column("x")!.values
        #expect(values.count == fields.count)
        for (text, value) in zip(fields, values) {
            #expect(value.bitPattern == strtod(text, nil).bitPattern, "\(text)")
        }
    }
}
