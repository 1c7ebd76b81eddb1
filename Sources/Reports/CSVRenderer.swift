import Foundation

/// CSV (RFC 4180 quoting: a field with a comma, quote, CR or LF is quoted, quotes doubled).
/// Data only — header rows then body rows; the title and notes belong to the other formats.
/// Lines end in LF, as R's and pandas' writers do on Unix.
public enum CSVRenderer {
    public static func render(_ table: Table) -> String {
        var lines: [String] = []
        for header in table.headers { lines.append(line(table.normalized(header).map(\.text))) }
        for row in table.rows { lines.append(line(table.normalized(row.cells).map(\.text))) }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",")
    }

    public static func quote(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
