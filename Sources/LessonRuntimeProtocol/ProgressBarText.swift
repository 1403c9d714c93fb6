/// How a ``ProgressUpdate`` reads as text: the same bar on the terminal's status line while a cell runs and in the
/// final line a finished `ProgressBar` leaves in the cell's output.
public enum ProgressBarText {
    /// The bar's width in characters in a cell's output (the status line's is shorter).
    public static let width = 20

    /// "training PixelCNN ▕████████▍           ▏ 12/30 epochs": counts only, no times, so the same work always gives
    /// the same text.
    public static func line(_ update: ProgressUpdate, width: Int = width) -> String {
        let counts = "\(update.completed)/\(update.total)" + (update.unit.isEmpty ? "" : " \(update.unit)")
        return (update.label.isEmpty ? "" : update.label + " ") + "▕" + bar(update, width: width) + "▏ " + counts
    }

    /// The bar alone, `width` characters: full blocks, one partial block in eighths, then spaces.
    public static func bar(_ update: ProgressUpdate, width: Int = width) -> String {
        let eighths = update.completed * width * 8 / update.total
        let full = eighths / 8, partial = eighths % 8
        let partialBlocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var text = String(repeating: "█", count: full)
        if partial > 0 { text.append(partialBlocks[partial - 1]) }
        return text + String(repeating: " ", count: width - text.count)
    }
}
