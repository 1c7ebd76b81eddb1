import Foundation
import Testing
@testable import SurveyData

@Suite struct CSVReaderTests {
    @Test func readsNumericColumnsAndMissingTokens() throws {
        let d = try loadCSV("a,b,c\n1,2.5,-3e2\n,NA,.\n 4 ,+0.125,1E-3\n")
        #expect(d.rowCount == 3)
        #expect(d.variableNames == ["a", "b", "c"])
        #expect(sameValues(d.column("a")!.values, [1, .nan, 4]))
        #expect(sameValues(d.column("b")!.values, [2.5, .nan, 0.125]))
        #expect(sameValues(d.column("c")!.values, [-300, .nan, 0.001]))
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let text = "id,comment,score\n1,\"hello, world\",\"3\"\n2,\"she said \"\"hi\"\"\",4\n3,\"two\nlines\",5\n"
        let d = try loadCSV(text)
        #expect(d.rowCount == 3)
        #expect(sameValues(d.column("score")!.values, [3, 4, 5]))
        let info = try #require(d.info("comment"))
        #expect(info.type == .categorical)
        // Sorted like Stata's encode: codes 1...k in the strings' order.
        #expect(info.values.map(\.name) == ["hello, world", "she said \"hi\"", "two\nlines"])
        #expect(sameValues(d.column("comment")!.values, [1, 2, 3]))
    }

    @Test func crlfAndByteOrderMark() throws {
        let d = try loadCSV("\u{FEFF}x,y\r\n1,2\r\n3,4\r\n")
        #expect(d.variableNames == ["x", "y"])
        #expect(sameValues(d.column("y")!.values, [2, 4]))
    }

    @Test func lastLineWithoutNewlineAndBlankLines() throws {
        let d = try loadCSV("x,y\n1,2\n\n3,4")
        #expect(sameValues(d.column("x")!.values, [1, 3]))
    }

    @Test func chineseTextBecomesCategorical() throws {
        let d = try loadCSV("城市,收入\n大连,100\n沈阳,200\n大连,\n")
        let info = try #require(d.info("城市"))
        #expect(info.type == .categorical)
        #expect(info.values.map(\.name) == ["大连", "沈阳"].sorted())
        let dalian = try #require(info.code(forLabel: "大连"))
        let values = d.column("城市")!.values
        #expect(values[0] == dalian && values[2] == dalian && values[1] != dalian)
        #expect(sameValues(d.column("收入")!.values, [100, 200, .nan]))
    }

    /// A column that looks numeric for a while and then holds text is text throughout (as `encode`
    /// sees it): the earlier numbers become labels too.
    @Test func columnTurningToTextLate() throws {
        let d = try loadCSV("v,w\n2,1\n10,1\n,0\nb,1\n2,0\n")
        let info = try #require(d.info("v"))
        #expect(info.type == .categorical)
        #expect(info.values.map(\.name) == ["10", "2", "b"])
        #expect(sameValues(d.column("v")!.values, [2, 1, .nan, 3, 2]))
        #expect(d.info("w")?.type == .binary)
    }

    @Test func inferenceIsMarked() throws {
        let d = try loadCSV("bin,cont,txt\n0,1.5,a\n1,2,b\n,3,\n")
        #expect(d.codebook.inferred)
        #expect(d.notes.contains(Codebook.inferredNote))
        #expect(d.info("bin")?.type == .binary)
        #expect(d.info("cont")?.type == .continuous)
        #expect(d.info("txt")?.type == .categorical)
    }

    @Test func headerOnlyGivesEmptyDataset() throws {
        let d = try loadCSV("a,b\n")
        #expect(d.rowCount == 0 && d.variableNames == ["a", "b"])
    }

    @Test func oneColumnKeepsEmptyLinesAsMissing() throws {
        let d = try loadCSV("a\n1\n\n3\n")
        #expect(sameValues(d.column("a")!.values, [1, .nan, 3]))
    }

    // MARK: errors, one line each, naming file and line

