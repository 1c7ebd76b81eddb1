import Foundation
import Testing
@_spi(Fuzzing) @testable import SurveyData

/// CSV reading as careful users expect (issue 13): missing tokens, columns that turn to text
/// because of one bad cell (named), other delimiters, CR-only line ends, TRUE/FALSE.
struct CSVCarefulReadingTests {
    private func load(_ text: String, codebook: Codebook? = nil) throws -> Dataset {
        try CSVLoader.load(bytes: Array(text.utf8), name: "t.csv", codebook: codebook)
    }

    private func values(_ data: Dataset, _ name: String) -> [Double] { data.column(name)?.values ?? [] }

    @Test(arguments: ["NA", "N/A", "n/a", ".", "NaN", "", " NA "])
    func usualMissingTokensAreMissingInANumericColumn(token: String) throws {
        let data = try load("x,y\n1,2\n\(token),3\n2.5,4\n")
        let x = values(data, "x")
        #expect(x.count == 3 && x[0] == 1 && x[1].isNaN && x[2] == 2.5)
        #expect(data.info("x")?.type == .continuous)
        #expect(data.info("x")?.nonNumericCell == nil)
        let noted = data.notes.contains { $0.hasPrefix("'x': 1 cell") && $0.contains("read as missing") }
        // An empty cell is simply missing; the tokens are counted in a note.
        let blank = token.allSatisfy { $0 == " " }
        #expect(noted == !blank, "\(data.notes)")
    }

    @Test func missingTokensAreCountedPerColumnWithTheirSpellings() throws {
        let data = try load("x,y\nNA,1\nn/a,2\n3,NaN\nNA,4\n")
        #expect(data.notes.contains("'x': 3 cells ('NA', 'n/a') read as missing"), "\(data.notes)")
        #expect(data.notes.contains("'y': 1 cell ('NaN') read as missing"), "\(data.notes)")
    }

    @Test func codebookMissingTokensReplaceTheDefaults() throws {
        let codebook = Codebook(dataset: "t", variables: [VariableInfo(name: "x", type: .continuous)])
        var custom = codebook
        custom.missingTokens = ["-", "missing"]
        let data = try load("x\n1\n-\nmissing\n4\n", codebook: custom)
        #expect(values(data, "x").map(\.isNaN) == [false, true, true, false])
        // `NA` is no longer a token: a continuous column holding it is an error naming the cell.
        #expect(throws: SurveyDataError.self) { try load("x\n1\nNA\n", codebook: custom) }
    }

    @Test func codebookMissingTokensAreDecodedAndChecked() throws {
        let json = #"{"variables": [{"name": "x", "type": "continuous"}], "missing_tokens": ["-99", "?"]}"#
        let codebook = try JSONDecoder().decode(Codebook.self, from: Data(json.utf8))
        #expect(codebook.missingTokens == ["-99", "?"])
        var empty = codebook
        empty.missingTokens = [" "]
        #expect { try load("x\n1\n", codebook: empty) } throws: { "\($0)".contains("missing_tokens holds an empty string") }
    }

    /// The sweep's bad cells: each turns a numeric column to text, and a note names the column,
    /// the first offending line and the value.
    @Test(arguments: ["1e400", "Inf", "-inf", "0x10", "1,5", "1,234", "oops", "nan"])
    func oneBadCellMakesTheColumnTextAndIsNamed(cell: String) throws {
        var rows = (1...20).map { "\($0),\($0 % 2)" }
        rows[6] = "\"\(cell)\",1"
        let data = try load("x,g\n" + rows.joined(separator: "\n") + "\n")
        let info = try #require(data.info("x"))
        #expect(info.type == .categorical)
        #expect(info.nonNumericCell == NonNumericCell(file: "t.csv", line: 8, value: cell))
        #expect(data.notes.contains("'x' read as text: line 8 holds '\(cell)', not a number"), "\(data.notes)")
    }

    @Test func aTextualColumnGetsNoNote() throws {
        let data = try load("name,x\nann,1\nbob,2\n12,3\n")
        #expect(data.info("name")?.nonNumericCell == nil)
        #expect(data.notes.allSatisfy { !$0.contains("read as text") })
    }

    @Test func decimalCommaColumnsAreNamedEvenWhenNoCellParses() throws {
        let data = try load("x;y\n1,5;2\n2,25;3\n")
        #expect(data.info("x")?.nonNumericCell?.value == "1,5")
        #expect(data.notes.contains("fields are separated by ';' (detected from the header)"))
    }

