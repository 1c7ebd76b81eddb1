import Reports

/// What a view shows: styled lines for the screen and the tables `x` exports.
public struct ViewContent: Sendable {
    public var lines: [StyledLine]
    public var tables: [Table]
    public init(lines: [StyledLine] = [], tables: [Table] = []) { self.lines = lines; self.tables = tables }

    static func message(_ text: String, style: CellStyle = .dim) -> ViewContent {
        ViewContent(lines: [StyledLine(text, style: style)])
    }
}