    @Test func raggedRow() {
        #expect(throws: SurveyDataError.csv(file: "t.csv", line: 3, message: "expected 3 fields, got 2")) {
            try loadCSV("a,b,c\n1,2,3\n4,5\n")
        }
        #expect(throws: SurveyDataError.csv(file: "t.csv", line: 2, message: "expected 2 fields, got 4")) {
            try loadCSV("a,b\n1,2,3,4\n")
        }
    }

    @Test func unterminatedQuoteNamesTheLineWhereItOpened() {
        #expect(throws: SurveyDataError.csv(file: "t.csv", line: 3,
                                            message: "unterminated quoted field (the quote opens on this line)")) {
            try loadCSV("a,b\n1,2\n3,\"open\n4,5\n6,7\n")
        }
    }

    @Test func textAfterClosingQuote() {
        #expect(throws: SurveyDataError.csv(file: "t.csv", line: 2,
                                            message: "unexpected text after the closing quote of field 2")) {
            try loadCSV("a,b\n1,\"x\"y\n")
        }
    }

    @Test func invalidUTF8() {
        var bytes = Array("a,b\n1,ok\n2,".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        #expect(throws: SurveyDataError.csv(file: "t.csv", line: 3, message: "invalid UTF-8 in column 'b'")) {
            try CSVLoader.load(bytes: bytes, name: "t.csv")
        }
    }

    @Test func emptyFileAndHeaderProblems() {
        #expect(throws: SurveyDataError.csv(file: "t.csv", line: 1, message: "empty file: no header row")) {
            try loadCSV("")
        }
        #expect(throws: SurveyDataError.csv(file: "t.csv", line: 1, message: "empty file: no header row")) {
            try loadCSV("\u{FEFF}\n\n")
        }
        #expect(throws: SurveyDataError.csv(file: "t.csv", line: 1, message: "column 2 has an empty name")) {
            try loadCSV("a,,c\n1,2,3\n")
        }
        #expect(throws: SurveyDataError.csv(file: "t.csv", line: 1, message: "duplicate column name 'a'")) {
            try loadCSV("a,b,a\n1,2,3\n")
        }
    }

    @Test func fileNotFound() {
        #expect(throws: SurveyDataError.fileNotFound("/nonexistent/x.csv")) {
            try DatasetLoader.load(path: "/nonexistent/x.csv")
        }
        #expect(throws: SurveyDataError.unsupportedFormat("data.xlsx")) {
            try DatasetLoader.load(path: "data.xlsx")
        }
    }

    @Test func loadsFromDiskThroughTheLoader() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/survey.csv"
        try "x,y\n1,a\n2,b\n".write(toFile: path, atomically: true, encoding: .utf8)
        let d = try DatasetLoader.load(path: path)
        #expect(d.name == "survey" && d.source == path && d.rowCount == 2)
    }

    @Test func invalidUTF8InTheHeader() {
        let bytes = Array("a,".utf8) + [0xFF, 0x0A] + Array("1,2\n".utf8)
        #expect(throws: SurveyDataError.csv(file: "t.csv", line: 1, message: "invalid UTF-8 in the name of column 2")) {
            try CSVLoader.load(bytes: bytes, name: "t.csv")
        }
    }

    @Test func lineNumbersCountLineBreaksInsideQuotes() {
        #expect(throws: SurveyDataError.csv(file: "t.csv", line: 5, message: "expected 2 fields, got 1")) {
            try loadCSV("a,b\n1,\"x\ny\nz\"\n7\n")
        }
    }

    @Test func writerQuotesAwkwardNames() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = Dataset(name: "q", columns: [Column(name: "a,b", values: [1.5, .nan]), Column(name: "say \"x\"", values: [-2, 1e-7])],
                        codebook: Codebook(dataset: "q", variables: []))
        try CSVWriter.write(d, to: dir + "/q.csv", withCodebook: false)
        let text = try String(contentsOfFile: dir + "/q.csv", encoding: .utf8)
        #expect(text == "\"a,b\",\"say \"\"x\"\"\"\n1.5,-2\n,1e-07\n")
        let back = try DatasetLoader.load(path: dir + "/q.csv")
        #expect(back.variableNames == ["a,b", "say \"x\""])
        #expect(sameValues(back.column("say \"x\"")!.values, [-2, 1e-7]))
    }
}