    @Test(arguments: [("a;b;c\n1;2;3\n4;5;6\n", "';'"), ("a\tb\tc\n1\t2\t3\n4\t5\t6\n", "tab")])
    func semicolonAndTabDelimitersAreDetected(text: String, name: String) throws {
        let data = try load(text)
        #expect(data.variableNames == ["a", "b", "c"])
        #expect(values(data, "c") == [3, 6])
        #expect(data.notes.contains("fields are separated by \(name) (detected from the header)"))
    }

    @Test func aCommaHeaderStaysCommaSeparatedWhateverTheCellsHold() throws {
        let data = try load("a,b\n\"x;y\",1\n")
        #expect(data.variableNames == ["a", "b"])
    }

    @Test func carriageReturnOnlyLineEndsAreRead() throws {
        let data = try load("y,x\r1,2\r3,4\r5,6\r")
        #expect(data.rowCount == 3)
        #expect(values(data, "x") == [2, 4, 6])
        #expect(data.notes.contains("lines end in CR alone (classic Mac line ends)"))
        // CRLF files are unaffected.
        let crlf = try load("y,x\r\n1,2\r\n3,4\r\n")
        #expect(crlf.rowCount == 2 && !crlf.notes.contains { $0.contains("CR alone") })
    }

    @Test(arguments: ["TRUE,FALSE,true,False", "true,false,1,0", "T,FALSE"])
    func truthValuesAreBinary(cells: String) throws {
        let list = cells.split(separator: ",").map(String.init)
        let data = try load("y,x\n" + list.enumerated().map { "\($1),\($0)" }.joined(separator: "\n") + "\n")
        if list.contains("T") {
            #expect(data.info("y")?.type == .categorical) // only TRUE/FALSE/1/0 are truth values
            return
        }
        #expect(data.info("y")?.type == .binary)
        #expect(values(data, "y") == list.map { ["true", "1"].contains($0.lowercased()) ? 1 : 0 })
    }

    @Test func truthValuesWithMissingCells() throws {
        let data = try load("y,x\nTRUE,1\nNA,2\nFALSE,3\n")
        let y = values(data, "y")
        #expect(y[0] == 1 && y[1].isNaN && y[2] == 0)
    }

    @Test func aNaNWeightIsMissingNotACategory() throws {
        let rows = (0..<400).map { "\($0 % 3),\($0 == 17 ? "NaN" : "2")" }
        let data = try load("y,w\n" + rows.joined(separator: "\n") + "\n")
        #expect(data.info("w")?.type == .continuous)
        #expect(values(data, "w").filter(\.isNaN).count == 1)
        #expect(values(data, "w").filter { $0 == 2 }.count == 399)
    }

    @Test func duplicateValueCodesInACodebookAreAnError() throws {
        let codebook = Codebook(dataset: "t", variables: [VariableInfo(name: "g", type: .categorical, values: [
            ValueLabel(code: 1, name: "a"), ValueLabel(code: 2, name: "b"), ValueLabel(code: 1, name: "c"),
        ])])
        #expect { try load("g\n1\n2\n", codebook: codebook) } throws: {
            "\($0)" == "t.csv.codebook.json: codebook: variable 'g': value code 1 is listed twice"
        }
    }

    @Test func multiChunkReadingAgreesOnTokensAndNotes() throws {
        var text = "x,y\n"
        for i in 0..<2000 { text += i % 97 == 0 ? "NA,\(i)\n" : i == 1500 ? "1,5,\(i)\n" : "\(i),\(i)\n" }
        text = text.replacingOccurrences(of: "1,5,1500", with: "\"1,5\",1500")
        let one = try CSVLoader.load(bytes: Array(text.utf8), name: "t.csv", chunks: 1)
        let four = try CSVLoader.load(bytes: Array(text.utf8), name: "t.csv", chunks: 4)
        #expect(one.notes == four.notes)
        #expect(one.info("x")?.nonNumericCell == four.info("x")?.nonNumericCell)
        #expect(one.info("x")?.nonNumericCell?.line == 1502)
        #expect(one.notes.contains { $0.hasPrefix("'x': 21 cells ('NA')") }, "\(one.notes)")
    }

    /// 100,000 distinct texts: describing them must not be quadratic (it took 15.7 s).
    @Test(.timeLimit(.minutes(1))) func valueLabelLookupIsConstantForEncodedColumns() throws {
        let labels = (1...100_000).map { ValueLabel(code: Double($0), name: "v\($0)") }
        let info = VariableInfo(name: "t", type: .categorical, values: labels)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for code in 1...100_000 { _ = info.valueLabel(for: Double(code)) }
        }
        #expect(elapsed < .seconds(2), "\(elapsed)")
        #expect(info.valueLabel(for: 77)?.name == "v77")
        #expect(info.valueLabel(for: 0) == nil)
    }
}
