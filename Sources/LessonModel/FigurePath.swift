/// Where a cell's figures live: `figures/<lesson>/<cell id>-<n>.svg`, relative to the lesson's folder.
public enum FigurePath {
    /// The folder of a lesson's figures, relative to the lesson's folder.
    public static func folder(lesson: String) -> String { "figures/\(lesson)" }

    /// The path of figure `number` (1-based) of cell `cellId`, relative to the lesson's folder.
    public static func relative(lesson: String, cellId: String, number: Int) -> String {
        "\(folder(lesson: lesson))/\(cellId)-\(number).svg"
    }
}
