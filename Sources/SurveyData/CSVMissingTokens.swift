/// The cell texts a CSV reader takes for a missing value (besides an empty cell, which always is):
/// by default R's and Stata's usual spellings `NA`, `N/A`, `n/a`, `.` and `NaN`; a codebook's
/// `"missing_tokens"` replaces the list. Compared byte for byte after trimming blanks, and only for
/// cells that did not read as a number, so the numeric fast path never pays for them.
public struct MissingTokens: Sendable, Equatable {
    public static let defaultTokens = ["NA", "N/A", "n/a", ".", "NaN"]
    public static let standard = MissingTokens(defaultTokens)

    /// At most 64 tokens: which ones a column met is kept as a bit mask.
    public static let maximumCount = 64

    public let tokens: [String]
    private let bytes: [[UInt8]]

    public init(_ tokens: [String]) {
        self.tokens = Array(tokens.prefix(Self.maximumCount))
        bytes = self.tokens.map { Array($0.utf8) }
    }

    /// The index of the token `field` spells (surrounding blanks ignored), or nil.
    @inline(__always)
    func match(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = field.baseAddress else { return nil }
        var start = 0, end = field.count
        while start < end, base[start] == 0x20 || base[start] == 0x09 { start += 1 }
        while end > start, base[end - 1] == 0x20 || base[end - 1] == 0x09 { end -= 1 }
        let length = end - start
        guard length > 0 else { return nil }
        for (k, token) in bytes.enumerated() where token.count == length {
            var same = true
            for j in 0..<length where token[j] != base[start + j] { same = false; break }
            if same { return k }
        }
        return nil
    }

    /// The tokens whose bits are set in `mask`, in list order.
    func names(in mask: UInt64) -> [String] {
        tokens.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { tokens[$0] }
    }
}
