/// Writes a dataset as CSV (codes for categorical variables, empty fields for missing values) and,
/// unless told otherwise, its codebook as `NAME.codebook.json` beside it — so labels survive a
/// round trip through `CSVLoader`. Both atomically.
public enum CSVWriter {
    public static func write(_ dataset: Dataset, to path: String, withCodebook: Bool = true) throws {
        var out: [UInt8] = []
        out.reserveCapacity(dataset.rowCount * max(1, dataset.columns.count) * 8 + 256)
        appendRecord(dataset.columns.map(\.name), to: &out)
        let columns = dataset.columns.map(\.values)
        for row in 0..<dataset.rowCount {
            for k in columns.indices {
                if k > 0 { out.append(0x2C) }
                let v = columns[k][row]
                if !v.isNaN { out.append(contentsOf: formatNumber(v).utf8) }
            }
            out.append(0x0A)
        }
        try AtomicFile.write(out, to: path)
        if withCodebook {
            var codebook = dataset.codebook
            if codebook.dataset.isEmpty { codebook.dataset = dataset.name }
            try CodebookFile.write(codebook, to: CodebookFile.sidecarPath(forDataAt: path))
        }
    }

    /// Integers without a decimal point; others in Swift's shortest round-trip form.
    static func formatNumber(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }

    private static func appendRecord(_ fields: [String], to out: inout [UInt8]) {
        for (k, field) in fields.enumerated() {
            if k > 0 { out.append(0x2C) }
            let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if needsQuotes {
                out.append(0x22)
                for byte in field.utf8 {
                    out.append(byte)
                    if byte == 0x22 { out.append(0x22) }
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: field.utf8)
            }
        }
        out.append(0x0A)
    }
}
