/// A `Table` as JSON: `{"title", "headers": [[…]], "rows": [[…]], "notes": […]}` — the generic
/// form for describe and crosstab output (structured results add their own fields).
public enum TableJSON {
    public static func value(_ table: Table) -> JSONValue {
        .object([
            ("title", .string(table.title)),
            ("headers", .array(table.headers.map { .array(table.normalized($0).map { .string($0.text) }) })),
            ("rows", .array(table.rows.map { .array(table.normalized($0.cells).map { .string($0.text) }) })),
            ("notes", .array(table.notes.map { .string($0) })),
        ])
    }
}
