#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a delimited file is laid out, decided from its bytes before parsing: the field separator
/// (`,`; `;` or tab when the header holds no comma but those — European spreadsheets and `.tsv`
/// exports) and the missing tokens in force.
struct CSVFormat {
    var delimiter: UInt8 = 0x2C
    var missingTokens: MissingTokens = .standard

    static let comma: UInt8 = 0x2C, semicolon: UInt8 = 0x3B, tab: UInt8 = 0x09

    /// The separator of the header line: a comma when it has one (or has no separator at all),
    /// otherwise the more frequent of `;` and tab outside quotes.
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var commas = 0, semicolons = 0, tabs = 0
        var quoted = false
        for byte in bytes {
            if byte == 0x22 { quoted.toggle(); continue }
            if quoted { continue }
            if byte == 0x0A || byte == 0x0D { break }
            switch byte {
            case comma: commas += 1
            case semicolon: semicolons += 1
            case tab: tabs += 1
            default: break
            }
        }
        if commas > 0 || (semicolons == 0 && tabs == 0) { return comma }
        return tabs >= semicolons ? tab : semicolon
    }

    /// True when the input has carriage returns but no line feed: lines end in CR alone.
    static func hasOnlyCarriageReturns(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, 0x0A, bytes.count) == nil && memchr(base, 0x0D, bytes.count) != nil
    }

    /// How a separator is named in notes.
    static func name(of delimiter: UInt8) -> String {
        switch delimiter {
        case tab: return "tab"
        case semicolon: return "';'"
        default: return "','"
        }
    }
}
