/// Names of the files a running lesson writes for each cell inside the output directory.
public enum CellFileNames {
    /// Standard output of cell `index` (0-based).
    public static func standardOutput(cell index: Int) -> String { "cell-\(index).stdout" }
    /// Standard error of cell `index` (0-based).
    public static func standardError(cell index: Int) -> String { "cell-\(index).stderr" }
    /// Display records (JSON lines) of cell `index` (0-based).
    public static func displays(cell index: Int) -> String { "cell-\(index).display" }
    /// Output written before the first cell starts (runtime start-up problems).
    public static let preludeOutput = "prelude.stdout"
    /// Error output written before the first cell starts.
    public static let preludeError = "prelude.stderr"
}
