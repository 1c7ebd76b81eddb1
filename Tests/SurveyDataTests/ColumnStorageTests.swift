import Foundation
import Testing
@testable import SurveyData

/// Issue 18: compact columns. Every value comes back bit for bit (missing values with their NaN
/// payloads, -0.0), whichever form a column gets; the readers the fit uses (row copies,
/// indicators, the missing rows) agree with the plain form.
@Suite struct ColumnStorageTests {
    /// 200 values from `make`, with a missing value of each kind and a -0.0 sprinkled in.
    static func column(_ make: (Int) -> Double) -> [Double] {
        (0..<200).map { i in
            switch i {
            case 7: return .nan
            case 50: return MissingKind.extended(1).value
            case 99: return MissingKind.userMissing(999)
            case 150: return -0.0
            default: return make(i)
            }
        }
    }

    static func form(_ s: ColumnStorage) -> String {
        switch s {
        case .doubles: return "doubles"
        case .int8: return "int8"
        case .int16: return "int16"
        case let .scaled16(_, divisor, _): return "scaled16 \(Int(divisor))"
        case let .scaled(_, divisor, _): return "scaled \(Int(divisor))"
        }
    }

    /// A column shape, the form it should get, and its i-th value.
    enum Shape: String, CaseIterable, Sendable {
        case binary, codes, years, threeDecimals, wideThreeDecimals, largeIntegers, tooManyDecimals, beyondInt32
        /// 1e6 fits with no decimals but not with the four that 0.0001 needs.
        case overflowAtTheFinalScale

        var expected: String {
            switch self {
            case .binary, .codes: return "int8"
            case .years: return "int16"
            case .threeDecimals: return "scaled16 1000"
            case .wideThreeDecimals: return "scaled 1000"
            case .largeIntegers: return "scaled 1"
            case .tooManyDecimals, .beyondInt32, .overflowAtTheFinalScale: return "doubles"
            }
        }

        func value(_ i: Int) -> Double {
            let x = Double(i)
            switch self {
            case .binary: return Double(i % 2)
            case .codes: return Double(i % 7 - 3)
            case .years: return 1950 + x
            case .threeDecimals: return Double(137 * i - 5000) / 1000  // as the CSV reader parses "-4.863"
            case .wideThreeDecimals: return Double(1371 * i - 50000) / 1000
            case .largeIntegers: return x * 1_000_000
            case .tooManyDecimals: return x / 3
            case .beyondInt32: return x * 1e10
            case .overflowAtTheFinalScale: return i == 0 ? 0.0001 : 1_000_000
            }
        }
    }

    @Test(arguments: Shape.allCases)
    func valuesComeBackBitForBit(_ shape: Shape) {
        let what = shape.rawValue, expected = shape.expected
        let plain = Self.column(shape.value)
        let storage = ColumnStorage.compacting(plain)
        #expect(Self.form(storage) == expected, "\(what)")
        let back = storage.doubles
        #expect(back.count == plain.count)
        #expect(zip(back, plain).allSatisfy { $0.bitPattern == $1.bitPattern }, "\(what)")
        #expect((0..<plain.count).allSatisfy { storage[$0].bitPattern == plain[$0].bitPattern }, "\(what)")
        // Row copies and indicators as the design matrix reads them.
        let rows = stride(from: 0, to: plain.count, by: 3).map { $0 }
        var copied = [Double](repeating: 1, count: rows.count)
        copied.withUnsafeMutableBufferPointer { storage.copy(rows: rows, into: $0.baseAddress!) }
        #expect(zip(copied, rows.map { plain[$0] }).allSatisfy { $0.bitPattern == $1.bitPattern }, "\(what)")
        for level in [plain[1], plain[2], 0.0, -0.0, 0.5, 1e300] {
            var got = [Double](repeating: 7, count: plain.count)
            got.withUnsafeMutableBufferPointer { storage.indicator(level, rows: nil, into: $0.baseAddress!) }
            #expect(got == plain.map { $0 == level ? 1 : 0 }, "\(what) level \(level)")
        }
        let missing = storage.nanRows.map { Set($0) } ?? Set(plain.indices.filter { plain[$0].isNaN })
        #expect(missing == Set([7, 50, 99]))
        #expect(storage.isZeroOne == plain.allSatisfy { $0 == 0 || $0 == 1 })
    }

    @Test func compactFormsAreSmaller() {
        let binary = ColumnStorage.compacting((0..<10_000).map { Double($0 % 2) })
        #expect(binary.byteCount < 10_000 * 2)
        let decimals = ColumnStorage.compacting((0..<10_000).map { Double($0) / 1000 })
        #expect(decimals.byteCount <= 10_000 * 4 + 64)
        let small = ColumnStorage.compacting((0..<10_000).map { Double($0 % 3000) / 1000 })
        #expect(small.byteCount <= 10_000 * 2 + 64)
    }

    @Test func shortColumnsStayPlain() {
        #expect(Self.form(.compacting([0, 1, 1, 0])) == "doubles")
    }

    @Test func aLoadedCSVIsCompactAndItsSubsetsToo() throws {
        var text = "id,x,y,g\n"
        for i in 0..<300 { text += "\(i),\(Double(i) * 0.25),\(i % 10 == 0 ? "" : String(i % 2)),\(i % 4 + 1)\n" }
        let data = try CSVLoader.load(bytes: Array(text.utf8), name: "t")
        for name in ["id", "x", "y", "g"] {
            let column = try #require(data.column(name))
            #expect(Self.form(column.storage) != "doubles", "\(name): \(Self.form(column.storage)) \(column.prefix(8))")
        }
        #expect(data.column("x")?[5] == 1.25)
        #expect(data.column("y")?[10].isNaN == true && data.column("y")?[4] == 0)
        let mask = (0..<300).map { $0 % 2 == 1 }
        let half = data.subset(mask)
        #expect(half.rowCount == 150)
        let odd: [Double] = (0..<300).filter { $0 % 2 == 1 }.map { Double($0) * 0.25 }
        #expect(half.column("x")?.values == odd)
        #expect(Self.form(half.column("g")!.storage) == "int8")
    }

    @Test func columnsCompareByValue() {
        let values = (0..<100).map { Double($0) }
        #expect(Column(name: "a", values: values) == Column(name: "a", values: values).compacted())
        #expect(Column(name: "a", values: values) != Column(name: "b", values: values))
    }
}
