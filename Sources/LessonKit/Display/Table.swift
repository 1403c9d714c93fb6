public import LessonRuntimeProtocol

/// A table of values with named columns, shown as an HTML table in the lesson.
///
/// ```swift
/// show(Table(["n", "accuracy"], rows: [[100, 0.81], [1000, 0.93]]))
/// ```
/// Numbers are formatted with ``TableCellFormat`` (`Double` with 4 significant digits by default).
public struct Table: Displayable, Sendable {
    /// Column headings.
    public var columns: [String]
    /// Rows of formatted cells; each row has `columns.count` cells.
    public var rows: [[String]]

    /// Creates a table; each value is formatted with `format`.
    /// - Precondition: every row has as many values as there are columns.
    public init(_ columns: [String], rows: [[Any]], format: TableCellFormat = .init()) {
        self.columns = columns
        self.rows = rows.enumerated().map { index, row in
            precondition(
                row.count == columns.count,
                "Table row \(index) has \(row.count) values but there are \(columns.count) columns")
            return row.map { format.string(for: $0) }
        }
    }

    /// The table as HTML, for the runner.
    public var displayRecord: DisplayRecord {
        DisplayRecord(kind: .table, columns: columns, rows: rows)
    }
}
